//! Stage 4 (docs/model.md §5): care delivered and what it costs. For each community and tier: medical
//! revenue (all payers) from volumes and unit costs, fund claims at the reimbursement rates, and the
//! costs that move with revenue (non-personnel costs and the 1% special fund draw). Books nothing: the
//! money moves in the later stages.

use rust_decimal::Decimal;

use super::demand::Growth;
use crate::model::inputs::{Assumptions, ByPlace, OutOfCounty, Place, Reimbursement, Tier};
use crate::model::money::{cost_level, fen};
use crate::model::params::Assumption as A;
use crate::model::prepared::{reimbursement_rate, PreparedCommunity, TierUnits};

/// One community's care in one year.
#[derive(Clone, Default)]
pub(crate) struct Care {
    pub visits: ByPlace<Decimal>,
    pub admissions: ByPlace<Decimal>,
    /// Cost of the insured's outpatient and inpatient care by place (all payers), unrounded.
    pub outpatient_cost: ByPlace<Decimal>,
    pub inpatient_cost: ByPlace<Decimal>,
    /// Medical cost by place, to the fen: the members' medical revenue in the county.
    pub cost: ByPlace<Decimal>,
    /// Fund claims by place (fee-for-service value).
    pub claims: ByPlace<Decimal>,
    /// By tier (county, township, village): non-personnel costs and special fund contributions.
    pub nonpersonnel: [Decimal; 3],
    pub special: [Decimal; 3],
    /// Each tier's cost level this year (volume × cost growth × cost restraint): visits and admissions.
    pub levels: [(Decimal, Decimal); 3],
}

impl Care {
    /// Revenue of one tier.
    pub fn revenue(&self, tier: Tier) -> Decimal {
        self.cost.get(tier.place())
    }
}

/// How much care a tier gave this year against the base year, at base-year unit costs (1 = as much):
/// the workload that performance pay follows (seed 003 §五(三)2: 多劳多得、优绩优酬).
pub(crate) fn workload_index(prepared: &PreparedCommunity, care: &Care, tier: Tier) -> Decimal {
    let units = &prepared.tiers[tier.slot()];
    let place = tier.place();
    let at_base_prices = |visits: Decimal, admissions: Decimal| {
        visits * units.visit_unit + admissions * units.admission_unit
    };
    let base = at_base_prices(
        prepared.base_visits.get(place),
        prepared.base_admissions.get(place),
    );
    if base.is_zero() {
        Decimal::ONE
    } else {
        at_base_prices(care.visits.get(place), care.admissions.get(place)) / base
    }
}

/// Non-personnel cost ratio of a tier (an assumption per tier).
pub(crate) fn nonpersonnel_ratio(assumptions: &Assumptions, tier: Tier) -> Decimal {
    assumptions.for_tier(
        [
            A::NonpersonnelCostRatioCounty,
            A::NonpersonnelCostRatioTownship,
            A::NonpersonnelCostRatioVillage,
        ],
        tier,
    )
}

/// A tier's (or one hospital's) revenue at this year's cost levels.
pub(crate) fn revenue_of(units: &TierUnits, levels: (Decimal, Decimal)) -> (Decimal, Decimal) {
    (levels.0 * units.visit_unit, levels.1 * units.admission_unit)
}

/// What the settings of the year that care depends on are.
pub(crate) struct CareSettings<'a> {
    pub growth: &'a Growth,
    pub rates: &'a Reimbursement,
    pub tilt_points: Decimal,
    pub special_fund_rate: Decimal,
    pub nonpersonnel_ratios: [Decimal; 3],
}

/// Care of one community, given its volumes by place and its cost restraint (1 = none).
pub(crate) fn community(
    prepared: &PreparedCommunity,
    out_of_county: &OutOfCounty,
    visits: ByPlace<Decimal>,
    admissions: ByPlace<Decimal>,
    restraint: Decimal,
    settings: &CareSettings,
) -> Care {
    let growth = settings.growth;
    let mut care = Care {
        visits,
        admissions,
        ..Care::default()
    };
    for tier in Tier::ALL {
        let place = tier.place();
        let slot = tier.slot();
        let levels = (
            cost_level(visits.get(place) * growth.visit_cost * restraint),
            cost_level(admissions.get(place) * growth.admission_cost * restraint),
        );
        let (outpatient, inpatient) = revenue_of(&prepared.tiers[slot], levels);
        let revenue = fen(outpatient + inpatient);
        let claims = fen(outpatient
            * reimbursement_rate(&settings.rates.outpatient, place, settings.tilt_points)
            + inpatient
                * reimbursement_rate(&settings.rates.inpatient, place, settings.tilt_points))
        .min(revenue);
        care.levels[slot] = levels;
        care.outpatient_cost.set(place, outpatient);
        care.inpatient_cost.set(place, inpatient);
        care.cost.set(place, revenue);
        care.claims.set(place, claims);
        care.nonpersonnel[slot] = fen(revenue * settings.nonpersonnel_ratios[slot]);
        care.special[slot] = fen(revenue * settings.special_fund_rate);
    }
    // Out-of-county hospitals are outside the community: its cost restraint does not reach them.
    let outpatient = visits.get(Place::Outside) * out_of_county.cost_per_visit * growth.visit_cost;
    let inpatient =
        admissions.get(Place::Outside) * out_of_county.cost_per_admission * growth.admission_cost;
    care.outpatient_cost.set(Place::Outside, outpatient);
    care.inpatient_cost.set(Place::Outside, inpatient);
    care.cost.set(Place::Outside, fen(outpatient + inpatient));
    care.claims.set(
        Place::Outside,
        fen(outpatient * settings.rates.outpatient.get(Place::Outside)
            + inpatient * settings.rates.inpatient.get(Place::Outside)),
    );
    care
}
