//! Diagnostics: what is wrong (or unusual) in a scenario, where, and what is allowed, in Chinese and
//! English.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The scenario cannot run: the value is impossible or the file cannot be read.
    Error,
    /// The scenario runs, but a value lies outside its documented or plausible range.
    Warning,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem found in a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Dotted path of the field, the same syntax as `--set` (for example `communities.0.beds`); empty
    /// for the file as a whole.
    pub path: String,
    /// The value found, as written (shortened when long); empty when there was none.
    pub value: String,
    pub message_zh: String,
    pub message_en: String,
}

impl Diagnostic {
    pub fn error(path: &str, value: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, value, zh, en)
    }

    pub fn warning(path: &str, value: &str, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, value, zh, en)
    }

    fn new(
        severity: Severity,
        path: &str,
        value: &str,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            path: path.to_string(),
            value: shorten(value),
            message_zh: zh.into(),
            message_en: en.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// One line per language: `错误 path = value: 中文` then `  error: English`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (zh, en) = match self.severity {
            Severity::Error => ("错误", "error"),
            Severity::Warning => ("警告", "warning"),
        };
        let place = if self.path.is_empty() {
            "(文件/file)".to_string()
        } else {
            self.path.clone()
        };
        let value = if self.value.is_empty() {
            String::new()
        } else {
            format!(" = {}", self.value)
        };
        write!(
            f,
            "{zh} {place}{value}: {}\n  {en}: {}",
            self.message_zh, self.message_en
        )
    }
}

/// Values are quoted in diagnostics; a huge value is cut so a message stays readable.
fn shorten(value: &str) -> String {
    const LIMIT: usize = 80;
    if value.chars().count() <= LIMIT {
        value.to_string()
    } else {
        let head: String = value.chars().take(LIMIT).collect();
        format!("{head}…")
    }
}

/// The closest of `candidates` to `word` by edit distance, if close enough to be a likely misspelling.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(200).collect();
    let b: Vec<char> = b.chars().take(200).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["per_bed_subsidy_yuan", "special_fund_rate"];
        assert_eq!(
            did_you_mean("per_bed_subsidy_yaun", keys),
            Some("per_bed_subsidy_yuan")
        );
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
