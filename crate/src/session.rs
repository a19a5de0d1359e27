//! A working session: the document being edited, its validated scenario and its results.
//!
//! Every change is tried on a copy; only a change that validates replaces the session, so a bad value,
//! file or link leaves the user's scenario exactly as it was. The page's façade (`web.rs`) is a thin
//! wrapper over this type, and native tests exercise the same code.

use crate::chart::{self, Chart};
use crate::model::{project, Projection};
use crate::report;
use crate::scenario::{self, share, template, Diagnostic, Document, Loaded};

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
        let input = &self.loaded.scenario.input;
        // (the change's path, the consequence's path, its value)
        let mut consequences: Vec<(&str, String, String)> = Vec::new();
        for (path, value) in changes {
            if let Some((section, key)) = path.split_once('.') {
                let levers = match section {
                    "reform" => Some(&input.reform),
                    "levers" => Some(&input.baseline),
                    _ => None,
                };
                let lever = crate::model::Lever::from_key(key);
                if let (Some(levers), Some(lever), Some(value)) = (
                    levers,
                    lever,
                    crate::scenario::fields::parse_decimal(value.trim()),
                ) {
                    if let Some(split) = lever.split() {
                        let moved_together = changes.iter().any(|(other, _)| {
                            other != path
                                && split
                                    .levers
                                    .iter()
                                    .any(|l| *other == format!("{section}.{}", l.spec().key))
                        });
                        let balancer = if lever == split.levers[1] {
                            split.levers[2]
                        } else {
                            split.levers[1]
                        };
                        let others: rust_decimal::Decimal = split
                            .levers
                            .iter()
                            .filter(|l| **l != balancer)
                            .map(|l| {
                                if *l == lever {
                                    value
                                } else {
                                    levers.schedule(*l).values()[0]
                                }
                            })
                            .sum();
                        let rest = rust_decimal::Decimal::ONE - others;
                        let zero = rust_decimal::Decimal::ZERO;
                        if !moved_together && rest >= zero {
                            consequences.push((
                                path,
                                format!("{section}.{}", balancer.spec().key),
                                rest.normalize().to_string(),
                            ));
                        } else if !moved_together
                            && value <= rust_decimal::Decimal::ONE
                            && value >= zero
                        {
                            // The balancing share cannot go below zero: it goes to zero and the third
                            // share takes the rest, so any share from 0 to 1 can be typed.
                            let third = split
                                .levers
                                .iter()
                                .find(|l| **l != lever && **l != balancer)
                                .copied()
                                .unwrap_or(balancer);
                            for (target, share) in [
                                (balancer, zero),
                                (third, rust_decimal::Decimal::ONE - value),
                            ] {
                                consequences.push((
                                    path,
                                    format!("{section}.{}", target.spec().key),
                                    share.normalize().to_string(),
                                ));
                            }
                        }
                    }
                }
            }
            // communities.C.institutions.I.lead = true: the others of community C are no longer lead.
            let parts: Vec<&str> = path.split('.').collect();
            if let ["communities", c, "institutions", i, "lead"] = parts.as_slice() {
                if value.trim() == "true" {
                    let community = c
                        .parse::<usize>()
                        .ok()
                        .and_then(|c| input.county.communities.get(c));
                    for (j, institution) in community
                        .into_iter()
                        .flat_map(|c| c.institutions.iter().enumerate())
                    {
                        if institution.is_lead && j.to_string() != *i {
                            consequences.push((
                                path,
                                format!("communities.{c}.institutions.{j}.lead"),
                                "false".into(),
                            ));
                        }
                    }
                }
            }
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

    /// Draws a Monte Carlo's 10th-90th percentile bands on the charts' reform lines, until the next
    /// change (a changed scenario has other bands: the page runs the draws again).
    pub fn show_uncertainty(&mut self, summary: &crate::analysis::uncertainty::Summary) {
        let mut charts = chart::charts(&self.projection);
        chart::add_bands(&mut charts, |key| {
            let row = report::INDICATORS.iter().position(|row| row.key == key)?;
            let bands = summary.bands.get(row)?;
            Some(bands.iter().map(|(p10, _, p90)| (*p10, *p90)).collect())
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
        // Choosing another lead hospital takes the lead from the first.
        let (refused, diagnostics) =
            session.edit_each(&[("communities.0.institutions.1.lead", "true")]);
        assert!(refused.is_empty(), "{diagnostics:?}");
        let community = &session.loaded().scenario.input.county.communities[0];
        assert!(!community.institutions[0].is_lead && community.institutions[1].is_lead);
    }
}
