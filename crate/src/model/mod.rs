//! The pure model: money, flows, indicators. No I/O, no serde, no WebAssembly, no floating-point money.
//!
//! [`inputs`] holds what a county is, [`params`] declares every lever and assumption, [`engine`] runs
//! the years, each year a sequence of stages in [`year`] (in the order money flows, one module per
//! section of `docs/model.md`), [`results`] and [`ledger`] hold what comes out. [`money`] is the only
//! place that rounds.

pub mod engine;
pub mod inputs;
pub mod ledger;
pub mod money;
pub mod params;
mod prepared;
pub mod results;
pub mod sources;
pub mod year;

pub use engine::project;
pub use inputs::{
    Assumptions, ByPlace, Community, County, Horizon, Institution, Levers, ModelInput, OutOfCounty,
    Place, Reimbursement, Schedule, Tier,
};
pub use ledger::{Item, Ledger, Section, Side};
pub use params::{Assumption, AssumptionRange, Group, Lever, ParamSpec, Unit, ASSUMPTIONS, LEVERS};
pub use results::{
    CommunityYear, FundYear, Indicators, Projection, Settlement, Target, TargetLevel, TierYear,
    YearResult, TARGETS,
};
pub use sources::{Basis, Citation, Document};
