//! CSV for Excel and WPS: UTF-8 with a byte-order mark so Chinese opens intact; one row per run and
//! indicator or ledger line, one column per year.

use super::{money_text, value_text, INDICATORS};
use crate::model::{Projection, Section, Side, YearResult};
use crate::sheet::csv::field;

fn push_row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn run_rows(out: &mut String, run_key: &str, years: &[YearResult]) {
    for row in INDICATORS {
        let mut cells = vec![
            run_key.to_string(),
            "indicator".into(),
            row.key.into(),
            row.zh.into(),
            row.en.into(),
        ];
        cells.extend(years.iter().map(|y| value_text(row, y)));
        push_row(out, &cells);
    }
    let Some(first) = years.first() else { return };
    for section in Section::ALL {
        for side in [Side::Source, Side::Use] {
            for (item, _) in first.ledger.lines(section, side) {
                let (zh, en) = item.label();
                let group = match side {
                    Side::Source => "ledger_source",
                    Side::Use => "ledger_use",
                };
                let mut cells = vec![
                    run_key.to_string(),
                    group.into(),
                    format!("{}.{}", section.key(), item.key()),
                    format!("{}:{}", section.label().0, zh),
                    format!("{}: {}", section.label().1, en),
                ];
                cells.extend(years.iter().map(|y| money_text(y.ledger.amount(item))));
                push_row(out, &cells);
            }
        }
    }
}

/// The CSV text, starting with a UTF-8 byte-order mark.
pub fn document(projection: &Projection) -> String {
    let mut out = String::from("\u{feff}");
    let mut header = vec![
        "运行/run".to_string(),
        "类别/group".into(),
        "键/key".into(),
        "名称".into(),
        "name".into(),
    ];
    header.extend(projection.scenario.iter().map(|y| y.year.to_string()));
    push_row(&mut out, &header);
    run_rows(&mut out, "scenario", &projection.scenario);
    run_rows(&mut out, "baseline", &projection.baseline);
    out
}
