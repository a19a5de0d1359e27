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
    let ranges = uncertainty::ranges(&[]);
    let mut split = uncertainty::run_draws(&input, &ranges, 42, 0, 120);
    split.extend(uncertainty::run_draws(&input, &ranges, 42, 120, 200));
    let whole = uncertainty::run_draws(&input, &ranges, 42, 0, 200);
    assert_eq!(split, whole);
    // A draw is a real run of the model with the drawn assumptions.
    let drawn = uncertainty::draw_input(&input, &ranges, 42, 7);
    let run = project(&drawn);
    assert_eq!(
        whole[7].values[4][0],
        run.scenario[4].indicators.county_consultation_rate
    );
    for v in &ranges {
        let value = drawn.assumptions.get(v.assumption);
        assert!(
            value >= v.low && value <= v.high,
            "{:?} {value}",
            v.assumption
        );
    }
}

/// The default county's scenario with `[uncertainty]` added.
fn with_ranges(table: &str) -> String {
    let text = std::fs::read_to_string(common::root().join(HENAN)).unwrap();
    format!("{text}\n[uncertainty]\n{table}\n")
}

#[test]
fn ranges_a_scenario_sets_are_the_ones_drawn_and_moved() {
    // Every assumption with a plausible range held at its default, except the utilisation growth,
    // drawn between 1% and 3%.
    let input = common::load_file(HENAN, &[]).scenario.input;
    let mut table = String::new();
    for range in uncertainty::ranges(&[]) {
        let key = range.assumption.spec().key;
        if key == "utilisation_growth_rate" {
            table.push_str(&format!("{key} = [0.01, 0.03]\n"));
        } else {
            let held = input.assumptions.get(range.assumption);
            table.push_str(&format!("{key} = [{held}, {held}]\n"));
        }
    }
    let scenario = ygt::scenario::load(&with_ranges(&table), &[])
        .unwrap()
        .scenario;
    let ranges = uncertainty::ranges(&scenario.ranges);
    assert_eq!(ranges.len(), uncertainty::ranges(&[]).len());
    let draws = uncertainty::run_draws(&scenario.input, &ranges, 9, 0, 60);
    // Each draw is the model run with the utilisation growth it drew (between 1% and 3%) and every
    // other assumption as the file has it.
    for index in [0, 17, 59] {
        let drawn = uncertainty::draw_input(&scenario.input, &ranges, 9, index);
        let growth = drawn
            .assumptions
            .get(ygt::model::Assumption::UtilisationGrowthRate);
        assert!(growth >= dec!(0.01) && growth <= dec!(0.03), "{growth}");
        let mut expected = input.clone();
        expected
            .assumptions
            .set(ygt::model::Assumption::UtilisationGrowthRate, growth);
        assert_eq!(
            draws[index as usize].values[4][0],
            project(&expected).scenario[4]
                .indicators
                .county_consultation_rate
        );
    }
    // The tornado moves only the utilisation growth: every other bar is flat.
    let row = analysis::indicator("county_consultation_rate").unwrap();
    let (_, bars) = sensitivity::tornado(&scenario.input, &ranges, row, 2029).unwrap();
    assert_eq!(bars.iter().filter(|b| b.swing() > Decimal::ZERO).count(), 1);
    assert_eq!(
        bars[0].assumption,
        ygt::model::Assumption::UtilisationGrowthRate
    );
    assert_eq!((bars[0].low, bars[0].high), (dec!(0.01), dec!(0.03)));
    // The command line draws over the file's ranges and says so.
    let file = std::env::temp_dir().join(format!("ygt-ranges-{}.toml", std::process::id()));
    std::fs::write(&file, with_ranges(&table)).unwrap();
    let out = ygt(&[
        "uncertainty",
        file.to_str().unwrap(),
        "--draws",
        "50",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let own = json["ranges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["assumption"] == "utilisation_growth_rate")
        .unwrap();
    assert_eq!(
        (
            own["low"].as_str(),
            own["high"].as_str(),
            own["own"].as_bool()
        ),
        (Some("0.01"), Some("0.03"), Some(true))
    );
    // The field-by-field diff names the changed ranges (utilisation growth: the plausible 0-5% to
    // 1-3%) and only the ranges.
    let plain = common::load_file(HENAN, &[]).scenario;
    let changes = diff::diff(&plain, &scenario);
    let utilisation = changes
        .iter()
        .find(|c| c.path == "uncertainty.utilisation_growth_rate")
        .unwrap();
    assert_eq!(
        (utilisation.old.as_deref(), utilisation.new.as_deref()),
        (Some("[0, 0.05]"), Some("[0.01, 0.03]"))
    );
    assert!(changes.iter().all(|c| c.path.starts_with("uncertainty.")));
}

#[test]
fn a_range_held_at_one_value_gives_bands_of_no_width() {
    // All assumptions held at their defaults: every draw is the scenario's own run, so the 10th, 50th
    // and 90th percentiles are all the projected value.
    let input = common::load_file(HENAN, &[]).scenario.input;
    let table: String = uncertainty::ranges(&[])
        .iter()
        .map(|range| {
            let held = input.assumptions.get(range.assumption);
            format!("{} = [{held}, {held}]\n", range.assumption.spec().key)
        })
        .collect();
    let scenario = ygt::scenario::load(&with_ranges(&table), &[])
        .unwrap()
        .scenario;
    let ranges = uncertainty::ranges(&scenario.ranges);
    let summary =
        uncertainty::summarize(&uncertainty::run_draws(&scenario.input, &ranges, 5, 0, 40));
    let projected = project(&input).scenario[4]
        .indicators
        .county_consultation_rate;
    assert_eq!(summary.bands[0][4], (projected, projected, projected));
}

#[test]
fn bad_ranges_are_refused_naming_the_field() {
    for (table, path, says) in [
        (
            "utilisation_growth_rate = [0.03, 0.01]",
            "uncertainty.utilisation_growth_rate",
            "above the high end",
        ),
        (
            "utilisation_growth_rate = [0.01]",
            "uncertainty.utilisation_growth_rate",
            "two numbers",
        ),
        (
            "utilisation_growth_rate = 0.02",
            "uncertainty.utilisation_growth_rate",
            "two numbers",
        ),
        (
            "utilisation_growth_rate = [0.01, 9]",
            "uncertainty.utilisation_growth_rate.1",
            "0.3",
        ),
        (
            "utilisation_growth_rate = [\"a\", 0.1]",
            "uncertainty.utilisation_growth_rate.0",
            "text",
        ),
        (
            "utilisation_growth = [0.01, 0.03]",
            "uncertainty.utilisation_growth",
            "utilisation_growth_rate",
        ),
    ] {
        let errors = ygt::scenario::load(&with_ranges(table), &[]).unwrap_err();
        let error = errors
            .iter()
            .find(|d| d.path == path)
            .unwrap_or_else(|| panic!("{table}: {errors:?}"));
        assert!(
            error.message_en.contains(says),
            "{table}: {}",
            error.message_en
        );
        assert!(!error.message_zh.is_empty());
    }
}

#[test]
fn percentiles_are_ordered_and_chances_are_shares_of_draws() {
    let input = common::load_file(HENAN, &[]).scenario.input;
    let draws = uncertainty::run_draws(&input, &uncertainty::ranges(&[]), 3, 0, 300);
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
    let ranges = uncertainty::ranges(&[]);
    let (base, bars) = sensitivity::tornado(&input, &ranges, row, 2029).unwrap();
    assert_eq!(
        base,
        project(&input).scenario[4]
            .indicators
            .county_consultation_rate
    );
    assert_eq!(bars.len(), ranges.len());
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
