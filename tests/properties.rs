//! Properties over many generated counties: the books balance to the fen, shares stay in 0-1, the
//! baseline reproduces itself, and more money to primary care never lowers the primary share.

use proptest::prelude::*;
use rust_decimal::Decimal;
use ygt::model::{
    project, Assumptions, ByPlace, Community, County, Horizon, Institution, Lever, Levers,
    ModelInput, OutOfCounty, Place, Reimbursement, Schedule, Tier, YearResult,
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
                let value = if spec.key == "global_budget" {
                    Decimal::from(draw % 2)
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
            let (low, high) = (a.min(b), a.max(b));
            levers.set(
                Lever::PublicHealthShareCounty,
                Schedule::constant(Decimal::new(low, 3)),
            );
            levers.set(
                Lever::PublicHealthShareTownship,
                Schedule::constant(Decimal::new(high - low, 3)),
            );
            levers.set(
                Lever::PublicHealthShareVillage,
                Schedule::constant(Decimal::new(1000 - high, 3)),
            );
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
            "institutions_in_balance_share",
            i.institutions_in_balance_share,
        ),
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

    #[test]
    fn more_money_to_primary_never_lowers_the_primary_share(
        input in model_input(),
        extra_tilt in 0i64..=20,
        extra_topup in 0i64..=50,
        extra_sent_down in 0i64..=5,
    ) {
        let mut more = input.clone();
        let bump = |levers: &mut Levers, lever: Lever, by: Decimal| {
            let spec = lever.spec();
            let value = (levers.at(lever, 1) + by).min(spec.max);
            levers.set(lever, Schedule::constant(value));
        };
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
}
