//! The pure model: money, flows, indicators. No I/O, no serde, no WebAssembly, no floating-point money.
//!
//! [`inputs`] holds what a county is, [`params`] declares every lever and assumption, [`engine`] runs
//! the years, [`results`] and [`ledger`] hold what comes out. [`money`] is the only place that rounds.

pub mod engine;
pub mod flow;
pub mod inputs;
pub mod ledger;
pub mod money;
pub mod params;
pub mod results;

pub use engine::project;
pub use inputs::{
    Assumptions, ByPlace, Community, County, Horizon, Institution, Levers, ModelInput, OutOfCounty,
    Place, Reimbursement, Schedule, Tier,
};
pub use ledger::{Item, Ledger, Section, Side};
pub use params::{Assumption, Lever, ParamSpec, Unit, ASSUMPTIONS, LEVERS};
pub use results::{CommunityYear, Indicators, Projection, Settlement, TierYear, YearResult};
