//! The default text output: indicators by year, baseline against scenario, and each year's ledger check.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{money_text, unsigned, Kind, INDICATORS};
use crate::model::{Projection, Section, Side};
use crate::scenario::{Diagnostic, Scenario};

fn shown(kind: Kind, value: Decimal) -> String {
    match kind {
        Kind::Fraction => format!(
            "{:.2}%",
            unsigned((value * Decimal::ONE_HUNDRED).round_dp(2))
        ),
        Kind::Money => group_digits(&money_text(value)),
        Kind::Ratio => format!("{:.2}", unsigned(value.round_dp(2))),
    }
}

/// Groups digits in threes: 1234567.80 -> 1,234,567.80.
pub fn group_digits(text: &str) -> String {
    let (sign, rest) = text
        .strip_prefix('-')
        .map(|r| ("-", r))
        .unwrap_or(("", text));
    let (whole, fraction) = rest
        .split_once('.')
        .map(|(w, f)| (w, Some(f)))
        .unwrap_or((rest, None));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// The readable report.
pub fn document(scenario: &Scenario, warnings: &[Diagnostic], projection: &Projection) -> String {
    let mut out = String::new();
    let meta = &scenario.meta;
    let _ = writeln!(out, "{} — {}", meta.title, scenario.input.county.name);
    if !meta.reform_title.is_empty() {
        let _ = writeln!(out, "改革方案 / reform: {}", meta.reform_title);
    }
    for warning in warnings {
        let _ = writeln!(out, "{warning}");
    }
    if !meta.estimated_fields.is_empty() {
        let _ = writeln!(
            out,
            "估计值 estimates: {} 项输入仍为估计值,不是本县数据 / {} inputs are still estimates, not the county's own figures:",
            meta.estimated_fields.len(),
            meta.estimated_fields.len()
        );
        let _ = writeln!(out, "  {}", meta.estimated_fields.join(", "));
    }
    let _ = writeln!(out);
    let mut header = format!("{:<34}", "指标 indicator (基线 baseline → 方案 scenario)");
    for year in &projection.scenario {
        let _ = write!(header, " {:>30}", year.year);
    }
    let _ = writeln!(out, "{header}");
    for row in INDICATORS {
        let mut line = format!("{:<34}", format!("{} {}", row.zh, row.en));
        for (base, scen) in projection.baseline.iter().zip(&projection.scenario) {
            let cell = format!(
                "{} → {}",
                shown(row.kind, (row.read)(&base.indicators)),
                shown(row.kind, (row.read)(&scen.indicators))
            );
            let _ = write!(line, " {cell:>30}");
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "账目 ledger (方案 scenario): 来源 sources = 去向 uses");
    for year in &projection.scenario {
        let balanced = if year.ledger.imbalances().is_empty() {
            "平衡 balanced"
        } else {
            "不平衡 NOT BALANCED"
        };
        let _ = writeln!(
            out,
            "  {}: {} = {} 元  {}",
            year.year,
            group_digits(&money_text(year.ledger.total_sources())),
            group_digits(&money_text(year.ledger.total_uses())),
            balanced
        );
        for section in Section::ALL {
            let _ = writeln!(
                out,
                "      {:<20} {:>22} {:>22}",
                section.label().0,
                group_digits(&money_text(year.ledger.total(section, Side::Source))),
                group_digits(&money_text(year.ledger.total(section, Side::Use)))
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::group_digits;

    #[test]
    fn groups_digits() {
        assert_eq!(group_digits("1234567.80"), "1,234,567.80");
        assert_eq!(group_digits("-999.00"), "-999.00");
        assert_eq!(group_digits("1000"), "1,000");
    }

    #[test]
    fn no_negative_zero_in_the_table() {
        use super::{shown, Kind};
        use rust_decimal::Decimal;
        use rust_decimal_macros::dec;
        assert_eq!(shown(Kind::Money, -Decimal::ZERO), "0.00");
        assert_eq!(shown(Kind::Money, dec!(-0.001)), "0.00");
        assert_eq!(shown(Kind::Money, dec!(-1234567.805)), "-1,234,567.81");
        assert_eq!(shown(Kind::Fraction, dec!(-0.00001)), "0.00%");
        assert_eq!(shown(Kind::Ratio, -Decimal::ZERO), "0.00");
    }
}
