//! What differs between two scenarios, field by field: every input, lever and assumption as the model
//! takes it, and each assumption's uncertainty range as the Monte Carlo takes it (a field left out of a
//! file counts at its default), named by its path in the file, its label and unit from the catalog.

use serde_json::{json, Value};

use crate::model::{Assumption, Lever};
use crate::scenario::fields::{
    county_fields, InputField, COMMUNITY_FIELDS, INSTITUTION_FIELDS, OUT_OF_COUNTY_FIELDS,
};
use crate::scenario::Scenario;

/// One value of a scenario: its path, labels, unit and value as text.
struct Leaf {
    path: String,
    zh: String,
    en: String,
    unit_zh: String,
    unit_en: String,
    value: String,
}

/// One difference: `old` or `new` is `None` when the field is only in one of the scenarios (an
/// institution or community added or removed).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub path: String,
    pub zh: String,
    pub en: String,
    pub unit_zh: String,
    pub unit_en: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The numeric fields of `record` (declared in `fields`) as leaves under the path `at`.
fn numeric_leaves<T>(
    leaf: &mut impl FnMut(String, &str, &str, (&str, &str), String),
    at: &str,
    fields: &[InputField<T>],
    record: &T,
) {
    for field in fields {
        leaf(
            format!("{at}.{}", field.key),
            field.zh,
            field.en,
            (field.rule.unit_zh, field.rule.unit_en),
            (field.get)(record).normalize().to_string(),
        );
    }
}

fn leaves(scenario: &Scenario) -> Vec<Leaf> {
    let mut out = Vec::new();
    let mut leaf = |path: String, zh: &str, en: &str, unit: (&str, &str), value: String| {
        out.push(Leaf {
            path,
            zh: zh.into(),
            en: en.into(),
            unit_zh: unit.0.into(),
            unit_en: unit.1.into(),
            value,
        })
    };
    let meta = &scenario.meta;
    leaf(
        "meta.title".into(),
        "标题",
        "title",
        ("", ""),
        meta.title.clone(),
    );
    leaf(
        "reform.title".into(),
        "改革方案名称",
        "reform title",
        ("", ""),
        meta.reform_title.clone(),
    );
    let county = &scenario.input.county;
    for field in county_fields() {
        let unit = field.rule.map_or(("", ""), |r| (r.unit_zh, r.unit_en));
        leaf(
            field.path.clone(),
            &field.zh,
            &field.en,
            unit,
            field.value(county),
        );
    }
    for (c, community) in county.communities.iter().enumerate() {
        let at = format!("communities.{c}");
        leaf(
            format!("{at}.name"),
            "医共体名称",
            "community name",
            ("", ""),
            community.name.clone(),
        );
        numeric_leaves(&mut leaf, &at, COMMUNITY_FIELDS, community);
        let out_of_county = format!("{at}.out_of_county");
        numeric_leaves(
            &mut leaf,
            &out_of_county,
            OUT_OF_COUNTY_FIELDS,
            &community.out_of_county,
        );
        for (i, institution) in community.institutions.iter().enumerate() {
            let at = format!("{at}.institutions.{i}");
            leaf(
                format!("{at}.name"),
                "机构名称",
                "institution name",
                ("", ""),
                institution.name.clone(),
            );
            leaf(
                format!("{at}.tier"),
                "层级",
                "tier",
                ("", ""),
                institution.tier.key().into(),
            );
            leaf(
                format!("{at}.lead"),
                "牵头医院",
                "lead hospital",
                ("", ""),
                institution.is_lead.to_string(),
            );
            numeric_leaves(&mut leaf, &at, INSTITUTION_FIELDS, institution);
        }
    }
    let input = &scenario.input;
    for (section, levers) in [("levers", &input.baseline), ("reform", &input.reform)] {
        for lever in Lever::ALL {
            let spec = lever.spec();
            let values: Vec<String> = levers
                .schedule(*lever)
                .values()
                .iter()
                .map(|v| v.normalize().to_string())
                .collect();
            let value = if values.len() == 1 {
                values[0].clone()
            } else {
                format!("[{}]", values.join(", "))
            };
            leaf(
                format!("{section}.{}", spec.key),
                spec.zh,
                spec.en,
                spec.unit.label(),
                value,
            );
        }
    }
    for assumption in Assumption::ALL {
        let spec = assumption.spec();
        let value = input.assumptions.get(*assumption).normalize().to_string();
        leaf(
            format!("assumptions.{}", spec.key),
            spec.zh,
            spec.en,
            spec.unit.label(),
            value,
        );
    }
    // The range each assumption is drawn over (the file's, or its plausible range; none: held).
    let ranges = super::uncertainty::ranges(&scenario.ranges);
    for assumption in Assumption::ALL {
        let spec = assumption.spec();
        let value = ranges
            .iter()
            .find(|range| range.assumption == *assumption)
            .map_or_else(
                || "—".to_string(),
                |range| format!("[{}, {}]", range.low.normalize(), range.high.normalize()),
            );
        leaf(
            format!("uncertainty.{}", spec.key),
            &format!("不确定性范围:{}", spec.zh),
            &format!("uncertainty range: {}", spec.en),
            spec.unit.label(),
            value,
        );
    }
    out
}

/// Every field whose value differs between `old` and `new`, in the order of `old` then of fields
/// only in `new`.
pub fn diff(old: &Scenario, new: &Scenario) -> Vec<Change> {
    let (a, b) = (leaves(old), leaves(new));
    let change = |leaf: &Leaf, old: Option<String>, new: Option<String>| Change {
        path: leaf.path.clone(),
        zh: leaf.zh.clone(),
        en: leaf.en.clone(),
        unit_zh: leaf.unit_zh.clone(),
        unit_en: leaf.unit_en.clone(),
        old,
        new,
    };
    let mut changes: Vec<Change> = a
        .iter()
        .filter_map(|leaf| {
            let other = b
                .iter()
                .find(|l| l.path == leaf.path)
                .map(|l| l.value.clone());
            (other.as_ref() != Some(&leaf.value))
                .then(|| change(leaf, Some(leaf.value.clone()), other))
        })
        .collect();
    changes.extend(
        b.iter()
            .filter(|leaf| !a.iter().any(|l| l.path == leaf.path))
            .map(|leaf| change(leaf, None, Some(leaf.value.clone()))),
    );
    changes
}

pub fn changes_json(changes: &[Change]) -> Value {
    Value::Array(
        changes
            .iter()
            .map(|c| {
                json!({"path": c.path, "zh": c.zh, "en": c.en, "unit_zh": c.unit_zh, "unit_en": c.unit_en, "old": c.old, "new": c.new})
            })
            .collect(),
    )
}
