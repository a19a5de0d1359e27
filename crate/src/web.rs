//! The `#[wasm_bindgen]` façade for the page: converts, calls [`Session`], returns JSON text.
//! No model logic lives here.
//!
//! Every call that can fail returns `{"ok": true, ...}` or `{"ok": false, "diagnostics": [...]}` so the
//! page shows every problem; failed calls change nothing.

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::chart::{self, Lang};
use crate::report;
use crate::scenario::{self, share, Diagnostic};
use crate::session::Session;

fn outcome(result: Result<(), Vec<Diagnostic>>, warnings: &[Diagnostic]) -> String {
    let value = match result {
        Ok(()) => json!({"ok": true, "diagnostics": report::json::diagnostics(warnings)}),
        Err(diagnostics) => {
            json!({"ok": false, "diagnostics": report::json::diagnostics(&diagnostics)})
        }
    };
    value.to_string()
}

/// The sandbox the page drives.
#[wasm_bindgen]
pub struct Sandbox {
    session: Session,
}

#[wasm_bindgen]
impl Sandbox {
    /// Opens the first scenario; fails with the diagnostics as JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Sandbox, JsError> {
        Session::open(text)
            .map(|session| Sandbox { session })
            .map_err(|diagnostics| {
                JsError::new(&report::json::diagnostics(&diagnostics).to_string())
            })
    }

    /// Replaces the scenario with `text` if it is valid.
    pub fn load(&mut self, text: &str) -> String {
        let result = self.session.replace(text);
        outcome(result, &self.session.loaded().warnings)
    }

    /// Sets a value by its path (the paths of `ygt run --set`) if the result is valid.
    pub fn set(&mut self, path: &str, value: &str) -> String {
        let result = self.session.set(path, value);
        outcome(result, &self.session.loaded().warnings)
    }

    /// The scenario as file text.
    pub fn scenario(&self) -> String {
        self.session.text()
    }

    /// The results: the same JSON as `ygt run --json`.
    pub fn results(&self) -> String {
        self.session.results().to_string()
    }

    /// Levers, assumptions and labels for the controls.
    pub fn controls(&self) -> String {
        report::controls::document(&self.session.loaded().scenario).to_string()
    }

    /// The share-link fragment (without `#`).
    pub fn share_fragment(&self) -> String {
        self.session.share_fragment()
    }

    pub fn chart_count(&self) -> usize {
        self.session.charts().len()
    }

    pub fn chart_key(&self, index: usize) -> String {
        self.session
            .charts()
            .get(index)
            .map(|c| c.key.to_string())
            .unwrap_or_default()
    }

    /// Draws chart `index` onto `canvas` (whose width and height are its pixel size).
    pub fn draw_chart(
        &self,
        index: usize,
        canvas: HtmlCanvasElement,
        lang: &str,
    ) -> Result<(), JsError> {
        let chart = self
            .session
            .charts()
            .get(index)
            .ok_or_else(|| JsError::new("no such chart"))?;
        let backend = CanvasBackend::with_canvas_object(canvas)
            .ok_or_else(|| JsError::new("no 2d context on the canvas"))?;
        chart::draw(&backend.into_drawing_area(), chart, Lang::from_code(lang))
            .map_err(|error| JsError::new(&error.to_string()))
    }
}

/// Checks scenario text without opening it: `{"ok": bool, "diagnostics": [...]}`.
#[wasm_bindgen]
pub fn check(text: &str) -> String {
    match scenario::load(text, &[]) {
        Ok(loaded) => outcome(Ok(()), &loaded.warnings),
        Err(diagnostics) => outcome(Err(diagnostics), &[]),
    }
}

/// The scenario text a share fragment carries: `{"ok": true, "text": ...}` or the diagnostics.
#[wasm_bindgen]
pub fn decode_share(fragment: &str) -> String {
    let value: Value = match share::decode(fragment) {
        Ok(text) => json!({"ok": true, "text": text}),
        Err(diagnostic) => {
            json!({"ok": false, "diagnostics": report::json::diagnostics(&[diagnostic])})
        }
    };
    value.to_string()
}
