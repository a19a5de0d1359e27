//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use rust_decimal::Decimal;
use ygt::model::{project, Projection};
use ygt::scenario::{load, Loaded};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Loads a file from the repository, failing the test with every diagnostic if it is invalid.
#[track_caller]
pub fn load_file(relative: &str, overrides: &[&str]) -> Loaded {
    let overrides: Vec<String> = overrides.iter().map(|s| s.to_string()).collect();
    match load(&read(relative), &overrides) {
        Ok(loaded) => loaded,
        Err(diagnostics) => panic!(
            "{relative} did not load:\n{}",
            diagnostics
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[track_caller]
pub fn run_file(relative: &str, overrides: &[&str]) -> Projection {
    project(&load_file(relative, overrides).scenario.input)
}

/// Decimal from text, for expected values.
pub fn d(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

/// Every shipped scenario file, sorted.
pub fn shipped_scenarios() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .map(|name| format!("scenarios/{name}"))
        .collect();
    files.sort();
    files
}

/// The paths and values where `actual` differs from `expected` (a small structural diff), at most
/// `limit` of them, then how many more.
pub fn json_diff(
    expected: &serde_json::Value,
    actual: &serde_json::Value,
    limit: usize,
) -> Vec<String> {
    use serde_json::Value;
    fn walk(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
        match (expected, actual) {
            (Value::Object(a), Value::Object(b)) => {
                for (key, value) in a {
                    let here = format!("{path}.{key}");
                    match b.get(key) {
                        Some(other) => walk(&here, value, other, out),
                        None => out.push(format!("{here}: {value} → (gone)")),
                    }
                }
                for (key, value) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                    out.push(format!("{path}.{key}: (new) → {value}"));
                }
            }
            (Value::Array(a), Value::Array(b)) => {
                for (index, (x, y)) in a.iter().zip(b).enumerate() {
                    walk(&format!("{path}[{index}]"), x, y, out);
                }
                if a.len() != b.len() {
                    out.push(format!("{path}: {} items → {} items", a.len(), b.len()));
                }
            }
            _ if expected != actual => out.push(format!("{path}: {expected} → {actual}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk("", expected, actual, &mut out);
    if out.len() > limit {
        let more = out.len() - limit;
        out.truncate(limit);
        out.push(format!("… and {more} more"));
    }
    out
}

/// Compares `actual` with the golden file at `golden` (or writes it when blessing): `None` when they
/// agree, else what differs, path by path.
pub fn check_golden(
    golden: &std::path::Path,
    actual: &serde_json::Value,
    bless: bool,
) -> Option<String> {
    let text = serde_json::to_string_pretty(actual).unwrap() + "\n";
    if bless {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(golden, &text).unwrap();
        return None;
    }
    let Ok(expected) = std::fs::read_to_string(golden) else {
        return Some(format!("no golden file {}", golden.display()));
    };
    if expected == text {
        return None;
    }
    let expected: serde_json::Value = serde_json::from_str(&expected).unwrap_or_default();
    let diff = json_diff(&expected, actual, 40);
    Some(format!(
        "{} differs (golden → now):\n  {}",
        golden.display(),
        if diff.is_empty() {
            "only in layout".to_string()
        } else {
            diff.join("\n  ")
        }
    ))
}
