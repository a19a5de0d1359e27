//! The projection: runs a county year by year under a set of levers and books every yuan.
//!
//! [`project`] runs the baseline (today's levers, every year) and the scenario (the reform's levers),
//! then returns both. Each year is the sequence of stages in [`super::year`]. The engine is total: it
//! cannot fail on a validated [`ModelInput`].

use super::inputs::{Levers, ModelInput};
use super::prepared::Prepared;
use super::results::{Projection, YearResult};
use super::year::{project_year, Carry};

/// Runs the baseline and the scenario.
pub fn project(input: &ModelInput) -> Projection {
    let prepared = Prepared::new(input);
    let baseline = run(&prepared, &input.baseline, None);
    let scenario = if input.reform == input.baseline {
        baseline.clone()
    } else {
        run(&prepared, &input.reform, Some(&baseline))
    };
    Projection { baseline, scenario }
}

/// One run: every projection year under `levers`. `reference` is the baseline run when this run is a
/// reform; `None` for the baseline itself.
fn run(prepared: &Prepared, levers: &Levers, reference: Option<&[YearResult]>) -> Vec<YearResult> {
    let horizon = prepared.input.county.horizon.years();
    let mut carry = Carry::start(prepared);
    (1..=horizon)
        .map(|year| project_year(prepared, levers, year, &mut carry, reference))
        .collect()
}
