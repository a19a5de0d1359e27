//! The command line, run as a user runs it.

mod common;

use std::process::{Command, Output};

use common::{root, shipped_scenarios};
use rust_decimal::Decimal;
use serde_json::Value;

fn ygt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ygt"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("ygt runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn decimal(value: &Value) -> Decimal {
    Decimal::from_str_exact(value.as_str().expect("money is a decimal string")).unwrap()
}

#[test]
fn run_prints_five_years_of_every_shipped_scenario() {
    for file in shipped_scenarios() {
        let output = ygt(&["run", &file]);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        let text = stdout(&output);
        for year in 2025..=2029 {
            assert!(text.contains(&year.to_string()), "{file} lacks {year}");
        }
        assert!(text.contains("县域就诊率"));
        assert!(!text.contains("NOT BALANCED"));
    }
}

#[test]
fn json_contract_holds_and_every_ledger_balances() {
    for file in shipped_scenarios() {
        let output = ygt(&["run", &file, "--json"]);
        assert!(output.status.success(), "{file}: {}", stderr(&output));
        let document: Value = serde_json::from_str(&stdout(&output)).unwrap();
        assert!(document["scenario"]["title"].is_string());
        assert!(document["warnings"].is_array());
        let years = document["years"].as_array().unwrap();
        assert_eq!(years.len(), 5, "{file}");
        for year in years {
            assert!(year["year"].is_i64());
            for key in [
                "county_consultation_rate",
                "in_county_admission_share",
                "primary_outpatient_share",
                "insurance_in_county_spending_rate",
                "personnel_spending_share",
            ] {
                let value = year["indicators"][key]
                    .as_f64()
                    .unwrap_or_else(|| panic!("{file}: {key}"));
                assert!((0.0..=1.0).contains(&value), "{file}: {key} = {value}");
            }
            let sum = |side: &str| -> Decimal {
                year["ledger"][side]
                    .as_object()
                    .unwrap()
                    .values()
                    .map(decimal)
                    .sum()
            };
            assert_eq!(sum("sources"), sum("uses"), "{file} {}", year["year"]);
            assert!(sum("sources") > Decimal::ZERO);
            for amount in year["ledger"]["sources"].as_object().unwrap().values() {
                let text = amount.as_str().unwrap();
                assert_eq!(
                    text.split('.').nth(1).map(str::len),
                    Some(2),
                    "{text} is not to the fen"
                );
            }
        }
    }
}

#[test]
fn set_overrides_a_lever_without_editing_the_file() {
    let base = ygt(&["run", "scenarios/henan-county.toml", "--json"]);
    let swept = ygt(&[
        "run",
        "scenarios/henan-county.toml",
        "--json",
        "--set",
        "reform.per_bed_subsidy_yuan=5000",
    ]);
    let base: Value = serde_json::from_str(&stdout(&base)).unwrap();
    let swept: Value = serde_json::from_str(&stdout(&swept)).unwrap();
    // 900 + 150 + 500 county-hospital beds (the file) x 5000 = 7,750,000 in year 1, against 3000 x 1550.
    assert_eq!(
        base["years"][0]["indicators"]["per_bed_subsidy"],
        "4650000.00"
    );
    assert_eq!(
        swept["years"][0]["indicators"]["per_bed_subsidy"],
        "7750000.00"
    );
    let bad = ygt(&[
        "run",
        "scenarios/henan-county.toml",
        "--set",
        "reform.per_bed_subsidy_yuan=-1",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("reform.per_bed_subsidy_yuan"));
}

#[test]
fn csv_opens_in_excel_with_chinese_intact() {
    let output = ygt(&["run", "scenarios/henan-county.toml", "--csv"]);
    assert!(output.status.success());
    assert!(
        output.stdout.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte-order mark"
    );
    let text = stdout(&output);
    let header = text.lines().next().unwrap();
    assert!(header.ends_with("2025,2026,2027,2028,2029"), "{header}");
    assert!(text.contains("scenario,indicator,county_consultation_rate,县域就诊率"));
    assert!(
        text.lines()
            .all(|line| line.is_empty() || line.split(',').count() >= 10),
        "every row has its columns"
    );
}

#[test]
fn check_accepts_valid_and_names_every_problem_of_a_malformed_file() {
    let good = ygt(&["check", "scenarios/henan-county.toml"]);
    assert_eq!(good.status.code(), Some(0), "{}", stderr(&good));
    let bad = ygt(&["check", "tests/fixtures/malformed.toml"]);
    assert_eq!(bad.status.code(), Some(1));
    let messages = stderr(&bad);
    for path in [
        "county.horizon_years",
        "county.government_per_capita_yuan",
        "communities.0.insured_residents",
        "communities.0.institutions",
        "levers.per_bed_subsidy_yaun",
        "communities.0.out_of_county.cost_per_admission",
    ] {
        assert!(messages.contains(path), "{path} not named in:\n{messages}");
    }
    assert!(messages.contains("Did you mean `per_bed_subsidy_yuan`"));
    assert!(!messages.contains("panicked"));
}

#[test]
fn unreadable_input_gets_a_clear_error_not_a_panic() {
    let missing = ygt(&["run", "no/such/file.toml"]);
    assert_eq!(missing.status.code(), Some(3));
    let gbk = std::env::temp_dir().join("ygt-gbk.toml");
    std::fs::write(&gbk, [0xC4u8, 0xE3, 0xBA, 0xC3]).unwrap();
    let output = ygt(&["check", gbk.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("UTF-8"));
    let usage = ygt(&["frobnicate"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn a_county_from_its_population_marks_its_estimates() {
    let file = std::env::temp_dir().join("ygt-new-county.toml");
    let made = ygt(&[
        "new",
        "--population",
        "300000",
        "--name",
        "新县",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(made.status.success(), "{}", stderr(&made));
    let output = ygt(&["run", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("估计值 estimates"));
    let refused = ygt(&["new", "--population", "12"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn the_template_round_trips_through_xlsx_and_csv() {
    let dir = std::env::temp_dir().join("ygt-template-test");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("county.xlsx");
    assert!(ygt(&[
        "template",
        "--from",
        "scenarios/suixi-two-communities.toml",
        "-o",
        xlsx.to_str().unwrap()
    ])
    .status
    .success());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let csv_dir = dir.join("csv");
    assert!(ygt(&[
        "template",
        "--from",
        "scenarios/suixi-two-communities.toml",
        "-o",
        csv_dir.to_str().unwrap()
    ])
    .status
    .success());
    let from_xlsx = ygt(&["import", xlsx.to_str().unwrap()]);
    assert!(from_xlsx.status.success(), "{}", stderr(&from_xlsx));
    let csvs: Vec<String> = ["县", "医共体", "机构"]
        .iter()
        .map(|n| {
            csv_dir
                .join(format!("{n}.csv"))
                .to_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut args = vec!["import"];
    args.extend(csvs.iter().map(String::as_str));
    let from_csv = ygt(&args);
    assert!(from_csv.status.success(), "{}", stderr(&from_csv));
    assert_eq!(stdout(&from_xlsx), stdout(&from_csv));
    // The imported county is the scenario's county.
    let imported = ygt::scenario::load(&stdout(&from_xlsx), &[])
        .unwrap()
        .scenario
        .input
        .county;
    let original = common::load_file("scenarios/suixi-two-communities.toml", &[])
        .scenario
        .input
        .county;
    assert_eq!(imported, original);
    // A bad cell: named, non-zero exit, nothing written.
    let bad = std::fs::read_to_string(&csvs[2]).unwrap().replacen(
        "濉溪县医院,县级,是,1,2000",
        "濉溪县医院,县级,是,1,两千",
        1,
    );
    std::fs::write(&csvs[2], bad).unwrap();
    let out = dir.join("never.toml");
    let mut args = vec!["import"];
    args.extend(csvs.iter().map(String::as_str));
    args.extend(["-o", out.to_str().unwrap()]);
    let refused = ygt(&args);
    assert_eq!(refused.status.code(), Some(1));
    // The county hospital is the third institution listed in the file: row 4 of the sheet.
    assert!(stderr(&refused).contains("机构!F4"), "{}", stderr(&refused));
    assert!(!out.exists());
}

/// Nobody reading is not a crash: with its output and error pipes closed by the reader (as `| head`
/// does), `ygt` exits with its own code (3: the file cannot be read), not a panic's 101.
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let status_file = std::env::temp_dir().join(format!("ygt-closed-pipe-{}", std::process::id()));
    // The reader (`true`) exits at once; `ygt` starts writing a moment later, into a closed pipe.
    let script = format!(
        "(sleep 0.3; \"{}\" check /nonexistent/file.toml; echo $? > \"{}\") 2>&1 | true",
        env!("CARGO_BIN_EXE_ygt"),
        status_file.display()
    );
    let status = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .status()
        .expect("sh runs");
    assert!(status.success());
    let code = std::fs::read_to_string(&status_file).expect("the exit code was written");
    let _ = std::fs::remove_file(&status_file);
    assert_eq!(code.trim(), "3");
}
