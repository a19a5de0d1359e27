//! Validation: every problem at once, each naming its field, value and what is allowed, in both
//! languages; warnings for values outside documented ranges; nothing panics.

mod common;

use common::{d, read};
use rust_decimal::Decimal;
use serde_json::Value;
use ygt::model::{project, Assumption, Lever};
use ygt::report;
use ygt::scenario::{load, Diagnostic, Loaded, Severity};

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
/// error from the command line (`ygt check`, or `ygt import` for a workbook), in both languages, and
/// nothing panics. A file whose fragment starts
/// with `warning:` holds numbers the reader repairs (rounds) instead: it must pass `ygt check` with that
/// warning, and `ygt run --json` must print books whose lines add up to their totals.
#[test]
fn the_hostile_corpus_gets_clear_errors() {
    let expected = read("tests/hostile/expected.txt");
    let mut checked = 0;
    let ygt = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ygt"))
            .args(args)
            .current_dir(common::root())
            .output()
            .unwrap()
    };
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (file, fragment) = line.split_once('|').expect("file | fragment");
        let (file, fragment) = (file.trim(), fragment.trim());
        let path = format!("tests/hostile/{file}");
        let workbook = file.ends_with(".xlsx");
        let imported =
            std::env::temp_dir().join(format!("ygt-hostile-{}.toml", std::process::id()));
        let output = if workbook {
            ygt(&["import", &path, "-o", imported.to_str().unwrap()])
        } else {
            ygt(&["check", &path])
        };
        let stderr = String::from_utf8_lossy(&output.stderr);
        let repaired = fragment.starts_with("warning:");
        if repaired {
            assert!(output.status.success(), "{file} was refused:\n{stderr}");
        } else {
            assert!(!output.status.success(), "{file} was accepted");
        }
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
        if repaired && workbook {
            let text = std::fs::read_to_string(&imported).unwrap();
            assert!(
                ygt::scenario::load(&text, &[]).is_ok(),
                "{file}: the import does not load"
            );
        } else if repaired {
            let run = ygt(&["run", &path, "--json"]);
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert!(run.status.success(), "{file}: ygt run failed:\n{stderr}");
            assert!(!stderr.contains("panicked"), "{file}: ygt run panicked");
            let document: Value = serde_json::from_slice(&run.stdout).unwrap();
            assert_books_add_up(&document, file);
        }
        checked += 1;
    }
    assert!(checked >= 20, "{checked} hostile files checked");
}

/// Loads the Henan scenario with `overrides`, failing the test with every diagnostic if it is invalid.
#[track_caller]
fn henan(overrides: &[&str]) -> Loaded {
    common::load_file("scenarios/henan-county.toml", overrides)
}

/// The warning at `path` that says the value was rounded.
#[track_caller]
fn rounding_warning<'a>(loaded: &'a Loaded, path: &str) -> &'a Diagnostic {
    loaded
        .warnings
        .iter()
        .find(|w| {
            w.path == path
                && w.message_en
                    .contains("is used (rounded half away from zero)")
        })
        .unwrap_or_else(|| panic!("no rounding warning at {path}: {:#?}", loaded.warnings))
}

/// A printed amount (a decimal string of the JSON document) as an exact decimal.
#[track_caller]
fn printed(value: &Value) -> Decimal {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("{value} is not a string"));
    assert!(
        text.split_once('.').is_some_and(|(_, fen)| fen.len() == 2),
        "{text} is not to the fen"
    );
    assert_ne!(text, "-0.00");
    d(text)
}

/// Every year's books in the `--json` document, of both runs: each section's printed lines add up to
/// its printed totals, the sections to the printed grand totals, and sources to uses, to the fen.
#[track_caller]
fn assert_books_add_up(document: &Value, what: &str) {
    let runs = [&document["years"], &document["baseline"]["years"]];
    let mut years = 0;
    for year in runs.iter().flat_map(|run| run.as_array().unwrap()) {
        let ledger = &year["ledger"];
        let at = format!("{what}, {}", year["year"]);
        for side in ["sources", "uses"] {
            let lines = ledger[side].as_object().unwrap();
            let mut grand = Decimal::ZERO;
            for (section, totals) in ledger["sections"].as_object().unwrap() {
                let sum: Decimal = lines
                    .iter()
                    .filter(|(key, _)| key.split('.').next() == Some(section.as_str()))
                    .map(|(_, amount)| printed(amount))
                    .sum();
                assert_eq!(sum, printed(&totals[side]), "{at}: {section} {side}");
                grand += sum;
            }
            assert_eq!(
                grand,
                printed(&ledger[format!("total_{side}")]),
                "{at}: {side}"
            );
        }
        assert_eq!(
            printed(&ledger["total_sources"]),
            printed(&ledger["total_uses"]),
            "{at}"
        );
        years += 1;
    }
    assert!(years > 0, "{what}: no years");
}

#[test]
fn money_below_the_fen_is_rounded_to_the_fen_with_a_warning() {
    let loaded = henan(&[
        "reform.per_bed_subsidy_yuan=3000.005",
        "communities.0.institutions.1.base_subsidy_yuan=3000000.005",
        "communities.0.institutions.0.cost_per_visit=250.004",
        "communities.0.institutions.0.cost_per_admission=8499.995",
        "communities.0.institutions.0.average_pay_yuan=110000.0049",
        "communities.0.out_of_county.cost_per_visit=500.005",
        "county.government_per_capita_yuan=[700.005]",
        "levers.public_health_per_capita_yuan=[99.994999, 104]",
        "reform.sent_down_allowance_yuan=30000.015",
        "reform.per_bed_subsidy_yuan=[3000.005, 0.0000000000000000000000000001]",
    ]);
    let input = &loaded.scenario.input;
    let community = &input.county.communities[0];
    // Half away from zero at the fen: 3000.005 -> 3000.01, 8499.995 -> 8500.00, 99.994999 -> 99.99.
    assert_eq!(
        input.reform.schedule(Lever::PerBedSubsidyYuan).values(),
        &[d("3000.01"), Decimal::ZERO]
    );
    assert_eq!(community.institutions[1].base_subsidy, d("3000000.01"));
    assert_eq!(community.institutions[0].cost_per_visit, d("250.00"));
    assert_eq!(community.institutions[0].cost_per_admission, d("8500.00"));
    assert_eq!(community.institutions[0].average_pay, d("110000.00"));
    assert_eq!(community.out_of_county.cost_per_visit, d("500.01"));
    assert_eq!(input.county.government_per_capita.values(), &[d("700.01")]);
    assert_eq!(
        input
            .baseline
            .schedule(Lever::PublicHealthPerCapitaYuan)
            .values(),
        &[d("99.99"), d("104")]
    );
    assert_eq!(
        input.reform.at(Lever::SentDownAllowanceYuan, 1),
        d("30000.02")
    );

    let warning = rounding_warning(&loaded, "reform.per_bed_subsidy_yuan.0");
    assert_eq!(warning.value, "3000.005");
    assert!(
        warning.message_zh.contains("精确到分"),
        "{}",
        warning.message_zh
    );
    assert!(
        warning
            .message_zh
            .contains("输入 3000.005,按 3000.01 元/床/年 计算"),
        "{}",
        warning.message_zh
    );
    assert!(
        warning.message_en.contains(
            "money is kept to the fen (0.01 yuan, at most 2 decimal places): 3000.005 was entered, 3000.01 yuan per bed per year is used"
        ),
        "{}",
        warning.message_en
    );
    let tiny = rounding_warning(&loaded, "reform.per_bed_subsidy_yuan.1");
    assert!(tiny
        .message_en
        .contains("0.0000000000000000000000000001 was entered, 0.00 yuan"));
    for path in [
        "communities.0.institutions.1.base_subsidy_yuan",
        "communities.0.institutions.0.cost_per_visit",
        "communities.0.institutions.0.cost_per_admission",
        "communities.0.institutions.0.average_pay_yuan",
        "communities.0.out_of_county.cost_per_visit",
        "county.government_per_capita_yuan.0",
        "levers.public_health_per_capita_yuan.0",
        "reform.sent_down_allowance_yuan",
    ] {
        let warning = rounding_warning(&loaded, path);
        assert!(
            warning.message_zh.contains("四舍五入"),
            "{}",
            warning.message_zh
        );
        assert!(
            warning.message_en.contains("kept to the fen"),
            "{}",
            warning.message_en
        );
    }
    // Amounts already to the fen are read as written, without a word.
    assert!(henan(&["reform.per_bed_subsidy_yuan=3000.5"])
        .warnings
        .iter()
        .all(|w| !w.message_en.contains("rounded")));
}

#[test]
fn other_numbers_keep_at_most_eight_decimal_places() {
    let loaded = henan(&[
        "reform.surplus_retained_share=0.1234567890123456789",
        "reform.overspend_fund_share=1e-28",
        "levers.public_health_prepaid_share=0.600000005",
        "assumptions.population_growth_rate=-0.000000005",
        "assumptions.wage_growth_rate=-1e-28",
        // More digits than a decimal holds: rounded on the digits as written, no longer refused.
        "assumptions.adjustment_speed=0.50000000000000000000000000000000000001",
        "assumptions.county_capacity_elasticity=1e-400",
        "reform.primary_tilt_points=4.999999999",
        "communities.0.institutions.0.outpatient_visits=520000.123456789",
        "county.reimbursement.outpatient.village=0.5000000049",
    ]);
    let input = &loaded.scenario.input;
    // The ninth place decides, half away from zero: ...78|9 up, ...00|5 up, ...00|49 down, -...00|5 to
    // -...01.
    assert_eq!(
        input.reform.at(Lever::SurplusRetainedShare, 1),
        d("0.12345679")
    );
    assert_eq!(input.reform.at(Lever::OverspendFundShare, 1), Decimal::ZERO);
    assert_eq!(
        input.baseline.at(Lever::PublicHealthPrepaidShare, 1),
        d("0.60000001")
    );
    assert_eq!(
        input.assumptions.get(Assumption::PopulationGrowthRate),
        d("-0.00000001")
    );
    let wage = input.assumptions.get(Assumption::WageGrowthRate);
    assert!(wage.is_zero() && !wage.is_sign_negative(), "{wage:?}");
    assert_eq!(input.assumptions.get(Assumption::AdjustmentSpeed), d("0.5"));
    assert_eq!(
        input.assumptions.get(Assumption::CountyCapacityElasticity),
        Decimal::ZERO
    );
    assert_eq!(input.reform.at(Lever::PrimaryTiltPoints, 1), d("5"));
    let hospital = &input.county.communities[0].institutions[0];
    assert_eq!(hospital.outpatient_visits, d("520000.12345679"));
    assert_eq!(
        input
            .county
            .reimbursement
            .outpatient
            .get(ygt::model::Place::Village),
        d("0.5")
    );

    let warning = rounding_warning(&loaded, "reform.surplus_retained_share");
    assert_eq!(warning.value, "0.1234567890123456789");
    assert!(
        warning
            .message_zh
            .contains("最多保留 8 位小数:输入 0.1234567890123456789,按 0.12345679 计算"),
        "{}",
        warning.message_zh
    );
    assert!(
        warning.message_en.contains(
            "at most 8 decimal places are kept: 0.1234567890123456789 was entered, 0.12345679 is used"
        ),
        "{}",
        warning.message_en
    );
    for path in [
        "reform.overspend_fund_share",
        "levers.public_health_prepaid_share",
        "assumptions.population_growth_rate",
        "assumptions.wage_growth_rate",
        "assumptions.adjustment_speed",
        "assumptions.county_capacity_elasticity",
        "reform.primary_tilt_points",
        "communities.0.institutions.0.outpatient_visits",
        "county.reimbursement.outpatient.village",
    ] {
        rounding_warning(&loaded, path);
    }
    // Eight places are kept as written.
    assert!(henan(&["reform.surplus_retained_share=0.12345678"])
        .warnings
        .iter()
        .all(|w| !w.message_en.contains("rounded")));
}

#[test]
fn counts_stay_whole_and_rounding_never_lets_a_value_past_its_range() {
    for (assignment, path) in [
        (
            "communities.0.institutions.0.beds=900.5",
            "communities.0.institutions.0.beds",
        ),
        (
            "communities.0.institutions.0.staff=1e-28",
            "communities.0.institutions.0.staff",
        ),
        (
            "communities.0.institutions.4.count=9.000000001",
            "communities.0.institutions.4.count",
        ),
        (
            "communities.0.insured_residents=312000.0000000000000000000001",
            "communities.0.insured_residents",
        ),
    ] {
        check(&[assignment], path, "应为整数", "must be a whole number");
    }
    // 100000.005 yuan is 100000.01 at the fen: over the 100000 allowed.
    check(
        &["reform.per_bed_subsidy_yuan=100000.005"],
        "reform.per_bed_subsidy_yuan",
        "0 到 100000",
        "allowed 0 to 100000",
    );
    // 100000.004 is 100000.00 at the fen: allowed, with the rounding said.
    let loaded = henan(&["reform.per_bed_subsidy_yuan=100000.004"]);
    assert_eq!(
        loaded.scenario.input.reform.at(Lever::PerBedSubsidyYuan, 1),
        d("100000")
    );
    rounding_warning(&loaded, "reform.per_bed_subsidy_yuan");
}

/// The per-bed subsidy of 1e-28 yuan and a base subsidy of 3000000.005 yuan used to reach the books
/// unrounded: printed lines cut to the fen no longer added up to the printed totals. Read to the fen
/// they are worked by hand here (Henan, reform year 1).
#[test]
fn the_repaired_books_add_up_to_their_printed_totals() {
    let loaded = henan(&[
        "reform.per_bed_subsidy_yuan=3000.005",
        "communities.0.institutions.1.base_subsidy_yuan=3000000.005",
        "levers.per_bed_subsidy_yuan=0.0000000000000000000000000001",
        "reform.surplus_retained_share=0.1234567890123456789",
    ]);
    let projection = project(&loaded.scenario.input);
    let document = report::json::document(&loaded.scenario, &loaded.warnings, &projection);
    assert_books_add_up(&document, "henan with sub-fen inputs");

    let year1 = &document["years"][0]["ledger"];
    // Beds with the per-bed subsidy (county hospitals): 900 + 150 + 500 = 1550; 1550 x 3000.01.
    assert_eq!(year1["sources"]["fiscal.per_bed_subsidy"], "4650015.50");
    assert_eq!(
        year1["sources"]["institutions.per_bed_subsidy"],
        "4650015.50"
    );
    // Base subsidies: 3000000.01 + 2400000 + 2100000 + 2100000 + 10800000 + 2560000 (first community)
    // + 5400000 + 1760000 (second) = 30120000.01.
    assert_eq!(year1["sources"]["fiscal.base_subsidies"], "30120000.01");
    assert_eq!(year1["uses"]["fiscal.base_subsidies_paid"], "30120000.01");
    // Fiscal funds: 4650015.50 + public health 99 x (360000 + 240000) = 59400000.00 + 30120000.01.
    assert_eq!(year1["sections"]["fiscal"]["sources"], "94170015.51");
    assert_eq!(year1["sections"]["fiscal"]["uses"], "94170015.51");
    // Today's per-bed subsidy of 1e-28 yuan is no subsidy at all.
    let baseline1 = &document["baseline"]["years"][0]["ledger"];
    assert_eq!(baseline1["sources"]["fiscal.per_bed_subsidy"], "0.00");
    assert_eq!(baseline1["sections"]["fiscal"]["sources"], "89520000.01");

    // No money string anywhere is -0.00.
    let csv = report::csv::document(&projection);
    let table = report::table::document(&loaded.scenario, &loaded.warnings, &projection);
    let json = document.to_string();
    for (name, text) in [("csv", csv.as_str()), ("table", &table), ("json", &json)] {
        assert!(
            !text
                .split(|c: char| c == ',' || c == '"' || c.is_whitespace())
                .any(|cell| cell == "-0.00"),
            "{name} prints -0.00"
        );
    }
}

/// 1e-28 in every kind of number input: money and other numbers are read rounded (to zero) with a
/// warning and run with books that add up; counts and options are refused as not whole.
#[test]
fn a_tiny_value_in_any_number_input_is_repaired_or_refused() {
    let mut paths: Vec<String> = [
        "county.government_per_capita_yuan",
        "county.individual_per_capita_yuan",
        "county.reimbursement.outpatient.village",
        "county.reimbursement.inpatient.county",
        "communities.0.out_of_county.outpatient_visits",
        "communities.0.out_of_county.admissions",
        "communities.0.out_of_county.cost_per_visit",
        "communities.0.out_of_county.cost_per_admission",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for key in [
        "outpatient_visits",
        "admissions",
        "cost_per_visit",
        "cost_per_admission",
        "average_pay_yuan",
        "base_subsidy_yuan",
        "average_stay_days",
    ] {
        for institution in [0, 2, 6] {
            paths.push(format!("communities.0.institutions.{institution}.{key}"));
        }
    }
    for lever in Lever::ALL {
        paths.push(format!("levers.{}", lever.spec().key));
        paths.push(format!("reform.{}", lever.spec().key));
    }
    for assumption in Assumption::ALL {
        paths.push(format!("assumptions.{}", assumption.spec().key));
    }
    let mut repaired = 0;
    for path in &paths {
        for tiny in ["1e-28", "0.0000000000000000000000000001"] {
            let assignment = format!("{path}={tiny}");
            match load(
                &read("scenarios/henan-county.toml"),
                std::slice::from_ref(&assignment),
            ) {
                Ok(loaded) => {
                    let warning = rounding_warning(&loaded, path);
                    assert!(warning.message_en.contains(&format!("{tiny} was entered")));
                    let projection = project(&loaded.scenario.input);
                    let document =
                        report::json::document(&loaded.scenario, &loaded.warnings, &projection);
                    assert_books_add_up(&document, &assignment);
                    repaired += 1;
                }
                // Refused only as a whole number or option, below a minimum above zero, or because a
                // split of shares no longer adds up to one: never as a number the reader cannot read.
                Err(diagnostics) => {
                    let errors: Vec<&Diagnostic> =
                        diagnostics.iter().filter(|d| d.is_error()).collect();
                    assert!(
                        !errors.is_empty()
                            && errors.iter().all(|d| {
                                d.message_en.contains("must be a whole number")
                                    || d.message_en.contains("out of range: allowed")
                                    || d.message_en.contains("must add to 1")
                            }),
                        "{assignment}: {errors:#?}"
                    );
                }
            }
        }
    }
    assert!(repaired >= 2 * 60, "{repaired} repaired");
    for path in [
        "communities.0.insured_residents",
        "communities.0.resident_population",
        "communities.0.institutions.0.beds",
        "communities.0.institutions.0.staff",
        "communities.0.institutions.0.doctors",
        "levers.global_budget",
    ] {
        check(
            &[&format!("{path}=1e-28")],
            path,
            "应为整数",
            "must be a whole number",
        );
    }
}

/// A JSON scenario reads its numbers the same way (tests/hostile/sub-fen-money.json is the hand-worked
/// county with amounts below the fen and over-long fractions).
#[test]
fn json_numbers_are_rounded_like_toml_ones() {
    let loaded = load(&read("tests/hostile/sub-fen-money.json"), &[]).unwrap();
    let input = &loaded.scenario.input;
    assert_eq!(input.county.government_per_capita.values(), &[d("700")]);
    assert_eq!(
        input.county.individual_per_capita.values(),
        &[d("400"), d("400")]
    );
    assert_eq!(input.baseline.at(Lever::PerBedSubsidyYuan, 1), d("4000"));
    assert_eq!(input.baseline.at(Lever::SurplusRetainedShare, 1), d("0.8"));
    assert_eq!(input.baseline.at(Lever::HistoryWeight, 1), Decimal::ZERO);
    let first = &input.county.communities[0];
    assert_eq!(first.institutions[0].cost_per_visit, d("200"));
    assert_eq!(first.institutions[1].base_subsidy, Decimal::ZERO);
    rounding_warning(&loaded, "county.government_per_capita_yuan");
    rounding_warning(&loaded, "levers.per_bed_subsidy_yuan");
    let projection = project(input);
    let document = report::json::document(&loaded.scenario, &loaded.warnings, &projection);
    assert_books_add_up(&document, "sub-fen-money.json");
    // Beds with the subsidy: 100 (甲县医院) + 50 (乙县医院) = 150; 150 x 4000.00 (not 4000.004).
    assert_eq!(
        document["years"][0]["ledger"]["sources"]["fiscal.per_bed_subsidy"],
        "600000.00"
    );
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

/// A file of seventy thousand unknown keys gets the first 200 problems and one line saying
/// how many more there are, not 70,000 messages each listing every allowed key (hundreds of megabytes).
#[test]
fn diagnostics_are_capped_and_the_rest_counted() {
    let unknown: String = (0..70_000)
        .map(|i| format!("unknown_key_{i} = {i}\n"))
        .collect();
    let text = unknown + &read("scenarios/henan-county.toml");
    let Err(diagnostics) = load(&text, &[]) else {
        panic!("unknown keys are errors")
    };
    assert_eq!(diagnostics.len(), 201);
    let last = diagnostics.last().unwrap();
    assert!(last.is_error());
    assert!(
        last.message_zh.contains("另有 69800 个问题未列出"),
        "{}",
        last.message_zh
    );
    assert!(
        last.message_en.contains("69800 more problems"),
        "{}",
        last.message_en
    );
}

/// A value outside its usual range warns in each language with the lever's citation (by document, not
/// file name), and calls the range documented only when a document gives it.
#[test]
fn unusual_values_warn_with_a_citation_in_each_language() {
    let loaded = henan(&[
        "reform.risk_reserve_rate=0.2",
        "reform.per_bed_subsidy_yuan=6000",
    ]);
    let risk = loaded
        .warnings
        .iter()
        .find(|w| w.path == "reform.risk_reserve_rate")
        .expect("a warning for the risk reserve");
    assert!(
        risk.message_zh.contains("超出合理范围 0 到 0.05"),
        "{}",
        risk.message_zh
    );
    assert!(
        risk.message_zh
            .contains("《河南省紧密型县域医共体建设操作规范手册(试行版)》"),
        "{}",
        risk.message_zh
    );
    assert!(!risk.message_zh.contains("seed") && !risk.message_en.contains("seed"));
    assert!(
        risk.message_en.contains("outside the plausible range"),
        "{}",
        risk.message_en
    );
    let bed = loaded
        .warnings
        .iter()
        .find(|w| w.path == "reform.per_bed_subsidy_yuan")
        .expect("a warning for the per-bed subsidy");
    assert!(
        bed.message_zh
            .contains("超出政策文件规定的范围 3000 到 5000"),
        "{}",
        bed.message_zh
    );
}

/// Found by fuzzing (tests/hostile/fuzz-share_link-*): a short `#s2.` link whose edit sets a path of
/// tens of thousands of segments overflowed the stack; it is refused with the path's length.
#[test]
fn a_link_with_a_path_deeper_than_any_file_is_refused_not_a_crash() {
    let link = read("tests/hostile/fuzz-share_link-deep-edit-path.txt");
    let error = ygt::scenario::share::decode(link.trim()).unwrap_err();
    assert!(
        error.message_en.contains("more than the limit of 32"),
        "{}",
        error.message_en
    );
    // The fuzzer's minimised input: the payload of an s2. link.
    let payload =
        std::fs::read(common::root().join("tests/hostile/fuzz-share_link-deep-edit-path.json"))
            .unwrap();
    let compressed = miniz_oxide::deflate::compress_to_vec(&payload, 9);
    use base64::Engine;
    let link = format!(
        "s2.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    );
    assert!(ygt::scenario::share::decode(&link).is_err());
}
