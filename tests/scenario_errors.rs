//! Validation: every problem at once, each naming its field, value and what is allowed, in both
//! languages; warnings for values outside documented ranges; nothing panics.

mod common;

use common::read;
use ygt::scenario::{load, Diagnostic, Severity};

fn errors_of(text: &str, overrides: &[&str]) -> Vec<Diagnostic> {
    let overrides: Vec<String> = overrides.iter().map(|s| s.to_string()).collect();
    match load(text, &overrides) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect(),
    }
}

#[track_caller]
fn check(overrides: &[&str], path: &str, zh_fragment: &str, en_fragment: &str) {
    let diagnostics = errors_of(&read("scenarios/henan-county.toml"), overrides);
    let found = diagnostics
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no error at {path}: {diagnostics:#?}"));
    assert!(
        found.message_zh.contains(zh_fragment),
        "{}",
        found.message_zh
    );
    assert!(
        found.message_en.contains(en_fragment),
        "{}",
        found.message_en
    );
}

#[test]
fn impossible_values_are_errors_naming_field_value_and_range() {
    check(
        &["communities.0.insured_residents=-5"],
        "communities.0.insured_residents",
        "0 到 100000000",
        "allowed 0 to 100000000",
    );
    check(
        &["levers.public_health_prepaid_share=1.2"],
        "levers.public_health_prepaid_share",
        "0 到 1",
        "allowed 0 to 1",
    );
    check(
        &["county.horizon_years=50"],
        "county.horizon_years",
        "1 到 10",
        "allowed 1 to 10",
    );
    check(
        &["communities.0.institutions.0.lead=false"],
        "communities.0.institutions",
        "没有牵头医院",
        "no lead hospital",
    );
    check(
        &["levers.public_health_share_village=0.9"],
        "levers.public_health_share_*",
        "应等于 1",
        "must add to 1",
    );
    check(
        &[
            "reform.critical_illness_rate=0.5",
            "reform.risk_reserve_rate=0.3",
            "reform.quality_reserve_rate=0.3",
        ],
        "reform.*_rate",
        "不能超过 1",
        "cannot exceed 1",
    );
    check(
        &["communities.0.institutions.2.tier=city"],
        "communities.0.institutions.2.tier",
        "county",
        "tier must be",
    );
    check(
        &["format_version=7"],
        "format_version",
        "需要更新版本",
        "needs a newer version",
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let diagnostics = errors_of(
        &read("scenarios/henan-county.toml"),
        &[
            "communities.0.insured_residents=-5",
            "communities.1.staff_typo=3",
            "reform.special_fund_rate=\"1%\"",
            "county.base_year=2024.5",
        ],
    );
    let paths: Vec<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
    for expected in [
        "communities.0.insured_residents",
        "communities.1.staff_typo",
        "reform.special_fund_rate",
        "county.base_year",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
}

#[test]
fn outside_documented_range_is_a_warning_carried_into_results() {
    let loaded = load(
        &read("scenarios/henan-county.toml"),
        &["reform.per_bed_subsidy_yuan=8000".to_string()],
    )
    .unwrap();
    let warning = loaded
        .warnings
        .iter()
        .find(|w| w.path == "reform.per_bed_subsidy_yuan")
        .expect("a warning");
    assert!(warning.message_zh.contains("3000 到 5000"));
    assert!(warning.message_en.contains("documented policy range"));
    let four = load(&read("tests/fixtures/four-communities.json"), &[]).unwrap();
    assert!(four
        .warnings
        .iter()
        .any(|w| w.path == "communities" && w.message_en.contains("1-3")));
}

#[test]
fn hostile_text_never_panics() {
    let huge = "a".repeat(5 * 1024 * 1024);
    let cases = [
        String::new(),
        "\u{feff}".into(),
        "[[[[".into(),
        "{".into(),
        "format_version = 1\n[meta]\ntitle = \"x\"\n[meta]\ntitle = \"dup\"".into(),
        "format_version = \"one\"".into(),
        "communities = 3".into(),
        "[county]\nname = 1\nhorizon_years = 1e400".into(),
        "[[communities]]\n[[communities.institutions]]\ntier = 5".into(),
        format!("x = {}", "[".repeat(10_000)),
        huge,
        String::from_utf8_lossy(&[0xff, 0x00, 0x13, 0x37]).into_owned(),
        "{\"format_version\": 1, \"meta\": null, \"county\": [], \"communities\": {}}".into(),
    ];
    for text in cases {
        let result = std::panic::catch_unwind(|| load(&text, &[]));
        let diagnostics = result
            .expect("no panic")
            .expect_err("every case is invalid");
        assert!(diagnostics.iter().any(|d| d.severity == Severity::Error));
        assert!(diagnostics
            .iter()
            .all(|d| !d.message_zh.is_empty() && !d.message_en.is_empty()));
    }
}

#[test]
fn json_scenarios_read_like_toml() {
    let toml_loaded = load(&read("scenarios/henan-county.toml"), &[]).unwrap();
    let json_text = read("tests/fixtures/hand-worked.json");
    let json_loaded = load(&json_text, &[]).unwrap();
    let toml_hand = load(&read("tests/fixtures/hand-worked.toml"), &[]).unwrap();
    assert_eq!(json_loaded.scenario.input, toml_hand.scenario.input);
    assert!(!toml_loaded.scenario.meta.title.is_empty());
}

/// The hostile corpus (tests/hostile/, with tests/hostile/expected.txt): every file gets its clear
/// error from the command line, in both languages, and nothing panics.
#[test]
fn the_hostile_corpus_gets_clear_errors() {
    let expected = read("tests/hostile/expected.txt");
    let mut checked = 0;
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (file, fragment) = line.split_once('|').expect("file | fragment");
        let (file, fragment) = (file.trim(), fragment.trim());
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_ygt"))
            .args(["check", &format!("tests/hostile/{file}")])
            .current_dir(common::root())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{file} was accepted");
        assert!(
            stderr.contains(fragment),
            "{file}: expected {fragment:?} in:\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{file} panicked");
        // Every message has its Chinese line too (a CJK character before the English one).
        assert!(
            stderr
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{file}: no Chinese message"
        );
        checked += 1;
    }
    assert!(checked >= 16, "{checked} hostile files checked");
}

#[test]
fn a_file_full_of_markup_is_only_text() {
    let loaded = load(&read("tests/hostile/markup-in-text.toml"), &[]).unwrap();
    assert!(loaded.scenario.meta.title.contains("<script>"));
}

/// A file of every released format version opens (tests/versions/vN.toml, one per version). When the
/// format changes, the old file stays here and its migration is tested by this loop.
#[test]
fn a_file_of_every_released_format_version_opens() {
    let mut versions = 0;
    for version in 1..=ygt::scenario::FORMAT_VERSION {
        let text = read(&format!("tests/versions/v{version}.toml"));
        assert!(text.contains(&format!("format_version = {version}")));
        let loaded = load(&text, &[]).unwrap_or_else(|d| panic!("version {version}: {d:?}"));
        assert!(loaded.warnings.iter().all(|w| w.path != "format_version"));
        versions += 1;
    }
    assert_eq!(versions, ygt::scenario::FORMAT_VERSION);
}
