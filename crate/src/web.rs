//! The `#[wasm_bindgen]` façade for the page: converts, calls [`Session`], returns JSON text.
//! No model logic lives here.
//!
//! Every call that can fail returns `{"ok": true, ...}` or `{"ok": false, "diagnostics": [...]}` so the
//! page shows every problem; failed calls change nothing.

use plotters::prelude::IntoDrawingArea;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::chart::{self, canvas::Measured, canvas::MeasuredCanvas, Lang};
use crate::report;
use crate::scenario::{self, share, shipped, template, Diagnostic};
use crate::session::Session;
use crate::sheet;

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
    /// Counts the calls that may change the scenario, so the page can tell whether the text it holds
    /// is still current without asking for the text (`Sandbox::generation`).
    generation: u32,
    /// Scenarios compared with the current one (at most three): kept when the current one changes or
    /// another is opened.
    compared: Vec<Compared>,
    /// The workshop's "predict first" step: the reform lines are held back on the charts.
    predicting: bool,
}

/// A scenario compared with the current one: its name, results and charts.
struct Compared {
    name: String,
    projection: crate::model::Projection,
    charts: Vec<chart::Chart>,
}

/// At most four scenarios side by side: the current one and three others.
const MAX_COMPARED: usize = 3;

impl Sandbox {
    fn session_mut(&mut self) -> &mut Session {
        self.generation = self.generation.wrapping_add(1);
        &mut self.session
    }

    /// Chart `index` as drawn: the current scenario's, with the compared scenarios' reform lines.
    fn chart(&self, index: usize) -> Option<std::borrow::Cow<'_, chart::Chart>> {
        let own = self.session.charts().get(index)?;
        if self.predicting {
            let merged = self.with_compared(index, own);
            return Some(std::borrow::Cow::Owned(chart::predicting(&merged)));
        }
        if self.compared.is_empty() {
            return Some(std::borrow::Cow::Borrowed(own));
        }
        Some(std::borrow::Cow::Owned(self.with_compared(index, own)))
    }

    /// `own` (chart `index` of the current scenario) with the compared scenarios' reform lines.
    fn with_compared(&self, index: usize, own: &chart::Chart) -> chart::Chart {
        let others: Vec<(&str, &chart::Chart)> = self
            .compared
            .iter()
            .filter_map(|c| Some((c.name.as_str(), c.charts.get(index)?)))
            .collect();
        chart::with_comparisons(own, &others)
    }
}

#[wasm_bindgen]
impl Sandbox {
    /// A number that changes whenever the scenario may have changed: the page keeps the scenario's
    /// text and asks for it again only when this moves.
    pub fn generation(&self) -> u32 {
        self.generation
    }

    /// Opens the first scenario; fails with the diagnostics as JSON text.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Sandbox, JsError> {
        Session::open(text)
            .map(|session| Sandbox {
                session,
                generation: 0,
                compared: Vec::new(),
                predicting: false,
            })
            .map_err(|diagnostics| {
                JsError::new(&report::json::diagnostics(&diagnostics).to_string())
            })
    }

    /// Replaces the scenario with `text` if it is valid.
    pub fn load(&mut self, text: &str) -> String {
        let result = self.session_mut().replace(text);
        outcome(result, &self.session.loaded().warnings)
    }

    /// Sets a value by its path (the paths of `ygt run --set`) if the result is valid.
    pub fn set(&mut self, path: &str, value: &str) -> String {
        let result = self.session_mut().set(path, value);
        outcome(result, &self.session.loaded().warnings)
    }

    /// Takes the value at `path` out of the file, so its default applies again ([`Session::unset`]).
    pub fn unset(&mut self, path: &str) -> String {
        let result = self.session_mut().unset(path);
        outcome(result, &self.session.loaded().warnings)
    }

    /// The range of every assumption for the Monte Carlo and the tornado
    /// ([`crate::analysis::view::ranges`]), as JSON.
    pub fn uncertainty_ranges(&self, lang: &str) -> String {
        crate::analysis::view::ranges(&self.session.loaded().scenario, Lang::from_code(lang))
            .to_string()
    }

    /// Holds the reform lines back on the charts (`true`, the workshop's "predict first" step) or shows
    /// them again; the scenario is unchanged.
    pub fn set_predicting(&mut self, predicting: bool) {
        self.predicting = predicting;
    }

    /// The value of the lever or assumption at `path` moved `steps` keyboard steps
    /// ([`report::view::nudged`]): the text to set, or "" for a path that names neither.
    pub fn nudged(&self, path: &str, steps: i32) -> String {
        report::view::nudged(&self.session.loaded().scenario, path, i64::from(steps))
            .unwrap_or_default()
    }

    /// What presenter mode shows beside the charts `first` to `last` (one, or two side by side)
    /// ([`report::view::presenter`]): the last year's figures of their indicators, each once, and of
    /// those with targets.
    pub fn presenter(&self, first: usize, last: usize, options: &str) -> String {
        let options = report::view::ViewOptions::from_json(options);
        let charts = self.session.charts();
        let mut indicators: Vec<&str> = Vec::new();
        for index in [first, last] {
            for indicator in charts
                .get(index)
                .into_iter()
                .flat_map(|chart| chart.series.iter().filter_map(|s| s.indicator))
            {
                if !indicators.contains(&indicator) {
                    indicators.push(indicator);
                }
            }
        }
        report::view::presenter(self.session.projection(), &indicators, &options).to_string()
    }

    /// What the reform changes from today and the assumptions moved, with their sources, for the
    /// printed report's head ([`report::view::departures`]).
    pub fn departures(&self, options: &str) -> String {
        let options = report::view::ViewOptions::from_json(options);
        report::view::departures(&self.session.loaded().scenario, &options).to_string()
    }

    /// Makes the reform equal to today's levers.
    pub fn reset_reform(&mut self) -> String {
        self.session_mut().reset_reform();
        outcome(Ok(()), &self.session.loaded().warnings)
    }

    /// Sets several values made in the same moment: `changes` is a JSON array of `[path, value]` pairs.
    /// Each change is kept or refused on its own (a split's levers together), with its consequences
    /// ([`Session::edit_each`]): `{"ok", "diagnostics",
    /// "refused": [paths]}`, `ok` when nothing was refused.
    pub fn set_many(&mut self, changes: &str) -> String {
        let parsed: Result<Vec<(String, String)>, _> = serde_json::from_str(changes);
        let (refused, errors) = match parsed {
            Ok(pairs) => {
                let borrowed: Vec<(&str, &str)> = pairs
                    .iter()
                    .map(|(p, v)| (p.as_str(), v.as_str()))
                    .collect();
                self.session_mut().edit_each(&borrowed)
            }
            Err(error) => (
                Vec::new(),
                vec![Diagnostic::error(
                    "",
                    changes,
                    format!("更改列表无效:{error}"),
                    format!("invalid list of changes: {error}"),
                )],
            ),
        };
        let mut diagnostics = errors;
        let ok = diagnostics.is_empty();
        diagnostics.extend(self.session.loaded().warnings.iter().cloned());
        json!({"ok": ok, "refused": refused, "diagnostics": report::json::diagnostics(&diagnostics)})
            .to_string()
    }

    /// Everything the page draws ([`report::view`]), as JSON: `options` is `{"lang", "mode", "wan",
    /// "ledger_year", "editor"}`.
    pub fn view(&self, options: &str) -> String {
        let options = report::view::ViewOptions::from_json(options);
        report::view::view_text(
            &self.session.loaded().scenario,
            self.session.projection(),
            &options,
        )
    }

    /// Summarises a Monte Carlo's draws (`draws`: a JSON array of the arrays `uncertainty_draws` gave,
    /// in any order) and draws its bands on the charts: the summary as `ygt uncertainty --json` prints
    /// it, or `{"ok": false}` when the draws are not such.
    pub fn uncertainty_summary(&mut self, draws: &str, seed: u64) -> String {
        use crate::analysis::uncertainty;
        let parsed: Option<Vec<uncertainty::Draw>> = serde_json::from_str::<Value>(draws)
            .ok()
            .and_then(|chunks| {
                chunks
                    .as_array()?
                    .iter()
                    .map(uncertainty::draws_from_json)
                    .collect::<Option<Vec<_>>>()
            })
            .map(|chunks| chunks.into_iter().flatten().collect());
        let Some(draws) = parsed.filter(|d: &Vec<_>| !d.is_empty()) else {
            return json!({"ok": false}).to_string();
        };
        let summary = uncertainty::summarize(&draws);
        self.session_mut().show_uncertainty(&summary);
        let years: Vec<i32> = self
            .session
            .projection()
            .scenario
            .iter()
            .map(|y| y.year)
            .collect();
        let mut value = uncertainty::summary_json(
            &summary,
            seed,
            &years,
            &self.session.loaded().scenario.ranges,
        );
        value["ok"] = json!(true);
        value.to_string()
    }

    /// The scenario as file text.
    pub fn scenario(&self) -> String {
        self.session.text()
    }

    /// The results: the same JSON as `ygt run --json`.
    pub fn results(&self) -> String {
        self.session.results().to_string()
    }

    /// Adds a typical institution of `tier` ("county", "township" or "village") to a community.
    pub fn add_institution(&mut self, community: usize, tier: &str) -> String {
        let result = self.session_mut().add_institution(community, tier);
        outcome(result, &self.session.loaded().warnings)
    }

    /// Removes an institution entry (refused if it is the community's lead hospital).
    pub fn remove_institution(&mut self, community: usize, index: usize) -> String {
        let result = self.session_mut().remove_institution(community, index);
        outcome(result, &self.session.loaded().warnings)
    }

    /// Adds a community (all estimates).
    pub fn add_community(&mut self) -> String {
        let result = self.session_mut().add_community();
        outcome(result, &self.session.loaded().warnings)
    }

    /// Removes a community (refused for the last one).
    pub fn remove_community(&mut self, community: usize) -> String {
        let result = self.session_mut().remove_community(community);
        outcome(result, &self.session.loaded().warnings)
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

    /// The scorecard or the ledger (`which`) with numbers as numbers ([`report::export`]): `format`
    /// "csv" gives CSV with a byte-order mark, anything else tab-separated text for the clipboard.
    pub fn table_text(&self, which: &str, lang: &str, format: &str) -> String {
        let lang = Lang::from_code(lang);
        let projection = self.session.projection();
        let table = match which {
            "ledger" => report::export::ledger(projection, lang),
            _ => report::export::scorecard(projection, lang),
        };
        if format == "csv" {
            sheet::csv::write(&table)
        } else {
            sheet::csv::tab_separated(&report::export::texts(&table))
        }
    }

    /// Chart `index` as an SVG document, 960 by 540 pixels, its text measured with `canvas` (empty if
    /// there is no such chart).
    pub fn chart_svg(&self, index: usize, lang: &str, canvas: HtmlCanvasElement) -> String {
        let Some(chart) = self.chart(index) else {
            return String::new();
        };
        let mut text = String::new();
        if let Some(backend) = Measured::svg(&mut text, (960, 540), &canvas) {
            // Drawing into a string cannot run out of room; an error leaves what was drawn.
            let _ = chart::draw(&backend.into_drawing_area(), &chart, Lang::from_code(lang));
        }
        text
    }

    /// Draws chart `index` onto `canvas` (whose width and height are its pixel size).
    pub fn draw_chart(
        &self,
        index: usize,
        canvas: HtmlCanvasElement,
        lang: &str,
    ) -> Result<(), JsError> {
        let chart = self
            .chart(index)
            .ok_or_else(|| JsError::new("no such chart"))?;
        let backend = MeasuredCanvas::new(canvas)
            .ok_or_else(|| JsError::new("no 2d context on the canvas"))?;
        chart::draw(&backend.into_drawing_area(), &chart, Lang::from_code(lang))
            .map_err(|error| JsError::new(&error.to_string()))
    }

    /// Adds scenario `text` (TOML or JSON), named `name`, to the comparison: `{"ok", "diagnostics"}`;
    /// refused when it does not load or three are compared already.
    pub fn compare_add(&mut self, name: &str, text: &str) -> String {
        if self.compared.len() >= MAX_COMPARED {
            let full = Diagnostic::error(
                "",
                "",
                format!("最多同时比较 {} 个方案(含当前方案);请先移除一个", MAX_COMPARED + 1),
                format!("at most {} scenarios side by side (the current one included): remove one first", MAX_COMPARED + 1),
            );
            return outcome(Err(vec![full]), &[]);
        }
        match scenario::load(text, &[]) {
            Ok(loaded) => {
                let projection = crate::model::project(&loaded.scenario.input);
                let charts = chart::charts(&projection);
                let name = name.trim();
                let name = if name.is_empty() {
                    loaded.scenario.meta.title.clone()
                } else {
                    name.chars().take(40).collect()
                };
                self.compared.push(Compared {
                    name,
                    projection,
                    charts,
                });
                outcome(Ok(()), &[])
            }
            Err(diagnostics) => outcome(Err(diagnostics), &[]),
        }
    }

    /// Takes compared scenario `index` out of the comparison.
    pub fn compare_remove(&mut self, index: usize) {
        if index < self.compared.len() {
            self.compared.remove(index);
        }
    }

    /// The compared scenarios' names, as a JSON array.
    pub fn compared(&self) -> String {
        json!(self
            .compared
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>())
        .to_string()
    }

    /// The scenarios side by side ([`report::view::comparison`]), or `null` when none is compared.
    pub fn comparison(&self, options: &str) -> String {
        if self.compared.is_empty() {
            return "null".into();
        }
        let options = report::view::ViewOptions::from_json(options);
        let others: Vec<(&str, &crate::model::Projection)> = self
            .compared
            .iter()
            .map(|c| (c.name.as_str(), &c.projection))
            .collect();
        report::view::comparison(self.session.projection(), &others, &options).to_string()
    }
}

/// Values typed in separate boxes (`items`: a JSON array of text) as one list to set
/// ([`scenario::document::list_text`]): `["0.01", "0,02"]` gives `[0.01, "0,02"]`.
#[wasm_bindgen]
pub fn list_text(items: &str) -> String {
    let items: Vec<String> = serde_json::from_str(items).unwrap_or_default();
    scenario::document::list_text(&items)
}

/// The policy documents the sandbox cites, each in full (title, issuer, number, date) in the language
/// `lang`: a JSON array of strings, for the page's "about the sources" list.
#[wasm_bindgen]
pub fn documents(lang: &str) -> String {
    let chinese = Lang::from_code(lang) == Lang::Zh;
    let list: Vec<String> = crate::model::Document::ALL
        .iter()
        .map(|document| document.full_reference(chinese))
        .collect();
    json!(list).to_string()
}

/// The workshop sequence ([`scenario::teaching::WORKSHOP`]) in the language `lang`:
/// `[{"file", "title", "shows", "ask", "look", "lever", "chart"}]` (`lever`: the path of the lever the
/// step moves; `chart`: the key of the chart it opens on).
#[wasm_bindgen]
pub fn workshop(lang: &str) -> String {
    let lang = Lang::from_code(lang);
    let steps: Vec<Value> = scenario::teaching::WORKSHOP
        .iter()
        .map(|step| {
            json!({
                "file": step.file,
                "title": lang.pick(step.title.0, step.title.1),
                "shows": lang.pick(step.shows.0, step.shows.1),
                "ask": lang.pick(step.ask.0, step.ask.1),
                "look": lang.pick(step.look.0, step.look.1),
                "lever": format!("reform.{}", step.lever.spec().key),
                "chart": step.chart,
            })
        })
        .collect();
    Value::Array(steps).to_string()
}

/// The shipped scenarios: `[{"file": ..., "title": ...}]`, the default first.
#[wasm_bindgen]
pub fn shipped_scenarios() -> String {
    let list: Vec<Value> = shipped::SHIPPED
        .iter()
        .map(|(file, text)| {
            let title = scenario::load(text, &[])
                .map(|loaded| loaded.scenario.meta.title)
                .unwrap_or_default();
            json!({"file": file, "title": title})
        })
        .collect();
    Value::Array(list).to_string()
}

/// A shipped scenario's text (empty when there is none by that name).
#[wasm_bindgen]
pub fn shipped_scenario(file: &str) -> String {
    shipped::text(file).unwrap_or_default().to_string()
}

/// A new county built from its resident population as typed (every input an estimate), named `name`
/// (新县 when empty): `{"ok": true, "text": ...}` or the diagnostics.
#[wasm_bindgen]
pub fn new_county(name: &str, population: &str) -> String {
    let name = if name.trim().is_empty() {
        "新县"
    } else {
        name.trim()
    };
    let value = match template::parse_population(population) {
        Ok(population) => json!({"ok": true, "text": template::from_population(name, population)}),
        Err(diagnostic) => {
            json!({"ok": false, "diagnostics": report::json::diagnostics(&[diagnostic])})
        }
    };
    value.to_string()
}

/// The largest files the page reads, in bytes (checked before a file is read into memory):
/// `{"scenario": ..., "csv": ..., "workbook": ...}`.
#[wasm_bindgen]
pub fn file_limits() -> String {
    json!({
        "scenario": crate::scenario::node::MAX_FILE_BYTES,
        "csv": sheet::csv::MAX_BYTES,
        "workbook": sheet::xlsx::MAX_WORKBOOK_BYTES,
    })
    .to_string()
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
