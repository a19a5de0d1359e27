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

/// Money and staff of one tier in one year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TierYear {
    /// Staff (persons), counting staff sent down at their home (county) tier.
    pub staff: Decimal,
    /// All pay: base pay, staff rewards, top-ups and sent-down allowances, yuan.
    pub personnel_pay: Decimal,
    /// Average pay per staff member, yuan.
    pub average_pay: Decimal,
    /// Medical revenue (all payers), yuan.
    pub revenue: Decimal,
    /// Public-health funds received, yuan.
    pub public_health_funds: Decimal,
    /// Per-bed subsidy received, yuan.
    pub per_bed_subsidy: Decimal,
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
    pub lead_hospital_funds_drawn: Decimal,
    pub community_fund_carried_forward: Decimal,
    pub public_health_budget: Decimal,
    pub staff_sent_down: Decimal,
    pub visits: ByPlace<Decimal>,
    pub admissions: ByPlace<Decimal>,
    /// Average pay of township and village staff, yuan.
    pub primary_average_pay: Decimal,
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
    /// 人员支出占业务支出比例: personnel pay / (personnel pay + non-personnel costs).
    pub personnel_spending_share: Decimal,
    /// 人员薪酬中固定部分占比.
    pub fixed_pay_share: Decimal,
    pub average_pay_county: Decimal,
    pub average_pay_township: Decimal,
    pub average_pay_village: Decimal,
    /// Average county-tier pay / average primary pay.
    pub county_primary_pay_ratio: Decimal,
    /// 财政补助收入占总支出比重.
    pub fiscal_subsidy_share: Decimal,
    /// Growth of the insured's total medical cost over the previous year.
    pub medical_cost_growth: Decimal,
    /// Growth of the average cost per outpatient visit.
    pub visit_cost_growth: Decimal,
    /// Growth of the average cost per admission.
    pub admission_cost_growth: Decimal,
    /// 实现收支平衡的机构占比.
    pub institutions_in_balance_share: Decimal,
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
}
