//! The `--json` document: `{"scenario": {...}, "warnings": [...], "years": [...], "baseline": {...}}`.
//!
//! Contract (kept stable, other tools read it): each year has `year`, `indicators` (fractions as JSON
//! numbers, money as decimal strings) and `ledger` with `sources` and `uses`, maps from
//! `section.item` to a decimal string in yuan, whose two sums are equal.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{json, Map, Number, Value};

use super::{fraction_text, money_text, unsigned, Kind, INDICATORS};
use crate::model::{ByPlace, Ledger, Place, Projection, Section, Side, Tier, YearResult};
use crate::scenario::{Diagnostic, Scenario};

fn number(value: Decimal) -> Value {
    Number::from_str(&fraction_text(value))
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

fn money(value: Decimal) -> Value {
    Value::String(money_text(value))
}

fn count(value: Decimal) -> Value {
    Number::from_str(&unsigned(value.round_dp(2)).normalize().to_string())
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

fn by_place(values: &ByPlace<Decimal>, convert: fn(Decimal) -> Value) -> Value {
    Value::Object(
        Place::ALL
            .iter()
            .map(|p| (p.key().to_string(), convert(values.get(*p))))
            .collect(),
    )
}

/// Money by tier: `{"county": "...", "township": "...", "village": "..."}`.
fn by_tier(values: &[Decimal; 3]) -> Value {
    Value::Object(
        Tier::ALL
            .iter()
            .map(|tier| (tier.key().to_string(), money(values[tier.slot()])))
            .collect(),
    )
}

/// The diagnostics as JSON objects.
pub fn diagnostics(list: &[Diagnostic]) -> Value {
    Value::Array(
        list.iter()
            .map(|d| {
                let mut entry = json!({
                    "severity": d.severity.key(),
                    "path": d.path,
                    "value": d.value,
                    "message_zh": d.message_zh,
                    "message_en": d.message_en,
                });
                // The path as a person reads it (the lever's name and the year), where the catalog
                // knows it.
                if let Some((zh, en)) = crate::scenario::fields::path_label(&d.path) {
                    entry["label_zh"] = json!(zh);
                    entry["label_en"] = json!(en);
                }
                entry
            })
            .collect(),
    )
}

fn ledger(ledger: &Ledger) -> Value {
    let side_map = |side: Side| -> Map<String, Value> {
        Section::ALL
            .iter()
            .flat_map(|section| ledger.lines(*section, side))
            .map(|(item, amount)| {
                (
                    format!("{}.{}", item.section().key(), item.key()),
                    money(amount),
                )
            })
            .collect()
    };
    let sections: Map<String, Value> = Section::ALL
        .iter()
        .map(|section| {
            let (zh, en) = section.label();
            (
                section.key().to_string(),
                json!({
                    "label_zh": zh,
                    "label_en": en,
                    "sources": money(ledger.total(*section, Side::Source)),
                    "uses": money(ledger.total(*section, Side::Use)),
                }),
            )
        })
        .collect();
    json!({
        "sources": side_map(Side::Source),
        "uses": side_map(Side::Use),
        "total_sources": money(ledger.total_sources()),
        "total_uses": money(ledger.total_uses()),
        "balanced": ledger.imbalances().is_empty(),
        "sections": sections,
    })
}

fn indicators(result: &YearResult) -> Map<String, Value> {
    INDICATORS
        .iter()
        .map(|row| {
            let value = (row.read)(&result.indicators);
            let value = match row.kind {
                Kind::Fraction | Kind::Ratio => number(value),
                Kind::Money => money(value),
            };
            (row.key.to_string(), value)
        })
        .collect()
}

fn year(result: &YearResult) -> Value {
    let indicators = indicators(result);
    let tiers: Vec<Value> = result
        .tiers
        .iter()
        .zip(Tier::ALL.map(Tier::key))
        .map(|(tier, key)| {
            json!({
                "tier": key,
                "staff": count(tier.staff),
                "personnel_pay": money(tier.personnel_pay),
                "average_pay": money(tier.average_pay),
                "revenue": money(tier.revenue),
                "insurance_income": money(tier.insurance_income),
                "overspend_charged": money(tier.overspend_charged),
                "public_health_funds": money(tier.public_health_funds),
                "per_bed_subsidy": money(tier.per_bed_subsidy),
                "base_pay": money(tier.base_pay),
                "rewards": money(tier.rewards),
                "public_health_pay": money(tier.public_health_pay),
                "topups": money(tier.topups),
                "fund_rewards": money(tier.fund_rewards),
                "balance": money(tier.balance),
                "cost_per_visit": money(tier.cost_per_visit),
                "cost_per_admission": money(tier.cost_per_admission),
            })
        })
        .collect();
    let communities: Vec<Value> = result
        .communities
        .iter()
        .map(|c| {
            json!({
                "name": c.name,
                "insured_residents": count(c.insured_residents),
                "resident_population": count(c.resident_population),
                "financing": money(c.financing),
                "quota_share": number(c.quota_share),
                "quota": money(c.quota),
                "monthly_prepayments": c.monthly_prepayments.iter().map(|m| money(*m)).collect::<Vec<_>>(),
                "quarters": c.quarters.iter().map(|q| json!({
                    "prepaid_to_date": money(q.prepaid_to_date),
                    "claims_to_date": money(q.claims_to_date),
                })).collect::<Vec<_>>(),
                "claims": by_place(&c.claims, money),
                "settlement": {
                    "balance": money(c.settlement.balance),
                    "surplus_retained": money(c.settlement.surplus_retained),
                    "surplus_returned": money(c.settlement.surplus_returned),
                    "overspend_fund_share": money(c.settlement.overspend_fund_share),
                    "overspend_borne": money(c.settlement.overspend_borne),
                },
                "quality_guarantee_returned": money(c.quality_guarantee_returned),
                "special_fund_contributions": money(c.special_fund_contributions),
                "community_fund_carried_forward": money(c.community_fund_carried_forward),
                "public_health_budget": money(c.public_health_budget),
                "budget_stake": number(c.budget_stake),
                "year_end_clearing": money(c.year_end_clearing),
                "member_payments": by_tier(&c.member_payments),
                "overspend_charged": by_tier(&c.overspend_charged),
                "pooled_fund_shortfall_charged": by_tier(&c.fund_shortfall_charged),
                "pooled_fund": {
                    "brought_forward": money(c.fund.brought_forward),
                    "surplus_retained": money(c.fund.surplus_retained),
                    "quality_returned": money(c.fund.quality_returned),
                    "special_fund": money(c.fund.special_fund),
                    "overspend_covered": money(c.fund.overspend_covered),
                    "management": money(c.fund.management),
                    "allowances": money(c.fund.allowances),
                    "primary_topups": by_tier(&c.fund.primary_topups),
                    "rewards": by_tier(&c.fund.rewards),
                    "development": money(c.fund.development),
                    "made_up_by_members": money(c.fund.members_make_up),
                    "carried_forward": money(c.fund.carried_forward),
                },
                "staff_sent_down": count(c.staff_sent_down),
                "primary_average_pay": money(c.primary_average_pay),
                "visits": by_place(&c.visits, count),
                "admissions": by_place(&c.admissions, count),
            })
        })
        .collect();
    json!({
        "year": result.year,
        "index": result.index,
        "indicators": indicators,
        "visits": by_place(&result.visits, count),
        "admissions": by_place(&result.admissions, count),
        "medical_cost": by_place(&result.medical_cost, money),
        "claims": by_place(&result.claims, money),
        "tiers": tiers,
        "communities": communities,
        "ledger": ledger(&result.ledger),
    })
}

fn scenario_meta(scenario: &Scenario) -> Value {
    let meta = &scenario.meta;
    let county = &scenario.input.county;
    json!({
            "title": meta.title,
            "author": meta.author,
            "description": meta.description,
            "region": meta.region,
            "sources": meta.sources,
            "estimates": meta.estimates,
            "estimated_fields": meta.estimated_fields,
            "reform_title": meta.reform_title,
            "county": county.name,
            "base_year": county.base_year,
            "horizon_years": county.horizon.years(),
    })
}

/// The whole results document.
pub fn document(scenario: &Scenario, warnings: &[Diagnostic], projection: &Projection) -> Value {
    json!({
        "scenario": scenario_meta(scenario),
        "warnings": diagnostics(warnings),
        "years": projection.scenario.iter().map(year).collect::<Vec<_>>(),
        "baseline": { "years": projection.baseline.iter().map(year).collect::<Vec<_>>() },
    })
}
