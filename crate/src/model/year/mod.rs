//! One projection year: a short sequence of stages in the order money flows, each in its own module and
//! each the section of `docs/model.md` with the same name. Stages take what earlier stages produced and
//! book their own ledger account:
//!
//! 1. [`demand`]: population, demand, growth (§2)
//! 2. [`insurance::budget`]: financing, reserves, quotas, and what each community has at stake (§3)
//! 3. [`flow`]: where patients go (§4)
//! 4. [`care`]: revenue, claims and costs by tier (§5)
//! 5. [`insurance::settle`]: prepayment, quarterly review, settlement: the insurance fund (§6)
//! 6. [`community_fund`]: the pooled fund and its uses: the community fund account (§7)
//! 7. [`members`]: paying members out of the quota, sharing an overspend: the quota account (§8)
//! 8. [`fiscal`]: per-bed subsidy, public health, base subsidies: the fiscal account (§9)
//! 9. [`pay`]: the salary pool and its split (§10)
//! 10. [`books`]: the members' books: the institutions' account (§11)
//! 11. [`indicators`]: the official indicators (§12)

mod books;
mod care;
mod community_fund;
mod demand;
mod fiscal;
pub mod flow;
mod indicators;
mod insurance;
mod members;
mod pay;

use rust_decimal::Decimal;

use self::care::CareSettings;
use self::demand::{Demand, Growth};
use self::flow::{Drivers, Responses};
use self::members::{PaymentMethod, SharingRule};
use super::inputs::{ByPlace, Levers, ModelInput, Place, Tier};
use super::ledger::{Item, Ledger};
use super::money::{factor, fen, ratio};
use super::params::{Assumption as A, Lever as L};
use super::prepared::Prepared;
use super::results::{CommunityYear, TierYear, YearResult};

/// The settings of one year of one run.
pub(crate) struct YearSettings<'a> {
    pub input: &'a ModelInput,
    pub levers: &'a Levers,
    pub year: usize,
}

/// What one year of a run carries into the next.
#[derive(Clone)]
pub(crate) struct Carry {
    growth: Growth,
    visit_shares: Vec<ByPlace<Decimal>>,
    admission_shares: Vec<ByPlace<Decimal>>,
    /// Each community's claims of past years, most recent first, at most three.
    claims_history: Vec<Vec<Decimal>>,
    /// The pooled funds' reserves.
    reserves: Vec<Decimal>,
    /// Average primary pay last year, by community.
    primary_pay: Vec<Decimal>,
    /// Cost restraint from money at stake (1 = none), by community.
    restraint: Vec<Decimal>,
    /// Primary capability built by development money beyond the baseline's, by community.
    development_gain: Vec<Decimal>,
    /// Last year's development money and primary base pay, by community.
    last_development: Vec<Decimal>,
    last_primary_base_pay: Vec<Decimal>,
    /// County inpatient capability built by the per-bed subsidy beyond today's.
    county_gain: Decimal,
    /// Last year's per-bed subsidy beyond today's, in thousands of yuan per bed.
    last_bed_excess: Decimal,
    cost_per_visit: ByPlace<Decimal>,
    cost_per_admission: ByPlace<Decimal>,
    total_cost: Decimal,
}

impl Carry {
    /// The base year.
    pub fn start(prepared: &Prepared) -> Carry {
        let count = prepared.communities.len();
        Carry {
            growth: Growth::base(),
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
            claims_history: prepared
                .communities
                .iter()
                .map(|c| vec![c.base_claims])
                .collect(),
            reserves: vec![Decimal::ZERO; count],
            primary_pay: vec![Decimal::ZERO; count],
            restraint: vec![Decimal::ONE; count],
            development_gain: vec![Decimal::ZERO; count],
            last_development: vec![Decimal::ZERO; count],
            last_primary_base_pay: vec![Decimal::ZERO; count],
            county_gain: Decimal::ZERO,
            last_bed_excess: Decimal::ZERO,
            cost_per_visit: prepared.base.cost_per_visit,
            cost_per_admission: prepared.base.cost_per_admission,
            total_cost: prepared.base.total_cost,
        }
    }
}

/// Year `year` of a run under `levers`. `reference` is the baseline run when this run is the reform:
/// every behavioural driver is the reform's departure from it in the same year.
pub(crate) fn project_year(
    prepared: &Prepared,
    levers: &Levers,
    year: usize,
    carry: &mut Carry,
    reference: Option<&[YearResult]>,
) -> YearResult {
    let input = prepared.input;
    let county = &input.county;
    let assumptions = &input.assumptions;
    let today = &input.baseline;
    let settings = YearSettings {
        input,
        levers,
        year,
    };
    let this_baseline = reference.map(|years| &years[year - 1]);
    let last_baseline = reference.and_then(|years| year.checked_sub(2).map(|index| &years[index]));
    let mut ledger = Ledger::default();

    // 1. Demand.
    carry.growth = carry.growth.next(assumptions);
    let growth = carry.growth;
    let demands: Vec<Demand> = county
        .communities
        .iter()
        .map(|c| demand::community(c, &growth))
        .collect();

    // 2. The budget and what is at stake.
    let budget = insurance::budget(&settings, &demands, &carry.claims_history);
    let spread = assumptions.get(A::SettlementOutlookSpread);
    // The reform's stake is judged where the community would stand without it (the baseline's claims
    // last year): what its rules put at stake, not a feedback of its own savings or overspending.
    let stakes: Vec<Decimal> = (0..demands.len())
        .map(|c| {
            let last_claims = last_baseline.map_or(carry.claims_history[c][0], |b| {
                b.communities[c].claims.sum()
            });
            insurance::stake(budget.quotas[c], last_claims, levers, year, spread)
        })
        .collect();

    // 3. Where patients go.
    let decay = Decimal::ONE - assumptions.get(A::CapacityDecayRate);
    carry.county_gain = factor(
        decay * carry.county_gain
            + assumptions.get(A::CountyCapacityElasticity) * carry.last_bed_excess,
    );
    // The money, not the rate: the per-bed subsidy beyond today's, per county-hospital bed, in thousands.
    carry.last_bed_excess = (levers.at(L::PerBedSubsidyYuan, year)
        - today.at(L::PerBedSubsidyYuan, year))
        * prepared.base.subsidised_bed_share
        / Decimal::ONE_THOUSAND;
    let responses = Responses {
        tilt_elasticity: assumptions.get(A::OutpatientTiltElasticity),
        primary_capacity_elasticity: assumptions.get(A::PrimaryCapacityElasticity),
        primary_pay_elasticity: assumptions.get(A::PrimaryPayElasticity),
        budget_outside_elasticity: assumptions.get(A::BudgetIncentiveElasticity),
        budget_primary_elasticity: assumptions.get(A::BudgetPrimaryElasticity),
        county_capability_applies: false,
    };
    let inpatient_responses = Responses {
        tilt_elasticity: assumptions.get(A::InpatientTiltElasticity),
        county_capability_applies: true,
        ..responses
    };
    let speed = assumptions.get(A::AdjustmentSpeed);
    let years_elapsed = Decimal::from(year as u64);
    let sent_down = levers.at(L::StaffSentDownPerTownship, year);
    let care_settings = CareSettings {
        growth: &growth,
        rates: &county.reimbursement,
        tilt_points: levers.at(L::PrimaryTiltPoints, year),
        special_fund_rate: levers.at(L::SpecialFundRate, year),
        nonpersonnel_ratios: Tier::ALL.map(|tier| care::nonpersonnel_ratio(assumptions, tier)),
    };
    let mut cares = Vec::with_capacity(demands.len());
    for (c, (community, prep)) in county
        .communities
        .iter()
        .zip(&prepared.communities)
        .enumerate()
    {
        let stake_gain =
            this_baseline.map_or(Decimal::ZERO, |b| stakes[c] - b.communities[c].budget_stake);
        let pay_gain = match last_baseline {
            Some(before) if !before.communities[c].primary_average_pay.is_zero() => {
                carry.primary_pay[c] / before.communities[c].primary_average_pay - Decimal::ONE
            }
            _ => Decimal::ZERO,
        };
        let development_excess = last_baseline.map_or(Decimal::ZERO, |b| {
            carry.last_development[c] - b.communities[c].fund.development
        });
        carry.development_gain[c] = factor(
            decay * carry.development_gain[c]
                + assumptions.get(A::DevelopmentCapacityFactor)
                    * ratio(development_excess, carry.last_primary_base_pay[c]),
        );
        let township_staff = prep.tiers[Tier::Township.slot()].staff;
        let drivers = Drivers {
            tilt_points: levers.at(L::PrimaryTiltPoints, year)
                - today.at(L::PrimaryTiltPoints, year),
            sent_down_gain: ratio(
                (prep.staff_sent_down(sent_down)
                    - prep.staff_sent_down(today.at(L::StaffSentDownPerTownship, year)))
                    * assumptions.get(A::SentDownCapacityFactor),
                township_staff,
            ),
            development_gain: carry.development_gain[c],
            pay_gain,
            county_gain: carry.county_gain,
            stake: stake_gain,
        };
        let visit_base = flow::trended(
            &prep.visit_shares,
            years_elapsed,
            assumptions.get(A::PrimaryVisitShareTrend),
            Decimal::ZERO,
        );
        let admission_base = flow::trended(
            &prep.admission_shares,
            years_elapsed,
            Decimal::ZERO,
            assumptions.get(A::OutsideAdmissionShareTrend),
        );
        let visit_target =
            flow::target_shares(&visit_base, &flow::multipliers(&drivers, &responses));
        let admission_target = flow::target_shares(
            &admission_base,
            &flow::multipliers(&drivers, &inpatient_responses),
        );
        carry.visit_shares[c] =
            flow::approach(&carry.visit_shares[c], &visit_target, speed).map(factor);
        carry.admission_shares[c] =
            flow::approach(&carry.admission_shares[c], &admission_target, speed).map(factor);
        carry.restraint[c] = factor(
            (carry.restraint[c]
                * (Decimal::ONE - assumptions.get(A::BudgetCostContainment) * stake_gain))
                .max(Decimal::ZERO),
        );
        let total_visits = prep.base_visits.sum() * demands[c].volume_factor;
        let total_admissions = prep.base_admissions.sum() * demands[c].volume_factor;
        let visits = carry.visit_shares[c].map(|share| factor(total_visits * share));
        let admissions = carry.admission_shares[c].map(|share| factor(total_admissions * share));

        // 4. Care.
        cares.push(care::community(
            prep,
            &community.out_of_county,
            visits,
            admissions,
            carry.restraint[c],
            &care_settings,
        ));
    }

    // 5. Settlement.
    let claims: Vec<ByPlace<Decimal>> = cares.iter().map(|care| care.claims).collect();
    let settled = insurance::settle(&settings, &budget, &claims, &mut ledger);

    // 6-10. The pooled fund, paying members, fiscal money, pay and the members' books, by community.
    let method = PaymentMethod::from_lever(levers.at(L::MemberPaymentMethod, year));
    let rule = SharingRule::from_levers(levers, year);
    let primary_weight = levers.at(L::PrimaryRewardWeight, year);
    let use_shares = [
        L::FundShareRewards,
        L::FundShareDevelopment,
        L::FundShareReserve,
    ]
    .map(|lever| levers.at(lever, year));
    let public_health_split = [
        L::PublicHealthShareCounty,
        L::PublicHealthShareTownship,
        L::PublicHealthShareVillage,
    ]
    .map(|lever| levers.at(lever, year));
    let labour_share = assumptions.get(A::PublicHealthLabourShare);
    let per_bed_rate = levers.at(L::PerBedSubsidyYuan, year);
    let mut tiers: [TierYear; 3] = Default::default();
    let mut communities = Vec::with_capacity(cares.len());
    let mut hospitals_in_balance = Decimal::ZERO;
    let mut hospitals = Decimal::ZERO;
    let mut county_tier_extra = indicators::PublicHospitals::default();
    for (c, (community, prep)) in county
        .communities
        .iter()
        .zip(&prepared.communities)
        .enumerate()
    {
        let care = &cares[c];
        let settlement = &settled[c].settlement;
        let staff = prep.tiers.map(|t| t.staff);
        let base_pay = prep.tiers.map(|t| fen(t.base_payroll * growth.wage));
        let topup_rate = levers.at(L::PrimaryPayTopupRate, year);
        let guaranteed = [
            Decimal::ZERO,
            fen(base_pay[1] * topup_rate),
            fen(base_pay[2] * topup_rate),
        ];
        // Rewards follow heads, the tilt toward primary staff, and the work done (多劳多得).
        let tier_weight = [Decimal::ONE, primary_weight, primary_weight];
        let reward_weights = Tier::ALL.map(|tier| {
            let slot = tier.slot();
            staff[slot] * tier_weight[slot] * care::workload_index(prep, care, tier)
        });
        let through_fund = budget.global && method.uses_pooled_fund();
        let staff_sent_down = prep.staff_sent_down(sent_down);
        let fund = community_fund::year(
            &community_fund::FundInputs {
                brought_forward: carry.reserves[c],
                surplus_retained: if through_fund {
                    settlement.surplus_retained
                } else {
                    Decimal::ZERO
                },
                quality_returned: if through_fund || !budget.global {
                    settled[c].quality_returned
                } else {
                    Decimal::ZERO
                },
                special_fund: care.special.iter().copied().sum(),
                overspend_to_cover: if through_fund {
                    settlement.overspend_borne
                } else {
                    Decimal::ZERO
                },
                management_share: levers.at(L::SpecialFundManagementShare, year),
                allowances: fen(staff_sent_down * levers.at(L::SentDownAllowanceYuan, year)),
                guaranteed_topups: guaranteed,
                primary_staff: [Decimal::ZERO, staff[1], staff[2]],
                reward_weights,
                use_shares,
                reserve_cap: fen(care.claims.in_county() * levers.at(L::FundReserveCapRate, year)),
            },
            &mut ledger,
        );
        let payments = members::pay(
            &members::QuotaInputs {
                global_budget: budget.global,
                method,
                rule,
                claims: &care.claims,
                settlement,
                quality_returned: settled[c].quality_returned,
                prepaid: settled[c].prepayments.iter().copied().sum(),
                clearing: settled[c].clearing,
                overspend_covered: fund.overspend_covered,
                fund_shortfall: fund.members_make_up,
                capitation: members::capitation(
                    &prep.base_claims_at(&county.reimbursement, care_settings.tilt_points),
                    budget.quotas[c],
                ),
            },
            &mut ledger,
        );
        let present = prep.tiers.map(|t| t.present);
        let public_health = fiscal::public_health(
            demands[c].residents,
            levers.at(L::PublicHealthPerCapitaYuan, year),
            levers.at(L::PublicHealthPrepaidShare, year),
            assumptions.get(A::PublicHealthAppraisalScore),
            public_health_split,
            present,
            &mut ledger,
        );
        let per_bed = prep.tiers.map(|t| t.subsidised_beds * per_bed_rate);
        let net = books::net_service_income(prep, care, &payments, &base_pay);
        let pay = pay::community(&pay::PayInputs {
            base_pay,
            public_health_pay: public_health
                .by_tier
                .map(|amount| fen(amount * labour_share)),
            topups: fund.primary_topups,
            fund_rewards: fund.rewards,
            allowances: fund.allowances,
            net_service_income: net.iter().copied().sum(),
            reward_share: levers.at(L::StaffRewardShare, year),
            cap_multiple: levers.at(L::SalaryPoolCapMultiple, year),
            reward_weights,
        });
        let booked = books::community(
            &books::MemberBooks {
                prepared: prep,
                care,
                payments: &payments,
                public_health: &public_health,
                per_bed,
                pay: &pay,
                net: &net,
                wage_growth: growth.wage,
                nonpersonnel_ratio_county: care_settings.nonpersonnel_ratios[0],
                special_fund_rate: care_settings.special_fund_rate,
            },
            &mut ledger,
        );
        hospitals_in_balance += booked.hospitals_in_balance;
        hospitals += booked.hospitals;
        county_tier_extra.add(
            care,
            &public_health,
            &pay[0],
            per_bed[0],
            prep.tiers[0].base_subsidy,
            payments.charged[0],
        );
        for tier in Tier::ALL {
            let slot = tier.slot();
            let sums = &mut tiers[slot];
            sums.staff += staff[slot];
            sums.personnel_pay += pay[slot].total();
            sums.revenue += care.revenue(tier);
            sums.insurance_income += payments.paid[slot];
            sums.overspend_charged += payments.charged[slot];
            sums.public_health_funds += public_health.by_tier[slot];
            sums.per_bed_subsidy += per_bed[slot];
            sums.base_pay += pay[slot].base_pay;
            sums.rewards += pay[slot].rewards;
            sums.public_health_pay += pay[slot].public_health_pay;
            sums.topups += pay[slot].topups;
            sums.fund_rewards += pay[slot].fund_rewards;
            sums.balance += booked.balances[slot];
        }
        let primary_pay = pay[1].total() + pay[2].total();
        let primary_staff = staff[1] + staff[2];
        // Rounded as reported, so the reform's pay is compared with the baseline's like for like.
        carry.primary_pay[c] = fen(ratio(primary_pay, primary_staff));
        carry.reserves[c] = fund.carried_forward;
        carry.last_development[c] = fund.development;
        carry.last_primary_base_pay[c] = base_pay[1] + base_pay[2];
        communities.push(CommunityYear {
            name: community.name.clone(),
            insured_residents: demands[c].insured,
            resident_population: demands[c].residents,
            financing: budget.financing[c],
            quota_share: budget.shares[c],
            quota: budget.quotas[c],
            monthly_prepayments: settled[c].prepayments.clone(),
            quarters: settled[c].quarters.clone(),
            claims: care.claims,
            settlement: settlement.clone(),
            quality_guarantee_returned: settled[c].quality_returned,
            special_fund_contributions: fund.special_fund,
            community_fund_carried_forward: fund.carried_forward,
            public_health_budget: public_health.budget,
            budget_stake: stakes[c],
            year_end_clearing: settled[c].clearing,
            member_payments: payments.paid,
            // Under points the overspend reaches members through a lower point value, in proportion to
            // their claims: shown so, though no separate charge is booked.
            overspend_charged: if budget.global && method == PaymentMethod::Points {
                members::charge(
                    settlement.overspend_borne,
                    SharingRule::ByClaims,
                    &members::tier_claims(&care.claims),
                )
            } else {
                payments.charged
            },
            fund_shortfall_charged: payments.fund_shortfall,
            fund,
            staff_sent_down,
            visits: care.visits,
            admissions: care.admissions,
            primary_average_pay: carry.primary_pay[c],
        });
    }
    let per_bed_total: Decimal = tiers.iter().map(|t| t.per_bed_subsidy).sum();
    let base_subsidies: Decimal = prepared
        .communities
        .iter()
        .flat_map(|c| c.tiers.iter())
        .map(|t| t.base_subsidy)
        .sum();
    fiscal::subsidies(per_bed_total, base_subsidies, &mut ledger);
    // The fixed part of base pay is rounded once for the county.
    let base_pay_total: Decimal = tiers.iter().map(|t| t.base_pay).sum();
    let fixed_pay = fen(base_pay_total * levers.at(L::FixedPayShare, year));
    ledger.add(Item::FixedPay, fixed_pay);
    ledger.add(Item::VariablePay, base_pay_total - fixed_pay);

    // 11. Indicators.
    let mut visits = ByPlace::default();
    let mut admissions = ByPlace::default();
    let mut medical_cost = ByPlace::default();
    let mut claims_total = ByPlace::default();
    let mut outpatient_cost = ByPlace::default();
    let mut inpatient_cost = ByPlace::default();
    for care in &cares {
        for place in Place::ALL {
            let add =
                |sum: &mut ByPlace<Decimal>, value: Decimal| sum.set(place, sum.get(place) + value);
            add(&mut visits, care.visits.get(place));
            add(&mut admissions, care.admissions.get(place));
            add(&mut medical_cost, care.cost.get(place));
            add(&mut claims_total, care.claims.get(place));
            add(&mut outpatient_cost, care.outpatient_cost.get(place));
            add(&mut inpatient_cost, care.inpatient_cost.get(place));
        }
    }
    for tier in Tier::ALL {
        let sums = &mut tiers[tier.slot()];
        sums.average_pay = fen(ratio(sums.personnel_pay, sums.staff));
        sums.cost_per_visit = fen(ratio(
            outpatient_cost.get(tier.place()),
            visits.get(tier.place()),
        ));
        sums.cost_per_admission = fen(ratio(
            inpatient_cost.get(tier.place()),
            admissions.get(tier.place()),
        ));
    }
    let indicators = indicators::year(&indicators::IndicatorInputs {
        prepared,
        levers,
        year,
        visits: &visits,
        admissions: &admissions,
        medical_cost: &medical_cost,
        claims: &claims_total,
        outpatient_cost: &outpatient_cost,
        inpatient_cost: &inpatient_cost,
        tiers: &tiers,
        public_hospitals: &county_tier_extra,
        hospitals_in_balance,
        hospitals,
        communities: &communities,
        ledger: &ledger,
        carry,
    });
    for history in carry.claims_history.iter_mut().zip(&claims) {
        history.0.insert(0, history.1.sum());
        history.0.truncate(3);
    }
    for place in Place::ALL {
        carry
            .cost_per_visit
            .set(place, ratio(outpatient_cost.get(place), visits.get(place)));
        carry.cost_per_admission.set(
            place,
            ratio(inpatient_cost.get(place), admissions.get(place)),
        );
    }
    carry.total_cost = medical_cost.sum();

    YearResult {
        year: county.base_year + year as i32,
        index: year,
        indicators,
        visits,
        admissions,
        medical_cost,
        claims: claims_total,
        tiers: tiers.to_vec(),
        communities,
        ledger,
    }
}
