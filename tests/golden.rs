//! Golden results: `ygt run --json` of every shipped scenario, compared with tests/golden/*.json.
//! After a deliberate model change, re-bless with `YGT_BLESS=1 cargo test --test golden` and review the
//! diff like code.

mod common;

use common::{load_file, root, shipped_scenarios};
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
        let actual = serde_json::to_string_pretty(&document).unwrap() + "\n";
        let stem = file
            .trim_start_matches("scenarios/")
            .trim_end_matches(".toml");
        let golden = root().join("tests/golden").join(format!("{stem}.json"));
        if bless {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(_) => mismatches.push(format!("{file}: differs from {}", golden.display())),
            Err(_) => mismatches.push(format!("{file}: no golden file {}", golden.display())),
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\nre-bless with YGT_BLESS=1 after reviewing the change",
        mismatches.join("\n")
    );
}

#[test]
fn at_least_four_scenarios_ship_and_the_default_is_among_them() {
    let files = shipped_scenarios();
    assert!(files.len() >= 4, "{files:?}");
    assert!(files.contains(&"scenarios/henan-county.toml".to_string()));
}
