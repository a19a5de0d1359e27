//! Golden results: `ygt run --json` of every shipped scenario, compared with tests/golden/*.json.
//! After a deliberate model change, re-bless with `YGT_BLESS=1 cargo test --test golden` and review the
//! diff like code.

mod common;

use common::{check_golden, load_file, root, shipped_scenarios};
use ygt::model::project;
use ygt::report;

#[test]
fn shipped_scenarios_match_their_golden_results() {
    let bless = std::env::var_os("YGT_BLESS").is_some();
    let mut mismatches = Vec::new();
    for file in shipped_scenarios() {
        let loaded = load_file(&file, &[]);
        let projection = project(&loaded.scenario.input);
        let document = report::json::document(&loaded.scenario, &loaded.warnings, &projection);
        let stem = file
            .trim_start_matches("scenarios/")
            .trim_end_matches(".toml");
        let golden = root().join("tests/golden").join(format!("{stem}.json"));
        mismatches.extend(check_golden(&golden, &document, bless));
    }
    assert!(
        mismatches.is_empty(),
        "{}\nre-bless with YGT_BLESS=1 after reviewing the change",
        mismatches.join("\n")
    );
}

/// Generated counties (a county from its population, with a reform set by overrides): their golden
/// results are what tests/web.rs checks the WebAssembly build against, beside the shipped scenarios.
pub const GENERATED: &[(&str, u64, &[&str])] = &[
    (
        "generated-60000",
        60_000,
        &[
            "reform.global_budget=true",
            "reform.primary_tilt_points=[5,10]",
            "reform.special_fund_rate=0.01",
        ],
    ),
    (
        "generated-520000",
        520_000,
        &[
            "reform.global_budget=true",
            "reform.per_bed_subsidy_yuan=[3000,5000]",
            "reform.staff_reward_share=0.4",
            "reform.history_years=3",
            "reform.history_weight=0.5",
        ],
    ),
    (
        "generated-1200000",
        1_200_000,
        &[
            "reform.global_budget=true",
            "reform.overspend_fund_share=0",
            "reform.staff_sent_down_per_township=3",
            "reform.sent_down_allowance_yuan=30000",
            "reform.primary_pay_topup_rate=0.2",
        ],
    ),
];

#[test]
fn generated_counties_match_their_golden_results() {
    let bless = std::env::var_os("YGT_BLESS").is_some();
    for (name, population, overrides) in GENERATED {
        let text = ygt::scenario::template::from_population(name, *population);
        let overrides: Vec<String> = overrides.iter().map(|s| s.to_string()).collect();
        let loaded = ygt::scenario::load(&text, &overrides).unwrap();
        let projection = project(&loaded.scenario.input);
        let actual = report::json::document(&loaded.scenario, &loaded.warnings, &projection);
        let golden = root().join("tests/golden").join(format!("{name}.json"));
        // The scenario text too, so the browser test runs exactly the same input.
        let mut document = ygt::scenario::Document::from_text(&text).unwrap();
        for assignment in &overrides {
            document.set_assignment(assignment).unwrap();
        }
        let source = root().join("tests/golden").join(format!("{name}.toml"));
        if bless {
            std::fs::write(&source, document.text()).unwrap();
        } else {
            assert_eq!(
                std::fs::read_to_string(&source).unwrap_or_default(),
                document.text(),
                "{name}.toml is stale: re-bless"
            );
        }
        if let Some(difference) = check_golden(&golden, &actual, bless) {
            panic!("{difference}\nreview and re-bless with YGT_BLESS=1");
        }
    }
}

/// A golden mismatch names the paths and values that changed, not just "differs".
#[test]
fn a_golden_mismatch_says_what_changed() {
    let expected = serde_json::json!({"years": [{"year": 2025, "fund": "100.00"}, {"year": 2026, "fund": "200.00"}], "title": "x"});
    let actual = serde_json::json!({"years": [{"year": 2025, "fund": "100.00"}, {"year": 2026, "fund": "201.50"}], "note": 1});
    assert_eq!(
        common::json_diff(&expected, &actual, 10),
        vec![
            ".years[1].fund: \"200.00\" → \"201.50\"",
            ".title: \"x\" → (gone)",
            ".note: (new) → 1",
        ]
    );
    assert_eq!(
        common::json_diff(&expected, &actual, 1).last().unwrap(),
        "… and 2 more"
    );
}

#[test]
fn at_least_four_scenarios_ship_and_the_default_is_among_them() {
    let files = shipped_scenarios();
    assert!(files.len() >= 4, "{files:?}");
    assert!(files.contains(&"scenarios/henan-county.toml".to_string()));
}
