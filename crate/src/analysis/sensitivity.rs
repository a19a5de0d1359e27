//! Which assumptions a result rests on: each assumption with a range (the scenario's own, or else its
//! plausible range) is set to the low and the high end of it in turn (everything else as the scenario has it), and the chosen indicator in the
//! chosen year is read each time. Sorted by how far it moves (a tornado chart).

use rust_decimal::Decimal;

use crate::model::{project, Assumption, AssumptionRange, ModelInput};
use crate::report::IndicatorRow;

/// One bar of the tornado: the indicator with the assumption at its low and its high end.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub assumption: Assumption,
    pub low: Decimal,
    pub high: Decimal,
    pub at_low: Decimal,
    pub at_high: Decimal,
}

impl Bar {
    /// How far the indicator moves between the two ends.
    pub fn swing(&self) -> Decimal {
        (self.at_high - self.at_low).abs()
    }
}

/// The indicator as the scenario has it, and one bar per assumption of `ranges` (see
/// [`super::uncertainty::ranges`]), widest first.
pub fn tornado(
    input: &ModelInput,
    ranges: &[AssumptionRange],
    row: &IndicatorRow,
    year: i32,
) -> Result<(Decimal, Vec<Bar>), String> {
    let read = |input: &ModelInput| super::value_in(&project(input), row, year);
    let base = read(input)?;
    let mut bars = Vec::new();
    // An assumption held at one value (`[v, v]`) cannot move the answer: no bar.
    for v in ranges.iter().filter(|v| v.low < v.high) {
        let at = |value: Decimal| {
            let mut changed = input.clone();
            changed.assumptions.set(v.assumption, value);
            read(&changed)
        };
        bars.push(Bar {
            assumption: v.assumption,
            low: v.low,
            high: v.high,
            at_low: at(v.low)?,
            at_high: at(v.high)?,
        });
    }
    bars.sort_by_key(|b| std::cmp::Reverse(b.swing()));
    Ok((base, bars))
}
