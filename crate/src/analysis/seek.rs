//! Goal-seek: the value of one lever (the reform's, the same in every year) within its range that
//! brings an indicator in a year to a target, or, when none does, the value that comes closest.
//!
//! The lever's range is scanned at 40 even steps for a change of side, then the bracket is halved
//! until it is narrower than the lever's precision (a whole unit for whole-number levers, 10⁻⁶ of
//! the range otherwise). Among several crossings the one nearest the scenario's own value is taken.

use rust_decimal::Decimal;

use crate::model::{project, Lever, ModelInput, Schedule, Unit};
use crate::report::IndicatorRow;

/// What goal-seek found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub lever: Lever,
    /// The lever value found (the one that reaches the target, or the closest).
    pub value: Decimal,
    /// The indicator at that value.
    pub reached: Decimal,
    /// Whether it reaches the target (within the indicator's shown precision).
    pub meets: bool,
}

/// Why a lever cannot be sought.
pub fn seekable(lever: Lever) -> Result<(), String> {
    let spec = lever.spec();
    if lever.split().is_some() {
        return Err(format!(
            "{} 与其他杠杆合计为 1,不能单独求解 / {} must add to one with other levers and cannot be sought alone",
            spec.zh, spec.en
        ));
    }
    if matches!(spec.unit, Unit::Switch | Unit::Choice) {
        return Err(format!(
            "{} 是开关或选项,不能求解;请逐一比较 / {} is a switch or a choice: compare its settings instead",
            spec.zh, spec.en
        ));
    }
    Ok(())
}

fn whole(lever: Lever) -> bool {
    matches!(lever.spec().unit, Unit::Years)
}

/// The lever value in `low..=high` (default: the lever's range) bringing `row` in `year` to `target`.
pub fn seek(
    input: &ModelInput,
    lever: Lever,
    row: &IndicatorRow,
    year: i32,
    target: Decimal,
) -> Result<Found, String> {
    seekable(lever)?;
    let spec = lever.spec();
    let at = |value: Decimal| -> Result<Decimal, String> {
        let mut changed = input.clone();
        changed.reform.set(lever, Schedule::constant(value));
        super::value_in(&project(&changed), row, year)
    };
    let (low, high) = (spec.min, spec.max);
    let steps = 40;
    let grid: Vec<Decimal> = (0..=steps)
        .map(|i| {
            let v = low + (high - low) * Decimal::from(i) / Decimal::from(steps);
            if whole(lever) {
                v.round()
            } else {
                v
            }
        })
        .collect();
    let values: Vec<Decimal> = grid.iter().map(|v| at(*v)).collect::<Result<_, _>>()?;
    let current = input.reform.schedule(lever).values()[0];
    // Brackets where the indicator crosses the target, nearest the scenario's own value first.
    let mut brackets: Vec<(Decimal, Decimal, Decimal, Decimal)> = grid
        .windows(2)
        .zip(values.windows(2))
        .filter(|(_, v)| {
            (v[0] - target).is_sign_negative() != (v[1] - target).is_sign_negative()
                || v[0] == target
        })
        .map(|(g, v)| (g[0], g[1], v[0], v[1]))
        .collect();
    brackets.sort_by_key(|(a, b, _, _)| ((*a + *b) / Decimal::TWO - current).abs());
    let precision = if whole(lever) {
        Decimal::ONE
    } else {
        ((high - low) / Decimal::from(1_000_000)).max(Decimal::new(1, 8))
    };
    if let Some(&(mut a, mut b, mut va, _)) = brackets.first() {
        while b - a > precision {
            let mid = if whole(lever) {
                ((a + b) / Decimal::TWO).floor()
            } else {
                (a + b) / Decimal::TWO
            };
            if mid == a || mid == b {
                break;
            }
            let vm = at(mid)?;
            if (va - target).is_sign_negative() == (vm - target).is_sign_negative() {
                a = mid;
                va = vm;
            } else {
                b = mid;
            }
        }
        // Of the two ends, the one nearer the target.
        let vb = at(b)?;
        let value = if (va - target).abs() <= (vb - target).abs() {
            a
        } else {
            b
        };
        let value = if whole(lever) {
            value
        } else {
            value.round_dp(6).normalize()
        };
        let reached = at(value)?;
        return Ok(Found {
            lever,
            value,
            reached,
            meets: close(row, reached, target),
        });
    }
    // No crossing: the closest point of the scan.
    let (value, reached) = grid
        .iter()
        .zip(&values)
        .min_by_key(|(_, v)| (**v - target).abs())
        .map(|(g, v)| (*g, *v))
        .unwrap_or((current, target));
    Ok(Found {
        lever,
        value: value.normalize(),
        reached,
        meets: close(row, reached, target),
    })
}

/// Whether `reached` meets `target` to the precision the scorecard shows (0.01 percentage points,
/// a fen, or 0.01 of a ratio), or the lever's step could not come closer.
fn close(row: &IndicatorRow, reached: Decimal, target: Decimal) -> bool {
    let shown = match row.kind {
        crate::report::Kind::Fraction => Decimal::new(1, 4),
        crate::report::Kind::Money => Decimal::new(1, 2),
        crate::report::Kind::Ratio => Decimal::new(1, 2),
    };
    (reached - target).abs() <= shown
}
