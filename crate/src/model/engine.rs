//! The projection: runs a county year by year under a set of levers and books every yuan.
//!
//! [`project`] runs the baseline (today's levers, every year) and the scenario (the reform's levers),
//! then returns both. The order of work inside a year is the order of `docs/model.md`:
//! population and demand, patient flow, institutions' revenue and claims, insurance financing and
//! reserves, the split into quotas with monthly prepayment and quarterly evaluation, year-end
//! settlement, the community fund, fiscal money, pay, the ledger and the indicators.
//! The engine is total: it cannot fail on a validated [`ModelInput`].

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::flow::{self, Drivers, Responses};
use super::inputs::{ByPlace, Community, Levers, ModelInput, Place, Tier};
use super::ledger::{Item, Ledger};
use super::money::{allocate, cost_level, factor, fen, ratio, whole};
use super::params::{Assumption as A, Lever as L};
use super::results::{
    CommunityYear, Indicators, Projection, QuarterEvaluation, Settlement, TierYear, YearResult,
};

/// Months in the insurance budget cycle (按月预付).
const MONTHS: usize = 12;

/// Runs the baseline and the scenario.
pub fn project(input: &ModelInput) -> Projection {
    let prepared = Prepared::new(input);
    let baseline = run(&prepared, &input.baseline, None);
    let scenario = if input.reform == input.baseline {
        baseline.clone()
    } else {
        run(&prepared, &input.reform, Some(&baseline))
    };
    Projection { baseline, scenario }
}

/// What does not change from year to year: base-year patterns and each institution's part of its tier.
struct Prepared<'a> {
    input: &'a ModelInput,
    communities: Vec<PreparedCommunity>,
    /// The base year's figures, the same for both runs.
    base: Carry,
}

struct PreparedCommunity {
    base_visits: ByPlace<Decimal>,
    base_admissions: ByPlace<Decimal>,
    visit_shares: ByPlace<Decimal>,
    admission_shares: ByPlace<Decimal>,
    /// Per institution: what it costs per unit of its tier's cost level, and its base payroll.
    units: Vec<InstitutionUnit>,
    /// Staff by tier (county, township, village).
    staff_by_tier: [Decimal; 3],
    primary_staff: Decimal,
    township_staff: Decimal,
    township_count: Decimal,
    /// Institutions counted one by one (an entry of 133 village clinics counts 133).
    institution_count: Decimal,
    lead_index: usize,
}

/// What an institution brings to each year, fixed once: its part of its tier's visits times its cost
/// per visit (likewise for admissions), and staff times average pay in the base year.
struct InstitutionUnit {
    visit_cost: Decimal,
    admission_cost: Decimal,
    base_payroll: Decimal,
}

impl<'a> Prepared<'a> {
    fn new(input: &'a ModelInput) -> Self {
        let communities = input
            .county
            .communities
            .iter()
            .map(PreparedCommunity::new)
            .collect();
        let mut prepared = Prepared {
            input,
            communities,
            base: Carry::default(),
        };
        prepared.base = base_year(&prepared);
        prepared
    }
}

impl PreparedCommunity {
    fn new(community: &Community) -> Self {
        let mut base_visits = ByPlace::default();
        let mut base_admissions = ByPlace::default();
        let mut staff_by_tier = [Decimal::ZERO; 3];
        for institution in &community.institutions {
            let place = institution.tier.place();
            base_visits.set(
                place,
                base_visits.get(place) + institution.outpatient_visits,
            );
            base_admissions.set(place, base_admissions.get(place) + institution.admissions);
            staff_by_tier[tier_slot(institution.tier)] += institution.staff;
        }
        base_visits.set(Place::Outside, community.out_of_county.outpatient_visits);
        base_admissions.set(Place::Outside, community.out_of_county.admissions);
        let units = community
            .institutions
            .iter()
            .map(|i| InstitutionUnit {
                visit_cost: factor(ratio(i.outpatient_visits, base_visits.get(i.tier.place())))
                    * i.cost_per_visit,
                admission_cost: factor(ratio(i.admissions, base_admissions.get(i.tier.place())))
                    * i.cost_per_admission,
                base_payroll: i.staff * i.average_pay,
            })
            .collect();
        PreparedCommunity {
            visit_shares: flow::shares_of(&base_visits),
            admission_shares: flow::shares_of(&base_admissions),
            base_visits,
            base_admissions,
            units,
            primary_staff: staff_by_tier[1] + staff_by_tier[2],
            township_staff: staff_by_tier[1],
            staff_by_tier,
            township_count: community.township_count(),
            institution_count: community
                .institutions
                .iter()
                .map(|i| Decimal::from(i.count))
                .sum(),
            lead_index: community
                .institutions
                .iter()
                .position(|i| i.is_lead)
                .unwrap_or(0),
        }
    }
}

/// Year-on-year growth factors, compounded from the base year.
struct Growth {
    population: Decimal,
    utilisation: Decimal,
    visit_cost: Decimal,
    admission_cost: Decimal,
    wage: Decimal,
}

/// What one year carries into the next.
#[derive(Clone, Default)]
struct Carry {
    visit_shares: Vec<ByPlace<Decimal>>,
    admission_shares: Vec<ByPlace<Decimal>>,
    /// Each community's fund claims in the past years, most recent first, at most three (for the
    /// history-weighted split).
    claims: Vec<Vec<Decimal>>,
    community_fund: Vec<Decimal>,
    /// Average primary pay per community last year.
    primary_pay: Vec<Decimal>,
    total_cost: Decimal,
    visit_cost: Decimal,
    admission_cost: Decimal,
}

/// Per-community working figures of one year.
#[derive(Default)]
struct CommunityWork {
    insured: Decimal,
    residents: Decimal,
    visits: ByPlace<Decimal>,
    admissions: ByPlace<Decimal>,
    cost: ByPlace<Decimal>,
    claims: ByPlace<Decimal>,
    outpatient_cost: Decimal,
    inpatient_cost: Decimal,
    special_fund: Decimal,
    topups: Decimal,
    allowances: Decimal,
    staff_sent_down: Decimal,
    primary_pay: Decimal,
    primary_staff: Decimal,
    /// Each institution's balance before any advance to the community fund.
    institution_balances: Vec<Decimal>,
    /// Whether the community has institutions of each tier (county, township, village).
    tiers_present: [bool; 3],
    /// The institutions' money by tier (county, township, village).
    tier_sums: [TierSums; 3],
}

/// Sums over a tier's institutions in one community and year.
#[derive(Clone, Copy, Default)]
struct TierSums {
    revenue: Decimal,
    nonpersonnel: Decimal,
    special: Decimal,
    base_pay: Decimal,
    rewards: Decimal,
    topups: Decimal,
    base_subsidies: Decimal,
    beds_subsidised: Decimal,
}

impl TierSums {
    fn add(&mut self, other: &TierSums) {
        self.revenue += other.revenue;
        self.nonpersonnel += other.nonpersonnel;
        self.special += other.special;
        self.base_pay += other.base_pay;
        self.rewards += other.rewards;
        self.topups += other.topups;
        self.base_subsidies += other.base_subsidies;
        self.beds_subsidised += other.beds_subsidised;
    }
}

/// The county's institutions in one year, summed from the communities.
struct InstitutionTotals {
    all: TierSums,
    /// Fund claims at in-county institutions.
    claims: Decimal,
    fixed_pay: Decimal,
    variable_pay: Decimal,
    per_bed_subsidy: Decimal,
    service_revenue: Decimal,
    institutions_counted: Decimal,
    tiers: [TierYear; 3],
}

impl InstitutionTotals {
    fn new(
        works: &[CommunityWork],
        prepared: &Prepared,
        per_bed: Decimal,
        fixed_share: Decimal,
    ) -> Self {
        let assumptions = &prepared.input.assumptions;
        let mut by_tier = [TierSums::default(); 3];
        let mut tiers: [TierYear; 3] = Default::default();
        let mut claims = Decimal::ZERO;
        let mut institutions_counted = Decimal::ZERO;
        for (work, prep) in works.iter().zip(&prepared.communities) {
            for tier in Tier::ALL {
                let slot = tier_slot(tier);
                by_tier[slot].add(&work.tier_sums[slot]);
                tiers[slot].staff += prep.staff_by_tier[slot];
            }
            claims += work.claims.in_county();
            institutions_counted += prep.institution_count;
            // Staff sent down stay on the county tier's books; their allowance is county-tier pay.
            tiers[0].personnel_pay += work.allowances;
        }
        let mut all = TierSums::default();
        let mut service_revenue = Decimal::ZERO;
        for tier in Tier::ALL {
            let slot = tier_slot(tier);
            let sums = &by_tier[slot];
            all.add(sums);
            service_revenue += sums.revenue * service_share(assumptions, tier);
            let year = &mut tiers[slot];
            year.personnel_pay += sums.base_pay + sums.rewards + sums.topups;
            year.revenue = sums.revenue;
            year.per_bed_subsidy = sums.beds_subsidised * per_bed;
        }
        // The fixed part is rounded once for the county (docs/model.md §7).
        let fixed_pay = fen(all.base_pay * fixed_share);
        InstitutionTotals {
            claims,
            fixed_pay,
            variable_pay: all.base_pay - fixed_pay,
            per_bed_subsidy: all.beds_subsidised * per_bed,
            service_revenue,
            institutions_counted,
            tiers,
            all,
        }
    }
}

fn tier_slot(tier: Tier) -> usize {
    match tier {
        Tier::County => 0,
        Tier::Township => 1,
        Tier::Village => 2,
    }
}

fn nonpersonnel_ratio(assumptions: &super::inputs::Assumptions, tier: Tier) -> Decimal {
    assumptions.get(match tier {
        Tier::County => A::NonpersonnelCostRatioCounty,
        Tier::Township => A::NonpersonnelCostRatioTownship,
        Tier::Village => A::NonpersonnelCostRatioVillage,
    })
}

fn service_share(assumptions: &super::inputs::Assumptions, tier: Tier) -> Decimal {
    assumptions.get(match tier {
        Tier::County => A::ServiceRevenueShareCounty,
        Tier::Township => A::ServiceRevenueShareTownship,
        Tier::Village => A::ServiceRevenueShareVillage,
    })
}

/// Reimbursement rate at a place, with the primary tilt added at village and township (capped at 1).
fn reimbursement(base: &ByPlace<Decimal>, place: Place, tilt_points: Decimal) -> Decimal {
    let rate = base.get(place);
    match place {
        Place::Village | Place::Township => {
            (rate + tilt_points / Decimal::ONE_HUNDRED).min(Decimal::ONE)
        }
        Place::County | Place::Outside => rate,
    }
}

/// The retained-surplus incentive a lever setting gives: the retained share when there is a global
/// budget, nothing otherwise.
fn budget_incentive(levers: &Levers, year: usize) -> Decimal {
    if levers.is_on(L::GlobalBudget, year) {
        levers.at(L::SurplusRetainedShare, year)
    } else {
        Decimal::ZERO
    }
}

/// A per-capita amount in projection year `year`: the listed value, or the last listed value grown by
/// `growth` a year beyond the list; rounded to the fen.
fn per_capita(schedule: &super::inputs::Schedule, year: usize, growth: Decimal) -> Decimal {
    let listed = schedule.values().len();
    let mut value = schedule.at(year);
    for _ in listed..year {
        value *= Decimal::ONE + growth;
    }
    fen(value)
}

/// Base-year figures (projection year 0) used for growth indicators and the first history weight.
fn base_year(prepared: &Prepared) -> Carry {
    let input = prepared.input;
    let rates = &input.county.reimbursement;
    let tilt = input.baseline.at(L::PrimaryTiltPoints, 1);
    let mut total_cost = Decimal::ZERO;
    let mut outpatient_cost = Decimal::ZERO;
    let mut inpatient_cost = Decimal::ZERO;
    let mut visits = Decimal::ZERO;
    let mut admissions = Decimal::ZERO;
    let mut claims = Vec::new();
    for (community, prep) in input.county.communities.iter().zip(&prepared.communities) {
        let mut community_claims = Decimal::ZERO;
        let out = &community.out_of_county;
        let mut add = |place: Place, v: Decimal, cpv: Decimal, a: Decimal, cpa: Decimal| {
            let op = v * cpv;
            let ip = a * cpa;
            outpatient_cost += op;
            inpatient_cost += ip;
            total_cost += fen(op + ip);
            community_claims += fen(op * reimbursement(&rates.outpatient, place, tilt)
                + ip * reimbursement(&rates.inpatient, place, tilt));
        };
        for institution in &community.institutions {
            add(
                institution.tier.place(),
                institution.outpatient_visits,
                institution.cost_per_visit,
                institution.admissions,
                institution.cost_per_admission,
            );
        }
        add(
            Place::Outside,
            out.outpatient_visits,
            out.cost_per_visit,
            out.admissions,
            out.cost_per_admission,
        );
        visits += prep.base_visits.sum();
        admissions += prep.base_admissions.sum();
        claims.push(vec![community_claims]);
    }
    let count = input.county.communities.len();
    Carry {
        visit_shares: prepared
            .communities
            .iter()
            .map(|c| c.visit_shares)
            .collect(),
        admission_shares: prepared
            .communities
            .iter()
            .map(|c| c.admission_shares)
            .collect(),
        claims,
        community_fund: vec![Decimal::ZERO; count],
        primary_pay: vec![Decimal::ZERO; count],
        total_cost,
        visit_cost: ratio(outpatient_cost, visits),
        admission_cost: ratio(inpatient_cost, admissions),
    }
}

/// One run: every projection year under `levers`. `reference` is the baseline run when this run is a
/// reform (its pay is what the reform's pay is compared with); `None` for the baseline itself.
fn run(prepared: &Prepared, levers: &Levers, reference: Option<&[YearResult]>) -> Vec<YearResult> {
    let input = prepared.input;
    let assumptions = &input.assumptions;
    let today = &input.baseline;
    let mut growth = Growth {
        population: Decimal::ONE,
        utilisation: Decimal::ONE,
        visit_cost: Decimal::ONE,
        admission_cost: Decimal::ONE,
        wage: Decimal::ONE,
    };
    let mut carry = prepared.base.clone();
    let mut years = Vec::with_capacity(input.county.horizon.years());
    for year in 1..=input.county.horizon.years() {
        let grow = |level: Decimal, rate: A| factor(level * (Decimal::ONE + assumptions.get(rate)));
        growth.population = grow(growth.population, A::PopulationGrowthRate);
        growth.utilisation = grow(growth.utilisation, A::UtilisationGrowthRate);
        growth.visit_cost = grow(growth.visit_cost, A::VisitCostGrowthRate);
        growth.admission_cost = grow(growth.admission_cost, A::AdmissionCostGrowthRate);
        growth.wage = grow(growth.wage, A::WageGrowthRate);
        years.push(project_year(
            prepared, levers, today, year, &growth, &mut carry, reference,
        ));
    }
    years
}

fn project_year(
    prepared: &Prepared,
    levers: &Levers,
    today: &Levers,
    year: usize,
    growth: &Growth,
    carry: &mut Carry,
    reference: Option<&[YearResult]>,
) -> YearResult {
    let input = prepared.input;
    let county = &input.county;
    let assumptions = &input.assumptions;
    let rates = &county.reimbursement;
    let tilt = levers.at(L::PrimaryTiltPoints, year);
    let responses_common = |tilt_elasticity| Responses {
        tilt_elasticity,
        primary_capacity_elasticity: assumptions.get(A::PrimaryCapacityElasticity),
        primary_pay_elasticity: assumptions.get(A::PrimaryPayElasticity),
        county_capacity_elasticity: assumptions.get(A::CountyCapacityElasticity),
        budget_incentive_elasticity: assumptions.get(A::BudgetIncentiveElasticity),
    };
    let outpatient_responses = responses_common(assumptions.get(A::OutpatientTiltElasticity));
    let inpatient_responses = responses_common(assumptions.get(A::InpatientTiltElasticity));
    let speed = assumptions.get(A::AdjustmentSpeed);
    let special_rate = levers.at(L::SpecialFundRate, year);
    let reward_share = levers.at(L::StaffRewardShare, year);
    let fixed_share = levers.at(L::FixedPayShare, year);
    let topup_rate = levers.at(L::PrimaryPayTopupRate, year);
    let sent_down_per_township = levers.at(L::StaffSentDownPerTownship, year);
    let allowance = levers.at(L::SentDownAllowanceYuan, year);
    let per_bed = levers.at(L::PerBedSubsidyYuan, year);
    let nonpersonnel_ratios = Tier::ALL.map(|tier| nonpersonnel_ratio(assumptions, tier));

    let mut ledger = Ledger::default();
    let mut works: Vec<CommunityWork> = Vec::with_capacity(county.communities.len());

    // 1-3. Population, demand, flow, and each institution's revenue, claims, costs and pay.
    for (c, (community, prep)) in county
        .communities
        .iter()
        .zip(&prepared.communities)
        .enumerate()
    {
        let mut work = CommunityWork {
            insured: whole(community.insured_residents * growth.population),
            residents: whole(community.resident_population * growth.population),
            ..CommunityWork::default()
        };
        let demand_factor =
            factor(ratio(work.insured, community.insured_residents) * growth.utilisation);
        // Pay responds with a year's lag: last year's primary pay against the baseline's last year.
        let pay_gain = match reference {
            Some(baseline) if year > 1 => {
                let before = baseline[year - 2].communities[c].primary_average_pay;
                if before.is_zero() {
                    Decimal::ZERO
                } else {
                    carry.primary_pay[c] / before - Decimal::ONE
                }
            }
            _ => Decimal::ZERO,
        };
        let drivers = Drivers {
            tilt_points: tilt - today.at(L::PrimaryTiltPoints, year),
            capacity_gain: ratio(
                (sent_down_per_township - today.at(L::StaffSentDownPerTownship, year))
                    * prep.township_count
                    * assumptions.get(A::SentDownCapacityFactor),
                prep.township_staff,
            ),
            pay_gain,
            bed_subsidy_thousands: (per_bed - today.at(L::PerBedSubsidyYuan, year)) / dec!(1000),
            budget_incentive: budget_incentive(levers, year) - budget_incentive(today, year),
        };
        let visit_target = flow::target_shares(
            &prep.visit_shares,
            &flow::multipliers(&drivers, &outpatient_responses),
        );
        let admission_target = flow::target_shares(
            &prep.admission_shares,
            &flow::multipliers(&drivers, &inpatient_responses),
        );
        let visit_shares = flow::approach(&carry.visit_shares[c], &visit_target, speed).map(factor);
        let admission_shares =
            flow::approach(&carry.admission_shares[c], &admission_target, speed).map(factor);
        carry.visit_shares[c] = visit_shares;
        carry.admission_shares[c] = admission_shares;
        let total_visits = prep.base_visits.sum() * demand_factor;
        let total_admissions = prep.base_admissions.sum() * demand_factor;
        for place in Place::ALL {
            work.visits
                .set(place, factor(total_visits * visit_shares.get(place)));
            work.admissions.set(
                place,
                factor(total_admissions * admission_shares.get(place)),
            );
        }

        work.staff_sent_down = sent_down_per_township * prep.township_count;
        work.allowances = fen(work.staff_sent_down * allowance);
        work.institution_balances = Vec::with_capacity(community.institutions.len());
        // The cost level of a tier this year: its volume times cost growth. Each institution's cost is
        // that level times its fixed part of the tier at its own prices (prepared once).
        let mut visit_level = [Decimal::ZERO; 3];
        let mut admission_level = [Decimal::ZERO; 3];
        for tier in Tier::ALL {
            visit_level[tier_slot(tier)] =
                cost_level(work.visits.get(tier.place()) * growth.visit_cost);
            admission_level[tier_slot(tier)] =
                cost_level(work.admissions.get(tier.place()) * growth.admission_cost);
        }
        let mut outpatient_by_tier = [Decimal::ZERO; 3];
        let mut inpatient_by_tier = [Decimal::ZERO; 3];
        for (i, institution) in community.institutions.iter().enumerate() {
            let slot = tier_slot(institution.tier);
            let unit = &prep.units[i];
            let outpatient = visit_level[slot] * unit.visit_cost;
            let inpatient = admission_level[slot] * unit.admission_cost;
            let revenue = fen(outpatient + inpatient);
            outpatient_by_tier[slot] += outpatient;
            inpatient_by_tier[slot] += inpatient;

            let nonpersonnel = fen(revenue * nonpersonnel_ratios[slot]);
            let special = if special_rate.is_zero() {
                Decimal::ZERO
            } else {
                fen(revenue * special_rate)
            };
            let base_pay = fen(unit.base_payroll * growth.wage);
            let net = revenue + institution.base_subsidy - nonpersonnel - special - base_pay;
            let reward = if reward_share.is_zero() || net <= Decimal::ZERO {
                Decimal::ZERO
            } else {
                fen(net * reward_share)
            };
            let topup = if topup_rate.is_zero() || !institution.tier.is_primary() {
                Decimal::ZERO
            } else {
                fen(base_pay * topup_rate)
            };

            work.special_fund += special;
            work.topups += topup;
            work.institution_balances.push(net - reward);
            work.tiers_present[slot] = true;
            let tier = &mut work.tier_sums[slot];
            tier.revenue += revenue;
            tier.nonpersonnel += nonpersonnel;
            tier.special += special;
            tier.base_pay += base_pay;
            tier.rewards += reward;
            tier.topups += topup;
            tier.base_subsidies += institution.base_subsidy;
            if institution.per_bed_subsidy_eligible {
                tier.beds_subsidised += institution.beds;
            }
        }
        for tier in Tier::ALL {
            let slot = tier_slot(tier);
            let place = tier.place();
            let cost = work.tier_sums[slot].revenue;
            // Claims are rounded once per community and tier; never more than the cost.
            let claims = fen(outpatient_by_tier[slot]
                * reimbursement(&rates.outpatient, place, tilt)
                + inpatient_by_tier[slot] * reimbursement(&rates.inpatient, place, tilt))
            .min(cost);
            work.outpatient_cost += outpatient_by_tier[slot];
            work.inpatient_cost += inpatient_by_tier[slot];
            work.claims.set(place, claims);
        }
        for tier in [Tier::Township, Tier::Village] {
            let sums = &work.tier_sums[tier_slot(tier)];
            work.primary_pay += sums.base_pay + sums.rewards + sums.topups;
        }
        work.primary_staff = prep.primary_staff;
        // Cost by place is the sum of the institutions' revenue (each rounded to the fen).
        for tier in Tier::ALL {
            work.cost
                .set(tier.place(), work.tier_sums[tier_slot(tier)].revenue);
        }

        let out = &community.out_of_county;
        let outside_visits = work.visits.get(Place::Outside);
        let outside_admissions = work.admissions.get(Place::Outside);
        let outpatient = outside_visits * out.cost_per_visit * growth.visit_cost;
        let inpatient = outside_admissions * out.cost_per_admission * growth.admission_cost;
        work.outpatient_cost += outpatient;
        work.inpatient_cost += inpatient;
        work.cost.set(Place::Outside, fen(outpatient + inpatient));
        work.claims.set(
            Place::Outside,
            fen(outpatient * rates.outpatient.get(Place::Outside)
                + inpatient * rates.inpatient.get(Place::Outside)),
        );
        works.push(work);
    }

    let mut totals = InstitutionTotals::new(&works, prepared, per_bed, fixed_share);

    // 4. Insurance financing and the reserves.
    let growth_rate = assumptions.get(A::FinancingGrowthRate);
    let government_per_capita = per_capita(&county.government_per_capita, year, growth_rate);
    let individual_per_capita = per_capita(&county.individual_per_capita, year, growth_rate);
    let financing: Vec<Decimal> = works
        .iter()
        .map(|w| w.insured * (government_per_capita + individual_per_capita))
        .collect();
    let financing_total: Decimal = financing.iter().copied().sum();
    let insured_total: Decimal = works.iter().map(|w| w.insured).sum();
    ledger.add(
        Item::FinancingGovernment,
        insured_total * government_per_capita,
    );
    ledger.add(
        Item::FinancingIndividual,
        insured_total * individual_per_capita,
    );
    let critical_illness = fen(financing_total * levers.at(L::CriticalIllnessRate, year));
    ledger.add(Item::CriticalIllnessInsurance, critical_illness);

    let global_budget = levers.is_on(L::GlobalBudget, year);
    let community_count = works.len();
    let mut quota_shares = vec![Decimal::ZERO; community_count];
    let mut quotas = vec![Decimal::ZERO; community_count];
    let mut quality_returned = vec![Decimal::ZERO; community_count];
    let mut settlements = vec![Settlement::default(); community_count];
    let claims_by_community: Vec<Decimal> = works.iter().map(|w| w.claims.sum()).collect();

    if global_budget {
        // 5. Split, prepayment, evaluation and settlement.
        // Each reserve is rounded to the fen; the later ones are capped so that rounding can never take
        // more than the whole fund when the rates add to exactly one.
        let risk = fen(financing_total * levers.at(L::RiskReserveRate, year))
            .min(financing_total - critical_illness);
        let quality = fen(financing_total * levers.at(L::QualityReserveRate, year))
            .min(financing_total - critical_illness - risk);
        let distributable = financing_total - critical_illness - risk - quality;
        let history = levers.at(L::HistoryWeight, year);
        // Past spending over the last 1-3 years (as many as the projection has seen, the base year first).
        let years_back = usize::try_from(levers.at(L::HistoryYears, year).to_u32().unwrap_or(1))
            .unwrap_or(1)
            .clamp(1, 3);
        let past: Vec<Decimal> = carry
            .claims
            .iter()
            .map(|years| years.iter().take(years_back).copied().sum())
            .collect();
        let past_total: Decimal = past.iter().copied().sum();
        for (c, work) in works.iter().enumerate() {
            let headcount_share = ratio(work.insured, insured_total);
            let history_share = if past_total.is_zero() {
                headcount_share
            } else {
                past[c] / past_total
            };
            quota_shares[c] = (Decimal::ONE - history) * headcount_share + history * history_share;
        }
        quotas = allocate(distributable, &quota_shares);
        let quality_parts = allocate(quality, &quota_shares);
        let score = input.assumptions.get(A::InsuranceAppraisalScore);
        let mut fund_overspend_share = Decimal::ZERO;
        for c in 0..community_count {
            quality_returned[c] = fen(quality_parts[c] * score);
            ledger.add(Item::QualityGuaranteeReturned, quality_returned[c]);
            ledger.add(
                Item::QualityGuaranteeWithheld,
                quality_parts[c] - quality_returned[c],
            );
            settlements[c] = settle(quotas[c], claims_by_community[c], levers, year);
            fund_overspend_share += settlements[c].overspend_fund_share;
            let work = &works[c];
            ledger.add(Item::QuotaReceived, quotas[c]);
            ledger.add(
                Item::OverspendShareReceived,
                settlements[c].overspend_fund_share,
            );
            ledger.add(
                Item::OverspendBorneByCommunity,
                settlements[c].overspend_borne,
            );
            ledger.add(Item::QuotaClaimsVillage, work.claims.get(Place::Village));
            ledger.add(Item::QuotaClaimsTownship, work.claims.get(Place::Township));
            ledger.add(Item::QuotaClaimsCounty, work.claims.get(Place::County));
            ledger.add(Item::QuotaClaimsOutside, work.claims.get(Place::Outside));
            ledger.add(Item::SurplusReturnedToFund, settlements[c].surplus_returned);
            ledger.add(Item::SurplusRetained, settlements[c].surplus_retained);
            ledger.add(
                Item::SurplusReturnedByCommunities,
                settlements[c].surplus_returned,
            );
        }
        let risk_used = risk.min(fund_overspend_share);
        ledger.add(Item::QuotasPrepaid, distributable);
        ledger.add(Item::OverspendSharePaid, fund_overspend_share);
        ledger.add(Item::RiskFundCarriedForward, risk - risk_used);
        ledger.add(Item::FundBalanceDrawn, fund_overspend_share - risk_used);
        ledger.add(
            Item::FundBalanceCarriedForward,
            ledger.amount(Item::SurplusReturnedByCommunities),
        );
    } else {
        // Fee for service: the fund pays claims as they come; its year result goes to or from its balance.
        let mut claims_total = Decimal::ZERO;
        for work in &works {
            ledger.add(Item::FundClaimsVillage, work.claims.get(Place::Village));
            ledger.add(Item::FundClaimsTownship, work.claims.get(Place::Township));
            ledger.add(Item::FundClaimsCounty, work.claims.get(Place::County));
            ledger.add(Item::FundClaimsOutside, work.claims.get(Place::Outside));
            claims_total += work.claims.sum();
        }
        let result = financing_total - critical_illness - claims_total;
        ledger.add(Item::FundBalanceCarriedForward, result.max(Decimal::ZERO));
        ledger.add(Item::FundBalanceDrawn, (-result).max(Decimal::ZERO));
    }

    // 6. The community fund: special fund, retained surplus and returned quality money in; overspend
    // borne, allowances, top-ups and management out; the lead hospital advances any shortfall.
    let management_share = levers.at(L::SpecialFundManagementShare, year);
    let mut lead_drawn = vec![Decimal::ZERO; community_count];
    for (c, work) in works.iter_mut().enumerate() {
        let management = fen(work.special_fund * management_share);
        let inflow = carry.community_fund[c]
            + settlements[c].surplus_retained
            + quality_returned[c]
            + work.special_fund;
        let outflow = settlements[c].overspend_borne + work.allowances + work.topups + management;
        lead_drawn[c] = (outflow - inflow).max(Decimal::ZERO);
        let carried = inflow + lead_drawn[c] - outflow;
        ledger.add(Item::FundBroughtForward, carry.community_fund[c]);
        ledger.add(Item::RetainedSurplusIn, settlements[c].surplus_retained);
        ledger.add(Item::QualityGuaranteeIn, quality_returned[c]);
        ledger.add(Item::SpecialFundIn, work.special_fund);
        ledger.add(Item::LeadHospitalFundsDrawn, lead_drawn[c]);
        ledger.add(Item::OverspendBornePaid, settlements[c].overspend_borne);
        ledger.add(Item::SentDownAllowances, work.allowances);
        ledger.add(Item::PrimaryPayTopups, work.topups);
        ledger.add(Item::ManagementCosts, management);
        ledger.add(Item::FundCarriedForward, carried);
        carry.community_fund[c] = carried;
        let lead = prepared.communities[c].lead_index;
        work.institution_balances[lead] -= lead_drawn[c];
    }

    // 7. Fiscal money: per-bed subsidy, public-health funds (prepaid, then by appraisal) and base subsidies.
    let standard = levers.at(L::PublicHealthPerCapitaYuan, year);
    let prepaid_share = levers.at(L::PublicHealthPrepaidShare, year);
    let appraisal = assumptions.get(A::PublicHealthAppraisalScore);
    let tier_split = [
        levers.at(L::PublicHealthShareCounty, year),
        levers.at(L::PublicHealthShareTownship, year),
        levers.at(L::PublicHealthShareVillage, year),
    ];
    let mut public_health_budgets = Vec::with_capacity(community_count);
    let mut public_health_paid = Decimal::ZERO;
    for work in &works {
        let budget = fen(standard * work.residents);
        let prepaid = fen(budget * prepaid_share);
        let performance = fen((budget - prepaid) * appraisal);
        ledger.add(Item::FiscalPublicHealthBudget, budget);
        ledger.add(Item::PublicHealthPrepaid, prepaid);
        ledger.add(Item::PublicHealthPerformancePaid, performance);
        ledger.add(Item::PublicHealthWithheld, budget - prepaid - performance);
        // A tier the community does not have gets no share; the others take it in proportion.
        let present: Vec<Decimal> = Tier::ALL
            .iter()
            .zip(tier_split)
            .map(|(tier, share)| {
                if work.tiers_present[tier_slot(*tier)] {
                    share
                } else {
                    Decimal::ZERO
                }
            })
            .collect();
        for (slot, part) in allocate(prepaid + performance, &present)
            .into_iter()
            .enumerate()
        {
            totals.tiers[slot].public_health_funds += part;
        }
        public_health_paid += prepaid + performance;
        public_health_budgets.push(budget);
    }
    ledger.add(Item::FiscalPerBedSubsidy, totals.per_bed_subsidy);
    ledger.add(Item::PerBedSubsidyPaid, totals.per_bed_subsidy);
    ledger.add(Item::FiscalBaseSubsidies, totals.all.base_subsidies);
    ledger.add(Item::BaseSubsidiesPaid, totals.all.base_subsidies);

    // 8. The institutions' books.
    let patient_payments = totals.all.revenue - totals.claims;
    let topups: Decimal = works.iter().map(|w| w.topups).sum();
    let allowances: Decimal = works.iter().map(|w| w.allowances).sum();
    let institutions_counted = totals.institutions_counted;
    let mut surplus = Decimal::ZERO;
    let mut deficit = Decimal::ZERO;
    let mut institutions_in_balance = Decimal::ZERO;
    for (community, work) in county.communities.iter().zip(&works) {
        for (institution, balance) in community
            .institutions
            .iter()
            .zip(&work.institution_balances)
        {
            if balance.is_sign_negative() && !balance.is_zero() {
                deficit -= *balance;
            } else {
                surplus += *balance;
                institutions_in_balance += Decimal::from(institution.count);
            }
        }
    }
    ledger.add(Item::ClaimsIncome, totals.claims);
    ledger.add(Item::PatientPayments, patient_payments);
    ledger.add(Item::PerBedSubsidyReceived, totals.per_bed_subsidy);
    ledger.add(Item::PublicHealthReceived, public_health_paid);
    ledger.add(Item::BaseSubsidiesReceived, totals.all.base_subsidies);
    ledger.add(Item::TopupsReceived, topups);
    ledger.add(Item::AllowancesReceived, allowances);
    ledger.add(Item::OperatingDeficit, deficit);
    ledger.add(Item::NonpersonnelCosts, totals.all.nonpersonnel);
    ledger.add(Item::SpecialFundOut, totals.all.special);
    ledger.add(Item::FixedPay, totals.fixed_pay);
    ledger.add(Item::VariablePay, totals.variable_pay);
    ledger.add(Item::StaffRewards, totals.all.rewards);
    ledger.add(Item::TopupsPaid, topups);
    ledger.add(Item::AllowancesPaid, allowances);
    ledger.add(Item::PublicHealthDelivery, public_health_paid);
    ledger.add(Item::KeyDisciplines, totals.per_bed_subsidy);
    ledger.add(Item::LeadHospitalAdvance, lead_drawn.iter().copied().sum());
    ledger.add(Item::OperatingSurplus, surplus);

    // 9. Aggregates and indicators.
    let mut visits = ByPlace::default();
    let mut admissions = ByPlace::default();
    let mut medical_cost = ByPlace::default();
    let mut claims = ByPlace::default();
    let mut outpatient_cost = Decimal::ZERO;
    let mut inpatient_cost = Decimal::ZERO;
    for work in &works {
        for place in Place::ALL {
            visits.set(place, visits.get(place) + work.visits.get(place));
            admissions.set(place, admissions.get(place) + work.admissions.get(place));
            medical_cost.set(place, medical_cost.get(place) + work.cost.get(place));
            claims.set(place, claims.get(place) + work.claims.get(place));
        }
        outpatient_cost += work.outpatient_cost;
        inpatient_cost += work.inpatient_cost;
    }
    for tier in totals.tiers.iter_mut() {
        tier.average_pay = fen(ratio(tier.personnel_pay, tier.staff));
    }
    let personnel =
        totals.fixed_pay + totals.variable_pay + totals.all.rewards + topups + allowances;
    let primary_staff = totals.tiers[1].staff + totals.tiers[2].staff;
    let primary_pay = totals.tiers[1].personnel_pay + totals.tiers[2].personnel_pay;
    let fiscal_in = totals.per_bed_subsidy + public_health_paid + totals.all.base_subsidies;
    let spending = personnel
        + totals.all.nonpersonnel
        + totals.all.special
        + public_health_paid
        + totals.per_bed_subsidy;
    let total_cost = medical_cost.sum();
    let visit_cost = ratio(outpatient_cost, visits.sum());
    let admission_cost = ratio(inpatient_cost, admissions.sum());
    let sum_settlements =
        |field: fn(&Settlement) -> Decimal| settlements.iter().map(field).sum::<Decimal>();
    let indicators = Indicators {
        county_consultation_rate: ratio(visits.in_county(), visits.sum()),
        in_county_admission_share: ratio(admissions.in_county(), admissions.sum()),
        primary_outpatient_share: ratio(visits.primary(), visits.sum()),
        primary_inpatient_share: ratio(admissions.primary(), admissions.sum()),
        insurance_in_county_spending_rate: ratio(claims.in_county(), claims.sum()),
        personnel_spending_share: ratio(personnel, personnel + totals.all.nonpersonnel),
        fixed_pay_share: ratio(totals.fixed_pay, personnel),
        average_pay_county: totals.tiers[0].average_pay,
        average_pay_township: totals.tiers[1].average_pay,
        average_pay_village: totals.tiers[2].average_pay,
        county_primary_pay_ratio: ratio(
            ratio(totals.tiers[0].personnel_pay, totals.tiers[0].staff),
            ratio(primary_pay, primary_staff),
        ),
        fiscal_subsidy_share: ratio(fiscal_in, spending),
        medical_cost_growth: ratio(total_cost, carry.total_cost) - Decimal::ONE,
        visit_cost_growth: ratio(visit_cost, carry.visit_cost) - Decimal::ONE,
        admission_cost_growth: ratio(admission_cost, carry.admission_cost) - Decimal::ONE,
        institutions_in_balance_share: ratio(institutions_in_balance, institutions_counted),
        service_revenue_share: ratio(totals.service_revenue, totals.all.revenue),
        fund_year_balance: ledger.amount(Item::FundBalanceCarriedForward)
            + ledger.amount(Item::RiskFundCarriedForward)
            + ledger.amount(Item::QualityGuaranteeWithheld)
            - ledger.amount(Item::FundBalanceDrawn),
        surplus_retained: sum_settlements(|s| s.surplus_retained),
        surplus_returned: sum_settlements(|s| s.surplus_returned),
        overspend_fund_share: sum_settlements(|s| s.overspend_fund_share),
        overspend_borne: sum_settlements(|s| s.overspend_borne),
        per_bed_subsidy: totals.per_bed_subsidy,
        public_health_funds_paid: public_health_paid,
        salary_pool: personnel,
        special_fund: totals.all.special,
    };

    let communities = county
        .communities
        .iter()
        .enumerate()
        .map(|(c, community)| {
            let work = &works[c];
            let prepayments = if global_budget {
                allocate(quotas[c], &[Decimal::ONE; MONTHS])
            } else {
                vec![Decimal::ZERO; MONTHS]
            };
            // Claims are assumed to fall evenly over the months (assumption; see docs/model.md).
            let monthly_claims = allocate(claims_by_community[c], &[Decimal::ONE; MONTHS]);
            let quarters = (1..=4)
                .map(|quarter| QuarterEvaluation {
                    prepaid_to_date: prepayments[..quarter * 3].iter().copied().sum(),
                    claims_to_date: monthly_claims[..quarter * 3].iter().copied().sum(),
                })
                .collect();
            CommunityYear {
                name: community.name.clone(),
                insured_residents: work.insured,
                resident_population: work.residents,
                financing: financing[c],
                quota_share: quota_shares[c],
                quota: quotas[c],
                monthly_prepayments: prepayments,
                quarters,
                claims: work.claims,
                settlement: settlements[c].clone(),
                quality_guarantee_returned: quality_returned[c],
                special_fund_contributions: work.special_fund,
                lead_hospital_funds_drawn: lead_drawn[c],
                community_fund_carried_forward: carry.community_fund[c],
                public_health_budget: public_health_budgets[c],
                staff_sent_down: work.staff_sent_down,
                visits: work.visits,
                admissions: work.admissions,
                primary_average_pay: fen(ratio(work.primary_pay, work.primary_staff)),
            }
        })
        .collect();

    for (c, work) in works.iter().enumerate() {
        carry.primary_pay[c] = ratio(work.primary_pay, work.primary_staff);
    }
    for (history, claims) in carry.claims.iter_mut().zip(&claims_by_community) {
        history.insert(0, *claims);
        history.truncate(3);
    }
    carry.total_cost = total_cost;
    carry.visit_cost = visit_cost;
    carry.admission_cost = admission_cost;

    YearResult {
        year: county.base_year + year as i32,
        index: year,
        indicators,
        visits,
        admissions,
        medical_cost,
        claims,
        tiers: totals.tiers.to_vec(),
        communities,
        ledger,
    }
}

/// Year-end settlement of one community: quota against claims, under the settlement levers.
fn settle(quota: Decimal, claims: Decimal, levers: &Levers, year: usize) -> Settlement {
    let balance = quota - claims;
    let mut settlement = Settlement {
        balance,
        ..Settlement::default()
    };
    if balance >= Decimal::ZERO {
        let cap = fen(quota * levers.at(L::SurplusRetentionCapRate, year));
        settlement.surplus_retained =
            fen(balance.min(cap) * levers.at(L::SurplusRetainedShare, year));
        settlement.surplus_returned = balance - settlement.surplus_retained;
    } else {
        let overspend = -balance;
        let band = fen(quota * levers.at(L::OverspendBandRate, year));
        settlement.overspend_fund_share =
            fen(overspend.min(band) * levers.at(L::OverspendFundShare, year));
        settlement.overspend_borne = overspend - settlement.overspend_fund_share;
    }
    settlement
}
