//! Stage 8 (docs/model.md §9): fiscal money. Books the fiscal account (财政资金).
//!
//! - The per-bed subsidy for key disciplines and talent training of public hospitals (seed 000 §五(一):
//!   每床每年3000—5000元), paid to the hospitals and spent on what it is for.
//! - Basic public-health funds budgeted on the resident population and managed by the community (seed 000
//!   §五(一), seed 003 §五(五)2): part prepaid at the start of the year, and the year-end appraisal settles
//!   the whole budget: what is due is the budget × the appraisal score, the prepayment an advance on it,
//!   paid up after appraisal or, when the prepayment was more, recovered (年初预拨、绩效考核后发放). What is
//!   due is split among the tiers by the community's split (a tier the community lacks gets none).
//! - Base subsidies through the old channels (seed 003 §七(三)).

use rust_decimal::Decimal;

use crate::model::ledger::{Item, Ledger};
use crate::model::money::{above_zero, allocate, below_zero, fen};

/// One community's public-health money in one year.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct PublicHealth {
    pub budget: Decimal,
    pub prepaid: Decimal,
    /// Due after appraisal: budget × score.
    pub due: Decimal,
    /// What the tiers (county, township, village) receive in the end.
    pub by_tier: [Decimal; 3],
}

impl PublicHealth {
    /// Paid up after appraisal (positive) or recovered (negative).
    pub fn settlement(&self) -> Decimal {
        self.due - self.prepaid
    }
}

/// Public-health money of a community with `residents`, booked in the fiscal account.
pub(crate) fn public_health(
    residents: Decimal,
    per_capita: Decimal,
    prepaid_share: Decimal,
    appraisal_score: Decimal,
    split: [Decimal; 3],
    tiers_present: [bool; 3],
    ledger: &mut Ledger,
) -> PublicHealth {
    let budget = fen(per_capita * residents);
    let prepaid = fen(budget * prepaid_share);
    let due = fen(budget * appraisal_score);
    let weights: Vec<Decimal> = (0..3)
        .map(|slot| {
            if tiers_present[slot] {
                split[slot]
            } else {
                Decimal::ZERO
            }
        })
        .collect();
    let parts = if weights.iter().all(|w| w.is_zero()) {
        // Only tiers the split gives nothing: the county tier (every community has its lead hospital).
        vec![due, Decimal::ZERO, Decimal::ZERO]
    } else {
        allocate(due, &weights)
    };
    let money = PublicHealth {
        budget,
        prepaid,
        due,
        by_tier: [parts[0], parts[1], parts[2]],
    };
    ledger.add(Item::FiscalPublicHealthBudget, budget);
    ledger.add(Item::PublicHealthPrepaid, prepaid);
    ledger.add(
        Item::PublicHealthPerformancePaid,
        above_zero(money.settlement()),
    );
    ledger.add(
        Item::FiscalPublicHealthClawedBack,
        below_zero(money.settlement()),
    );
    ledger.add(Item::PublicHealthWithheld, budget - due);
    money
}

/// The per-bed subsidy and base subsidies, booked in the fiscal account.
pub(crate) fn subsidies(per_bed: Decimal, base: Decimal, ledger: &mut Ledger) {
    ledger.add(Item::FiscalPerBedSubsidy, per_bed);
    ledger.add(Item::PerBedSubsidyPaid, per_bed);
    ledger.add(Item::FiscalBaseSubsidies, base);
    ledger.add(Item::BaseSubsidiesPaid, base);
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_appraisal_settles_the_whole_budget_whatever_was_prepaid() {
        let split = [dec!(0.1), dec!(0.5), dec!(0.4)];
        let present = [true, true, true];
        // 10,000 residents x 99 = 990,000; score 0.9: 891,000 due whether 30% or 95% was prepaid.
        let mut ledger = Ledger::default();
        let low = public_health(
            dec!(10000),
            dec!(99),
            dec!(0.3),
            dec!(0.9),
            split,
            present,
            &mut ledger,
        );
        assert_eq!(low.due, dec!(891000.00));
        assert_eq!(low.settlement(), dec!(594000.00));
        assert!(ledger.imbalances().is_empty());
        let mut ledger = Ledger::default();
        let high = public_health(
            dec!(10000),
            dec!(99),
            dec!(0.95),
            dec!(0.9),
            split,
            present,
            &mut ledger,
        );
        assert_eq!(high.due, dec!(891000.00));
        // 940,500 prepaid: 49,500 recovered.
        assert_eq!(high.settlement(), dec!(-49500.00));
        assert_eq!(
            ledger.amount(Item::FiscalPublicHealthClawedBack),
            dec!(49500.00)
        );
        assert!(ledger.imbalances().is_empty());
        assert_eq!(
            high.by_tier,
            [dec!(89100.00), dec!(445500.00), dec!(356400.00)]
        );
        // A community without village clinics: their 40% goes to the others in proportion (1:5).
        let none = public_health(
            dec!(10000),
            dec!(99),
            dec!(0.6),
            dec!(0.9),
            split,
            [true, true, false],
            &mut Ledger::default(),
        );
        assert_eq!(none.by_tier, [dec!(148500.00), dec!(742500.00), dec!(0)]);
    }
}
