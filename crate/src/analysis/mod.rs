//! Questions asked of a scenario beyond its one projection, each answered by running the model many
//! times: how sure a result is ([`uncertainty`], a Monte Carlo over the behavioural assumptions), which
//! assumptions it rests on ([`sensitivity`]), what lever setting reaches a target ([`seek`]), which part
//! of a package did the work ([`attribution`], Shapley values over the levers that differ), and what
//! differs between two scenario files ([`diff`]); [`view`] puts the answers as the page shows them.
//!
//! Everything here is exact where it concerns money: indicators are read as decimals; only the
//! random draws and the weights of the Shapley average are computed from integers.

pub mod attribution;
pub mod diff;
pub mod rng;
pub mod seek;
pub mod sensitivity;
pub mod uncertainty;
pub mod view;

use rust_decimal::Decimal;

use crate::model::{Projection, YearResult};
use crate::report::{IndicatorRow, INDICATORS};

/// The indicator row of `key`, or the keys there are.
pub fn indicator(key: &str) -> Result<&'static IndicatorRow, String> {
    INDICATORS.iter().find(|row| row.key == key).ok_or_else(|| {
        let keys: Vec<&str> = INDICATORS.iter().map(|row| row.key).collect();
        format!(
            "没有指标 {key:?} / no indicator {key:?}; 可选 / one of: {}",
            keys.join(", ")
        )
    })
}

/// The reform's year `year` (a calendar year) of a projection, or the years there are.
pub fn year_of(projection: &Projection, year: i32) -> Result<&YearResult, String> {
    projection
        .scenario
        .iter()
        .find(|y| y.year == year)
        .ok_or_else(|| {
            let first = projection.scenario.first().map_or(0, |y| y.year);
            let last = projection.scenario.last().map_or(0, |y| y.year);
            format!("没有 {year} 年的结果(预测 {first}–{last} 年)/ no results for {year} (the projection covers {first}-{last})")
        })
}

/// The value of `row` in the reform's year `year`.
pub fn value_in(projection: &Projection, row: &IndicatorRow, year: i32) -> Result<Decimal, String> {
    year_of(projection, year).map(|y| (row.read)(&y.indicators))
}
