//! Which part of a package did the work: the change in an indicator between the baseline and the
//! reform, shared among the levers that differ by their Shapley values. A lever's share is its
//! marginal effect averaged over every order in which the levers could be switched on, so the shares
//! do not depend on the order the levers are listed in and add up to the whole change. Levers of one
//! split (shares that must add to one) move together, as one part.
//!
//! Up to [`EXACT_PARTS`] parts every subset is run (2ⁿ runs) and the weights are whole numbers
//! (|S|!(n−|S|−1)! over n!), so the shares are exact decimals that add up to the total; beyond, the
//! average is taken over [`ORDERS`] random orders (seeded), each of which adds up to the total too.

use rust_decimal::Decimal;

use super::rng::SplitMix64;
use crate::model::{project, Lever, ModelInput};
use crate::report::IndicatorRow;

/// Most parts attributed exactly (every subset run).
pub const EXACT_PARTS: usize = 12;
/// Random orders averaged beyond that.
pub const ORDERS: usize = 400;

/// One part of the package: the levers that move together, and what they contribute.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub levers: Vec<Lever>,
    pub contribution: Decimal,
}

/// The attribution: the indicator at the baseline and in the reform, and each part's contribution
/// (they add up to `reform − baseline`).
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub baseline: Decimal,
    pub reform: Decimal,
    pub parts: Vec<Part>,
    /// Whether every subset was run (false: averaged over [`ORDERS`] random orders).
    pub exact: bool,
}

/// The parts of the package: levers whose reform schedule differs from the baseline's, a split's
/// levers together.
pub fn parts(input: &ModelInput) -> Vec<Vec<Lever>> {
    let mut parts: Vec<Vec<Lever>> = Vec::new();
    for lever in Lever::ALL {
        if input.reform.schedule(*lever) == input.baseline.schedule(*lever) {
            continue;
        }
        match lever.split() {
            Some(split) => {
                if !parts.iter().any(|p| p.contains(lever)) {
                    parts.push(split.levers.to_vec());
                }
            }
            None => parts.push(vec![*lever]),
        }
    }
    parts
}

fn factorial(n: usize) -> Decimal {
    (1..=n).fold(Decimal::ONE, |f, k| f * Decimal::from(k))
}

/// The attribution of the change in `row` in `year`.
pub fn attribute(input: &ModelInput, row: &IndicatorRow, year: i32) -> Result<Attribution, String> {
    let parts = parts(input);
    let n = parts.len();
    // The indicator with the reform's settings for the parts in `on` and today's for the rest.
    let value = |on: &dyn Fn(usize) -> bool| -> Result<Decimal, String> {
        let mut mixed = input.clone();
        mixed.reform = input.baseline.clone();
        for (index, part) in parts.iter().enumerate() {
            if on(index) {
                for lever in part {
                    mixed
                        .reform
                        .set(*lever, input.reform.schedule(*lever).clone());
                }
            }
        }
        super::value_in(&project(&mixed), row, year)
    };
    let baseline = value(&|_| false)?;
    let reform = value(&|_| true)?;
    if n <= EXACT_PARTS {
        let values: Vec<Decimal> = (0..1u32 << n)
            .map(|mask| value(&|i| mask & (1 << i) != 0))
            .collect::<Result<_, _>>()?;
        let total_weight = factorial(n);
        let contributions: Vec<Decimal> = (0..n)
            .map(|i| {
                let scaled: Decimal = (0..1u32 << n)
                    .filter(|mask| mask & (1 << i) == 0)
                    .map(|mask| {
                        let size = mask.count_ones() as usize;
                        let weight = factorial(size) * factorial(n - size - 1);
                        weight * (values[(mask | (1 << i)) as usize] - values[mask as usize])
                    })
                    .sum();
                scaled / total_weight
            })
            .collect();
        return Ok(Attribution {
            baseline,
            reform,
            parts: parts
                .into_iter()
                .zip(contributions)
                .map(|(levers, contribution)| Part {
                    levers,
                    contribution,
                })
                .collect(),
            exact: true,
        });
    }
    // Many parts: the average over random orders (each order's marginal effects add to the total).
    let mut sums = vec![Decimal::ZERO; n];
    let mut rng = SplitMix64::for_draw(0x0053_4841_504C_4559, n as u64);
    for _ in 0..ORDERS {
        let mut order: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            order.swap(i, rng.below(i as u64 + 1) as usize);
        }
        let mut on = vec![false; n];
        let mut before = baseline;
        for &part in &order {
            on[part] = true;
            let after = value(&|i| on[i])?;
            sums[part] += after - before;
            before = after;
        }
    }
    Ok(Attribution {
        baseline,
        reform,
        parts: parts
            .into_iter()
            .zip(sums)
            .map(|(levers, sum)| Part {
                levers,
                contribution: sum / Decimal::from(ORDERS),
            })
            .collect(),
        exact: false,
    })
}

/// Contributions rounded to `places` so that they add up exactly to the rounded total (largest
/// remainders take the last unit), for a waterfall whose bars visibly add up.
pub fn rounded(attribution: &Attribution, places: u32) -> Vec<Decimal> {
    let unit = Decimal::new(1, places);
    let total = (attribution.reform - attribution.baseline).round_dp(places);
    let mut shown: Vec<Decimal> = attribution
        .parts
        .iter()
        .map(|p| (p.contribution / unit).floor() * unit)
        .collect();
    let mut remainders: Vec<(usize, Decimal)> = attribution
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.contribution - shown[i]))
        .collect();
    remainders.sort_by_key(|r| std::cmp::Reverse(r.1));
    let mut missing = ((total - shown.iter().sum::<Decimal>()) / unit).round();
    let mut k = 0;
    while missing > Decimal::ZERO && !remainders.is_empty() {
        shown[remainders[k % remainders.len()].0] += unit;
        missing -= Decimal::ONE;
        k += 1;
    }
    while missing < Decimal::ZERO && !remainders.is_empty() {
        shown[remainders[remainders.len() - 1 - k % remainders.len()].0] -= unit;
        missing += Decimal::ONE;
        k += 1;
    }
    shown
}
