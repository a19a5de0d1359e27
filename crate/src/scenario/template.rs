//! A new county from its resident population alone: every input estimated from national ratios
//! (BRIEF §5) and marked as an estimate in `meta.estimated_fields` until the user gives the county's own
//! figure. The result is ordinary scenario text, so it opens, saves and runs like any file.

use toml_edit::Value;

use super::document::{number, numbers, text};
use super::fields::{COMMUNITY_FIELDS, INSTITUTION_FIELDS, OUT_OF_COUNTY_FIELDS};
use super::{Diagnostic, Document};

/// Where a new county's figures come from (meta.sources of the file).
const SOURCES: [&str; 3] = [
    "国家卫生健康委《我国卫生健康事业发展统计公报》(2023):每千人口医疗卫生机构床位 7.23 张;乡镇卫生院平均约 45 张床 / National Health Commission, Statistical Bulletin (2023): 7.23 beds per 1,000 people; township centres about 45 beds",
    "国家城乡居民基本医疗保险筹资标准年度通知(2025):人均财政补助 700 元、个人缴费 400 元 / the national annual notice on resident medical insurance financing (2025): 700 + 400 yuan per person",
    "人员按参保居民就医收入可负担的人数估算(假设) / staff sized to what the insured's care pays for (assumption)",
];

/// The ratios the estimates come from, named so the file can say where each figure came from.
mod ratio {
    /// Share of residents in the resident medical insurance (assumption, not sourced).
    pub const INSURED_PER_RESIDENT: f64 = 0.86;
    /// Beds per 1,000 people, national 2023 (BRIEF §5).
    pub const BEDS_PER_THOUSAND: f64 = 7.23;
    /// Township health centres: about 45 beds each (BRIEF §5).
    pub const TOWNSHIP_BEDS: f64 = 45.0;
    /// Residents per township centre and per village clinic (assumptions, not sourced).
    pub const RESIDENTS_PER_TOWNSHIP: f64 = 25_000.0;
    pub const RESIDENTS_PER_VILLAGE_CLINIC: f64 = 1_500.0;
    /// Non-personnel costs as a share of revenue, as the assumptions' defaults (county, township, village).
    pub const NONPERSONNEL: [f64; 3] = [0.6, 0.55, 0.5];
    /// Visits and admissions per insured resident a year (assumptions; national visits are about 6.7 per person).
    pub const VISITS_PER_INSURED: f64 = 5.0;
    pub const ADMISSIONS_PER_INSURED: f64 = 0.13;
}

/// Whole number of `x`, at least `at_least`.
fn round_at_least(x: f64, at_least: u64) -> u64 {
    (x.round() as u64).max(at_least)
}

/// The scenario text of a county of `population` residents named `name`.
///
/// Counts are computed with f64 ratios and rounded to whole persons, beds and visits before they are
/// written: no money passes through floating point (costs and pay are written as whole-yuan constants).
/// The resident populations a new county may have.
/// A new county's base year and horizon: the last year with published national figures (BRIEF §5), and
/// the five years the sandbox charts.
const BASE_YEAR: i32 = 2024;
const HORIZON: i32 = 5;

pub const POPULATION: std::ops::RangeInclusive<u64> = 10_000..=50_000_000;

/// A new county's population as typed, or why it is refused (the page and `ygt new` ask the same).
pub fn parse_population(text: &str) -> Result<u64, super::Diagnostic> {
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|p| POPULATION.contains(p))
        .ok_or_else(|| {
            super::Diagnostic::error(
                "population",
                text,
                format!(
                    "常住人口应为 {} 到 {} 之间的整数",
                    POPULATION.start(),
                    POPULATION.end()
                ),
                format!(
                    "the resident population is a whole number from {} to {}",
                    POPULATION.start(),
                    POPULATION.end()
                ),
            )
        })
}

pub fn from_population(name: &str, population: u64) -> String {
    let population = population.clamp(*POPULATION.start(), *POPULATION.end());
    let communities = if population < 300_000 {
        1
    } else if population < 800_000 {
        2
    } else {
        3
    };
    let mut document = Document::new(&format!(
        "{name}: a new county built from its resident population alone ({population} residents).\n\
         Every input is an ESTIMATE from national ratios until you enter the county's own figure;\n\
         the estimated inputs are listed in meta.estimated_fields and marked in the page."
    ));
    let put = |document: &mut Document, path: &str, value: Value| {
        document
            .put(path, value)
            .expect("a new scenario's tables are made as they are filled");
    };
    put(&mut document, "meta.title", text(name));
    put(
        &mut document,
        "meta.description",
        text(&format!(
            "由常住人口 {population} 人按全国比例估算的县情;请逐项替换为本县数据。"
        )),
    );
    let mut sources: toml_edit::Array = SOURCES.iter().map(|s| text(s)).collect();
    super::document::one_per_line(&mut sources);
    put(&mut document, "meta.sources", Value::Array(sources));
    put(
        &mut document,
        "meta.estimates",
        Value::Array(
            [text(
                "全部县情输入均为估计值 / every county input is an estimate",
            )]
            .into_iter()
            .collect(),
        ),
    );
    put(
        &mut document,
        "meta.estimated_fields",
        Value::Array(toml_edit::Array::new()),
    );
    put(&mut document, "county.name", text(name));
    put(&mut document, "county.base_year", number(BASE_YEAR));
    put(&mut document, "county.horizon_years", number(HORIZON));
    put(
        &mut document,
        "county.government_per_capita_yuan",
        numbers([700]),
    );
    put(
        &mut document,
        "county.individual_per_capita_yuan",
        numbers([400]),
    );
    for (care, rates) in [
        ("outpatient", ["0.50", "0.45", "0.20", "0.15"]),
        ("inpatient", ["0.0", "0.85", "0.70", "0.50"]),
    ] {
        for (place, rate) in crate::model::Place::ALL.iter().zip(rates) {
            put(
                &mut document,
                &format!("county.reimbursement.{care}.{}", place.key()),
                number(rate),
            );
        }
    }
    let mut estimated: Vec<String> = Vec::new();
    let per_community = population as f64 / communities as f64;
    let lead_names = ["县人民医院", "县中医医院", "县第二人民医院"];
    for (c, lead) in lead_names.iter().copied().enumerate().take(communities) {
        let residents = round_at_least(per_community, 1);
        let insured = round_at_least(per_community * ratio::INSURED_PER_RESIDENT, 1);
        let townships = round_at_least(per_community / ratio::RESIDENTS_PER_TOWNSHIP, 1);
        let villages = round_at_least(per_community / ratio::RESIDENTS_PER_VILLAGE_CLINIC, 1);
        let beds_total = per_community * ratio::BEDS_PER_THOUSAND / 1000.0;
        let township_beds = townships as f64 * ratio::TOWNSHIP_BEDS;
        let county_beds = round_at_least(beds_total - township_beds, 50);
        let visits = insured as f64 * ratio::VISITS_PER_INSURED;
        let admissions = insured as f64 * ratio::ADMISSIONS_PER_INSURED;
        // Staff are sized to what the insured's care pays for at today's pay (revenue less non-personnel
        // costs, plus base subsidies), so a new county starts near balance. National staff ratios
        // (3.40 physicians and 4.00 nurses per 1,000, BRIEF §5) also serve people this model does not
        // count (employees' insurance, private hospitals), so they would overstate the staff here.
        let affordable = |revenue: f64, tier: usize, pay: f64, subsidy_per_staff: f64| {
            revenue * (1.0 - ratio::NONPERSONNEL[tier]) / (pay - subsidy_per_staff)
        };
        let county_staff = round_at_least(
            affordable(
                visits * 0.36 * 250.0 + admissions * 0.55 * 8500.0,
                0,
                110_000.0,
                0.0,
            ),
            20,
        );
        let township_staff = round_at_least(
            affordable(
                visits * 0.24 * 110.0 + admissions * 0.25 * 3000.0,
                1,
                75_000.0,
                30_000.0,
            ),
            townships,
        ) as f64;
        let village_staff = round_at_least(
            affordable(
                visits * 0.28 * 45.0 + villages as f64 * 8_000.0 / (1.0 - ratio::NONPERSONNEL[2]),
                2,
                38_000.0, // a village doctor's whole income: 20,000 for medical work + public-health pay
                0.0,
            ),
            villages,
        ) as f64;
        let path = format!("communities.{c}");
        document
            .push_entry(
                "communities",
                &[
                    ("name", text(&format!("{lead}医共体"))),
                    ("insured_residents", number(insured)),
                    ("resident_population", number(residents)),
                ],
                &[],
            )
            .expect("communities are a list of tables");
        for (key, value) in [
            ("outpatient_visits", (visits * 0.12).round()),
            ("admissions", (admissions * 0.20).round()),
            ("cost_per_visit", 500.0),
            ("cost_per_admission", 16000.0),
        ] {
            put(
                &mut document,
                &format!("{path}.out_of_county.{key}"),
                number(value as u64),
            );
        }
        for field in COMMUNITY_FIELDS {
            estimated.push(format!("{path}.{}", field.key));
        }
        for field in OUT_OF_COUNTY_FIELDS {
            estimated.push(format!("{path}.out_of_county.{}", field.key));
        }
        let institutions = [
            (
                lead.to_string(),
                "county",
                true,
                1,
                county_beds,
                county_staff,
                visits * 0.36,
                admissions * 0.55,
                250,
                8500,
                110_000,
                0,
            ),
            (
                "乡镇卫生院".to_string(),
                "township",
                false,
                townships,
                township_beds.round() as u64,
                township_staff.round() as u64,
                visits * 0.24,
                admissions * 0.25,
                110,
                3000,
                75_000,
                township_staff.round() as u64 * 30_000,
            ),
            (
                "村卫生室".to_string(),
                "village",
                false,
                villages,
                0,
                village_staff.round() as u64,
                visits * 0.28,
                0.0,
                45,
                0,
                20_000, // pay for medical work; public-health work is paid from the public-health funds (docs/model.md §10)
                villages * 8_000,
            ),
        ];
        for (
            i,
            (name, tier, is_lead, count, beds, staff, visits, admissions, cpv, cpa, pay, subsidy),
        ) in institutions.into_iter().enumerate()
        {
            let mut values = vec![("name", text(&name)), ("tier", text(tier))];
            if is_lead {
                values.push(("lead", Value::from(true)));
            }
            values.extend([
                ("count", number(count)),
                ("beds", number(beds)),
                ("staff", number(staff)),
                ("outpatient_visits", number(visits.round() as u64)),
                ("admissions", number(admissions.round() as u64)),
                ("cost_per_visit", number(cpv)),
                ("cost_per_admission", number(cpa)),
                ("average_pay_yuan", number(pay)),
                ("base_subsidy_yuan", number(subsidy)),
            ]);
            document
                .push_entry(&format!("{path}.institutions"), &values, &[])
                .expect("institutions are a list of tables");
            for field in INSTITUTION_FIELDS {
                estimated.push(format!("{path}.institutions.{i}.{}", field.key));
            }
        }
    }
    for place in crate::model::Place::ALL {
        estimated.push(format!("county.reimbursement.outpatient.{}", place.key()));
        estimated.push(format!("county.reimbursement.inpatient.{}", place.key()));
    }
    document.mark_estimates(&estimated);
    put(&mut document, "levers.global_budget", Value::from(false));
    put(
        &mut document,
        "levers.public_health_per_capita_yuan",
        numbers(crate::model::params::public_health_schedule(
            BASE_YEAR,
            HORIZON as usize,
        )),
    );
    put(
        &mut document,
        "reform.title",
        text("(尚未设定改革 / no reform yet)"),
    );
    document.text()
}

/// The inputs of an institution entry, all estimated when a new entry is added.
pub fn institution_keys() -> Vec<&'static str> {
    INSTITUTION_FIELDS.iter().map(|field| field.key).collect()
}

/// A typical single institution of `tier` ("county", "township" or "village"), as (key, value) pairs;
/// every figure is an estimate (national statistics for a township centre's 45 beds and 48 staff; the
/// rest assumptions).
pub fn new_institution(tier: &str) -> Vec<(&'static str, Value)> {
    let (name, beds, staff, visits, admissions, cpv, cpa, pay, subsidy) = match tier {
        "county" => (
            "新县级医院",
            300,
            350,
            180_000,
            9_000,
            230,
            7_500,
            105_000,
            0,
        ),
        "village" => ("新村卫生室", 0, 2, 3_000, 0, 45, 0, 20_000, 8_000),
        _ => (
            "新乡镇卫生院",
            45,
            48,
            30_000,
            900,
            110,
            3_000,
            75_000,
            1_440_000,
        ),
    };
    let tier = if matches!(tier, "county" | "village") {
        tier
    } else {
        "township"
    };
    vec![
        ("name", text(name)),
        ("tier", text(tier)),
        ("count", number(1)),
        ("beds", number(beds)),
        ("staff", number(staff)),
        ("outpatient_visits", number(visits)),
        ("admissions", number(admissions)),
        ("cost_per_visit", number(cpv)),
        ("cost_per_admission", number(cpa)),
        ("average_pay_yuan", number(pay)),
        ("base_subsidy_yuan", number(subsidy)),
    ]
}

/// Adds a new community of about 100,000 residents to `document`, led by a county hospital, with a
/// group of 4 township centres and 60 village clinics; every input marked as an estimate.
pub fn add_community(document: &mut Document, number_in_county: usize) -> Result<(), Diagnostic> {
    let index = document.push_entry(
        "communities",
        &[
            ("name", text(&format!("新医共体{number_in_county}"))),
            ("insured_residents", number(86_000)),
            ("resident_population", number(100_000)),
        ],
        &COMMUNITY_FIELDS.iter().map(|f| f.key).collect::<Vec<_>>(),
    )?;
    let path = format!("communities.{index}");
    for (field, value) in OUT_OF_COUNTY_FIELDS
        .iter()
        .zip([57_000, 2_600, 500, 16_000])
    {
        document.put(
            &format!("{path}.out_of_county.{}", field.key),
            number(value),
        )?;
    }
    document.mark_estimates(
        &OUT_OF_COUNTY_FIELDS
            .iter()
            .map(|f| format!("{path}.out_of_county.{}", f.key))
            .collect::<Vec<_>>(),
    );
    for (tier, count) in [("county", 1), ("township", 4), ("village", 60)] {
        let mut values = new_institution(tier);
        if let Some((_, value)) = values.iter_mut().find(|(key, _)| *key == "count") {
            *value = number(count);
        }
        if tier == "county" {
            values.push(("lead", Value::from(true)));
        }
        document.push_entry(
            &format!("{path}.institutions"),
            &values,
            &institution_keys(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{load, Document};

    #[test]
    fn a_county_from_its_population_loads_runs_and_marks_every_input() {
        for population in [60_000, 520_000, 1_200_000] {
            let text = from_population("新县", population);
            let loaded = load(&text, &[]).unwrap_or_else(|e| panic!("{population}: {e:?}"));
            let communities = loaded.scenario.input.county.communities.len();
            assert_eq!(
                communities,
                if population < 300_000 {
                    1
                } else if population < 800_000 {
                    2
                } else {
                    3
                }
            );
            let residents: rust_decimal::Decimal = loaded
                .scenario
                .input
                .county
                .communities
                .iter()
                .map(|c| c.resident_population)
                .sum();
            assert!(
                (residents - rust_decimal::Decimal::from(population)).abs()
                    <= rust_decimal::Decimal::from(3)
            );
            assert_eq!(
                loaded.scenario.meta.estimated_fields.len(),
                communities * (6 + 3 * INSTITUTION_FIELDS.len()) + 8
            );
            let projection = crate::model::project(&loaded.scenario.input);
            assert!(projection
                .scenario
                .iter()
                .all(|y| y.ledger.imbalances().is_empty()));
        }
    }

    #[test]
    fn any_name_is_written_so_it_reads_back_the_same() {
        // Control characters, quotes, backslashes and a line break once made a file that would not load.
        for name in [
            "某\u{1}县",
            "\"引号\" 与 \\ 反斜杠",
            "两行\n县名",
            "\u{7f}\u{ffff}\t",
        ] {
            let loaded = load(&from_population(name, 200_000), &[])
                .unwrap_or_else(|e| panic!("{name:?}: {e:?}"));
            assert_eq!(loaded.scenario.input.county.name, name);
            assert_eq!(loaded.scenario.meta.title, name);
        }
    }

    #[test]
    fn entering_a_figure_unmarks_it() {
        let mut document = Document::from_text(&from_population("新县", 200_000)).unwrap();
        document
            .set("communities.0.institutions.0.beds", "520")
            .unwrap();
        let loaded = crate::scenario::validate(&document).unwrap();
        assert!(!loaded
            .scenario
            .meta
            .estimated_fields
            .contains(&"communities.0.institutions.0.beds".to_string()));
        assert!(loaded
            .scenario
            .meta
            .estimated_fields
            .contains(&"communities.0.institutions.0.staff".to_string()));
    }
}
