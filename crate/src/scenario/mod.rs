//! Scenario files: text (TOML or JSON) in, a validated scenario or every problem out.
//!
//! A scenario file has a format version, metadata, the county with its communities and institutions,
//! today's lever settings (`[levers]`, the baseline), the reform's lever settings (`[reform]`, which
//! override the baseline and may change year by year) and the assumptions. `docs/scenario-format.md`
//! describes every field. Loading never panics: malformed, huge or deeply nested text yields
//! diagnostics. This module owns the file's shapes; the model never sees them.

pub mod diagnostic;
pub mod document;
pub mod fields;
pub mod node;
mod reader;
pub mod share;
pub mod shipped;
pub mod teaching;
pub mod template;

pub use diagnostic::{Diagnostic, Severity};
pub use document::Document;

use crate::model::{AssumptionRange, ModelInput};

/// The newest scenario format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A scenario's descriptive metadata.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub description: String,
    pub region: String,
    /// Where the figures come from.
    pub sources: Vec<String>,
    /// Which figures are estimates rather than the county's own numbers, in words.
    pub estimates: Vec<String>,
    /// Paths of the inputs still at an estimated default (for example `communities.0.institutions.2.beds`):
    /// marked in the editor, the file and the results until the user gives the county's own figure.
    pub estimated_fields: Vec<String>,
    /// Title of the reform (from `[reform] title`).
    pub reform_title: String,
}

/// A validated scenario: ready to run.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub meta: Meta,
    pub input: ModelInput,
    /// The ranges `[uncertainty]` sets for assumptions (the others keep their plausible ranges).
    pub ranges: Vec<AssumptionRange>,
}

/// A scenario that loaded, with the warnings found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub scenario: Scenario,
    pub warnings: Vec<Diagnostic>,
}

/// Loads scenario text, applying `overrides` (`PATH=VALUE`, as `ygt run --set`) first. Returns the
/// scenario with its warnings, or every diagnostic (errors and warnings) when any error was found.
pub fn load(text: &str, overrides: &[String]) -> Result<Loaded, Vec<Diagnostic>> {
    let mut document = Document::from_text(text).map_err(|diagnostic| vec![diagnostic])?;
    let override_errors: Vec<Diagnostic> = overrides
        .iter()
        .filter_map(|assignment| document.set_assignment(assignment).err())
        .collect();
    if !override_errors.is_empty() {
        return Err(override_errors);
    }
    validate(&document)
}

/// Validates a document: the scenario with its warnings, or every diagnostic when any error was found.
pub fn validate(document: &Document) -> Result<Loaded, Vec<Diagnostic>> {
    let mut reader = reader::Reader::default();
    let read = reader::read(&document.tree(), &mut reader);
    let has_errors = reader.has_errors();
    let mut diagnostics = reader.finish();
    match read {
        Some(scenario) if !has_errors => Ok(Loaded {
            scenario,
            warnings: diagnostics,
        }),
        _ => {
            diagnostics.sort_by_key(|d| d.severity);
            Err(diagnostics)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_leaves_out_the_public_health_standard_gets_the_standard_of_its_own_years() {
        // The default county with its base year moved to 2021 and the lever taken out of [levers]:
        // today's money follows the national standard of 2022-2026 (84, 89, 94, 99, then 104 yuan).
        let mut document = Document::from_text(shipped::default_text()).unwrap();
        document.set("county.base_year", "2021").unwrap();
        let text = document.text();
        let text: String = text
            .lines()
            .filter(|line| !line.starts_with("public_health_per_capita_yuan"))
            .collect::<Vec<_>>()
            .join("\n");
        let scenario = load(&text, &[]).unwrap().scenario;
        let lever = crate::model::Lever::PublicHealthPerCapitaYuan;
        let by_year: Vec<String> = (1..=5)
            .map(|year| scenario.input.baseline.at(lever, year).to_string())
            .collect();
        assert_eq!(by_year, ["84", "89", "94", "99", "104"]);
    }
}
