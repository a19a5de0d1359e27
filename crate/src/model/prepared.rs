//! What does not change from year to year, worked out once per projection: each community's base-year
//! pattern of care, its tiers' unit costs and payrolls, its public hospitals, and the base year's claims.
//!
//! Members are booked by tier within each community (county hospitals, township centres, village
//! clinics): the community distributes pay across its members (seed 003 §五(三)2: 打破单位、层级和身份区别),
//! and every amount that depends on volume is linear in it, so a tier's figures are its institutions'
//! sums. Only the public hospitals are followed one by one, for the official indicator of hospitals in
//! balance (seed 002 附件2).

use rust_decimal::Decimal;

use super::inputs::{ByPlace, Community, Institution, ModelInput, Place, Reimbursement, Tier};
use super::money::{factor, fen, ratio};
use super::params::Lever;

/// A projection's fixed figures.
pub(crate) struct Prepared<'a> {
    pub input: &'a ModelInput,
    pub communities: Vec<PreparedCommunity>,
    /// County-wide base-year figures (projection year 0).
    pub base: BaseYear,
}

/// What one community brings to every year.
pub(crate) struct PreparedCommunity {
    pub base_visits: ByPlace<Decimal>,
    pub base_admissions: ByPlace<Decimal>,
    pub visit_shares: ByPlace<Decimal>,
    pub admission_shares: ByPlace<Decimal>,
    /// County, township, village (see [`Tier::slot`]).
    pub tiers: [TierUnits; 3],
    /// The community's public hospitals (its county-tier institutions), one by one.
    pub hospitals: Vec<HospitalUnits>,
    /// Township centres, counting grouped entries (staff sent down go to each).
    pub township_count: Decimal,
    /// Fund claims of the community's insured in the base year at today's reimbursement rates.
    pub base_claims: Decimal,
    /// The base year's outpatient and inpatient cost by tier (county, township, village) and out of
    /// county: what capitation for primary care is sized from.
    pub base_costs: [(Decimal, Decimal); 4],
}

/// A tier's institutions in one community, summed.
#[derive(Clone, Copy, Default)]
pub(crate) struct TierUnits {
    /// Whether the community has institutions of this tier.
    pub present: bool,
    pub staff: Decimal,
    /// Σ (institution's part of the tier's base visits × its cost per visit): the tier's revenue per
    /// unit of its cost level.
    pub visit_unit: Decimal,
    pub admission_unit: Decimal,
    /// Σ staff × average pay in the base year.
    pub base_payroll: Decimal,
    /// Σ base fiscal subsidies through the old channels (seed 003 §七(三)).
    pub base_subsidy: Decimal,
    /// Beds of institutions that receive the per-bed subsidy (seed 000 §五(一)).
    pub subsidised_beds: Decimal,
}

/// One public hospital (or a group of `count` alike ones).
#[derive(Clone, Copy)]
pub(crate) struct HospitalUnits {
    pub count: u32,
    pub units: TierUnits,
}

/// County-wide figures of the base year.
#[derive(Clone, Default)]
pub(crate) struct BaseYear {
    /// Cost per outpatient visit and per admission at each place.
    pub cost_per_visit: ByPlace<Decimal>,
    pub cost_per_admission: ByPlace<Decimal>,
    /// Total medical cost of the insured's care (all payers).
    pub total_cost: Decimal,
    /// Beds that receive the per-bed subsidy per county-tier bed (0 without county beds): what turns a
    /// rate per bed into money per county bed.
    pub subsidised_bed_share: Decimal,
    /// Public hospitals' nurses per doctor (医护比 1 : x), over hospitals that give both; 0 if none does.
    pub nurses_per_doctor: Decimal,
    /// Public hospitals' average length of stay (平均住院日), weighted by admissions, over hospitals that
    /// give it; 0 if none does.
    pub average_stay_days: Decimal,
}

impl TierUnits {
    fn add(&mut self, institution: &Institution, visit_part: Decimal, admission_part: Decimal) {
        self.present = true;
        self.staff += institution.staff;
        self.visit_unit += visit_part * institution.cost_per_visit;
        self.admission_unit += admission_part * institution.cost_per_admission;
        self.base_payroll += institution.staff * institution.average_pay;
        self.base_subsidy += institution.base_subsidy;
        if institution.per_bed_subsidy_eligible {
            self.subsidised_beds += institution.beds;
        }
    }
}

/// Reimbursement rate at a place, with `tilt_points` added at village and township (capped at 1):
/// seed 001 item 8 (支付比例向基层倾斜).
pub(crate) fn reimbursement_rate(
    base: &ByPlace<Decimal>,
    place: Place,
    tilt_points: Decimal,
) -> Decimal {
    let rate = base.get(place);
    match place {
        Place::Village | Place::Township => {
            (rate + tilt_points / Decimal::ONE_HUNDRED).min(Decimal::ONE)
        }
        Place::County | Place::Outside => rate,
    }
}

/// Fund claims of one institution's (or out-of-county) care: cost × rate, outpatient and inpatient.
fn claims_of(
    rates: &Reimbursement,
    place: Place,
    tilt: Decimal,
    outpatient_cost: Decimal,
    inpatient_cost: Decimal,
) -> Decimal {
    fen(
        outpatient_cost * reimbursement_rate(&rates.outpatient, place, tilt)
            + inpatient_cost * reimbursement_rate(&rates.inpatient, place, tilt),
    )
}

/// Shares of `volumes` (zero shares when there is no volume at all).
pub(crate) fn shares_of(volumes: &ByPlace<Decimal>) -> ByPlace<Decimal> {
    let total = volumes.sum();
    volumes.map(|volume| ratio(volume, total))
}

impl PreparedCommunity {
    fn new(community: &Community, rates: &Reimbursement, tilt: Decimal) -> Self {
        let mut base_visits = ByPlace::default();
        let mut base_admissions = ByPlace::default();
        for institution in &community.institutions {
            let place = institution.tier.place();
            base_visits.set(
                place,
                base_visits.get(place) + institution.outpatient_visits,
            );
            base_admissions.set(place, base_admissions.get(place) + institution.admissions);
        }
        let out = &community.out_of_county;
        base_visits.set(Place::Outside, out.outpatient_visits);
        base_admissions.set(Place::Outside, out.admissions);

        let mut tiers = [TierUnits::default(); 3];
        let mut hospitals = Vec::new();
        let mut base_tier_claims = [Decimal::ZERO; 3];
        let mut base_costs = [(Decimal::ZERO, Decimal::ZERO); 4];
        for institution in &community.institutions {
            let place = institution.tier.place();
            let visit_part = factor(ratio(institution.outpatient_visits, base_visits.get(place)));
            let admission_part = factor(ratio(institution.admissions, base_admissions.get(place)));
            tiers[institution.tier.slot()].add(institution, visit_part, admission_part);
            if institution.tier == Tier::County {
                let mut units = TierUnits::default();
                units.add(institution, visit_part, admission_part);
                hospitals.push(HospitalUnits {
                    count: institution.count,
                    units,
                });
            }
            let costs = &mut base_costs[institution.tier.slot()];
            costs.0 += institution.outpatient_visits * institution.cost_per_visit;
            costs.1 += institution.admissions * institution.cost_per_admission;
            base_tier_claims[institution.tier.slot()] += claims_of(
                rates,
                place,
                tilt,
                institution.outpatient_visits * institution.cost_per_visit,
                institution.admissions * institution.cost_per_admission,
            );
        }
        base_costs[3] = (
            out.outpatient_visits * out.cost_per_visit,
            out.admissions * out.cost_per_admission,
        );
        let outside_claims = claims_of(
            rates,
            Place::Outside,
            tilt,
            out.outpatient_visits * out.cost_per_visit,
            out.admissions * out.cost_per_admission,
        );
        PreparedCommunity {
            visit_shares: shares_of(&base_visits),
            admission_shares: shares_of(&base_admissions),
            base_visits,
            base_admissions,
            tiers,
            hospitals,
            township_count: community.township_count(),
            base_claims: base_tier_claims.iter().copied().sum::<Decimal>() + outside_claims,
            base_costs,
        }
    }
}

impl PreparedCommunity {
    /// Staff sent down at `per_township` per township centre: no more than the community's county
    /// hospitals have.
    pub fn staff_sent_down(&self, per_township: Decimal) -> Decimal {
        (per_township * self.township_count).min(self.tiers[Tier::County.slot()].staff)
    }

    /// The base year's claims by tier (county, township, village) and out of county, at the given
    /// reimbursement rates and primary tilt (unrounded: only their proportions are used).
    pub fn base_claims_at(&self, rates: &Reimbursement, tilt: Decimal) -> [Decimal; 4] {
        const PLACES: [Place; 4] = [
            Place::County,
            Place::Township,
            Place::Village,
            Place::Outside,
        ];
        std::array::from_fn(|index| {
            let (outpatient, inpatient) = self.base_costs[index];
            outpatient * reimbursement_rate(&rates.outpatient, PLACES[index], tilt)
                + inpatient * reimbursement_rate(&rates.inpatient, PLACES[index], tilt)
        })
    }
}

impl<'a> Prepared<'a> {
    pub fn new(input: &'a ModelInput) -> Self {
        let county = &input.county;
        let tilt = input.baseline.at(Lever::PrimaryTiltPoints, 1);
        let communities = county
            .communities
            .iter()
            .map(|community| PreparedCommunity::new(community, &county.reimbursement, tilt))
            .collect();
        // Base-year cost by place, county-wide: the denominators of the cost-growth indicators.
        let mut visits = ByPlace::default();
        let mut admissions = ByPlace::default();
        let mut outpatient_cost = ByPlace::default();
        let mut inpatient_cost = ByPlace::default();
        let mut total_cost = Decimal::ZERO;
        let mut add = |place: Place, v: Decimal, cpv: Decimal, a: Decimal, cpa: Decimal| {
            visits.set(place, visits.get(place) + v);
            admissions.set(place, admissions.get(place) + a);
            outpatient_cost.set(place, outpatient_cost.get(place) + v * cpv);
            inpatient_cost.set(place, inpatient_cost.get(place) + a * cpa);
            total_cost += fen(v * cpv + a * cpa);
        };
        for community in &county.communities {
            for i in &community.institutions {
                add(
                    i.tier.place(),
                    i.outpatient_visits,
                    i.cost_per_visit,
                    i.admissions,
                    i.cost_per_admission,
                );
            }
            let out = &community.out_of_county;
            add(
                Place::Outside,
                out.outpatient_visits,
                out.cost_per_visit,
                out.admissions,
                out.cost_per_admission,
            );
        }
        // Staff and length of stay of the public hospitals: inputs the model reports and does not move.
        let hospitals = || {
            county
                .communities
                .iter()
                .flat_map(|c| &c.institutions)
                .filter(|i| i.tier == Tier::County)
        };
        let staffed = || hospitals().filter(|i| !i.doctors.is_zero() && !i.nurses.is_zero());
        let nurses_per_doctor = ratio(
            staffed().map(|i| i.nurses).sum(),
            staffed().map(|i| i.doctors).sum(),
        );
        let stays = || hospitals().filter(|i| !i.average_stay_days.is_zero());
        let all_institutions = || county.communities.iter().flat_map(|c| &c.institutions);
        let subsidised_bed_share = ratio(
            all_institutions()
                .filter(|i| i.per_bed_subsidy_eligible)
                .map(|i| i.beds)
                .sum(),
            hospitals().map(|i| i.beds).sum(),
        );
        let average_stay_days = ratio(
            stays().map(|i| i.admissions * i.average_stay_days).sum(),
            stays().map(|i| i.admissions).sum(),
        );
        let per = |cost: &ByPlace<Decimal>, volume: &ByPlace<Decimal>| {
            let mut each = ByPlace::default();
            for place in Place::ALL {
                each.set(place, ratio(cost.get(place), volume.get(place)));
            }
            each
        };
        Prepared {
            input,
            communities,
            base: BaseYear {
                cost_per_visit: per(&outpatient_cost, &visits),
                cost_per_admission: per(&inpatient_cost, &admissions),
                total_cost,
                nurses_per_doctor,
                average_stay_days,
                subsidised_bed_share,
            },
        }
    }
}
