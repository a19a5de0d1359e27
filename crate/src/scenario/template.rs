//! A new county from its resident population alone: every input estimated from national ratios
//! (BRIEF §5) and marked as an estimate in `meta.estimated_fields` until the user gives the county's own
//! figure. The result is ordinary scenario text, so it opens, saves and runs like any file.

use std::fmt::Write;

use super::fields::{COMMUNITY_FIELDS, INSTITUTION_FIELDS, OUT_OF_COUNTY_FIELDS};

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
    let mut estimated: Vec<String> = Vec::new();
    let mut body = String::new();
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
        let _ = write!(
            body,
            "\n[[communities]]\nname = \"{lead}医共体\"\ninsured_residents = {insured}\nresident_population = {residents}\n\n\
             [communities.out_of_county]\noutpatient_visits = {}\nadmissions = {}\ncost_per_visit = 500\ncost_per_admission = 16000\n",
            (visits * 0.12).round(),
            (admissions * 0.20).round(),
        );
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
            let _ = write!(
                body,
                "\n[[communities.institutions]]\nname = \"{name}\"\ntier = \"{tier}\"\n"
            );
            if is_lead {
                body.push_str("lead = true\n");
            }
            let _ = write!(
                body,
                "count = {count}\nbeds = {beds}\nstaff = {staff}\noutpatient_visits = {}\nadmissions = {}\ncost_per_visit = {cpv}\ncost_per_admission = {cpa}\naverage_pay_yuan = {pay}\nbase_subsidy_yuan = {subsidy}\n",
                visits.round(),
                admissions.round(),
            );
            for field in INSTITUTION_FIELDS {
                estimated.push(format!("{path}.institutions.{i}.{}", field.key));
            }
        }
    }
    for key in ["village", "township", "county", "outside"] {
        estimated.push(format!("county.reimbursement.outpatient.{key}"));
        estimated.push(format!("county.reimbursement.inpatient.{key}"));
    }
    let estimated_list = estimated
        .iter()
        .map(|p| format!("  \"{p}\","))
        .collect::<Vec<_>>()
        .join("\n");
    // The name as a TOML string, exactly as typed (quotes, backslashes and control characters escaped),
    // and as a comment (where nothing can be escaped, control characters become spaces).
    let quoted = toml_edit::Value::from(name).to_string();
    let quoted = quoted.trim();
    let comment: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!(
        "# {comment}: a new county built from its resident population alone ({population} residents).\n\
         # Every input is an ESTIMATE from national ratios (BRIEF §5) until you enter the county's own figure;\n\
         # the estimated inputs are listed in meta.estimated_fields and marked in the page.\n\
         \nformat_version = 1\n\n[meta]\ntitle = {quoted}\ndescription = \"由常住人口 {population} 人按全国比例估算的县情;请逐项替换为本县数据。\"\n\
         sources = [\"BRIEF §5: 2023 每千人床位 7.23;乡镇卫生院平均约45张床\", \"BRIEF §5: 2025 居民医保人均筹资 700+400 元\", \"人员按参保居民就医收入可负担的人数估算(假设)/ staff sized to what the insured's care pays for (assumption)\"]\n\
         estimates = [\"全部县情输入均为估计值 / every county input is an estimate\"]\n\
         estimated_fields = [\n{estimated_list}\n]\n\n\
         [county]\nname = {quoted}\nbase_year = 2024\nhorizon_years = 5\ngovernment_per_capita_yuan = [700]\nindividual_per_capita_yuan = [400]\n\n\
         [county.reimbursement.outpatient]\nvillage = 0.50\ntownship = 0.45\ncounty = 0.20\noutside = 0.15\n\n\
         [county.reimbursement.inpatient]\nvillage = 0.0\ntownship = 0.85\ncounty = 0.70\noutside = 0.50\n\
         {body}\n\
         [levers]\nglobal_budget = false\npublic_health_per_capita_yuan = [99, 104, 109, 114, 119]\n\n\
         [reform]\ntitle = \"(尚未设定改革 / no reform yet)\"\n"
    )
}

/// The inputs of an institution entry, all estimated when a new entry is added.
pub fn institution_keys() -> Vec<&'static str> {
    INSTITUTION_FIELDS.iter().map(|field| field.key).collect()
}

/// A typical single institution of `tier` ("county", "township" or "village"), as entry text; every
/// figure is an estimate (BRIEF §5 for a township centre's 45 beds and 48 staff; the rest assumptions).
pub fn new_institution(tier: &str) -> String {
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
    format!(
        "name = \"{name}\"\ntier = \"{tier}\"\ncount = 1\nbeds = {beds}\nstaff = {staff}\noutpatient_visits = {visits}\nadmissions = {admissions}\n\
         cost_per_visit = {cpv}\ncost_per_admission = {cpa}\naverage_pay_yuan = {pay}\nbase_subsidy_yuan = {subsidy}\n"
    )
}

/// A new community of about 100,000 residents led by a county hospital, as entry text, and its
/// estimated keys relative to the entry.
pub fn new_community(number: usize) -> (String, Vec<String>) {
    let text = format!(
        "name = \"新医共体{number}\"\ninsured_residents = 86000\nresident_population = 100000\n\n[out_of_county]\noutpatient_visits = 57000\nadmissions = 2600\n\
         cost_per_visit = 500\ncost_per_admission = 16000\n\n[[institutions]]\n{}lead = true\n\n[[institutions]]\n{}\n[[institutions]]\n{}",
        new_institution("county"),
        new_institution("township").replace("count = 1", "count = 4"),
        new_institution("village").replace("count = 1", "count = 60"),
    );
    let mut keys: Vec<String> = COMMUNITY_FIELDS.iter().map(|f| f.key.to_string()).collect();
    keys.extend(
        OUT_OF_COUNTY_FIELDS
            .iter()
            .map(|f| format!("out_of_county.{}", f.key)),
    );
    for index in 0..3 {
        keys.extend(
            INSTITUTION_FIELDS
                .iter()
                .map(|f| format!("institutions.{index}.{}", f.key)),
        );
    }
    (text, keys)
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
