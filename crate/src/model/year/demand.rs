//! Stage 1 (docs/model.md §2): population, demand and the growth of costs and wages, compounded from
//! the base year. Books nothing: it sizes the year.

use rust_decimal::Decimal;

use crate::model::inputs::{Assumptions, Community};
use crate::model::money::{factor, ratio, whole};
use crate::model::params::Assumption as A;

/// Growth factors since the base year, each rounded with `factor` every year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Growth {
    pub population: Decimal,
    pub utilisation: Decimal,
    pub visit_cost: Decimal,
    pub admission_cost: Decimal,
    pub wage: Decimal,
}

impl Growth {
    /// The base year: every factor one.
    pub fn base() -> Self {
        Growth {
            population: Decimal::ONE,
            utilisation: Decimal::ONE,
            visit_cost: Decimal::ONE,
            admission_cost: Decimal::ONE,
            wage: Decimal::ONE,
        }
    }

    /// The next year's factors.
    pub fn next(self, assumptions: &Assumptions) -> Self {
        let grow = |level: Decimal, rate: A| factor(level * (Decimal::ONE + assumptions.get(rate)));
        Growth {
            population: grow(self.population, A::PopulationGrowthRate),
            utilisation: grow(self.utilisation, A::UtilisationGrowthRate),
            visit_cost: grow(self.visit_cost, A::VisitCostGrowthRate),
            admission_cost: grow(self.admission_cost, A::AdmissionCostGrowthRate),
            wage: grow(self.wage, A::WageGrowthRate),
        }
    }
}

/// A community's people and demand in one year.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Demand {
    pub insured: Decimal,
    pub residents: Decimal,
    /// Volume of care relative to the base year: insured growth × utilisation growth.
    pub volume_factor: Decimal,
}

pub(crate) fn community(community: &Community, growth: &Growth) -> Demand {
    let insured = whole(community.insured_residents * growth.population);
    Demand {
        insured,
        residents: whole(community.resident_population * growth.population),
        volume_factor: factor(ratio(insured, community.insured_residents) * growth.utilisation),
    }
}
