//! The year's books: every yuan that enters a year's accounts and where it goes.
//!
//! The ledger has five accounts (sections). Each account's sources equal its uses to the fen; money
//! passed from one account to another appears as a use in the first and a source in the second, so the
//! whole ledger balances when every account does. Items are a closed enum with Chinese and English
//! labels, so no figure in the books is an unnamed string.

use rust_decimal::Decimal;

/// An account of the ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The resident medical-insurance fund of the county (城乡居民医保基金).
    InsuranceFund,
    /// The communities' insurance quota accounts, held by the lead hospitals (医共体医保额度).
    QuotaAccount,
    /// The communities' own pooled fund: special fund, retained surplus, quality money (医共体统筹资金).
    CommunityFund,
    /// Government budget lines to the community (财政).
    Fiscal,
    /// The member institutions' income and spending (成员单位收支).
    Institutions,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::InsuranceFund,
        Section::QuotaAccount,
        Section::CommunityFund,
        Section::Fiscal,
        Section::Institutions,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::InsuranceFund => "insurance_fund",
            Section::QuotaAccount => "quota_account",
            Section::CommunityFund => "community_fund",
            Section::Fiscal => "fiscal",
            Section::Institutions => "institutions",
        }
    }

    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Section::InsuranceFund => ("医保基金", "insurance fund"),
            Section::QuotaAccount => ("医共体医保额度账户", "community quota accounts"),
            Section::CommunityFund => ("医共体统筹资金", "community pooled fund"),
            Section::Fiscal => ("财政资金", "fiscal funds"),
            Section::Institutions => ("成员单位", "member institutions"),
        }
    }
}

/// Whether an item brings money into its account or takes it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Source,
    Use,
}

macro_rules! ledger_items {
    ($($variant:ident => $section:ident, $side:ident, $key:literal, $zh:literal, $en:literal;)*) => {
        /// A named line of the ledger.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Item { $($variant),* }

        impl Item {
            pub const ALL: &'static [Item] = &[$(Item::$variant),*];
            pub fn section(self) -> Section { match self { $(Item::$variant => Section::$section),* } }
            pub fn side(self) -> Side { match self { $(Item::$variant => Side::$side),* } }
            /// Stable key, unique within its section.
            pub fn key(self) -> &'static str { match self { $(Item::$variant => $key),* } }
            pub fn label(self) -> (&'static str, &'static str) { match self { $(Item::$variant => ($zh, $en)),* } }
        }
    };
}

ledger_items! {
    FinancingGovernment => InsuranceFund, Source, "financing_government", "财政补助筹资", "government financing";
    FinancingIndividual => InsuranceFund, Source, "financing_individual", "个人缴费筹资", "individual contributions";
    SurplusReturnedByCommunities => InsuranceFund, Source, "surplus_returned_by_communities", "医共体返还结余", "surplus returned by communities";
    ClearingRepaidToFund => InsuranceFund, Source, "year_end_clearing_repaid", "年终清算收回多预付额度", "prepaid beyond the quota, repaid at year end";
    FundBalanceDrawn => InsuranceFund, Source, "fund_balance_drawn", "动用基金累计结余", "drawn from the fund's balance";
    CriticalIllnessInsurance => InsuranceFund, Use, "critical_illness_insurance", "大病保险", "critical-illness insurance";
    QuotasPrepaid => InsuranceFund, Use, "quotas_prepaid", "按月预付医共体额度", "quotas prepaid monthly";
    ClearingPaidByFund => InsuranceFund, Use, "year_end_clearing_paid", "年终清算补付额度", "rest of the quota paid at year end";
    OverspendSharePaid => InsuranceFund, Use, "overspend_share_paid", "合理超支基金分担", "fund's share of overspend";
    QualityGuaranteeReturned => InsuranceFund, Use, "quality_guarantee_returned", "质量保证金考核返还", "quality guarantee returned";
    QualityGuaranteeWithheld => InsuranceFund, Use, "quality_guarantee_withheld", "质量保证金考核扣留", "quality guarantee withheld";
    RiskFundCarriedForward => InsuranceFund, Use, "risk_fund_carried_forward", "风险调剂金结转", "risk fund carried forward";
    FundClaimsVillage => InsuranceFund, Use, "claims_village", "村卫生室医保支付", "claims paid, village";
    FundClaimsTownship => InsuranceFund, Use, "claims_township", "乡镇卫生院医保支付", "claims paid, township";
    FundClaimsCounty => InsuranceFund, Use, "claims_county", "县级医院医保支付", "claims paid, county";
    FundClaimsOutside => InsuranceFund, Use, "claims_outside", "县域外就医医保支付", "claims paid, out of county";
    FundBalanceCarriedForward => InsuranceFund, Use, "fund_balance_carried_forward", "转入基金累计结余", "to the fund's balance";

    QuotaReceived => QuotaAccount, Source, "quota_prepayments_received", "收到按月预付额度", "monthly prepayments received";
    ClearingReceived => QuotaAccount, Source, "year_end_clearing_received", "年终清算补付", "rest of the quota received at year end";
    OverspendShareReceived => QuotaAccount, Source, "overspend_share_received", "基金分担超支", "fund's share of overspend received";
    QualityReturnedToPoints => QuotaAccount, Source, "quality_guarantee_into_points", "质量保证金返还(计入点值)", "quality guarantee returned, into the point value";
    OverspendCoveredByFund => QuotaAccount, Source, "overspend_covered_by_pooled_fund", "统筹资金储备弥补超支", "overspend met from the pooled reserve";
    OverspendChargedToMembers => QuotaAccount, Source, "overspend_charged_to_members", "成员单位分担超支", "overspend charged to members";
    ClearingRepaid => QuotaAccount, Use, "year_end_clearing_repaid", "年终清算退回多预付", "prepaid beyond the quota, repaid";
    MemberPaymentsVillage => QuotaAccount, Use, "paid_to_village_clinics", "支付村卫生室", "paid to village clinics";
    MemberPaymentsTownship => QuotaAccount, Use, "paid_to_township_centres", "支付乡镇卫生院", "paid to township centres";
    MemberPaymentsCounty => QuotaAccount, Use, "paid_to_county_hospitals", "支付县级医院", "paid to county hospitals";
    QuotaClaimsOutside => QuotaAccount, Use, "claims_outside", "县域外就医医保支付(从额度中支出)", "out-of-county claims paid from the quota";
    SurplusReturnedToFund => QuotaAccount, Use, "surplus_returned_to_fund", "结余返还基金", "surplus returned to the fund";
    SurplusRetained => QuotaAccount, Use, "surplus_retained", "结余留用转入统筹资金", "surplus retained, to the pooled fund";

    FundBroughtForward => CommunityFund, Source, "brought_forward", "上年结转储备", "reserve brought forward";
    RetainedSurplusIn => CommunityFund, Source, "surplus_retained", "结余留用转入", "retained surplus";
    QualityGuaranteeIn => CommunityFund, Source, "quality_guarantee_returned", "质量保证金返还", "quality guarantee returned";
    SpecialFundIn => CommunityFund, Source, "special_fund_contributions", "专项资金提取", "special fund contributions";
    MembersMakeUp => CommunityFund, Source, "made_up_by_members", "成员单位分摊补足", "made up by the members";
    OverspendCoveredOut => CommunityFund, Use, "overspend_covered", "储备弥补超支", "overspend met from the reserve";
    ManagementCosts => CommunityFund, Use, "management_costs", "医共体管理经费", "management costs";
    SentDownAllowances => CommunityFund, Use, "sent_down_allowances", "下沉人员补助", "allowances for staff sent down";
    PrimaryPayTopups => CommunityFund, Use, "primary_pay_topups", "提高基层人员待遇", "primary staff pay top-ups";
    FundRewards => CommunityFund, Use, "performance_rewards", "绩效奖励", "performance rewards";
    FundDevelopment => CommunityFund, Use, "primary_development", "基层能力建设", "primary capacity building";
    FundCarriedForward => CommunityFund, Use, "carried_forward", "结转下年储备", "reserve carried forward";

    FiscalPerBedSubsidy => Fiscal, Source, "per_bed_subsidy", "每床补助预算", "per-bed subsidy budget";
    FiscalPublicHealthBudget => Fiscal, Source, "public_health_budget", "基本公卫经费预算", "public-health budget";
    FiscalPublicHealthClawedBack => Fiscal, Source, "public_health_clawed_back", "公卫预拨经费考核后收回", "prepaid public-health funds recovered after appraisal";
    FiscalBaseSubsidies => Fiscal, Source, "base_subsidies", "原渠道基本补助", "base subsidies (old channels)";
    PerBedSubsidyPaid => Fiscal, Use, "per_bed_subsidy_paid", "拨付每床补助", "per-bed subsidy paid";
    PublicHealthPrepaid => Fiscal, Use, "public_health_prepaid", "公卫经费年初预拨", "public-health funds prepaid";
    PublicHealthPerformancePaid => Fiscal, Use, "public_health_performance_paid", "公卫经费考核后拨付", "public-health funds paid after appraisal";
    PublicHealthWithheld => Fiscal, Use, "public_health_withheld", "公卫经费考核扣减", "public-health funds withheld";
    BaseSubsidiesPaid => Fiscal, Use, "base_subsidies_paid", "拨付基本补助", "base subsidies paid";

    ClaimsIncome => Institutions, Source, "insurance_income", "医保支付收入", "insurance income";
    PatientPayments => Institutions, Source, "patient_payments", "患者自付收入", "patient payments";
    PerBedSubsidyReceived => Institutions, Source, "per_bed_subsidy", "每床补助收入", "per-bed subsidy";
    PublicHealthReceived => Institutions, Source, "public_health_funds", "公卫经费收入", "public-health funds";
    BaseSubsidiesReceived => Institutions, Source, "base_subsidies", "基本补助收入", "base subsidies";
    TopupsReceived => Institutions, Source, "primary_pay_topups", "基层待遇提高资金", "primary pay top-ups";
    FundRewardsReceived => Institutions, Source, "performance_rewards", "统筹资金绩效奖励", "performance rewards from the pooled fund";
    AllowancesReceived => Institutions, Source, "sent_down_allowances", "下沉补助资金", "sent-down allowances";
    RewardsFundedTo => Institutions, Source, "staff_rewards_funded", "结余奖励(由创造结余的层级承担)", "staff rewards, funded by the tiers whose net earned them";
    OperatingDeficit => Institutions, Source, "operating_deficit", "收支亏损(动用自有资金)", "operating deficit (own reserves)";
    NonpersonnelCosts => Institutions, Use, "nonpersonnel_costs", "药品耗材及其他运行成本", "drugs, consumables and running costs";
    SpecialFundOut => Institutions, Use, "special_fund_contributions", "提取专项资金", "special fund contributions";
    OverspendChargedPaid => Institutions, Use, "overspend_charged", "分担医共体超支", "share of the community's overspend";
    PublicHealthReturned => Institutions, Use, "public_health_clawed_back", "退回公卫预拨经费", "prepaid public-health funds returned";
    FixedPay => Institutions, Use, "fixed_pay", "固定薪酬", "fixed pay";
    VariablePay => Institutions, Use, "variable_base_pay", "基础绩效薪酬", "variable base pay";
    StaffRewards => Institutions, Use, "staff_rewards", "结余奖励(两个允许)", "staff rewards (two allowances)";
    RewardsFundedFrom => Institutions, Use, "staff_rewards_funding", "承担结余奖励", "staff rewards funded from net income";
    PublicHealthPay => Institutions, Use, "public_health_pay", "公卫服务劳务报酬", "public-health work paid to staff";
    TopupsPaid => Institutions, Use, "primary_pay_topups_paid", "发放基层待遇提高", "primary pay top-ups paid";
    FundRewardsPaid => Institutions, Use, "performance_rewards_paid", "发放统筹资金绩效奖励", "performance rewards paid";
    AllowancesPaid => Institutions, Use, "sent_down_allowances_paid", "发放下沉补助", "sent-down allowances paid";
    PublicHealthDelivery => Institutions, Use, "public_health_services", "公卫服务耗材及检查", "public-health tests and supplies";
    KeyDisciplines => Institutions, Use, "key_disciplines_and_training", "重点学科和人才培养", "key disciplines and training";
    FundShortfallPaid => Institutions, Use, "pooled_fund_shortfall", "分摊统筹资金缺口", "share of the pooled fund's shortfall";
    OperatingSurplus => Institutions, Use, "operating_surplus", "收支结余", "operating surplus";
}

/// One year's ledger: an amount for every item (zero where an item does not apply).
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    amounts: Vec<Decimal>,
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger {
            amounts: vec![Decimal::ZERO; Item::ALL.len()],
        }
    }
}

impl Ledger {
    /// Adds `amount` to `item` (amounts accumulate across communities and institutions).
    pub fn add(&mut self, item: Item, amount: Decimal) {
        let total = self.amounts[item as usize] + amount;
        // A zero is written as zero, never as -0 (which would print as "-0.00").
        self.amounts[item as usize] = if total.is_zero() {
            Decimal::ZERO
        } else {
            total
        };
    }

    pub fn amount(&self, item: Item) -> Decimal {
        self.amounts[item as usize]
    }

    /// Items of a section and side that carry money, in declaration order.
    pub fn lines(
        &self,
        section: Section,
        side: Side,
    ) -> impl Iterator<Item = (Item, Decimal)> + '_ {
        Item::ALL
            .iter()
            .copied()
            .filter(move |item| item.section() == section && item.side() == side)
            .map(|item| (item, self.amount(item)))
    }

    pub fn total(&self, section: Section, side: Side) -> Decimal {
        self.lines(section, side).map(|(_, amount)| amount).sum()
    }

    /// Sum of all sources of all sections.
    pub fn total_sources(&self) -> Decimal {
        Section::ALL
            .iter()
            .map(|section| self.total(*section, Side::Source))
            .sum()
    }

    /// Sum of all uses of all sections.
    pub fn total_uses(&self) -> Decimal {
        Section::ALL
            .iter()
            .map(|section| self.total(*section, Side::Use))
            .sum()
    }

    /// Sections whose sources and uses differ, with the difference (sources - uses). Empty when the
    /// books balance.
    pub fn imbalances(&self) -> Vec<(Section, Decimal)> {
        Section::ALL
            .iter()
            .map(|section| {
                (
                    *section,
                    self.total(*section, Side::Source) - self.total(*section, Side::Use),
                )
            })
            .filter(|(_, difference)| !difference.is_zero())
            .collect()
    }

    /// Lines that are negative, -0 included (a ledger line is an amount of money moved, never negative,
    /// and a zero prints as 0.00).
    pub fn negative_lines(&self) -> Vec<Item> {
        Item::ALL
            .iter()
            .copied()
            .filter(|item| self.amount(*item).is_sign_negative())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn keys_are_unique_within_a_section() {
        let mut seen = HashSet::new();
        for item in Item::ALL {
            assert!(seen.insert((item.section(), item.key())), "{:?}", item);
        }
    }
}
