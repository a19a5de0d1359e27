//! What the page's analysis panel shows, built by the core like the rest of the view: the tornado of
//! assumptions, the waterfall of a package's parts (Shapley values), goal-seek's answer and the
//! differences from another scenario, each as display text in the chosen language, with the bars'
//! positions worked out here (as percentages of the panel's width) so the page only places them.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{json, Value};

use super::{attribution, diff, seek, sensitivity, uncertainty};
use crate::model::{Assumption, Lever, ModelInput};
use crate::report::view::{
    change_display, indicator_display, pick_owned as pick, Lang, ViewOptions,
};
use crate::report::{IndicatorRow, Kind, INDICATORS};
use crate::scenario::Scenario;

/// Where `value` lies between `low` and `high`, as a percentage to two places.
fn at(value: Decimal, low: Decimal, high: Decimal) -> String {
    if high <= low {
        return "50".into();
    }
    let share = (value - low) / (high - low) * Decimal::ONE_HUNDRED;
    share
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// The axis over `values`, with a twentieth of air on each side.
fn axis(values: impl Iterator<Item = Decimal>) -> (Decimal, Decimal) {
    let (low, high) = values.fold((Decimal::MAX, Decimal::MIN), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if low > high {
        return (Decimal::ZERO, Decimal::ONE);
    }
    let air = ((high - low) / Decimal::from(20)).max(Decimal::new(1, 6));
    (low - air, high + air)
}

/// What the panel can be asked: the indicators and years (for the selects) and the levers goal-seek
/// can move.
pub fn choices(scenario: &Scenario, lang: Lang) -> Value {
    let input = &scenario.input;
    let first = input.county.base_year + 1;
    let years: Vec<i32> = (0..input.county.horizon.years() as i32)
        .map(|i| first + i)
        .collect();
    let indicators: Vec<Value> = INDICATORS
        .iter()
        .map(|row| json!({"value": row.key, "label": pick(lang, row.zh, row.en)}))
        .collect();
    let levers: Vec<Value> = Lever::ALL
        .iter()
        .filter(|lever| seek::seekable(**lever).is_ok())
        .map(|lever| {
            let spec = lever.spec();
            json!({"value": spec.key, "label": pick(lang, spec.zh, spec.en)})
        })
        .collect();
    json!({"indicators": indicators, "years": years, "levers": levers})
}

fn row(key: &str) -> Result<&'static IndicatorRow, String> {
    crate::analysis::indicator(key)
}

/// The range of every assumption that the Monte Carlo draws over and the tornado moves across, for
/// the page's table: `[{"path", "name", "unit", "value", "low", "high", "own", "plausible",
/// "allowed"}]`. `low`/`high` are null for an assumption held as the scenario has it (no range);
/// `own` when the scenario's `[uncertainty]` sets the range; `path` is where the page writes
/// `[low, high]`.
pub fn ranges(scenario: &Scenario, lang: Lang) -> Value {
    let drawn = uncertainty::ranges(&scenario.ranges);
    let text = |value: Decimal| value.normalize().to_string();
    Value::Array(
        Assumption::ALL
            .iter()
            .map(|assumption| {
                let spec = assumption.spec();
                let range = drawn.iter().find(|r| r.assumption == *assumption);
                let (unit_zh, unit_en) = spec.unit.label();
                json!({
                    "path": format!("uncertainty.{}", spec.key),
                    "name": pick(lang, spec.zh, spec.en),
                    "unit": pick(lang, unit_zh, unit_en),
                    "value": text(scenario.input.assumptions.get(*assumption)),
                    "low": range.map(|r| text(r.low)),
                    "high": range.map(|r| text(r.high)),
                    "own": scenario.ranges.iter().any(|r| r.assumption == *assumption),
                    "plausible": spec.usual.map(|(low, high)| format!("{}–{}", text(low), text(high))),
                    "allowed": format!("{}–{}", text(spec.min), text(spec.max)),
                })
            })
            .collect(),
    )
}

/// The tornado: one bar per assumption, widest first, from the indicator at the assumption's low end
/// to its high end, around the scenario's value.
pub fn tornado(scenario: &Scenario, key: &str, year: i32, lang: Lang) -> Result<Value, String> {
    let row = row(key)?;
    let ranges = super::uncertainty::ranges(&scenario.ranges);
    let (base, bars) = sensitivity::tornado(&scenario.input, &ranges, row, year)?;
    let (low, high) = axis(
        bars.iter()
            .flat_map(|b| [b.at_low, b.at_high])
            .chain([base]),
    );
    let shown = |v: Decimal| indicator_display(row.kind, v, false);
    let bars: Vec<Value> = bars
        .iter()
        .map(|bar| {
            let spec = bar.assumption.spec();
            let (left, right) = (bar.at_low.min(bar.at_high), bar.at_low.max(bar.at_high));
            json!({
                "label": pick(lang, spec.zh, spec.en),
                "range": format!("{} … {}", bar.low.normalize(), bar.high.normalize()),
                "at_low": shown(bar.at_low),
                "at_high": shown(bar.at_high),
                "left": at(left, low, high),
                "width": at(right - left + low, low, high),
                "low_end_left": bar.at_low <= bar.at_high,
            })
        })
        .collect();
    Ok(json!({
        "title": format!("{} ({year})", pick(lang, row.zh, row.en)),
        "value": shown(base),
        "base": at(base, low, high),
        "bars": bars,
        "note": pick(lang, "每条表示该假设取其范围低端(浅色)与高端(深色)时指标的值,其他假设不变;范围默认为合理范围,可在“不确定性”中的“各假设的抽样范围”修改",
            "each bar: the indicator with the assumption at the low (light) and the high (dark) end of its range, the others as set; the ranges are the plausible ones unless set under Uncertainty, Range of each assumption"),
    }))
}

/// The waterfall: the baseline, each part of the package's contribution (Shapley values, rounded so
/// the bars add up to the change as shown), the reform.
pub fn waterfall(input: &ModelInput, key: &str, year: i32, lang: Lang) -> Result<Value, String> {
    let row = row(key)?;
    let result = attribution::attribute(input, row, year)?;
    let places = if row.kind == Kind::Fraction { 4 } else { 2 };
    let shown_parts = attribution::rounded(&result, places);
    let mut running = result.baseline;
    let mut ends = vec![running];
    for part in &shown_parts {
        running += *part;
        ends.push(running);
    }
    let (low, high) = axis(ends.iter().copied().chain([result.reform]));
    let mut running = result.baseline;
    let opts = ViewOptions::new(lang);
    let steps: Vec<Value> = result
        .parts
        .iter()
        .zip(&shown_parts)
        .map(|(part, contribution)| {
            let from = running;
            running += *contribution;
            let (left, right) = (from.min(running), from.max(running));
            json!({
                "label": part.levers.iter().map(|l| pick(lang, l.spec().zh, l.spec().en)).collect::<Vec<_>>().join(" + "),
                "change": change_display(row.kind, running, from, &opts),
                "left": at(left, low, high),
                "width": at(right - left + low, low, high),
                "up": *contribution >= Decimal::ZERO,
            })
        })
        .collect();
    let shown = |v: Decimal| indicator_display(row.kind, v, false);
    Ok(json!({
        "title": format!("{} ({year})", pick(lang, row.zh, row.en)),
        "baseline": {"label": pick(lang, "基线", "baseline"), "value": shown(result.baseline), "at": at(result.baseline, low, high)},
        "reform": {"label": pick(lang, "改革方案", "reform"), "value": shown(result.reform), "at": at(result.reform, low, high)},
        "total": change_display(row.kind, result.reform, result.baseline, &opts),
        "steps": steps,
        "note": if result.exact {
            pick(lang, "Shapley 值:各杠杆按所有可能的先后次序平均的边际作用,合计等于总变化", "Shapley values: each lever's effect averaged over every order of switching the levers on; they add up to the whole change")
        } else {
            pick(lang, "Shapley 值(按 400 个随机次序平均),合计等于总变化", "Shapley values (averaged over 400 random orders); they add up to the whole change")
        },
    }))
}

/// Goal-seek's answer in words.
pub fn seek_answer(
    input: &ModelInput,
    lever: &str,
    key: &str,
    year: i32,
    target: &str,
    lang: Lang,
) -> Result<Value, String> {
    let row = row(key)?;
    let lever =
        Lever::from_key(lever).ok_or_else(|| format!("没有杠杆 {lever:?} / no lever {lever:?}"))?;
    let target = crate::scenario::fields::parse_decimal(target.trim()).ok_or_else(|| {
        format!(
            "目标应为数值(比例写 0.9) / the target is a number (a share as 0.9), not {target:?}"
        )
    })?;
    let found = seek::seek(input, lever, row, year, target)?;
    let spec = lever.spec();
    let shown = |v: Decimal| indicator_display(row.kind, v, false);
    let text = if found.meets {
        pick(
            lang,
            &format!(
                "{} 设为 {} 时,{}({year})为 {},达到目标 {}",
                spec.zh,
                found.value.normalize(),
                row.zh,
                shown(found.reached),
                shown(target)
            ),
            &format!(
                "with {} at {}, {} ({year}) is {}, meeting the target {}",
                spec.en,
                found.value.normalize(),
                row.en,
                shown(found.reached),
                shown(target)
            ),
        )
    } else {
        pick(
            lang,
            &format!("{} 在允许范围内无法使{}({year})达到 {};最接近的是 {},此时为 {}", spec.zh, row.zh, shown(target), found.value.normalize(), shown(found.reached)),
            &format!("no value of {} within its range brings {} ({year}) to {}; the closest is {}, giving {}", spec.en, row.en, shown(target), found.value.normalize(), shown(found.reached)),
        )
    };
    Ok(
        json!({"meets": found.meets, "value": found.value.normalize().to_string(), "path": format!("reform.{}", spec.key), "text": text}),
    )
}

/// The differences from `other` (rows of label, path, old, new, unit).
pub fn differences(current: &Scenario, other: &Scenario, lang: Lang) -> Value {
    let none = pick(lang, "(无)", "(none)");
    Value::Array(
        diff::diff(current, other)
            .iter()
            .map(|c| {
                json!({
                    "path": c.path,
                    "label": pick(lang, &c.zh, &c.en),
                    "unit": pick(lang, &c.unit_zh, &c.unit_en),
                    "old": c.old.clone().unwrap_or_else(|| none.clone()),
                    "new": c.new.clone().unwrap_or_else(|| none.clone()),
                })
            })
            .collect(),
    )
}
