//! The spreadsheet façade: a second WebAssembly module the page loads on first use (downloading the
//! county template, importing a filled one), so the page's first load carries none of the workbook
//! reader and writer. Built from the same crate with the `sheets-module` feature
//! (scripts/build-web.sh); the page's own module (`web.rs`) is built without it.

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::report;
use crate::scenario::{self, Diagnostic};
use crate::sheet;

fn diagnostics_json(diagnostics: &[Diagnostic]) -> String {
    json!({"ok": false, "diagnostics": report::json::diagnostics(diagnostics)}).to_string()
}

/// The county tables of scenario `text`, or why the text does not load.
fn tables(text: &str) -> Result<Vec<sheet::Table>, Vec<Diagnostic>> {
    scenario::load(text, &[]).map(|loaded| sheet::county::export(&loaded.scenario))
}

/// The county template as an .xlsx workbook, filled with the county of scenario `text` (empty when the
/// text does not load; the page only passes the scenario it has open).
#[wasm_bindgen]
pub fn template_xlsx(text: &str) -> Vec<u8> {
    tables(text)
        .map(|tables| sheet::xlsx::write(&tables))
        .unwrap_or_default()
}

/// The county template as CSV files: `[{"name": "县.csv", "text": ...}, ...]`, or the diagnostics.
#[wasm_bindgen]
pub fn template_csv(text: &str) -> String {
    match tables(text) {
        Ok(tables) => Value::Array(
            tables
                .iter()
                .map(|table| json!({"name": format!("{}.csv", table.name), "text": sheet::csv::write(table)}))
                .collect(),
        )
        .to_string(),
        Err(diagnostics) => diagnostics_json(&diagnostics),
    }
}

/// A filled template put into the `current` scenario (only its county changes): `names` and `contents`
/// (Uint8Array) of one .xlsx or of CSV files. `{"ok": true, "text": ..., "changed": [paths], "notes":
/// [formulas whose computed values were read]}` or
/// `{"ok": false, "diagnostics": [...]}` naming every bad cell.
#[wasm_bindgen]
pub fn import_spreadsheet(names: js_sys::Array, contents: js_sys::Array, current: &str) -> String {
    let files: Vec<(String, Vec<u8>)> = names
        .iter()
        .zip(contents.iter())
        .map(|(name, bytes)| {
            (
                name.as_string().unwrap_or_default(),
                js_sys::Uint8Array::new(&bytes).to_vec(),
            )
        })
        .collect();
    let value = match sheet::county::read_files(&files).and_then(|tables| {
        let notes = sheet::county::formula_notes(&tables);
        sheet::county::import_into(&tables, current).map(|(text, changed)| (text, changed, notes))
    }) {
        Ok((text, changed, notes)) => json!({
            "ok": true,
            "text": text,
            "changed": changed,
            "notes": report::json::diagnostics(&notes),
        }),
        Err(diagnostics) => return diagnostics_json(&diagnostics),
    };
    value.to_string()
}

