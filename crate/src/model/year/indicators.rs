//! Stage 11 (docs/model.md §12): the indicators of BRIEF §4 with their official definitions (seed 002
//! 附件2). County-wide flow indicators count the insured's care; the hospital indicators (personnel
//! spending share, fixed share of pay, fiscal subsidy share, hospitals in balance) count public
//! hospitals, the county tier, as the official indicators do.

use rust_decimal::Decimal;

use super::care::Care;
use super::fiscal::PublicHealth;
use super::pay::TierPay;
use super::Carry;
use crate::model::inputs::{Assumptions, ByPlace, Levers, Place, Tier};
use crate::model::ledger::{Item, Ledger};
use crate::model::money::{fen, ratio};
use crate::model::params::{Assumption as A, Lever as L};
use crate::model::prepared::Prepared;
use crate::model::results::{CommunityYear, Indicators, TierYear};

/// Public hospitals' (county tier) spending and fiscal income, summed over the communities.
#[derive(Clone, Copy, Default)]
pub(crate) struct PublicHospitals {
    nonpersonnel: Decimal,
    public_health_costs: Decimal,
    key_disciplines: Decimal,
    special: Decimal,
    overspend_charged: Decimal,
    fiscal_income: Decimal,
}

impl PublicHospitals {
    pub fn add(
        &mut self,
        care: &Care,
        public_health: &PublicHealth,
        pay: &TierPay,
        per_bed: Decimal,
        base_subsidy: Decimal,
        charged: Decimal,
    ) {
        self.nonpersonnel += care.nonpersonnel[0];
        self.public_health_costs += public_health.by_tier[0] - pay.public_health_pay;
        self.key_disciplines += per_bed;
        self.special += care.special[0];
        self.overspend_charged += charged;
        self.fiscal_income += per_bed + public_health.by_tier[0] + base_subsidy;
    }
}

pub(crate) struct IndicatorInputs<'a> {
    pub prepared: &'a Prepared<'a>,
    pub levers: &'a Levers,
    pub year: usize,
    pub visits: &'a ByPlace<Decimal>,
    pub admissions: &'a ByPlace<Decimal>,
    pub medical_cost: &'a ByPlace<Decimal>,
    pub claims: &'a ByPlace<Decimal>,
    pub outpatient_cost: &'a ByPlace<Decimal>,
    pub inpatient_cost: &'a ByPlace<Decimal>,
    pub tiers: &'a [TierYear; 3],
    pub public_hospitals: &'a PublicHospitals,
    pub hospitals_in_balance: Decimal,
    pub hospitals: Decimal,
    pub communities: &'a [CommunityYear],
    pub ledger: &'a Ledger,
    /// Last year's figures (cost per case by place, total cost).
    pub carry: &'a Carry,
}

fn service_share(assumptions: &Assumptions, tier: Tier) -> Decimal {
    assumptions.for_tier(
        [
            A::ServiceRevenueShareCounty,
            A::ServiceRevenueShareTownship,
            A::ServiceRevenueShareVillage,
        ],
        tier,
    )
}

/// Cost growth at constant case mix: this year's volumes at this year's cost per case at each place,
/// over the same volumes at last year's cost per case, less one.
fn constant_mix_growth(
    cost: &ByPlace<Decimal>,
    volumes: &ByPlace<Decimal>,
    last_cost_per_case: &ByPlace<Decimal>,
) -> Decimal {
    let at_last_prices: Decimal = Place::ALL
        .iter()
        .map(|p| volumes.get(*p) * last_cost_per_case.get(*p))
        .sum();
    if at_last_prices.is_zero() {
        Decimal::ZERO
    } else {
        cost.sum() / at_last_prices - Decimal::ONE
    }
}

pub(crate) fn year(inputs: &IndicatorInputs) -> Indicators {
    let assumptions = &inputs.prepared.input.assumptions;
    let tiers = inputs.tiers;
    let ledger = inputs.ledger;
    let (visits, admissions, claims) = (inputs.visits, inputs.admissions, inputs.claims);
    let county = &tiers[Tier::County.slot()];
    let public = inputs.public_hospitals;
    let county_business_spending = county.personnel_pay
        + public.nonpersonnel
        + public.public_health_costs
        + public.key_disciplines;
    let county_fixed_pay = fen(county.base_pay * inputs.levers.at(L::FixedPayShare, inputs.year));
    let primary_pay = tiers[1].personnel_pay + tiers[2].personnel_pay;
    let primary_staff = tiers[1].staff + tiers[2].staff;
    let revenue: Decimal = tiers.iter().map(|t| t.revenue).sum();
    let service_revenue: Decimal = Tier::ALL
        .iter()
        .map(|t| tiers[t.slot()].revenue * service_share(assumptions, *t))
        .sum();
    let quotas: Decimal = inputs.communities.iter().map(|c| c.quota).sum();
    let sum =
        |read: fn(&CommunityYear) -> Decimal| inputs.communities.iter().map(read).sum::<Decimal>();
    Indicators {
        county_consultation_rate: ratio(visits.in_county(), visits.sum()),
        in_county_admission_share: ratio(admissions.in_county(), admissions.sum()),
        primary_outpatient_share: ratio(visits.primary(), visits.sum()),
        primary_inpatient_share: ratio(admissions.primary(), admissions.sum()),
        insurance_in_county_spending_rate: ratio(claims.in_county(), claims.sum()),
        personnel_spending_share: ratio(county.personnel_pay, county_business_spending),
        fixed_pay_share: ratio(county_fixed_pay, county.personnel_pay),
        average_pay_county: county.average_pay,
        average_pay_township: tiers[1].average_pay,
        average_pay_village: tiers[2].average_pay,
        county_primary_pay_ratio: ratio(
            ratio(county.personnel_pay, county.staff),
            ratio(primary_pay, primary_staff),
        ),
        fiscal_subsidy_share: ratio(
            public.fiscal_income,
            county_business_spending + public.special + public.overspend_charged,
        ),
        medical_cost_growth: ratio(inputs.medical_cost.sum(), inputs.carry.total_cost)
            - Decimal::ONE,
        visit_cost_growth: constant_mix_growth(
            inputs.outpatient_cost,
            visits,
            &inputs.carry.cost_per_visit,
        ),
        admission_cost_growth: constant_mix_growth(
            inputs.inpatient_cost,
            admissions,
            &inputs.carry.cost_per_admission,
        ),
        public_hospitals_in_balance_share: ratio(inputs.hospitals_in_balance, inputs.hospitals),
        nurses_per_doctor: inputs.prepared.base.nurses_per_doctor,
        average_stay_days: inputs.prepared.base.average_stay_days,
        service_revenue_share: ratio(service_revenue, revenue),
        fund_year_balance: ledger.amount(Item::FundBalanceCarriedForward)
            + ledger.amount(Item::RiskFundCarriedForward)
            + ledger.amount(Item::QualityGuaranteeWithheld)
            - ledger.amount(Item::FundBalanceDrawn),
        surplus_retained: sum(|c| c.settlement.surplus_retained),
        surplus_returned: sum(|c| c.settlement.surplus_returned),
        overspend_fund_share: sum(|c| c.settlement.overspend_fund_share),
        overspend_borne: sum(|c| c.settlement.overspend_borne),
        per_bed_subsidy: tiers.iter().map(|t| t.per_bed_subsidy).sum(),
        public_health_funds_paid: tiers.iter().map(|t| t.public_health_funds).sum(),
        salary_pool: tiers.iter().map(|t| t.personnel_pay).sum(),
        special_fund: sum(|c| c.special_fund_contributions),
        county_hospitals_balance: county.balance,
        primary_institutions_balance: tiers[1].balance + tiers[2].balance,
        community_fund_balance: sum(|c| c.community_fund_carried_forward),
        year_end_clearing: sum(|c| c.year_end_clearing),
        budget_stake: ratio(sum(|c| c.budget_stake * c.quota), quotas),
    }
}
