//! Properties over many generated counties: the books balance to the fen, shares stay in 0-1, the
//! baseline reproduces itself, and more money to primary care never lowers the primary share.

use proptest::prelude::*;
use rust_decimal::Decimal;
use ygt::model::params::SPLITS;
use ygt::model::{
    project, Assumption, Assumptions, ByPlace, Community, County, Horizon, Institution, Lever,
    Levers, ModelInput, OutOfCounty, Place, Reimbursement, Schedule, Tier, Unit, YearResult,
};

fn money(max: i64) -> impl Strategy<Value = Decimal> {
    (0..=max * 100).prop_map(|fen| Decimal::new(fen, 2))
}

fn share() -> impl Strategy<Value = Decimal> {
    (0i64..=1000).prop_map(|milli| Decimal::new(milli, 3))
}

fn institution(tier: Tier, lead: bool) -> impl Strategy<Value = Institution> {
    (
        1u32..50,
        0i64..2000,
        1i64..3000,
        0i64..2_000_000,
        0i64..60_000,
        money(600),
        money(20_000),
        money(200_000),
        money(5_000_000),
    )
        .prop_map(
            move |(count, beds, staff, visits, admissions, cpv, cpa, pay, subsidy)| Institution {
                name: format!("{tier:?}"),
                tier,
                is_lead: lead,
                count: if lead { 1 } else { count },
                beds: Decimal::from(beds),
                staff: Decimal::from(staff),
                doctors: Decimal::from(staff * 2 / 5),
                nurses: Decimal::from(staff / 2),
                average_stay_days: Decimal::from(staff % 12),
                outpatient_visits: Decimal::from(visits),
                admissions: if tier == Tier::Village {
                    Decimal::ZERO
                } else {
                    Decimal::from(admissions)
                },
                cost_per_visit: cpv,
                cost_per_admission: cpa,
                average_pay: pay,
                base_subsidy: subsidy,
                per_bed_subsidy_eligible: tier == Tier::County,
            },
        )
}

fn community() -> impl Strategy<Value = Community> {
    (
        0i64..800_000,
        0i64..900_000,
        institution(Tier::County, true),
        prop::collection::vec(
            prop_oneof![
                institution(Tier::County, false),
                institution(Tier::Township, false),
                institution(Tier::Village, false)
            ],
            0..6,
        ),
        (0i64..500_000, 0i64..30_000, money(1000), money(40_000)),
    )
        .prop_map(|(insured, residents, lead, others, (ov, oa, ocpv, ocpa))| {
            let mut institutions = vec![lead];
            institutions.extend(others);
            Community {
                name: "c".into(),
                insured_residents: Decimal::from(insured),
                resident_population: Decimal::from(residents),
                institutions,
                out_of_county: OutOfCounty {
                    outpatient_visits: Decimal::from(ov),
                    admissions: Decimal::from(oa),
                    cost_per_visit: ocpv,
                    cost_per_admission: ocpa,
                },
            }
        })
}

fn places() -> impl Strategy<Value = ByPlace<Decimal>> {
    (share(), share(), share(), share()).prop_map(|(a, b, c, d)| ByPlace([a, b, c, d]))
}

/// Random lever settings within their accepted ranges (public-health split adding to one).
fn levers() -> impl Strategy<Value = Levers> {
    prop::collection::vec(0i64..=1000, Lever::ALL.len()).prop_flat_map(|draws| {
        (Just(draws), 0i64..=1000, 0i64..=1000).prop_map(|(draws, a, b)| {
            let mut levers = Levers::default();
            for (lever, draw) in Lever::ALL.iter().zip(draws) {
                let spec = lever.spec();
                let value = if matches!(spec.unit, Unit::Switch | Unit::Choice | Unit::Years) {
                    spec.min + Decimal::from(draw) % (spec.max - spec.min + Decimal::ONE)
                } else {
                    (spec.min + (spec.max - spec.min) * Decimal::new(draw, 3)).round_dp(2)
                };
                levers.set(*lever, Schedule::constant(value));
            }
            // Reserves together take at most the whole fund (the reader refuses more).
            let reserves = [
                Lever::CriticalIllnessRate,
                Lever::RiskReserveRate,
                Lever::QualityReserveRate,
            ];
            let total: Decimal = reserves.iter().map(|l| levers.at(*l, 1)).sum();
            if total > Decimal::ONE {
                for lever in reserves {
                    levers.set(
                        lever,
                        Schedule::constant(
                            (levers.at(lever, 1) / total)
                                .round_dp_with_strategy(3, rust_decimal::RoundingStrategy::ToZero),
                        ),
                    );
                }
            }
            // Every split adds to one (the reader refuses anything else).
            let (low, high) = (a.min(b), a.max(b));
            for split in SPLITS {
                let [first, second, third] = split.levers;
                levers.set(first, Schedule::constant(Decimal::new(low, 3)));
                levers.set(second, Schedule::constant(Decimal::new(high - low, 3)));
                levers.set(third, Schedule::constant(Decimal::new(1000 - high, 3)));
            }
            levers
        })
    })
}

fn model_input() -> impl Strategy<Value = ModelInput> {
    (
        prop::collection::vec(community(), 1..=3),
        1u8..=10,
        money(1500),
        money(800),
        places(),
        places(),
        levers(),
        levers(),
    )
        .prop_map(
            |(
                communities,
                horizon,
                government,
                individual,
                outpatient,
                inpatient,
                baseline,
                reform,
            )| ModelInput {
                county: County {
                    name: "generated".into(),
                    base_year: 2024,
                    horizon: Horizon::new(horizon).unwrap(),
                    communities,
                    government_per_capita: Schedule::constant(government),
                    individual_per_capita: Schedule::constant(individual),
                    reimbursement: Reimbursement {
                        outpatient,
                        inpatient,
                    },
                },
                baseline,
                reform,
                assumptions: Assumptions::default(),
            },
        )
}

fn check_year(year: &YearResult) -> Result<(), TestCaseError> {
    prop_assert!(
        year.ledger.imbalances().is_empty(),
        "imbalance {:?} in {}",
        year.ledger.imbalances(),
        year.year
    );
    prop_assert_eq!(year.ledger.total_sources(), year.ledger.total_uses());
    prop_assert!(
        year.ledger.negative_lines().is_empty(),
        "negative lines {:?}",
        year.ledger.negative_lines()
    );
    for item in ygt::model::Item::ALL {
        let amount = year.ledger.amount(*item);
        prop_assert_eq!(amount, amount.round_dp(2), "{:?} not in fen", item);
    }
    let i = &year.indicators;
    for (name, value) in [
        ("county_consultation_rate", i.county_consultation_rate),
        ("in_county_admission_share", i.in_county_admission_share),
        ("primary_outpatient_share", i.primary_outpatient_share),
        ("primary_inpatient_share", i.primary_inpatient_share),
        (
            "insurance_in_county_spending_rate",
            i.insurance_in_county_spending_rate,
        ),
        ("personnel_spending_share", i.personnel_spending_share),
        ("fixed_pay_share", i.fixed_pay_share),
        (
            "public_hospitals_in_balance_share",
            i.public_hospitals_in_balance_share,
        ),
        ("budget_stake", i.budget_stake),
        ("service_revenue_share", i.service_revenue_share),
    ] {
        prop_assert!(
            value >= Decimal::ZERO && value <= Decimal::ONE,
            "{} = {}",
            name,
            value
        );
    }
    for place in Place::ALL {
        prop_assert!(year.visits.get(place) >= Decimal::ZERO);
        prop_assert!(year.admissions.get(place) >= Decimal::ZERO);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn books_balance_and_shares_stay_in_range(input in model_input()) {
        let projection = project(&input);
        prop_assert_eq!(projection.scenario.len(), input.county.horizon.years());
        for year in projection.baseline.iter().chain(&projection.scenario) {
            check_year(year)?;
        }
    }

    #[test]
    fn baseline_reproduces_itself(mut input in model_input()) {
        input.reform = input.baseline.clone();
        // Without background trends (docs/model.md §4) the base year's pattern holds.
        input.assumptions.set(Assumption::PrimaryVisitShareTrend, Decimal::ZERO);
        input.assumptions.set(Assumption::OutsideAdmissionShareTrend, Decimal::ZERO);
        let projection = project(&input);
        prop_assert_eq!(&projection.scenario, &projection.baseline);
        // Today's levers every year: the base-year pattern of care stands every year. Volumes are carried
        // to 12 places (docs/model.md §1), so shares recomputed from them agree to 10 places (results
        // are reported to 6).
        let first = &projection.baseline[0].indicators;
        let tolerance = Decimal::new(1, 10);
        for year in &projection.baseline {
            for (now, then) in [
                (year.indicators.county_consultation_rate, first.county_consultation_rate),
                (year.indicators.primary_outpatient_share, first.primary_outpatient_share),
                (year.indicators.in_county_admission_share, first.in_county_admission_share),
            ] {
                prop_assert!((now - then).abs() <= tolerance, "{} vs {} in {}", now, then, year.year);
            }
        }
    }

    /// The direct responses: with the feedbacks through money switched off (money at stake, pay,
    /// capacity building), more money to primary care never lowers the primary share. With the feedbacks
    /// on, a reform can move money against primary care (a tilt raises claims and so an overspend the
    /// members share), so strict monotonicity is checked on the shipped scenarios by sweeping the levers
    /// (`tests/engine_cases.rs`).
    #[test]
    fn more_money_to_primary_never_lowers_the_primary_share(
        mut input in model_input(),
        extra_tilt in 0i64..=20,
        extra_topup in 0i64..=50,
        extra_sent_down in 0i64..=5,
    ) {
        direct_responses_only(&mut input);
        let mut more = input.clone();
        bump(&mut more.reform, Lever::PrimaryTiltPoints, Decimal::from(extra_tilt));
        bump(&mut more.reform, Lever::PrimaryPayTopupRate, Decimal::new(extra_topup, 2));
        bump(&mut more.reform, Lever::StaffSentDownPerTownship, Decimal::from(extra_sent_down));
        let before = project(&input);
        let after = project(&more);
        for (b, a) in before.scenario.iter().zip(&after.scenario) {
            prop_assert!(a.indicators.primary_outpatient_share >= b.indicators.primary_outpatient_share,
                "year {}: {} < {}", a.year, a.indicators.primary_outpatient_share, b.indicators.primary_outpatient_share);
            prop_assert!(a.indicators.primary_inpatient_share >= b.indicators.primary_inpatient_share);
        }
    }

    /// With nothing at stake (no surplus may be kept, every overspend met by the fund, no quality money
    /// to earn), a global budget brings no response: patients go where they went and costs grow as they did.
    #[test]
    fn nothing_at_stake_no_incentive_response(mut input in model_input()) {
        input.baseline.set(Lever::GlobalBudget, Schedule::constant(Decimal::ZERO));
        input.baseline.set(Lever::MemberPaymentMethod, Schedule::constant(Decimal::ZERO));
        let mut reform = input.baseline.clone();
        reform.set(Lever::GlobalBudget, Schedule::constant(Decimal::ONE));
        // Every surplus kept, but nothing may be kept: a retention cap of zero (the case the issue measured).
        reform.set(Lever::SurplusRetainedShare, Schedule::constant(Decimal::ONE));
        reform.set(Lever::SurplusRetentionCapRate, Schedule::constant(Decimal::ZERO));
        reform.set(Lever::OverspendBandRate, Schedule::constant(Decimal::ONE));
        reform.set(Lever::OverspendFundShare, Schedule::constant(Decimal::ONE));
        reform.set(Lever::QualityReserveRate, Schedule::constant(Decimal::ZERO));
        input.reform = reform;
        // Nothing at stake also needs the fund's band to cover every overspend: a quota far below the
        // claims puts the rest at stake. Generated counties can raise little money, so this one raises
        // plenty.
        input.county.government_per_capita = Schedule::constant(Decimal::from(200_000));
        let projection = project(&input);
        prop_assume!(projection.scenario.iter().all(|y| y.indicators.budget_stake.is_zero() && y.indicators.overspend_borne.is_zero()));
        for (b, s) in projection.baseline.iter().zip(&projection.scenario) {
            prop_assert_eq!(s.visits, b.visits, "visits in {}", s.year);
            prop_assert_eq!(s.admissions, b.admissions, "admissions in {}", s.year);
            prop_assert_eq!(s.medical_cost, b.medical_cost, "cost in {}", s.year);
        }
    }

    /// Public-health money and the special fund never lower primary pay (seed 003 §五(六)2: the special
    /// fund is for, among other things, higher pay for primary staff). The special fund is checked with
    /// its obligations (allowances, guaranteed top-ups) met elsewhere and the two-allowances share at most
    /// a half: when obligations absorb all of it, the management share comes out of the members' net
    /// income and rewards fall a little (docs/model.md §7). Direct responses only, so the pay compared is
    /// for the same patients.
    #[test]
    fn special_fund_and_public_health_money_never_lower_primary_pay(
        mut input in model_input(),
        extra_special in 1i64..=20,
        extra_public_health in 1i64..=100,
        reward_share in 0i64..=50,
    ) {
        direct_responses_only(&mut input);
        for levers in [&mut input.baseline, &mut input.reform] {
            levers.set(Lever::SentDownAllowanceYuan, Schedule::constant(Decimal::ZERO));
            levers.set(Lever::PrimaryPayTopupRate, Schedule::constant(Decimal::ZERO));
            levers.set(Lever::StaffRewardShare, Schedule::constant(Decimal::new(reward_share, 2)));
            levers.set(Lever::SpecialFundManagementShare, Schedule::constant(Lever::SpecialFundManagementShare.spec().default));
        }
        let before = project(&input);
        for (lever, by) in [(Lever::SpecialFundRate, Decimal::new(extra_special, 3)),
                            (Lever::PublicHealthPerCapitaYuan, Decimal::from(extra_public_health))] {
            let mut more = input.clone();
            bump(&mut more.reform, lever, by);
            let after = project(&more);
            for (b, a) in before.scenario.iter().zip(&after.scenario) {
                let primary = |y: &YearResult| y.tiers[1].personnel_pay + y.tiers[2].personnel_pay;
                prop_assert!(primary(a) >= primary(b), "{:?}: primary pay {} < {} in {}", lever, primary(a), primary(b), a.year);
            }
        }
    }

    /// The pooled fund's reserve never exceeds its cap (a share of the community's in-county claims),
    /// so the fund is spent rather than piling up.
    #[test]
    fn the_reserve_stays_under_its_cap(input in model_input()) {
        let projection = project(&input);
        for (run, levers) in [(&projection.baseline, &input.baseline), (&projection.scenario, &input.reform)] {
            for year in run.iter() {
                for community in &year.communities {
                    let cap = (community.claims.in_county() * levers.at(Lever::FundReserveCapRate, 1))
                        .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
                    let nobody_to_reward = community.fund.rewards.iter().all(|r| r.is_zero());
                    prop_assert!(community.fund.carried_forward <= cap || nobody_to_reward,
                        "reserve {} over cap {} in {}", community.fund.carried_forward, cap, year.year);
                }
            }
        }
    }

    /// The per-bed subsidy builds county inpatient capability; it never lowers the primary outpatient
    /// share (direct responses: with the feedbacks on, points can move money between tiers, see
    /// docs/model.md §8).
    #[test]
    fn the_per_bed_subsidy_never_lowers_the_primary_outpatient_share(mut input in model_input(), extra_per_bed in 1i64..=5000) {
        direct_responses_only(&mut input);
        let mut more = input.clone();
        bump(&mut more.reform, Lever::PerBedSubsidyYuan, Decimal::from(extra_per_bed));
        let (before, after) = (project(&input), project(&more));
        for (b, a) in before.scenario.iter().zip(&after.scenario) {
            prop_assert!(a.indicators.primary_outpatient_share >= b.indicators.primary_outpatient_share,
                "year {}: {} < {}", a.year, a.indicators.primary_outpatient_share, b.indicators.primary_outpatient_share);
        }
    }

    /// Public-health money paid is the budget times the appraisal score, whatever was prepaid: the
    /// prepayment is an advance. Nothing else changes either.
    #[test]
    fn public_health_money_does_not_depend_on_the_prepaid_share(input in model_input(), prepaid in 0i64..=100) {
        let mut other = input.clone();
        other.reform.set(Lever::PublicHealthPrepaidShare, Schedule::constant(Decimal::new(prepaid, 2)));
        let (a, b) = (project(&input), project(&other));
        for (x, y) in a.scenario.iter().zip(&b.scenario) {
            prop_assert_eq!(&x.indicators, &y.indicators, "in {}", x.year);
            prop_assert_eq!(&x.tiers, &y.tiers);
        }
    }
}

/// Switches off the responses that carry money back into where patients go (money at stake, pay,
/// capacity building), leaving the direct responses.
fn direct_responses_only(input: &mut ModelInput) {
    for feedback in [
        Assumption::BudgetIncentiveElasticity,
        Assumption::BudgetPrimaryElasticity,
        Assumption::PrimaryPayElasticity,
        Assumption::DevelopmentCapacityFactor,
    ] {
        input.assumptions.set(feedback, Decimal::ZERO);
    }
}

/// Raises a lever's first value by `by`, within its accepted range.
fn bump(levers: &mut Levers, lever: Lever, by: Decimal) {
    let value = (levers.at(lever, 1) + by).min(lever.spec().max);
    levers.set(lever, Schedule::constant(value));
}
