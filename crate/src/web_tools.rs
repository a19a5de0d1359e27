//! The tools façade: a second WebAssembly module the page loads on first use, with what the page does
//! not need to draw a scenario: the spreadsheet template and import, the Monte Carlo draws (run by the
//! workers), and the analyses (tornado, waterfall, goal-seek, differences). The page's first load
//! carries none of it. Built from the same crate with the `tools-module` feature (scripts/build-web.sh);
//! the page's own module (`web.rs`) is built without it. Each function takes the scenario as text.

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

use crate::analysis;
use crate::chart::Lang;
use crate::model::ModelInput;
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

/// The county template as one zip archive of its CSV files ([`sheet::county::csv_archive`]; empty when
/// the text does not load: the page only passes the scenario it has open).
#[wasm_bindgen]
pub fn template_csv_zip(text: &str) -> Vec<u8> {
    tables(text)
        .map(|tables| sheet::county::csv_archive(&tables))
        .unwrap_or_default()
}

/// `link` as a QR code for participants' phones: `{"ok": true, "svg": ...}` (an SVG document, drawn
/// offline), or `{"ok": false, "message_zh", "message_en"}` when the link is too long for a QR code
/// a phone can read (over 1,200 characters; a link to the whole of a large county is).
#[wasm_bindgen]
pub fn share_qr(link: &str) -> String {
    use qrcode::render::svg;
    use qrcode::{EcLevel, QrCode};
    const MAX_CHARS: usize = 1200;
    let code = (link.len() <= MAX_CHARS)
        .then(|| QrCode::with_error_correction_level(link.as_bytes(), EcLevel::L).ok())
        .flatten();
    match code {
        Some(code) => {
            let image = code
                .render::<svg::Color>()
                .min_dimensions(320, 320)
                .quiet_zone(true)
                .build();
            json!({"ok": true, "svg": image}).to_string()
        }
        None => json!({
            "ok": false,
            "message_zh": format!("链接有 {} 个字符,太长,手机扫不出二维码(上限 {MAX_CHARS}):请改为发送方案文件(“保存”)", link.chars().count()),
            "message_en": format!("the link has {} characters, too long for a QR code a phone can read (at most {MAX_CHARS}): send the scenario file instead (Save)", link.chars().count()),
        })
        .to_string(),
    }
}

/// The results of scenario `text` as one .xlsx workbook: the scorecard and the ledger, numbers as
/// numbers ([`report::export`]); empty when the text does not load.
#[wasm_bindgen]
pub fn results_xlsx(text: &str, lang: &str) -> Vec<u8> {
    let Ok(loaded) = scenario::load(text, &[]) else {
        return Vec::new();
    };
    let projection = crate::model::project(&loaded.scenario.input);
    let lang = Lang::from_code(lang);
    sheet::xlsx::write(&[
        report::export::scorecard(&projection, lang),
        report::export::ledger(&projection, lang),
    ])
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
            // Each changed value as a person reads it, (Chinese, English), or its path.
            "changed_labels": changed.iter().map(|path| {
                let (zh, en) = scenario::fields::path_label(path).unwrap_or_else(|| (path.clone(), path.clone()));
                json!({"zh": zh, "en": en})
            }).collect::<Vec<_>>(),
            "notes": report::json::diagnostics(&notes),
        }),
        Err(diagnostics) => return diagnostics_json(&diagnostics),
    };
    value.to_string()
}

/// An analysis's answer for the page: the view with `"ok": true`, or the reason (`"zh / en"`) as a
/// diagnostic.
fn answer(result: Result<Value, String>) -> String {
    match result {
        Ok(mut value) => {
            value["ok"] = json!(true);
            value.to_string()
        }
        Err(message) => {
            let (zh, en) = message.split_once(" / ").unwrap_or((&message, &message));
            diagnostics_json(&[Diagnostic::error("", "", zh.to_string(), en.to_string())])
        }
    }
}

/// The scenario's model input, or why the text does not load.
fn scenario_of(text: &str) -> Result<scenario::Scenario, String> {
    scenario::load(text, &[])
        .map(|loaded| loaded.scenario)
        .map_err(|_| "方案无法读取 / the scenario does not load".to_string())
}

fn with_input(text: &str, f: impl FnOnce(&ModelInput) -> Result<Value, String>) -> String {
    answer(scenario_of(text).and_then(|scenario| f(&scenario.input)))
}

/// What the analysis panel can ask of scenario `text`: indicators, years and the levers goal-seek can
/// move.
#[wasm_bindgen]
pub fn analysis_choices(text: &str, lang: &str) -> String {
    answer(
        scenario_of(text).map(|scenario| analysis::view::choices(&scenario, Lang::from_code(lang))),
    )
}

/// The tornado of assumptions for indicator `key` in `year` ([`analysis::view::tornado`]).
#[wasm_bindgen]
pub fn tornado(text: &str, key: &str, year: i32, lang: &str) -> String {
    answer(
        scenario_of(text).and_then(|scenario| {
            analysis::view::tornado(&scenario, key, year, Lang::from_code(lang))
        }),
    )
}

/// The waterfall of the package's parts for indicator `key` in `year`.
#[wasm_bindgen]
pub fn waterfall(text: &str, key: &str, year: i32, lang: &str) -> String {
    with_input(text, |input| {
        analysis::view::waterfall(input, key, year, Lang::from_code(lang))
    })
}

/// Goal-seek: the value of `lever` bringing `key` in `year` to `target` (text as typed).
#[wasm_bindgen]
pub fn seek(text: &str, lever: &str, key: &str, year: i32, target: &str, lang: &str) -> String {
    with_input(text, |input| {
        analysis::view::seek_answer(input, lever, key, year, target, Lang::from_code(lang))
    })
}

/// The differences between scenario `text` and scenario `other`, or why `other` does not open.
#[wasm_bindgen]
pub fn differences(text: &str, other: &str, lang: &str) -> String {
    let current = match scenario_of(text) {
        Ok(current) => current,
        Err(message) => return answer(Err(message)),
    };
    match scenario::load(other, &[]) {
        Ok(loaded) => json!({"ok": true, "rows": analysis::view::differences(&current, &loaded.scenario, Lang::from_code(lang))}).to_string(),
        Err(diagnostics) => diagnostics_json(&diagnostics),
    }
}

/// Monte Carlo draws `from..to` of scenario `text` under `seed` (the page's workers each run a share):
/// a JSON array for the page's `Sandbox::uncertainty_summary`, or `[]` when the text does not load.
#[wasm_bindgen]
pub fn uncertainty_draws(text: &str, seed: u64, from: u64, to: u64) -> String {
    use crate::analysis::uncertainty;
    match scenario::load(text, &[]) {
        Ok(loaded) => uncertainty::draws_json(&uncertainty::run_draws(
            &loaded.scenario.input,
            &uncertainty::ranges(&loaded.scenario.ranges),
            seed,
            from,
            to,
        ))
        .to_string(),
        Err(_) => "[]".into(),
    }
}
