//! The results as tables to take away: the scorecard and the ledger with numbers as numbers (shares as
//! fractions to six places, yuan to the fen: the figures of `ygt run --json`), units in the headers or
//! in a unit column, labels in the user's language. The page writes them as CSV (UTF-8 with a
//! byte-order mark), as tab-separated text for the clipboard, and as one .xlsx workbook (tools module).

use super::{money_text, value_text, IndicatorRow, Kind, INDICATORS};
use crate::chart::Lang;
use crate::model::{Projection, Section, Side, Target, YearResult};
use crate::sheet::{Cell, Table};

fn text(value: impl Into<String>) -> Cell {
    Cell::Text(value.into())
}

fn number(row: &IndicatorRow, year: &YearResult) -> Cell {
    Cell::Number(value_text(row, year))
}

fn unit(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Fraction => lang.pick("比例(0-1)", "fraction (0-1)"),
        Kind::Money => lang.pick("元", "yuan"),
        Kind::Ratio => lang.pick("比值", "ratio"),
    }
}

/// The scorecard: for each indicator the reform's value and the baseline's by year, and for an
/// indicator with a policy target whether the reform meets it (✓ or ✗) each year.
pub fn scorecard(projection: &Projection, lang: Lang) -> Table {
    let mut header = vec![
        text(lang.pick("指标", "indicator")),
        text(lang.pick("单位", "unit")),
        text(lang.pick("运行", "run")),
    ];
    header.extend(projection.scenario.iter().map(|y| text(y.year.to_string())));
    let mut rows = vec![header];
    for row in INDICATORS {
        let name = lang.pick(row.zh, row.en);
        let unit = unit(row.kind, lang);
        for (run, years) in [
            (lang.pick("改革方案", "reform"), &projection.scenario),
            (lang.pick("基线", "baseline"), &projection.baseline),
        ] {
            let mut cells = vec![text(name), text(unit), text(run)];
            cells.extend(years.iter().map(|year| number(row, year)));
            rows.push(cells);
        }
        if let Some(target) = Target::of(row.key) {
            let mut cells = vec![
                text(name),
                text(""),
                text(format!(
                    "{} ({})",
                    lang.pick("达到目标", "target met"),
                    lang.pick(target.zh, target.en)
                )),
            ];
            cells.extend((0..projection.scenario.len()).map(|index| {
                text(match target.met(projection, index) {
                    Some(true) => "✓",
                    Some(false) => "✗",
                    None => "",
                })
            }));
            rows.push(cells);
        }
    }
    Table {
        name: lang.pick("指标记分卡", "scorecard").into(),
        rows,
    }
}

/// The reform's ledger, every year: each account's sources and uses, line by line, in yuan.
pub fn ledger(projection: &Projection, lang: Lang) -> Table {
    let mut header = vec![
        text(lang.pick("账户", "account")),
        text(lang.pick("来源/去向", "source/use")),
        text(lang.pick("项目", "item")),
    ];
    let yuan = lang.pick("元", "yuan");
    header.extend(
        projection
            .scenario
            .iter()
            .map(|y| text(format!("{} ({yuan})", y.year))),
    );
    let mut rows = vec![header];
    if let Some(first) = projection.scenario.first() {
        for section in Section::ALL {
            for side in [Side::Source, Side::Use] {
                for (item, _) in first.ledger.lines(section, side) {
                    let side_name = match side {
                        Side::Source => lang.pick("来源", "source"),
                        Side::Use => lang.pick("去向", "use"),
                    };
                    let (section_zh, section_en) = section.label();
                    let (zh, en) = item.label();
                    let mut cells = vec![
                        text(lang.pick(section_zh, section_en)),
                        text(side_name),
                        text(lang.pick(zh, en)),
                    ];
                    cells.extend(
                        projection
                            .scenario
                            .iter()
                            .map(|y| Cell::Number(money_text(y.ledger.amount(item)))),
                    );
                    rows.push(cells);
                }
            }
        }
    }
    Table {
        name: lang.pick("年度账目", "ledger").into(),
        rows,
    }
}

/// A table as rows of text (for the clipboard: numbers stay plain numbers).
pub fn texts(table: &Table) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Cell::Number(text) | Cell::Text(text) => text.clone(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fraction_text;
    use crate::scenario::{load, shipped};

    #[test]
    fn the_scorecard_holds_the_runs_figures_and_the_targets_marks() {
        let scenario = load(shipped::default_text(), &[]).unwrap().scenario;
        let projection = crate::model::project(&scenario.input);
        let table = scorecard(&projection, Lang::Zh);
        let header = texts(&table)[0].clone();
        assert_eq!(header[..3], ["指标", "单位", "运行"]);
        assert_eq!(header[3], projection.scenario[0].year.to_string());
        let rows = texts(&table);
        // The first indicator: reform and baseline as fractions, then the 90% target's marks.
        assert_eq!(rows[1][..3], ["县域就诊率", "比例(0-1)", "改革方案"]);
        assert_eq!(
            rows[1][3],
            fraction_text(projection.scenario[0].indicators.county_consultation_rate)
        );
        assert_eq!(rows[2][2], "基线");
        // Henan's baseline: 12% of visits out of county, so 0.88 (the file's volumes).
        assert_eq!(rows[2][3], "0.88");
        assert_eq!(rows[3][2], "达到目标 (目标 90%)");
        for (index, year) in projection.scenario.iter().enumerate() {
            let met = year.indicators.county_consultation_rate >= rust_decimal_macros::dec!(0.9);
            assert_eq!(rows[3][3 + index], if met { "✓" } else { "✗" });
        }
        // Money in yuan to the fen, as the JSON report has it.
        let pool = rows.iter().find(|r| r[0] == "薪酬总量(元)").unwrap();
        assert_eq!(
            pool[3],
            money_text(projection.scenario[0].indicators.salary_pool)
        );
        // Every indicator has two rows, and each targeted one a third.
        assert_eq!(
            rows.len(),
            1 + 2 * INDICATORS.len() + crate::model::TARGETS.len()
        );
    }

    #[test]
    fn the_ledger_balances_in_each_account_and_year() {
        let scenario = load(shipped::default_text(), &[]).unwrap().scenario;
        let projection = crate::model::project(&scenario.input);
        let table = ledger(&projection, Lang::En);
        let rows = texts(&table);
        assert_eq!(
            rows[0][3],
            format!("{} (yuan)", projection.scenario[0].year)
        );
        for section in Section::ALL {
            let label = section.label().1;
            for column in 3..rows[0].len() {
                let sum = |side: &str| -> rust_decimal::Decimal {
                    rows.iter()
                        .filter(|r| r[0] == label && r[1] == side)
                        .map(|r| r[column].parse::<rust_decimal::Decimal>().unwrap())
                        .sum()
                };
                assert_eq!(sum("source"), sum("use"), "{label} {column}");
            }
        }
    }
}
