//! A working session: the document being edited, its validated scenario and its results.
//!
//! Every change is tried on a copy; only a change that validates replaces the session, so a bad value,
//! file or link leaves the user's scenario exactly as it was. The page's façade (`web.rs`) is a thin
//! wrapper over this type, and native tests exercise the same code.

use crate::chart::{self, Chart};
use crate::model::{project, Projection};
use crate::report;
use crate::scenario::{self, share, template, Diagnostic, Document, Loaded};
use rust_decimal::Decimal;

/// The scenario being worked on.
#[derive(Clone, Debug)]
pub struct Session {
    document: Document,
    loaded: Loaded,
    projection: Projection,
    charts: Vec<Chart>,
}

impl Session {
    /// Opens scenario text (TOML or JSON).
    pub fn open(text: &str) -> Result<Session, Vec<Diagnostic>> {
        let document = Document::from_text(text).map_err(|diagnostic| vec![diagnostic])?;
        Self::from_document(document)
    }

    fn from_document(document: Document) -> Result<Session, Vec<Diagnostic>> {
        let loaded = scenario::validate(&document)?;
        let projection = project(&loaded.scenario.input);
        let charts = chart::charts(&projection);
        Ok(Session {
            document,
            loaded,
            projection,
            charts,
        })
    }

    /// Replaces the scenario with `text`, or leaves it untouched and returns every diagnostic.
    pub fn replace(&mut self, text: &str) -> Result<(), Vec<Diagnostic>> {
        *self = Session::open(text)?;
        Ok(())
    }

    /// Sets one value by its path (as `ygt run --set`), or leaves the scenario untouched.
    pub fn set(&mut self, path: &str, value: &str) -> Result<(), Vec<Diagnostic>> {
        self.set_many(&[(path, value)])
    }

    /// Takes the value at `path` out of the file (so its default applies again: an assumption's range
    /// in `[uncertainty]` goes back to its plausible range), or leaves the scenario untouched when the
    /// file would not validate without it.
    pub fn unset(&mut self, path: &str) -> Result<(), Vec<Diagnostic>> {
        let mut document = self.document.clone();
        document.remove_value(path);
        *self = Self::from_document(document)?;
        Ok(())
    }

    /// Sets several values at once and validates once (values that must agree, such as the three
    /// public-health shares, change together), or leaves the scenario untouched.
    pub fn set_many(&mut self, changes: &[(&str, &str)]) -> Result<(), Vec<Diagnostic>> {
        let mut document = self.document.clone();
        let errors: Vec<Diagnostic> = changes
            .iter()
            .filter_map(|(path, value)| document.set(path, value).err())
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        *self = Self::from_document(document)?;
        Ok(())
    }

    /// Sets several values made in the same moment, each on its own: a change that validates is kept,
    /// a change that does not is refused with its own diagnostics, and one never takes the other down.
    /// Levers of one split (the public-health shares, the pooled fund's shares) in the same section move
    /// together, as one change. Returns the paths refused and their diagnostics (empty when all applied).
    pub fn set_each(&mut self, changes: &[(&str, &str)]) -> (Vec<String>, Vec<Diagnostic>) {
        self.apply_groups(group_by_split(changes))
    }

    /// Applies each group of changes on its own (all of a group or none of it).
    fn apply_groups(&mut self, groups: Vec<Vec<(&str, &str)>>) -> (Vec<String>, Vec<Diagnostic>) {
        let mut refused = Vec::new();
        let mut diagnostics = Vec::new();
        for group in groups {
            if let Err(errors) = self.set_many(&group) {
                refused.extend(group.iter().map(|(path, _)| path.to_string()));
                // The refused copy's warnings are not the scenario's: only its errors are said.
                diagnostics.extend(errors.into_iter().filter(|d| d.is_error()));
            }
        }
        (refused, diagnostics)
    }

    /// Sets values as a person edits them in the page, then as [`Session::set_each`]. Two edits carry
    /// their consequences, so the page need not know the rules: a share of a split (the public-health
    /// shares, the pooled fund's shares) moved alone is balanced, exactly, by another share of the split
    /// (the second one, or the third when the second moved) so the three still add to one; and a lead
    /// hospital chosen takes the lead from the community's other institutions.
    pub fn edit_each(&mut self, changes: &[(&str, &str)]) -> (Vec<String>, Vec<Diagnostic>) {
        // (the change's path, the consequence's path, its value)
        let mut consequences: Vec<(&str, String, String)> = Vec::new();
        for (path, value) in changes {
            let follows = self
                .split_balance(changes, path, value)
                .into_iter()
                .chain(self.lead_taken(path, value));
            consequences.extend(follows.map(|(target, text)| (*path, target, text)));
        }
        // A consequence goes with the change it follows from: both are kept or both refused.
        let mut groups = group_by_split(changes);
        for (cause, path, value) in &consequences {
            if let Some(group) = groups
                .iter_mut()
                .find(|g| g.iter().any(|(p, _)| p == cause))
            {
                group.push((path.as_str(), value.as_str()));
            }
        }
        self.apply_groups(groups)
    }

    /// A share of a split moved alone (`path` = `value`, one value or one per year): the balancing
    /// share takes, year by year, what makes the three add to one; where it would go below zero it goes
    /// to zero and the third share takes the rest. Nothing when the change is not a lone split share or
    /// its value is not numbers.
    fn split_balance(
        &self,
        changes: &[(&str, &str)],
        path: &str,
        value: &str,
    ) -> Vec<(String, String)> {
        let input = &self.loaded.scenario.input;
        let Some((section, key)) = path.split_once('.') else {
            return Vec::new();
        };
        let levers = match section {
            "reform" => &input.reform,
            "levers" => &input.baseline,
            _ => return Vec::new(),
        };
        let (Some(lever), Some(moved)) =
            (crate::model::Lever::from_key(key), schedule_values(value))
        else {
            return Vec::new();
        };
        let Some(split) = lever.split() else {
            return Vec::new();
        };
        let path_of = |l: &crate::model::Lever| format!("{section}.{}", l.spec().key);
        let moved_together = changes
            .iter()
            .any(|(other, _)| *other != path && split.levers.iter().any(|l| *other == path_of(l)));
        if moved_together {
            return Vec::new();
        }
        let balancer = if lever == split.levers[1] {
            split.levers[2]
        } else {
            split.levers[1]
        };
        let third = *split
            .levers
            .iter()
            .find(|l| **l != lever && **l != balancer)
            .unwrap_or(&balancer);
        let years = input.county.horizon.years();
        let moved_at = |year: usize| moved[(year - 1).min(moved.len() - 1)];
        let (one, zero) = (Decimal::ONE, Decimal::ZERO);
        let rests: Vec<Decimal> = (1..=years)
            .map(|year| one - moved_at(year) - levers.at(third, year))
            .collect();
        if rests.iter().all(|rest| *rest >= zero) {
            vec![(path_of(&balancer), schedule_text(&rests))]
        } else if moved.iter().all(|v| *v >= zero && *v <= one) {
            let thirds: Vec<Decimal> = (1..=years).map(|year| one - moved_at(year)).collect();
            vec![
                (path_of(&balancer), "0".to_string()),
                (path_of(&third), schedule_text(&thirds)),
            ]
        } else {
            Vec::new()
        }
    }

    /// `communities.C.institutions.I.lead = true`: the community's other institutions are no longer lead.
    fn lead_taken(&self, path: &str, value: &str) -> Vec<(String, String)> {
        let parts: Vec<&str> = path.split('.').collect();
        let ["communities", c, "institutions", i, "lead"] = parts.as_slice() else {
            return Vec::new();
        };
        if value.trim() != "true" {
            return Vec::new();
        }
        let community = c
            .parse::<usize>()
            .ok()
            .and_then(|c| self.loaded.scenario.input.county.communities.get(c));
        community
            .into_iter()
            .flat_map(|community| community.institutions.iter().enumerate())
            .filter(|(j, institution)| institution.is_lead && j.to_string() != *i)
            .map(|(j, _)| {
                (
                    format!("communities.{c}.institutions.{j}.lead"),
                    "false".into(),
                )
            })
            .collect()
    }

    /// Applies a structural edit to a copy of the document and keeps it only if the result validates.
    fn edit(
        &mut self,
        change: impl FnOnce(&mut Document) -> Result<(), Diagnostic>,
    ) -> Result<(), Vec<Diagnostic>> {
        let mut document = self.document.clone();
        change(&mut document).map_err(|diagnostic| vec![diagnostic])?;
        *self = Self::from_document(document)?;
        Ok(())
    }

    /// Adds a typical institution of `tier` to community `community`, its inputs marked as estimates.
    pub fn add_institution(&mut self, community: usize, tier: &str) -> Result<(), Vec<Diagnostic>> {
        let path = format!("communities.{community}.institutions");
        self.edit(|document| {
            document
                .push_entry(
                    &path,
                    &template::new_institution(tier),
                    &template::institution_keys(),
                )
                .map(|_| ())
        })
    }

    /// Removes institution entry `index` of community `community` (refused if that leaves the community
    /// without its lead hospital).
    pub fn remove_institution(
        &mut self,
        community: usize,
        index: usize,
    ) -> Result<(), Vec<Diagnostic>> {
        let path = format!("communities.{community}.institutions");
        self.edit(|document| document.remove_entry(&path, index))
    }

    /// Adds a community with a lead hospital, a township group and village clinics, all estimates.
    pub fn add_community(&mut self) -> Result<(), Vec<Diagnostic>> {
        let number = self.loaded.scenario.input.county.communities.len() + 1;
        self.edit(|document| template::add_community(document, number))
    }

    /// Removes community `community` (refused if it is the last one).
    pub fn remove_community(&mut self, community: usize) -> Result<(), Vec<Diagnostic>> {
        self.edit(|document| document.remove_entry("communities", community))
    }

    /// Makes the reform equal to today's levers (the `[reform]` table keeps only its title).
    pub fn reset_reform(&mut self) {
        let mut document = self.document.clone();
        if document.clear_reform() {
            // Today's levers were valid a moment ago, so the scenario without reform is valid too.
            if let Ok(session) = Self::from_document(document) {
                *self = session;
            }
        }
    }

    /// The scenario as file text, in the format the command line reads.
    pub fn text(&self) -> String {
        self.document.text()
    }

    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    pub fn charts(&self) -> &[Chart] {
        &self.charts
    }

    /// The results document, identical to `ygt run --json`.
    pub fn results(&self) -> serde_json::Value {
        report::json::document(
            &self.loaded.scenario,
            &self.loaded.warnings,
            &self.projection,
        )
    }

    /// Draws a Monte Carlo's 10th-50th-90th percentile bands on the charts' reform lines, until the next
    /// change (a changed scenario has other bands: the page runs the draws again).
    pub fn show_uncertainty(&mut self, summary: &crate::analysis::uncertainty::Summary) {
        let mut charts = chart::charts(&self.projection);
        chart::add_bands(&mut charts, |key| {
            let row = report::INDICATORS.iter().position(|row| row.key == key)?;
            let bands = summary.bands.get(row)?;
            Some(bands.clone())
        });
        self.charts = charts;
    }

    /// The URL fragment that carries this scenario.
    pub fn share_fragment(&self) -> String {
        share::encode(&self.text())
    }
}

/// Changes in groups: the levers of one split in one section together, every other change alone.
fn group_by_split<'a>(changes: &[(&'a str, &'a str)]) -> Vec<Vec<(&'a str, &'a str)>> {
    let mut groups: Vec<Vec<(&str, &str)>> = Vec::new();
    for change in changes {
        let split = split_of(change.0);
        match groups
            .iter_mut()
            .find(|group| split.is_some() && split_of(group[0].0) == split)
        {
            Some(group) => group.push(*change),
            None => groups.push(vec![*change]),
        }
    }
    groups
}

/// The section and split of a lever path (`reform.public_health_share_county` → ("reform", its split)),
/// or `None` for anything else.
fn split_of(path: &str) -> Option<(&str, &'static str)> {
    let (section, key) = path.split_once('.')?;
    let split = crate::model::Lever::from_key(key)?.split()?;
    Some((section, split.key))
}

/// A lever's value as typed: one number, or a list of numbers one per year (`[0.1, 0.2]`).
fn schedule_values(text: &str) -> Option<Vec<Decimal>> {
    let text = text.trim();
    let list = text.strip_prefix('[').and_then(|t| t.strip_suffix(']'));
    let values: Option<Vec<Decimal>> = match list {
        Some(items) => items
            .split(',')
            .map(|item| crate::scenario::fields::parse_decimal(item.trim()))
            .collect(),
        None => crate::scenario::fields::parse_decimal(text).map(|v| vec![v]),
    };
    values.filter(|v| !v.is_empty())
}

/// Values per year as a lever's value: one number when every year has the same, else a list.
fn schedule_text(values: &[Decimal]) -> String {
    let texts: Vec<String> = values.iter().map(|v| v.normalize().to_string()).collect();
    if texts.windows(2).all(|pair| pair[0] == pair[1]) {
        texts.first().cloned().unwrap_or_default()
    } else {
        format!("[{}]", texts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_text() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scenarios/henan-county.toml"
        ))
        .unwrap()
    }

    #[test]
    fn a_refused_change_leaves_everything_as_it_was() {
        let mut session = Session::open(&default_text()).unwrap();
        let before = session.text();
        let errors = session
            .set("reform.per_bed_subsidy_yuan", "-3")
            .unwrap_err();
        assert_eq!(errors[0].path, "reform.per_bed_subsidy_yuan");
        assert_eq!(session.text(), before);
        assert!(session.replace("not = [valid").is_err());
        assert_eq!(session.text(), before);
    }

    #[test]
    fn a_valid_and_an_invalid_change_made_together_are_judged_each_on_its_own() {
        let mut session = Session::open(&default_text()).unwrap();
        let (refused, diagnostics) = session.set_each(&[
            ("reform.per_bed_subsidy_yuan", "4500"),
            ("reform.special_fund_rate", "-1"),
            // A split moves together: each share alone would not add to one.
            ("reform.public_health_share_county", "0.2"),
            ("reform.public_health_share_township", "0.4"),
        ]);
        assert_eq!(refused, vec!["reform.special_fund_rate".to_string()]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].path, "reform.special_fund_rate");
        let text = session.text();
        assert!(text.contains("per_bed_subsidy_yuan = 4500"), "{text}");
        assert!(text.contains("public_health_share_county = 0.2"), "{text}");
    }

    #[test]
    fn institutions_and_communities_are_added_and_removed() {
        let mut session = Session::open(&default_text()).unwrap();
        session.add_institution(1, "township").unwrap();
        assert_eq!(
            session.loaded().scenario.input.county.communities[1]
                .institutions
                .len(),
            4
        );
        assert!(session
            .loaded()
            .scenario
            .meta
            .estimated_fields
            .contains(&"communities.1.institutions.3.beds".to_string()));
        session.add_community().unwrap();
        assert_eq!(session.loaded().scenario.input.county.communities.len(), 3);
        session.remove_institution(1, 3).unwrap();
        assert_eq!(
            session.loaded().scenario.input.county.communities[1]
                .institutions
                .len(),
            3
        );
        // Removing the lead hospital would leave a community without one: refused, nothing changes.
        let before = session.text();
        let errors = session.remove_institution(0, 0).unwrap_err();
        assert!(errors
            .iter()
            .any(|d| d.message_en.contains("no lead hospital")));
        assert_eq!(session.text(), before);
        session.remove_community(2).unwrap();
        session.remove_community(1).unwrap();
        assert!(
            session.remove_community(0).is_err(),
            "a county keeps at least one community"
        );
        assert!(session
            .projection()
            .scenario
            .iter()
            .all(|y| y.ledger.imbalances().is_empty()));
    }

    #[test]
    fn reset_makes_the_reform_equal_to_the_baseline() {
        let mut session = Session::open(&default_text()).unwrap();
        assert_ne!(session.projection().scenario, session.projection().baseline);
        session.reset_reform();
        assert_eq!(session.projection().scenario, session.projection().baseline);
        assert!(session.text().contains("title = \"河南手册配套政策包\""));
    }

    #[test]
    fn a_change_reruns_and_a_share_link_round_trips() {
        let mut session = Session::open(&default_text()).unwrap();
        session.set("reform.per_bed_subsidy_yuan", "5000").unwrap();
        assert_eq!(
            session.projection().scenario[0].indicators.per_bed_subsidy,
            rust_decimal::Decimal::from(7_750_000)
        );
        // The comment after the old value stays on the line.
        assert!(
            session
                .text()
                .contains("per_bed_subsidy_yuan = 5000   # 《河南省紧密型县域医共体建设操作规范手册(试行版)》 §五(一)"),
            "{}",
            session.text()
        );
        let text = share::decode(&session.share_fragment()).unwrap();
        let reopened = Session::open(&text).unwrap();
        assert_eq!(reopened.results(), session.results());
    }

    #[test]
    fn a_share_moved_alone_is_balanced_exactly_and_a_lead_moves() {
        let mut session = Session::open(&default_text()).unwrap();
        let share = |s: &Session, key: &str| {
            let lever = crate::model::Lever::from_key(key).unwrap();
            s.loaded().scenario.input.reform.schedule(lever).values()[0]
        };
        let county = share(&session, "public_health_share_county");
        let village = share(&session, "public_health_share_village");
        let (refused, _) = session.edit_each(&[("reform.public_health_share_county", "0.15")]);
        assert!(refused.is_empty());
        // The township share takes up the difference, to the last digit (no 0.30000000000000004).
        assert_eq!(
            share(&session, "public_health_share_county"),
            rust_decimal_macros::dec!(0.15)
        );
        assert_eq!(share(&session, "public_health_share_village"), village);
        assert_eq!(
            share(&session, "public_health_share_township"),
            rust_decimal::Decimal::ONE - rust_decimal_macros::dec!(0.15) - village
        );
        assert_ne!(county, rust_decimal_macros::dec!(0.15));
        // Moving the township share is balanced by the village share.
        session.edit_each(&[("reform.public_health_share_township", "0.5")]);
        assert_eq!(
            share(&session, "public_health_share_village"),
            rust_decimal_macros::dec!(0.35)
        );
        // A share too large for the balancing share alone: it goes to zero and the third takes the rest.
        let (refused, _) = session.edit_each(&[("reform.public_health_share_county", "0.8")]);
        assert!(refused.is_empty());
        assert_eq!(
            share(&session, "public_health_share_township"),
            rust_decimal::Decimal::ZERO
        );
        assert_eq!(
            share(&session, "public_health_share_village"),
            rust_decimal_macros::dec!(0.2)
        );
        // Shares given year by year are balanced year by year: county [0.1, 0.2] and village [0.4, 0.3]
        // with township 0.5; the township moved to 0.45 leaves the village 1 - 0.45 - 0.1 = 0.45 in the
        // first year and 1 - 0.45 - 0.2 = 0.35 in the second (and later) years.
        let (refused, diagnostics) = session.set_each(&[
            ("reform.public_health_share_county", "[0.1, 0.2]"),
            ("reform.public_health_share_township", "0.5"),
            ("reform.public_health_share_village", "[0.4, 0.3]"),
        ]);
        assert!(refused.is_empty(), "{diagnostics:?}");
        let (refused, diagnostics) =
            session.edit_each(&[("reform.public_health_share_township", "0.45")]);
        assert!(refused.is_empty(), "{diagnostics:?}");
        let village = crate::model::Lever::from_key("public_health_share_village").unwrap();
        let by_year: Vec<String> = (1..=5)
            .map(|year| {
                session
                    .loaded()
                    .scenario
                    .input
                    .reform
                    .at(village, year)
                    .to_string()
            })
            .collect();
        assert_eq!(by_year, ["0.45", "0.35", "0.35", "0.35", "0.35"]);
        // Choosing another lead hospital takes the lead from the first.
        let (refused, diagnostics) =
            session.edit_each(&[("communities.0.institutions.1.lead", "true")]);
        assert!(refused.is_empty(), "{diagnostics:?}");
        let community = &session.loaded().scenario.input.county.communities[0];
        assert!(!community.institutions[0].is_lead && community.institutions[1].is_lead);
    }
}
