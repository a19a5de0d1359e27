//! 医共体政策沙盘 — the county medical-community policy sandbox.
//!
//! A pure, exact-to-the-fen model of a Chinese county's medical-community finances and patient flows
//! over a 1-10 year horizon, with the scenario file format around it.
//!
//! - [`model`]: the pure model (inputs, levers, the engine, results, the ledger). No I/O.
//! - [`scenario`]: scenario files (TOML or JSON) to validated model inputs, with bilingual diagnostics.
//! - [`report`]: results to JSON, CSV and text tables.
//!
//! ```
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios/henan-county.toml")).unwrap();
//! let loaded = ygt::scenario::load(&text, &[]).expect("the shipped scenario is valid");
//! let projection = ygt::model::project(&loaded.scenario.input);
//! assert_eq!(projection.scenario.len(), 5);
//! for year in &projection.scenario {
//!     assert_eq!(year.ledger.total_sources(), year.ledger.total_uses());
//! }
//! ```

#![forbid(unsafe_code)]

pub mod analysis;
pub mod chart;
pub mod model;
pub mod report;
pub mod scenario;
pub mod session;
pub mod sheet;
#[cfg(all(target_arch = "wasm32", not(feature = "tools-module")))]
pub mod web;
#[cfg(all(target_arch = "wasm32", feature = "tools-module"))]
pub mod web_tools;
