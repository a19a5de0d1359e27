//! Patient flow: how the shares of visits and admissions among village, township, county and
//! out-of-county care respond to the levers.
//!
//! Each place has an attraction weight: its base-year share times a multiplier that moves with the
//! levers' departure from today's settings, through the named behavioural assumptions. The target
//! pattern is the weights normalised to one; each year the actual pattern closes a fixed part of the gap
//! to the target (the adjustment speed). With every lever at today's setting every multiplier is one, so
//! the base-year pattern reproduces itself exactly. Multipliers only rise with more money to primary
//! care, so more money to primary care never lowers the primary share. Everything is decimal arithmetic,
//! so native and WebAssembly builds agree to the last digit.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::inputs::{ByPlace, Place};

/// How far a year's levers depart from today's, in the units the elasticities expect.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Drivers {
    /// Extra reimbursement points at primary level over today's tilt.
    pub tilt_points: Decimal,
    /// Relative gain in effective township staff from staff sent down (0.1 = 10% more).
    pub capacity_gain: Decimal,
    /// Relative gain of last year's average primary pay over the baseline's (0.1 = 10% more).
    pub pay_gain: Decimal,
    /// Per-bed subsidy above today's, in thousands of yuan per bed.
    pub bed_subsidy_thousands: Decimal,
    /// Change in the retained-surplus incentive (global budget on times the retained share).
    pub budget_incentive: Decimal,
}

/// The elasticities that turn drivers into attraction multipliers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Responses {
    pub tilt_elasticity: Decimal,
    pub primary_capacity_elasticity: Decimal,
    pub primary_pay_elasticity: Decimal,
    pub county_capacity_elasticity: Decimal,
    pub budget_incentive_elasticity: Decimal,
}

/// Largest attraction multiplier: keeps extreme lever settings from producing absurd weights.
const MAX_MULTIPLIER: Decimal = dec!(10);

fn clamp_multiplier(value: Decimal) -> Decimal {
    value.max(Decimal::ZERO).min(MAX_MULTIPLIER)
}

/// Attraction multipliers by place for the given drivers.
pub fn multipliers(drivers: &Drivers, responses: &Responses) -> ByPlace<Decimal> {
    let primary_common = responses.tilt_elasticity * drivers.tilt_points
        + responses.primary_pay_elasticity * drivers.pay_gain;
    let village = Decimal::ONE + primary_common;
    let township = Decimal::ONE
        + primary_common
        + responses.primary_capacity_elasticity * drivers.capacity_gain;
    let county =
        Decimal::ONE + responses.county_capacity_elasticity * drivers.bed_subsidy_thousands;
    let outside = Decimal::ONE - responses.budget_incentive_elasticity * drivers.budget_incentive;
    ByPlace([
        clamp_multiplier(village),
        clamp_multiplier(township),
        clamp_multiplier(county),
        clamp_multiplier(outside),
    ])
}

/// Shares of `volumes` (zero shares when there is no volume at all).
pub fn shares_of(volumes: &ByPlace<Decimal>) -> ByPlace<Decimal> {
    let total = volumes.sum();
    if total.is_zero() {
        return ByPlace::default();
    }
    let mut shares = ByPlace::default();
    for place in Place::ALL {
        shares.set(place, volumes.get(place) / total);
    }
    shares
}

/// The target pattern: base shares weighted by the multipliers, normalised. When every weight is zero
/// the base pattern stands.
pub fn target_shares(base: &ByPlace<Decimal>, multipliers: &ByPlace<Decimal>) -> ByPlace<Decimal> {
    if multipliers.0.iter().all(|m| *m == Decimal::ONE) {
        return *base;
    }
    let mut weights = ByPlace::default();
    for place in Place::ALL {
        weights.set(place, base.get(place) * multipliers.get(place));
    }
    if weights.sum().is_zero() {
        *base
    } else {
        shares_of(&weights)
    }
}

/// This year's pattern: last year's moved `speed` of the way to the target.
pub fn approach(
    previous: &ByPlace<Decimal>,
    target: &ByPlace<Decimal>,
    speed: Decimal,
) -> ByPlace<Decimal> {
    if previous == target {
        return *previous;
    }
    let mut next = ByPlace::default();
    for place in Place::ALL {
        let before = previous.get(place);
        next.set(place, before + speed * (target.get(place) - before));
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn responses() -> Responses {
        Responses {
            tilt_elasticity: dec!(0.01),
            primary_capacity_elasticity: dec!(0.5),
            primary_pay_elasticity: dec!(0.3),
            county_capacity_elasticity: dec!(0.02),
            budget_incentive_elasticity: dec!(0.15),
        }
    }

    #[test]
    fn no_departure_keeps_the_base_pattern() {
        let base = ByPlace([dec!(0.3), dec!(0.25), dec!(0.35), dec!(0.1)]);
        let m = multipliers(&Drivers::default(), &responses());
        assert_eq!(target_shares(&base, &m), base);
    }

    #[test]
    fn tilt_moves_shares_as_worked_by_hand() {
        // 10 points of tilt at 0.01 per point: village and township weights x1.1.
        // weights 0.33, 0.275, 0.35, 0.1 sum 1.055; village share 0.33/1.055 = 0.3127962085...
        let base = ByPlace([dec!(0.3), dec!(0.25), dec!(0.35), dec!(0.1)]);
        let drivers = Drivers {
            tilt_points: dec!(10),
            ..Drivers::default()
        };
        let target = target_shares(&base, &multipliers(&drivers, &responses()));
        assert_eq!(target.get(Place::Village).round_dp(10), dec!(0.3127962085));
        assert_eq!(target.get(Place::Outside).round_dp(10), dec!(0.0947867299));
        // Half the gap closed in a year: 0.3 + 0.5 x 0.0127962085 = 0.30639810425.
        let year_one = approach(&base, &target, dec!(0.5));
        assert_eq!(
            year_one.get(Place::Village).round_dp(10),
            dec!(0.3063981043)
        );
    }
}
