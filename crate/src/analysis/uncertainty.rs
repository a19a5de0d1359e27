//! How sure a result is: a Monte Carlo over the behavioural assumptions. Each draw takes every
//! assumption that has a plausible range uniformly within it (the other inputs and all levers as the
//! scenario sets them), runs the model, and keeps the reform's indicators by year and whether each
//! policy target is met in the last year. The summary gives each indicator's 10th, 50th and 90th
//! percentiles by year and each target's chance of being met.
//!
//! Draw `i` under seed `s` always takes the same values ([`super::rng::SplitMix64::for_draw`]), so the
//! page can split the draws between workers and still give the command line's figures.

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::rng::SplitMix64;
use crate::model::{project, Assumption, AssumptionRange, ModelInput, TARGETS};
use crate::report::INDICATORS;

/// Most draws one run may ask for.
pub const MAX_DRAWS: u64 = 100_000;

/// The assumptions a Monte Carlo varies and the tornado moves, each over its range: the range the
/// scenario sets in `[uncertainty]` (`set`), or else the assumption's plausible range. An assumption
/// with neither stays as the scenario has it.
pub fn ranges(set: &[AssumptionRange]) -> Vec<AssumptionRange> {
    Assumption::ALL
        .iter()
        .filter_map(|assumption| {
            set.iter()
                .find(|range| range.assumption == *assumption)
                .copied()
                .or_else(|| {
                    assumption.spec().usual.map(|(low, high)| AssumptionRange {
                        assumption: *assumption,
                        low,
                        high,
                    })
                })
        })
        .collect()
}

/// Steps across a range: a draw is `low + (high − low) × k / STEPS` for a whole k in 0..=STEPS.
const STEPS: u64 = 1_000_000;

/// The inputs of draw `index` under `seed`.
pub fn draw_input(
    input: &ModelInput,
    ranges: &[AssumptionRange],
    seed: u64,
    index: u64,
) -> ModelInput {
    let mut rng = SplitMix64::for_draw(seed, index);
    let mut drawn = input.clone();
    for v in ranges {
        let k = Decimal::from(rng.below(STEPS + 1));
        let value = v.low + (v.high - v.low) * k / Decimal::from(STEPS);
        drawn.assumptions.set(v.assumption, value.round_dp(8));
    }
    drawn
}

/// What one draw keeps: the reform's indicators by year (in [`INDICATORS`] order) and, for each of
/// [`TARGETS`], whether it is met in the last year.
#[derive(Clone, Debug, PartialEq)]
pub struct Draw {
    pub values: Vec<Vec<Decimal>>,
    pub met: Vec<bool>,
}

/// Runs draws `from..to` under `seed`, each assumption drawn over its range in `ranges` (see
/// [`ranges`]).
pub fn run_draws(
    input: &ModelInput,
    ranges: &[AssumptionRange],
    seed: u64,
    from: u64,
    to: u64,
) -> Vec<Draw> {
    (from..to.min(from.saturating_add(MAX_DRAWS)))
        .map(|index| {
            let projection = project(&draw_input(input, ranges, seed, index));
            let values = projection
                .scenario
                .iter()
                .map(|year| {
                    INDICATORS
                        .iter()
                        .map(|row| (row.read)(&year.indicators))
                        .collect()
                })
                .collect();
            let last = projection.scenario.len().saturating_sub(1);
            let met = TARGETS
                .iter()
                .map(|target| target.met(&projection, last).unwrap_or(false))
                .collect();
            Draw { values, met }
        })
        .collect()
}

/// The `p`th percentile (0-100) of sorted `values`, by nearest rank.
pub fn percentile(sorted: &[Decimal], p: u32) -> Decimal {
    if sorted.is_empty() {
        return Decimal::ZERO;
    }
    let rank = (u64::from(p) * sorted.len() as u64).div_ceil(100).max(1) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

/// Each indicator's 10th, 50th and 90th percentiles by year, and each target's chance.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub draws: usize,
    /// By indicator (in [`INDICATORS`] order), by year: (p10, p50, p90).
    pub bands: Vec<Vec<(Decimal, Decimal, Decimal)>>,
    /// By target (in [`TARGETS`] order): the share of draws meeting it in the last year.
    pub chances: Vec<Decimal>,
}

pub fn summarize(draws: &[Draw]) -> Summary {
    let years = draws.first().map_or(0, |d| d.values.len());
    let bands = (0..INDICATORS.len())
        .map(|row| {
            (0..years)
                .map(|year| {
                    let mut column: Vec<Decimal> =
                        draws.iter().map(|d| d.values[year][row]).collect();
                    column.sort();
                    (
                        percentile(&column, 10),
                        percentile(&column, 50),
                        percentile(&column, 90),
                    )
                })
                .collect()
        })
        .collect();
    let chances = (0..TARGETS.len())
        .map(|t| {
            let met = draws.iter().filter(|d| d.met[t]).count();
            if draws.is_empty() {
                Decimal::ZERO
            } else {
                Decimal::from(met) / Decimal::from(draws.len())
            }
        })
        .collect();
    Summary {
        draws: draws.len(),
        bands,
        chances,
    }
}

/// The ranges drawn over, as JSON: `[{"assumption", "zh", "en", "low", "high", "own"}]`, `own` when
/// the scenario set the range (`set`, its `[uncertainty]`) rather than taking the plausible range.
pub fn ranges_json(set: &[AssumptionRange]) -> Value {
    Value::Array(
        ranges(set)
            .iter()
            .map(|range| {
                let spec = range.assumption.spec();
                json!({
                    "assumption": spec.key, "zh": spec.zh, "en": spec.en,
                    "low": range.low.normalize().to_string(), "high": range.high.normalize().to_string(),
                    "own": set.iter().any(|own| own.assumption == range.assumption),
                })
            })
            .collect(),
    )
}

/// A summary as JSON: `{"draws", "seed", "years", "ranges": [..] (see [`ranges_json`]),
/// "indicators": [{"key", "zh", "en", "p10": [..], "p50": [..], "p90": [..]}], "targets":
/// [{"indicator", "zh", "en", "chance"}]}`; values as decimal text (money to the fen).
pub fn summary_json(summary: &Summary, seed: u64, years: &[i32], set: &[AssumptionRange]) -> Value {
    let text = |row: &crate::report::IndicatorRow, value: Decimal| match row.kind {
        crate::report::Kind::Money => crate::report::money_text(value),
        _ => crate::report::fraction_text(value),
    };
    let indicators: Vec<Value> = INDICATORS
        .iter()
        .zip(&summary.bands)
        .map(|(row, bands)| {
            json!({
                "key": row.key, "zh": row.zh, "en": row.en,
                "p10": bands.iter().map(|b| text(row, b.0)).collect::<Vec<_>>(),
                "p50": bands.iter().map(|b| text(row, b.1)).collect::<Vec<_>>(),
                "p90": bands.iter().map(|b| text(row, b.2)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let targets: Vec<Value> = TARGETS
        .iter()
        .zip(&summary.chances)
        .map(|(target, chance)| {
            json!({
                "indicator": target.indicator, "zh": target.zh, "en": target.en,
                "chance": crate::report::fraction_text(*chance),
                "shown": crate::report::view::indicator_display(crate::report::Kind::Fraction, *chance, false),
            })
        })
        .collect();
    json!({"draws": summary.draws, "seed": seed, "years": years, "ranges": ranges_json(set), "indicators": indicators, "targets": targets})
}

/// Draws as compact JSON for passing between the page's workers and its main thread:
/// `[{"v": [[decimal text by indicator] by year], "m": [bool by target]}]`.
pub fn draws_json(draws: &[Draw]) -> Value {
    Value::Array(
        draws
            .iter()
            .map(|d| {
                json!({
                    "v": d.values.iter().map(|year| year.iter().map(|v| v.to_string()).collect::<Vec<_>>()).collect::<Vec<_>>(),
                    "m": d.met,
                })
            })
            .collect(),
    )
}

/// Draws back from [`draws_json`] (as the page's workers sent them); `None` if they are not such.
pub fn draws_from_json(value: &Value) -> Option<Vec<Draw>> {
    value
        .as_array()?
        .iter()
        .map(|d| {
            let values = d["v"]
                .as_array()?
                .iter()
                .map(|year| {
                    year.as_array()?
                        .iter()
                        .map(|v| v.as_str().and_then(|t| t.parse::<Decimal>().ok()))
                        .collect::<Option<Vec<_>>>()
                })
                .collect::<Option<Vec<_>>>()?;
            let met = d["m"]
                .as_array()?
                .iter()
                .map(Value::as_bool)
                .collect::<Option<Vec<_>>>()?;
            (values.iter().all(|y| y.len() == INDICATORS.len()) && met.len() == TARGETS.len())
                .then_some(Draw { values, met })
        })
        .collect()
}
