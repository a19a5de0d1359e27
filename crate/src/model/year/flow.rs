//! Stage 3 (docs/model.md §4): where patients go. The shares of visits and admissions among village,
//! township, county and out-of-county care follow background trends and respond to the reform.
//!
//! Each place has an attraction weight: its share in the trended base pattern times a multiplier that
//! moves with the reform's departure from today's settings, through the named behavioural assumptions.
//! The target pattern is the weights normalised to one; each year the actual pattern closes a fixed part
//! of the gap to the target (the adjustment speed). Every driver is a difference from the baseline run in
//! the same year, so the baseline follows the background trends alone and, with the trends at zero,
//! reproduces the base year exactly. Multipliers at primary level only rise with more money to primary
//! care, and the per-bed subsidy only lowers the pull of out-of-county hospitals, so neither ever lowers
//! the primary share. Everything is decimal arithmetic, so native and WebAssembly builds agree.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::model::inputs::{ByPlace, Place};
use crate::model::prepared::shares_of;

/// How far a year's reform departs from the baseline, in the units the responses expect.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Drivers {
    /// Extra reimbursement points at primary level over today's tilt.
    pub tilt_points: Decimal,
    /// Relative gain in effective township staff from staff sent down (0.1 = 10% more).
    pub sent_down_gain: Decimal,
    /// Primary capability built by development money, relative to the baseline's (0.1 = 10% more).
    pub development_gain: Decimal,
    /// Relative gain of last year's average primary pay over the baseline's (0.1 = 10% more).
    pub pay_gain: Decimal,
    /// County inpatient capability built by the per-bed subsidy (a fall in the pull of out-of-county
    /// hospitals: 0.05 = 5% less).
    pub county_gain: Decimal,
    /// Money at stake under the reform less the baseline's (docs/model.md §3).
    pub stake: Decimal,
}

/// The elasticities that turn drivers into attraction multipliers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Responses {
    pub tilt_elasticity: Decimal,
    pub primary_capacity_elasticity: Decimal,
    pub primary_pay_elasticity: Decimal,
    pub budget_outside_elasticity: Decimal,
    pub budget_primary_elasticity: Decimal,
    /// Whether the county's inpatient capability applies (admissions) or not (visits).
    pub county_capability_applies: bool,
}

/// Largest attraction multiplier: keeps extreme lever settings from producing absurd weights.
const MAX_MULTIPLIER: Decimal = dec!(10);

fn clamp_multiplier(value: Decimal) -> Decimal {
    value.max(Decimal::ZERO).min(MAX_MULTIPLIER)
}

/// A capability stock's effect, with diminishing returns: about the stock itself while it is small,
/// never more than one however much money is spent (x / (1 + |x|); assumption, docs/model.md §4).
fn saturated(stock: Decimal) -> Decimal {
    stock / (Decimal::ONE + stock.abs())
}

/// Attraction multipliers by place for the given drivers.
pub fn multipliers(drivers: &Drivers, responses: &Responses) -> ByPlace<Decimal> {
    let village = Decimal::ONE
        + responses.tilt_elasticity * drivers.tilt_points
        + responses.primary_pay_elasticity * drivers.pay_gain
        + responses.primary_capacity_elasticity * saturated(drivers.development_gain)
        + responses.budget_primary_elasticity * drivers.stake;
    let township = village + responses.primary_capacity_elasticity * drivers.sent_down_gain;
    let county_capability = if responses.county_capability_applies {
        saturated(drivers.county_gain)
    } else {
        Decimal::ZERO
    };
    let outside =
        Decimal::ONE - responses.budget_outside_elasticity * drivers.stake - county_capability;
    ByPlace([
        clamp_multiplier(village),
        clamp_multiplier(township),
        Decimal::ONE,
        clamp_multiplier(outside),
    ])
}

/// The base pattern moved by background trends after `years` years: the primary share (village and
/// township together, in their base proportion) by `primary_points` a year and the out-of-county share
/// by `outside_points` a year; the county share takes up the difference. Shares stay within 0-1, and a
/// place with no base share gets none.
pub fn trended(
    base: &ByPlace<Decimal>,
    years: Decimal,
    primary_points: Decimal,
    outside_points: Decimal,
) -> ByPlace<Decimal> {
    if primary_points.is_zero() && outside_points.is_zero() {
        return *base;
    }
    let village = base.get(Place::Village);
    let township = base.get(Place::Township);
    let primary_before = village + township;
    let outside_before = base.get(Place::Outside);
    let county_before = base.get(Place::County);
    let step = |before: Decimal, points: Decimal, room: Decimal| {
        if before.is_zero() {
            before
        } else {
            (before + years * points / Decimal::ONE_HUNDRED)
                .max(Decimal::ZERO)
                .min(room)
        }
    };
    let room = if county_before.is_zero() {
        primary_before + outside_before
    } else {
        Decimal::ONE
    };
    let primary = step(primary_before, primary_points, room);
    let outside = step(outside_before, outside_points, room - primary);
    let county = (Decimal::ONE - primary - outside).max(Decimal::ZERO);
    let scale = if primary_before.is_zero() {
        Decimal::ZERO
    } else {
        primary / primary_before
    };
    shares_of(&ByPlace([
        village * scale,
        township * scale,
        county,
        outside,
    ]))
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
            budget_outside_elasticity: dec!(0.15),
            budget_primary_elasticity: dec!(0.05),
            county_capability_applies: true,
        }
    }

    #[test]
    fn trends_move_the_primary_and_outside_shares_by_points_a_year() {
        // Primary 0.55 (0.3 + 0.25) falls 0.5 points a year: after 2 years 0.54, split 0.3:0.25
        // (0.2945454545..., 0.2454545454...); outside 0.1 rises 1 point a year to 0.12; county takes the
        // rest, 0.34.
        let base = ByPlace([dec!(0.3), dec!(0.25), dec!(0.35), dec!(0.1)]);
        let moved = trended(&base, dec!(2), dec!(-0.5), dec!(1));
        assert_eq!(moved.get(Place::Village).round_dp(10), dec!(0.2945454545));
        assert_eq!(moved.get(Place::Township).round_dp(10), dec!(0.2454545455));
        assert_eq!(moved.get(Place::County), dec!(0.34));
        assert_eq!(moved.get(Place::Outside), dec!(0.12));
        assert_eq!(trended(&base, dec!(2), dec!(0), dec!(0)), base);
    }

    #[test]
    fn money_at_stake_keeps_patients_in_the_county_and_the_per_bed_capability_only_admissions() {
        let drivers = Drivers {
            stake: dec!(0.5),
            county_gain: dec!(0.25),
            ..Drivers::default()
        };
        let admissions = multipliers(&drivers, &responses());
        // Outside: 1 - 0.15 x 0.5 - 0.25 / 1.25 (capability with diminishing returns) = 0.725; primary
        // 1 + 0.05 x 0.5 = 1.025.
        assert_eq!(admissions.get(Place::Outside), dec!(0.725));
        assert_eq!(admissions.get(Place::Village), dec!(1.025));
        let visits = multipliers(
            &drivers,
            &Responses {
                county_capability_applies: false,
                ..responses()
            },
        );
        assert_eq!(visits.get(Place::Outside), dec!(0.925));
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
