//! Every lever does something, and the levers do what the policy says across the shipped scenarios,
//! with every feedback of the model on: sweeps of each lever over its range, as a county health
//! official would try them.

mod common;

use common::run_file;
use rust_decimal::Decimal;
use ygt::model::{Lever, Projection, Unit};
use ygt::report::INDICATORS;

const DEFAULT: &str = "scenarios/henan-county.toml";
const SHIPPED: [&str; 5] = [
    "scenarios/henan-county.toml",
    "scenarios/luxian-three-communities.toml",
    "scenarios/miyi-special-fund.toml",
    "scenarios/suixi-two-communities.toml",
    "scenarios/yaan-primary-tilt.toml",
];

/// Every indicator of every year of the reform, as text: what a user can see.
fn seen(projection: &Projection) -> Vec<Decimal> {
    projection
        .scenario
        .iter()
        .flat_map(|year| {
            INDICATORS
                .iter()
                .map(move |row| (row.read)(&year.indicators))
        })
        .collect()
}

/// The settings that put a lever to work in the default scenario: a lever that only matters under
/// another setting gets that setting.
fn context(lever: Lever) -> Vec<String> {
    let set = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| format!("reform.{k}={v}"))
            .collect()
    };
    match lever {
        // Sharing an overspend applies to fee for service and capitation (points share it by the point
        // value), when the overspend is more than the quality money returned can meet (so: no quality
        // reserve, and the fund shares none of it).
        Lever::OverspendSharingRule => set(&[
            ("member_payment_method", "0"),
            ("quality_reserve_rate", "0"),
            ("overspend_fund_share", "0"),
        ]),
        Lever::OverspendPrimaryShare => set(&[
            ("member_payment_method", "0"),
            ("overspend_sharing_rule", "2"),
            ("quality_reserve_rate", "0"),
            ("overspend_fund_share", "0"),
        ]),
        // The pooled fund's uses apply to the money that goes through it: under fee for service, the
        // retained surplus and the quality money.
        Lever::FundShareRewards
        | Lever::FundShareDevelopment
        | Lever::FundShareReserve
        | Lever::FundReserveCapRate => set(&[("member_payment_method", "0")]),
        _ => Vec::new(),
    }
}

/// The values a lever is tried at: every option of a choice, otherwise its accepted minimum, a middle
/// value and its maximum. A lever in a split takes its partners along (the first partner absorbs the
/// difference, so the split still adds to one).
fn settings(lever: Lever) -> Vec<Vec<String>> {
    let spec = lever.spec();
    let values: Vec<Decimal> = match spec.unit {
        Unit::Switch | Unit::Choice | Unit::Years => {
            let mut v = spec.min;
            let mut all = Vec::new();
            while v <= spec.max {
                all.push(v);
                v += Decimal::ONE;
            }
            all
        }
        _ => vec![spec.min, (spec.min + spec.max) / Decimal::TWO, spec.max],
    };
    values
        .into_iter()
        .map(|value| {
            let mut sets = context(lever);
            sets.push(format!("reform.{}={}", spec.key, value));
            if let Some(split) = lever.split() {
                let others: Vec<Lever> = split
                    .levers
                    .iter()
                    .copied()
                    .filter(|l| *l != lever)
                    .collect();
                sets.push(format!(
                    "reform.{}={}",
                    others[0].spec().key,
                    Decimal::ONE - value
                ));
                sets.push(format!("reform.{}=0", others[1].spec().key));
            }
            sets
        })
        .collect()
}

/// Levers that change when money moves but not how much: docs/model.md says why each is reporting-only.
/// The prepaid share of public-health funds: the year-end appraisal settles the whole budget, so the
/// prepayment is an advance (§9); it moves the ledger's prepaid and settled lines, checked below.
const TIMING_ONLY: [Lever; 1] = [Lever::PublicHealthPrepaidShare];

#[test]
fn every_lever_moves_at_least_one_indicator_somewhere_in_its_range() {
    let mut idle = Vec::new();
    for lever in Lever::ALL.iter().filter(|l| !TIMING_ONLY.contains(l)) {
        let runs: Vec<Vec<Decimal>> = settings(*lever)
            .iter()
            .map(|sets| {
                let sets: Vec<&str> = sets.iter().map(String::as_str).collect();
                seen(&run_file(DEFAULT, &sets))
            })
            .collect();
        if runs.windows(2).all(|pair| pair[0] == pair[1]) {
            idle.push(lever.spec().key);
        }
    }
    assert!(
        idle.is_empty(),
        "levers that move no indicator in the default scenario: {idle:?}"
    );
    for lever in TIMING_ONLY {
        let key = lever.spec().key;
        let low = run_file(DEFAULT, &[format!("reform.{key}=0").as_str()]);
        let high = run_file(DEFAULT, &[format!("reform.{key}=1").as_str()]);
        assert_eq!(
            seen(&low),
            seen(&high),
            "{key} moves an indicator: docs/model.md says it does not"
        );
        assert_ne!(
            low.scenario[0].ledger, high.scenario[0].ledger,
            "{key} moves nothing at all"
        );
    }
}

/// Year-5 value of an indicator after a lever sweep in each shipped scenario: never lower as the lever
/// goes up.
#[track_caller]
fn never_falls(lever: &str, values: &[&str], read: fn(&ygt::model::YearResult) -> Decimal) {
    never_falls_at(lever, values, read, 28)
}

/// The same, compared at `places` decimal places.
#[track_caller]
fn never_falls_at(
    lever: &str,
    values: &[&str],
    read: fn(&ygt::model::YearResult) -> Decimal,
    places: u32,
) {
    for scenario in SHIPPED {
        let mut before: Option<Decimal> = None;
        for value in values {
            let set = format!("reform.{lever}={value}");
            let run = run_file(scenario, &[set.as_str()]);
            let now = read(run.scenario.last().unwrap()).round_dp(places);
            if let Some(previous) = before {
                assert!(
                    now >= previous,
                    "{scenario}: {lever} = {value} lowers it: {now} < {previous}"
                );
            }
            before = Some(now);
        }
    }
}

#[test]
fn more_money_to_primary_care_never_lowers_the_primary_share_in_the_shipped_scenarios() {
    let primary = |y: &ygt::model::YearResult| y.indicators.primary_outpatient_share;
    never_falls(
        "primary_tilt_points",
        &["0", "5", "10", "15", "20"],
        primary,
    );
    never_falls(
        "primary_pay_topup_rate",
        &["0", "0.1", "0.2", "0.3"],
        primary,
    );
    never_falls(
        "public_health_per_capita_yuan",
        &["79", "99", "120", "150"],
        primary,
    );
    never_falls("special_fund_rate", &["0", "0.01", "0.02"], primary);
}

#[test]
fn the_per_bed_subsidy_keeps_admissions_in_the_county_and_never_lowers_the_primary_share() {
    never_falls(
        "per_bed_subsidy_yuan",
        &["0", "3000", "4000", "5000", "10000", "25000"],
        |y| y.indicators.in_county_admission_share,
    );
    never_falls(
        "per_bed_subsidy_yuan",
        &["0", "3000", "4000", "5000", "10000", "25000"],
        |y| y.indicators.primary_outpatient_share,
    );
    never_falls(
        "per_bed_subsidy_yuan",
        &["0", "3000", "4000", "5000", "10000", "25000"],
        |y| y.indicators.county_consultation_rate,
    );
}

#[test]
fn public_health_money_and_the_special_fund_raise_primary_pay_in_the_shipped_scenarios() {
    never_falls(
        "public_health_per_capita_yuan",
        &["79", "99", "120", "150"],
        |y| y.indicators.average_pay_village,
    );
    never_falls(
        "public_health_per_capita_yuan",
        &["79", "99", "120", "150"],
        |y| y.indicators.average_pay_township,
    );
    never_falls("special_fund_rate", &["0", "0.01", "0.02"], |y| {
        y.indicators.average_pay_township
    });
    never_falls("special_fund_rate", &["0", "0.01", "0.02"], |y| {
        y.indicators.average_pay_village
    });
}

#[test]
fn more_at_stake_keeps_more_patients_in_the_county() {
    // The retained share only matters with a global budget and a surplus; the default's reform has both
    // from its third year. Keeping more of a surplus never sends patients out of the county.
    never_falls("surplus_retained_share", &["0", "0.5", "1"], |y| {
        y.indicators.county_consultation_rate
    });
    never_falls(
        "surplus_retention_cap_rate",
        &["0", "0.05", "0.1", "0.2"],
        |y| y.indicators.county_consultation_rate,
    );
}
