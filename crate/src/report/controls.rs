//! What the page needs to build its controls and tables: every lever and assumption with its labels,
//! unit, ranges and source (from the one declaration in `model::params`) and its current values; the
//! indicator and ledger labels.

use serde_json::{json, Value};

use super::{Kind, INDICATORS};
use crate::model::{Assumption, Item, Lever, ParamSpec, Section, Unit};
use crate::scenario::Scenario;

fn spec_json(spec: &ParamSpec) -> Value {
    let (unit_zh, unit_en) = spec.unit.label();
    let (group_zh, group_en) = spec.group.label();
    let choices: Vec<Value> = spec
        .choices
        .iter()
        .map(|(zh, en)| json!({"zh": zh, "en": en}))
        .collect();
    json!({
        "group": spec.group.key(),
        "group_zh": group_zh,
        "group_en": group_en,
        "choices": choices,
        "key": spec.key,
        "zh": spec.zh,
        "en": spec.en,
        "unit_zh": unit_zh,
        "unit_en": unit_en,
        "switch": spec.unit == Unit::Switch,
        "whole": matches!(spec.unit, Unit::Switch | Unit::Years | Unit::Choice),
        "min": spec.min.to_string(),
        "max": spec.max.to_string(),
        "usual": spec.usual.map(|(low, high)| vec![low.to_string(), high.to_string()]),
        "default": spec.default.to_string(),
        "source": spec.source,
    })
}

/// The controls document for `scenario`.
pub fn document(scenario: &Scenario) -> Value {
    let input = &scenario.input;
    let levers: Vec<Value> = Lever::ALL
        .iter()
        .map(|lever| {
            let mut entry = spec_json(lever.spec());
            // The levers that move together so they still add to one (the first of them absorbs a change).
            if let Some(split) = lever.split() {
                entry["split"] = json!(split
                    .levers
                    .iter()
                    .map(|l| l.spec().key)
                    .collect::<Vec<_>>());
            }
            entry["baseline"] = json!(input
                .baseline
                .schedule(*lever)
                .values()
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>());
            entry["reform"] = json!(input
                .reform
                .schedule(*lever)
                .values()
                .iter()
                .map(|v| v.to_string())
                .collect::<Vec<_>>());
            entry
        })
        .collect();
    let assumptions: Vec<Value> = Assumption::ALL
        .iter()
        .map(|assumption| {
            let mut entry = spec_json(assumption.spec());
            entry["value"] = json!(input.assumptions.get(*assumption).to_string());
            entry
        })
        .collect();
    let indicators: Vec<Value> = INDICATORS
        .iter()
        .map(|row| {
            let kind = match row.kind {
                Kind::Fraction => "fraction",
                Kind::Money => "money",
                Kind::Ratio => "ratio",
            };
            json!({"key": row.key, "zh": row.zh, "en": row.en, "kind": kind})
        })
        .collect();
    let ledger: Vec<Value> = Item::ALL
        .iter()
        .map(|item| {
            let (zh, en) = item.label();
            json!({"key": format!("{}.{}", item.section().key(), item.key()), "section": item.section().key(), "zh": zh, "en": en})
        })
        .collect();
    let sections: Vec<Value> = Section::ALL
        .iter()
        .map(|section| {
            let (zh, en) = section.label();
            json!({"key": section.key(), "zh": zh, "en": en})
        })
        .collect();
    json!({
        "horizon_years": input.county.horizon.years(),
        "base_year": input.county.base_year,
        "levers": levers,
        "assumptions": assumptions,
        "indicators": indicators,
        "ledger_items": ledger,
        "ledger_sections": sections,
    })
}
