//! The analyses (crate/src/analysis, `ygt uncertainty | sensitivity | seek | attribute | diff | batch`):
//! properties checked against runs of the model made here, not against the analyses' own arithmetic.

mod common;

use std::process::Command;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use ygt::analysis::{self, attribution, diff, seek, sensitivity, uncertainty};
use ygt::model::{project, Lever};

const HENAN: &str = "scenarios/henan-county.toml";

fn ygt(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_ygt"))
        .args(args)
        .current_dir(common::root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_same_seed_gives_the_same_figures_and_draws_split_between_workers_agree() {
    let run = [
        "uncertainty",
        HENAN,
        "--draws",
        "200",
        "--seed",
        "42",
        "--json",
    ];
    let once = ygt(&run);
    let again = ygt(&run);
    assert_eq!(once, again);
    let other = ygt(&[
        "uncertainty",
        HENAN,
        "--draws",
        "200",
        "--seed",
        "43",
        "--json",
    ]);
    assert_ne!(once, other);
    // Draws 0-119 and 120-199 (two workers) summarise to the figures of draws 0-199 in one run.
    let input = common::load_file(HENAN, &[]).scenario.input;
    let mut split = uncertainty::run_draws(&input, 42, 0, 120);
    split.extend(uncertainty::run_draws(&input, 42, 120, 200));
    let whole = uncertainty::run_draws(&input, 42, 0, 200);
    assert_eq!(split, whole);
    // A draw is a real run of the model with the drawn assumptions.
    let varied = uncertainty::varied();
    let drawn = uncertainty::draw_input(&input, &varied, 42, 7);
    let run = project(&drawn);
    assert_eq!(
        whole[7].values[4][0],
        run.scenario[4].indicators.county_consultation_rate
    );
    for v in &varied {
        let value = drawn.assumptions.get(v.assumption);
        assert!(
            value >= v.low && value <= v.high,
            "{:?} {value}",
            v.assumption
        );
    }
}

#[test]
fn percentiles_are_ordered_and_chances_are_shares_of_draws() {
    let input = common::load_file(HENAN, &[]).scenario.input;
    let draws = uncertainty::run_draws(&input, 3, 0, 300);
    let summary = uncertainty::summarize(&draws);
    for bands in &summary.bands {
        for (p10, p50, p90) in bands {
            assert!(p10 <= p50 && p50 <= p90);
        }
    }
    // The chance of 90% county consultation in the last year, counted here from the draws' values.
    let met = draws.iter().filter(|d| d.values[4][0] >= dec!(0.9)).count();
    assert_eq!(summary.chances[0], Decimal::from(met) / Decimal::from(300));
    // Nearest-rank percentiles of 1..=10.
    let ten: Vec<Decimal> = (1..=10).map(Decimal::from).collect();
    assert_eq!(uncertainty::percentile(&ten, 10), dec!(1));
    assert_eq!(uncertainty::percentile(&ten, 50), dec!(5));
    assert_eq!(uncertainty::percentile(&ten, 90), dec!(9));
}

#[test]
fn goal_seek_finds_a_value_that_meets_the_target_when_run_again() {
    let out = ygt(&[
        "seek",
        HENAN,
        "--lever",
        "primary_tilt_points",
        "--indicator",
        "county_consultation_rate",
        "--target",
        "0.91",
        "--json",
    ]);
    let found: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["meets"], true);
    let value = found["value"].as_str().unwrap();
    let run = common::run_file(HENAN, &[&format!("reform.primary_tilt_points={value}")]);
    let reached = run.scenario[4].indicators.county_consultation_rate;
    assert!(
        (reached - dec!(0.91)).abs() <= dec!(0.0001),
        "{value} gives {reached}"
    );
    // A target out of reach: the closest value, said not to meet it.
    let input = common::load_file(HENAN, &[]).scenario.input;
    let row = analysis::indicator("county_consultation_rate").unwrap();
    let far = seek::seek(
        &input,
        Lever::from_key("per_bed_subsidy_yuan").unwrap(),
        row,
        2029,
        dec!(0.99),
    )
    .unwrap();
    assert!(!far.meets);
    // Split levers and switches cannot be sought alone.
    assert!(seek::seekable(Lever::from_key("public_health_share_county").unwrap()).is_err());
    assert!(seek::seekable(Lever::from_key("global_budget").unwrap()).is_err());
}

#[test]
fn attribution_adds_up_and_matches_shapley_computed_by_hand() {
    // A reform of two levers: each one's Shapley value is the average of its two marginal effects.
    let mut document = ygt::scenario::Document::from_text(&common::read(HENAN)).unwrap();
    document.clear_reform();
    document.set("reform.global_budget", "true").unwrap();
    document.set("reform.primary_tilt_points", "10").unwrap();
    let input = ygt::scenario::validate(&document).unwrap().scenario.input;
    let (budget, tilt) = (
        Lever::from_key("global_budget").unwrap(),
        Lever::from_key("primary_tilt_points").unwrap(),
    );
    let rate = |levers: &[Lever]| {
        let mut mixed = input.clone();
        mixed.reform = input.baseline.clone();
        for lever in levers {
            mixed
                .reform
                .set(*lever, input.reform.schedule(*lever).clone());
        }
        project(&mixed).scenario[4]
            .indicators
            .county_consultation_rate
    };
    let (none, only_budget, only_tilt, both) = (
        rate(&[]),
        rate(&[budget]),
        rate(&[tilt]),
        rate(&[budget, tilt]),
    );
    let row = analysis::indicator("county_consultation_rate").unwrap();
    let result = attribution::attribute(&input, row, 2029).unwrap();
    assert!(result.exact);
    assert_eq!(result.parts.len(), 2);
    assert_eq!(result.parts[0].levers, vec![budget]);
    assert_eq!(
        result.parts[0].contribution,
        ((only_budget - none) + (both - only_tilt)) / dec!(2)
    );
    assert_eq!(
        result.parts[1].contribution,
        ((only_tilt - none) + (both - only_budget)) / dec!(2)
    );
    assert_eq!((result.baseline, result.reform), (none, both));

    // The shipped package (11 parts, 2,048 runs): the shares add up to the change, and so do the bars as
    // shown (to 0.01 points).
    let input = common::load_file(HENAN, &[]).scenario.input;
    let result = attribution::attribute(&input, row, 2029).unwrap();
    let total = result.reform - result.baseline;
    let sum: Decimal = result.parts.iter().map(|p| p.contribution).sum();
    assert!(
        (sum - total).abs() < dec!(0.0000000000000000001),
        "{sum} vs {total}"
    );
    let shown = attribution::rounded(&result, 4);
    assert_eq!(shown.iter().sum::<Decimal>(), total.round_dp(4));
}

#[test]
fn the_tornado_moves_each_assumption_to_the_ends_of_its_range() {
    let input = common::load_file(HENAN, &[]).scenario.input;
    let row = analysis::indicator("county_consultation_rate").unwrap();
    let (base, bars) = sensitivity::tornado(&input, row, 2029).unwrap();
    assert_eq!(
        base,
        project(&input).scenario[4]
            .indicators
            .county_consultation_rate
    );
    assert_eq!(bars.len(), uncertainty::varied().len());
    assert!(bars.windows(2).all(|w| w[0].swing() >= w[1].swing()));
    let widest = &bars[0];
    let mut at_high = input.clone();
    at_high.assumptions.set(widest.assumption, widest.high);
    assert_eq!(
        widest.at_high,
        project(&at_high).scenario[4]
            .indicators
            .county_consultation_rate
    );
}

#[test]
fn diff_names_each_changed_field_with_its_label() {
    let a = common::load_file(HENAN, &[]);
    assert!(diff::diff(&a.scenario, &a.scenario).is_empty());
    let b = common::load_file(
        HENAN,
        &[
            "reform.per_bed_subsidy_yuan=4500",
            "communities.0.insured_residents=300000",
        ],
    );
    let changes = diff::diff(&a.scenario, &b.scenario);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "communities.0.insured_residents",
            "reform.per_bed_subsidy_yuan"
        ]
    );
    assert_eq!(changes[1].new.as_deref(), Some("4500"));
    assert_eq!(changes[0].zh, "参保居民");
    let text = ygt(&["diff", HENAN, "scenarios/miyi-special-fund.toml", "--json"]);
    let listed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["path"] == "county.name"));
}

#[test]
fn batch_runs_every_combination_of_the_grid() {
    let csv = ygt(&[
        "batch",
        HENAN,
        "--grid",
        "reform.per_bed_subsidy_yuan=3000,5000",
        "--grid",
        "reform.special_fund_rate=0,0.01",
    ]);
    let lines: Vec<&str> = csv.trim_end().lines().collect();
    assert_eq!(lines.len(), 1 + 4 * 5, "a header and 4 scenarios × 5 years");
    // The row of one combination and year holds what `run --set` gives for it.
    let run = common::run_file(
        HENAN,
        &[
            "reform.per_bed_subsidy_yuan=5000",
            "reform.special_fund_rate=0",
        ],
    );
    let row = lines
        .iter()
        .find(|l| {
            l.starts_with("reform.per_bed_subsidy_yuan=5000 reform.special_fund_rate=0,2027,")
        })
        .expect("the 5000/0 row of 2027");
    let rate = row.split(',').nth(2).unwrap();
    assert_eq!(
        rate,
        ygt::report::fraction_text(run.scenario[2].indicators.county_consultation_rate)
    );
    let json = ygt(&["batch", HENAN, "scenarios/miyi-special-fund.toml", "--json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 10);
}
