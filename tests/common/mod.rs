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
