//! What a projection produces: for each year, the indicators, the flows by place of care, each
//! community's budget and settlement, pay by tier and the year's ledger.

use rust_decimal::Decimal;

use super::inputs::ByPlace;
use super::ledger::Ledger;

/// The two runs of a scenario: today's levers held (baseline) and the reform's levers (scenario).
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub baseline: Vec<YearResult>,
    pub scenario: Vec<YearResult>,
}

/// One projection year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearResult {
    /// Calendar year.
    pub year: i32,
    /// Projection year, 1-based.
    pub index: usize,
    pub indicators: Indicators,
    /// Outpatient and emergency visits of the insured by place of care.
    pub visits: ByPlace<Decimal>,
    /// Admissions of the insured by place of care.
    pub admissions: ByPlace<Decimal>,
    /// Total medical cost of the insured's care by place (all payers), yuan.
    pub medical_cost: ByPlace<Decimal>,
    /// Fund claims by place, yuan.
    pub claims: ByPlace<Decimal>,
    /// Pay and public-health money by tier: county, township, village.
    pub tiers: Vec<TierYear>,
    pub communities: Vec<CommunityYear>,
    pub ledger: Ledger,
}

/// Money and staff of one tier (all communities) in one year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TierYear {
    /// Staff (persons), counting staff sent down at their home (county) tier.
    pub staff: Decimal,
    /// All pay: base pay, rewards, public-health pay, top-ups and sent-down allowances, yuan.
    pub personnel_pay: Decimal,
    /// Average pay per staff member, yuan.
    pub average_pay: Decimal,
    /// Medical revenue (all payers), yuan.
    pub revenue: Decimal,
    /// Insurance income: what the quota account (or, without a global budget, the fund) paid, yuan.
    pub insurance_income: Decimal,
    /// Share of the communities' overspend charged to this tier, yuan.
    pub overspend_charged: Decimal,
    /// Public-health funds received after appraisal, yuan.
    pub public_health_funds: Decimal,
    /// Per-bed subsidy received, yuan.
    pub per_bed_subsidy: Decimal,
    /// Base pay (fixed and variable parts), yuan.
    pub base_pay: Decimal,
    /// Rewards from net service income (两个允许), yuan.
    pub rewards: Decimal,
    /// Public-health money paid to the staff who do the work, yuan.
    pub public_health_pay: Decimal,
    /// Pay top-ups from the pooled fund (primary tiers), yuan.
    pub topups: Decimal,
    /// Performance rewards from the pooled fund, yuan.
    pub fund_rewards: Decimal,
    /// Income less spending (negative: a deficit met from the members' own reserves), yuan.
    pub balance: Decimal,
    /// Cost per outpatient visit and per admission this year (0 where the tier has none), yuan.
    pub cost_per_visit: Decimal,
    pub cost_per_admission: Decimal,
}

/// A quarterly evaluation of a community's quota: what was prepaid and what was claimed to date.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuarterEvaluation {
    pub prepaid_to_date: Decimal,
    pub claims_to_date: Decimal,
}

/// The year-end settlement of one community's quota (zero throughout when there is no global budget).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settlement {
    /// Quota minus claims: positive is a surplus, negative an overspend.
    pub balance: Decimal,
    pub surplus_retained: Decimal,
    pub surplus_returned: Decimal,
    pub overspend_fund_share: Decimal,
    pub overspend_borne: Decimal,
}

/// One community in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct CommunityYear {
    pub name: String,
    pub insured_residents: Decimal,
    pub resident_population: Decimal,
    /// Insurance financing raised on this community's insured, yuan.
    pub financing: Decimal,
    /// Share of the distributable fund allotted to this community.
    pub quota_share: Decimal,
    /// Annual pre-allocated quota (年预分额度), yuan; zero without a global budget.
    pub quota: Decimal,
    /// The twelve monthly prepayments to the lead hospital.
    pub monthly_prepayments: Vec<Decimal>,
    /// The four quarterly evaluations.
    pub quarters: Vec<QuarterEvaluation>,
    /// Fund claims of this community's insured by place, yuan.
    pub claims: ByPlace<Decimal>,
    pub settlement: Settlement,
    pub quality_guarantee_returned: Decimal,
    pub special_fund_contributions: Decimal,
    pub community_fund_carried_forward: Decimal,
    pub public_health_budget: Decimal,
    /// Money at stake: the part of a yuan of extra claims the community expected to bear this year
    /// (0 without a global budget), judged from last year's claims against this year's quota.
    pub budget_stake: Decimal,
    /// Year-end clearing of the quota: quota less the monthly prepayments (negative: repaid).
    pub year_end_clearing: Decimal,
    /// What the quota account (or the fund) paid the community's members by tier: county, township,
    /// village.
    pub member_payments: [Decimal; 3],
    /// The community's overspend charged to its members by tier (under points, what each bore through
    /// the point value, by its claims).
    pub overspend_charged: [Decimal; 3],
    /// What each tier made up for the pooled fund's obligations.
    pub fund_shortfall_charged: [Decimal; 3],
    /// The pooled fund's year.
    pub fund: FundYear,
    pub staff_sent_down: Decimal,
    pub visits: ByPlace<Decimal>,
    pub admissions: ByPlace<Decimal>,
    /// Average pay of township and village staff, yuan.
    pub primary_average_pay: Decimal,
}

/// A community's pooled fund (医共体统筹资金) in one year: what came in and where it went.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FundYear {
    pub brought_forward: Decimal,
    pub surplus_retained: Decimal,
    pub quality_returned: Decimal,
    pub special_fund: Decimal,
    pub overspend_covered: Decimal,
    pub management: Decimal,
    pub allowances: Decimal,
    /// Guaranteed top-ups and the special fund's part for primary pay, by tier (county 0).
    pub primary_topups: [Decimal; 3],
    /// Performance rewards by tier.
    pub rewards: [Decimal; 3],
    pub development: Decimal,
    /// What the members make up when the fund cannot meet its obligations (charged to them like an
    /// overspend).
    pub members_make_up: Decimal,
    pub carried_forward: Decimal,
}

/// The indicators of BRIEF §4. Shares and rates are fractions (0-1) or yearly growth rates; money in
/// yuan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Indicators {
    /// 县域就诊率: in-county visits / all visits of the insured.
    pub county_consultation_rate: Decimal,
    /// 县域内住院人次占比: in-county admissions / all admissions.
    pub in_county_admission_share: Decimal,
    /// 基层医疗机构门急诊量占比: township + village visits / all visits.
    pub primary_outpatient_share: Decimal,
    /// 基层住院人次占比: township + village admissions / all admissions.
    pub primary_inpatient_share: Decimal,
    /// 医保基金县域内支出率: fund claims in county / all fund claims.
    pub insurance_in_county_spending_rate: Decimal,
    /// 人员支出占业务支出比例 (public hospitals): pay / (pay + non-personnel costs + key-discipline
    /// spending).
    pub personnel_spending_share: Decimal,
    /// 人员薪酬中固定部分占比 (public hospitals): the fixed part of base pay / all pay.
    pub fixed_pay_share: Decimal,
    pub average_pay_county: Decimal,
    pub average_pay_township: Decimal,
    pub average_pay_village: Decimal,
    /// Average county-tier pay / average primary pay.
    pub county_primary_pay_ratio: Decimal,
    /// 财政补助收入占总支出比重 (public hospitals): per-bed, public-health and base subsidies / spending.
    pub fiscal_subsidy_share: Decimal,
    /// Growth of the insured's total medical cost over the previous year.
    pub medical_cost_growth: Decimal,
    /// 门诊次均费用增幅 at constant case mix: this year's visits at this year's cost per visit at each
    /// place / the same visits at last year's cost per visit, less one.
    pub visit_cost_growth: Decimal,
    /// 住院次均费用增幅 at constant case mix, likewise.
    pub admission_cost_growth: Decimal,
    /// 实现收支平衡的公立医院占比: public hospitals (county tier) whose income covers their spending.
    pub public_hospitals_in_balance_share: Decimal,
    /// 医护比 of public hospitals: nurses per doctor (1 : x), from the inputs (0 when not given).
    pub nurses_per_doctor: Decimal,
    /// 平均住院日 of public hospitals, days, from the inputs (0 when not given).
    pub average_stay_days: Decimal,
    /// 医疗服务收入占医疗收入比例 (excluding drugs, consumables and tests).
    pub service_revenue_share: Decimal,
    /// The insurance fund's result for the year, yuan (positive adds to its balance).
    pub fund_year_balance: Decimal,
    pub surplus_retained: Decimal,
    pub surplus_returned: Decimal,
    pub overspend_fund_share: Decimal,
    pub overspend_borne: Decimal,
    pub per_bed_subsidy: Decimal,
    pub public_health_funds_paid: Decimal,
    pub salary_pool: Decimal,
    pub special_fund: Decimal,
    /// County hospitals' income less spending (negative: a deficit), yuan.
    pub county_hospitals_balance: Decimal,
    /// Township centres' and village clinics' income less spending, yuan.
    pub primary_institutions_balance: Decimal,
    /// Σ the pooled funds carried forward (the reserves), yuan.
    pub community_fund_balance: Decimal,
    /// Σ year-end clearing of the quotas (negative: repaid by the communities), yuan.
    pub year_end_clearing: Decimal,
    /// Money at stake, averaged over the communities by quota (0-1).
    pub budget_stake: Decimal,
}

/// How a policy target's level is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TargetLevel {
    /// A fixed level (a share: 0.9 is 90%).
    AtLeast(Decimal),
    /// So much above the baseline's first year, the pattern before the reform (0.05 is 5 points).
    AboveBaselineStart(Decimal),
}

/// A policy target for an indicator, as the seeds set it (BRIEF §4): charts draw it, the scorecard
/// marks each year met or not.
pub struct Target {
    /// The indicator's key (the field of [`Indicators`], as `report::INDICATORS` names it).
    pub indicator: &'static str,
    pub read: fn(&Indicators) -> Decimal,
    pub level: TargetLevel,
    /// (Chinese, English) the target in words, for legends.
    pub zh: &'static str,
    pub en: &'static str,
}

impl Target {
    /// The level the indicator must reach in this projection.
    pub fn level(&self, projection: &Projection) -> Decimal {
        match self.level {
            TargetLevel::AtLeast(level) => level,
            TargetLevel::AboveBaselineStart(points) => {
                projection
                    .baseline
                    .first()
                    .map_or(Decimal::ZERO, |year| (self.read)(&year.indicators))
                    + points
            }
        }
    }

    /// Whether the reform meets the target in year `index` (0-based).
    pub fn met(&self, projection: &Projection, index: usize) -> Option<bool> {
        let year = projection.scenario.get(index)?;
        Some((self.read)(&year.indicators) >= self.level(projection))
    }

    /// The target of indicator `key`, if the seeds set one.
    pub fn of(key: &str) -> Option<&'static Target> {
        TARGETS.iter().find(|target| target.indicator == key)
    }
}

/// The targets the seeds set: county consultation rate 90% (seed 003, 米易县实施方案); primary
/// outpatient share 5 points above the level before the reform (seed 003).
pub static TARGETS: &[Target] = &[
    Target {
        indicator: "county_consultation_rate",
        read: |i| i.county_consultation_rate,
        level: TargetLevel::AtLeast(rust_decimal_macros::dec!(0.9)),
        zh: "目标 90%",
        en: "target 90%",
    },
    Target {
        indicator: "primary_outpatient_share",
        read: |i| i.primary_outpatient_share,
        level: TargetLevel::AboveBaselineStart(rust_decimal_macros::dec!(0.05)),
        zh: "目标 +5个百分点",
        en: "target +5 points",
    },
];
