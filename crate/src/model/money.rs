//! Money arithmetic: rounding to the fen and exact splitting of an amount.
//!
//! Every yuan amount in the model is a [`Decimal`]. Amounts are rounded to the fen (0.01 yuan) with
//! [`fen`] at the points `docs/model.md` names, using half-away-from-zero rounding (四舍五入, the rule of
//! Chinese financial practice). When an amount is split among parties, [`allocate`] splits it so that
//! the parts add up to the whole to the fen: no rounding residue is created or lost.

use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to the fen (two decimal places), half away from zero.
pub fn fen(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds a count (persons, visits) to a whole number, half away from zero.
pub fn whole(count: Decimal) -> Decimal {
    count.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// The part of `amount` above zero: `amount` when it is positive, otherwise zero (never `-0`).
pub fn above_zero(amount: Decimal) -> Decimal {
    if amount > Decimal::ZERO {
        amount
    } else {
        Decimal::ZERO
    }
}

/// The part of `amount` below zero, as a positive amount: `-amount` when it is negative, otherwise zero.
pub fn below_zero(amount: Decimal) -> Decimal {
    above_zero(-amount)
}

/// `numerator / denominator`, or zero when the denominator is zero (an empty tier has no share).
pub fn ratio(numerator: Decimal, denominator: Decimal) -> Decimal {
    if denominator.is_zero() {
        Decimal::ZERO
    } else {
        numerator / denominator
    }
}

/// Splits `total` (already in fen) among parties in proportion to `weights`, to the fen, so that the
/// parts add up to `total` exactly.
///
/// Largest-remainder method: each part first gets its share rounded down to the fen; the fen left over
/// go one each to the parts with the largest remainders, ties to the earlier party. Negative weights
/// count as zero; when all weights are zero the split is equal. A negative total is split as its
/// magnitude and negated.
pub fn allocate(total: Decimal, weights: &[Decimal]) -> Vec<Decimal> {
    if weights.is_empty() {
        return Vec::new();
    }
    if total.is_sign_negative() && !total.is_zero() {
        return allocate(-total, weights)
            .into_iter()
            .map(|part| -part)
            .collect();
    }
    let clean: Vec<Decimal> = weights.iter().map(|w| (*w).max(Decimal::ZERO)).collect();
    let weight_sum: Decimal = clean.iter().copied().sum();
    let units = (total * Decimal::ONE_HUNDRED).trunc();
    let equal = weight_sum.is_zero() || clean.iter().all(|w| *w == clean[0]);
    if equal {
        return split_evenly(units, clean.len());
    }
    let mut parts = Vec::with_capacity(clean.len());
    let mut remainders = Vec::with_capacity(clean.len());
    let mut assigned = Decimal::ZERO;
    for weight in &clean {
        // units × weight can pass the 96-bit range for very large amounts and weights (claims of
        // hundreds of billions of yuan); then the weight's share is taken first, exact to 28 digits.
        let exact = match units.checked_mul(*weight) {
            Some(product) => product / weight_sum,
            None => units * (*weight / weight_sum),
        };
        let floor = exact.floor();
        assigned += floor;
        parts.push(floor);
        remainders.push(exact - floor);
    }
    let mut leftover = units - assigned;
    if leftover > Decimal::ZERO {
        let mut order: Vec<usize> = (0..clean.len()).collect();
        order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
        for index in order.into_iter().cycle() {
            if leftover <= Decimal::ZERO {
                break;
            }
            parts[index] += Decimal::ONE;
            leftover -= Decimal::ONE;
        }
    }
    parts
        .into_iter()
        .map(|units| units / Decimal::ONE_HUNDRED)
        .collect()
}

/// `units` fen split into `parts` equal parts: every part gets the floor, the first parts one fen more
/// until the remainder is used (what the largest-remainder rule gives when all remainders tie).
fn split_evenly(units: Decimal, parts: usize) -> Vec<Decimal> {
    let count = Decimal::from(parts);
    let each = (units / count).floor();
    let extra = units - each * count;
    let mut extra_left = extra;
    (0..parts)
        .map(|_| {
            let mut part = each;
            if extra_left > Decimal::ZERO {
                part += Decimal::ONE;
                extra_left -= Decimal::ONE;
            }
            part / Decimal::ONE_HUNDRED
        })
        .collect()
}

/// Carries a share, a part or a growth factor to a fixed number of places (12). These are the
/// non-money rounding points of the model (docs/model.md §1): enough for a count of a billion to stay
/// exact to the thousandth, and short enough that products stay in fast 96-bit arithmetic.
pub fn factor(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(12, RoundingStrategy::MidpointAwayFromZero)
}

/// Carries a tier's cost level (its volume times cost growth) to 6 places: a visit count to the
/// millionth. Short enough that each institution's cost (level times its unit cost) is a single
/// 96-bit product, which keeps the per-institution work fast (docs/performance.md).
pub fn cost_level(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn fen_rounds_half_away_from_zero() {
        assert_eq!(fen(dec!(1.005)), dec!(1.01));
        assert_eq!(fen(dec!(1.0049)), dec!(1.00));
        assert_eq!(fen(dec!(-1.005)), dec!(-1.01));
        assert_eq!(fen(dec!(2.675)), dec!(2.68));
    }

    #[test]
    fn allocate_splits_to_the_fen_and_sums_exactly() {
        // 100.00 among three equal parties: 33.34 + 33.33 + 33.33.
        let parts = allocate(dec!(100.00), &[dec!(1), dec!(1), dec!(1)]);
        assert_eq!(parts, vec![dec!(33.34), dec!(33.33), dec!(33.33)]);
        // 10.00 by 1:2: 3.33 and 6.67 (remainders .333 and .667: the fen goes to the second).
        assert_eq!(
            allocate(dec!(10.00), &[dec!(1), dec!(2)]),
            vec![dec!(3.33), dec!(6.67)]
        );
    }

    #[test]
    fn allocate_never_overflows_on_huge_amounts_and_weights() {
        // 1e16 fen split by weights of 1e14 and 3e14: the products would be 1e30, past 96 bits.
        let parts = allocate(
            dec!(100000000000000),
            &[dec!(100000000000000), dec!(300000000000000)],
        );
        assert_eq!(parts, vec![dec!(25000000000000), dec!(75000000000000)]);
    }

    #[test]
    fn allocate_handles_zero_and_negative() {
        assert_eq!(
            allocate(dec!(0.03), &[dec!(0), dec!(0)]),
            vec![dec!(0.02), dec!(0.01)]
        );
        assert_eq!(
            allocate(dec!(-10.00), &[dec!(1), dec!(2)]),
            vec![dec!(-3.33), dec!(-6.67)]
        );
        assert!(allocate(dec!(5), &[]).is_empty());
    }
}
