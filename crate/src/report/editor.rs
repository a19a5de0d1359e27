//! What the page's county editor shows: the county, its communities and institutions with their
//! current values, the declared fields (labels, units, accepted ranges) and which inputs are estimates.

use serde_json::{json, Value};

use crate::model::Place;
use crate::scenario::fields::{
    institution_value, InputField, NumberRule, COMMUNITY_FIELDS, INSTITUTION_FIELDS,
    OUT_OF_COUNTY_FIELDS,
};
use crate::scenario::Scenario;

fn rule_json(rule: &NumberRule) -> Value {
    json!({"min": rule.min.to_string(), "max": rule.max.to_string(), "whole": rule.whole, "unit_zh": rule.unit_zh, "unit_en": rule.unit_en})
}

fn fields_json(fields: &[InputField]) -> Value {
    Value::Array(
        fields
            .iter()
            .map(|f| {
                let mut entry = rule_json(&f.rule);
                entry["key"] = json!(f.key);
                entry["zh"] = json!(f.zh);
                entry["en"] = json!(f.en);
                entry
            })
            .collect(),
    )
}

/// The editor document for `scenario`.
pub fn document(scenario: &Scenario) -> Value {
    let county = &scenario.input.county;
    let rates = |values: &crate::model::ByPlace<rust_decimal::Decimal>| {
        Value::Object(
            Place::ALL
                .iter()
                .map(|p| (p.key().to_string(), json!(values.get(*p).to_string())))
                .collect(),
        )
    };
    let communities: Vec<Value> = county
        .communities
        .iter()
        .map(|community| {
            let out = &community.out_of_county;
            let institutions: Vec<Value> = community
                .institutions
                .iter()
                .map(|i| {
                    let mut entry = json!({
                        "name": i.name,
                        "tier": i.tier.key(),
                        "lead": i.is_lead,
                    });
                    for field in INSTITUTION_FIELDS {
                        entry[field.key] = json!(institution_value(i, field.key).to_string());
                    }
                    entry
                })
                .collect();
            json!({
                "name": community.name,
                "insured_residents": community.insured_residents.to_string(),
                "resident_population": community.resident_population.to_string(),
                "out_of_county": {
                    "outpatient_visits": out.outpatient_visits.to_string(),
                    "admissions": out.admissions.to_string(),
                    "cost_per_visit": out.cost_per_visit.to_string(),
                    "cost_per_admission": out.cost_per_admission.to_string(),
                },
                "institutions": institutions,
            })
        })
        .collect();
    json!({
        "county": {
            "name": county.name,
            "base_year": county.base_year,
            "horizon_years": county.horizon.years(),
            "government_per_capita_yuan": county.government_per_capita.values().iter().map(|v| v.to_string()).collect::<Vec<_>>(),
            "individual_per_capita_yuan": county.individual_per_capita.values().iter().map(|v| v.to_string()).collect::<Vec<_>>(),
            "reimbursement": {"outpatient": rates(&county.reimbursement.outpatient), "inpatient": rates(&county.reimbursement.inpatient)},
        },
        "communities": communities,
        "fields": {
            "community": fields_json(COMMUNITY_FIELDS),
            "out_of_county": fields_json(OUT_OF_COUNTY_FIELDS),
            "institution": fields_json(INSTITUTION_FIELDS),
        },
        "estimated_fields": scenario.meta.estimated_fields,
    })
}
