//! Stage 6 (docs/model.md §7): the community's pooled fund (医共体统筹资金) and where its money goes.
//! Books the community fund's account.
//!
//! In: the reserve brought forward, the retained surplus (结余留用) and the quality guarantee returned
//! (unless members are paid by points, where both reach them through the point value), and the special
//! fund (seed 003 §五(六)2: 1% of medical business income, for management, allowances for staff sent down
//! and higher pay for primary staff).
//! Out, in this order: an overspend the community bears is met from this year's other money (retained
//! surplus, quality money), then from the reserve; the special fund pays management and the allowances
//! for staff sent down, and all the rest of it raises primary pay, on top of anything the levers
//! guarantee; the obligations it cannot meet (allowances beyond it, guaranteed primary top-ups) come from
//! the other money, then the reserve, and what is still missing the members make up. What other money is left is shared among
//! performance rewards (tilted to primary staff), primary capacity building and the reserve; the reserve
//! is capped, and what lies above the cap is paid out as rewards. So the fund is spent: it grows only as
//! far as the user's reserve share and cap allow. The order (obligations before discretionary uses, the
//! quality money first against an overspend) is an assumption: the seeds name the uses, not their order.

use rust_decimal::Decimal;

use crate::model::ledger::{Item, Ledger};
use crate::model::money::{allocate, fen};
use crate::model::results::FundYear;

/// What flows into one community's fund and the rules for its uses.
pub(crate) struct FundInputs {
    pub brought_forward: Decimal,
    pub surplus_retained: Decimal,
    pub quality_returned: Decimal,
    pub special_fund: Decimal,
    /// The overspend the community bears and may meet from the reserve (zero under points).
    pub overspend_to_cover: Decimal,
    pub management_share: Decimal,
    pub allowances: Decimal,
    /// Guaranteed top-ups by tier (county 0): primary base pay × the top-up rate.
    pub guaranteed_topups: [Decimal; 3],
    /// Primary staff by tier (county 0), for the special fund's part of primary pay.
    pub primary_staff: [Decimal; 3],
    /// Weight of each tier in performance rewards: staff × the tier's weight per head.
    pub reward_weights: [Decimal; 3],
    /// Shares of the other money: rewards, development, reserve (adding to one).
    pub use_shares: [Decimal; 3],
    pub reserve_cap: Decimal,
}

/// One community's fund year. Books the community fund account.
pub(crate) fn year(inputs: &FundInputs, ledger: &mut Ledger) -> FundYear {
    let mut fund = FundYear {
        brought_forward: inputs.brought_forward,
        surplus_retained: inputs.surplus_retained,
        quality_returned: inputs.quality_returned,
        special_fund: inputs.special_fund,
        ..FundYear::default()
    };
    // The money the year brings besides the special fund: the retained surplus and the quality
    // guarantee returned. An overspend the community bears is met from it first, then from the reserve.
    let mut other = inputs.surplus_retained + inputs.quality_returned;
    let mut reserve = inputs.brought_forward;
    let from_other = inputs.overspend_to_cover.min(other);
    let from_reserve = (inputs.overspend_to_cover - from_other).min(reserve);
    other -= from_other;
    reserve -= from_reserve;
    fund.overspend_covered = from_other + from_reserve;

    // The special fund (seed 003 §五(六)2): management, the allowances for staff sent down, then the rest
    // to primary pay on top of anything guaranteed.
    fund.management = fen(inputs.special_fund * inputs.management_share);
    fund.allowances = inputs.allowances;
    let allowances_from_special = fund.allowances.min(inputs.special_fund - fund.management);
    let special_left = inputs.special_fund - fund.management - allowances_from_special;
    let nobody_at_primary = inputs.primary_staff.iter().all(|staff| staff.is_zero());
    let special_to_primary = if nobody_at_primary {
        Decimal::ZERO
    } else {
        special_left
    };
    let extra_primary = allocate(special_to_primary, &inputs.primary_staff);
    for (slot, topup) in fund.primary_topups.iter_mut().enumerate() {
        *topup = inputs.guaranteed_topups[slot] + extra_primary[slot];
    }
    other += special_left - special_to_primary;

    // The obligations the levers set (allowances for staff sent down, guaranteed top-ups) come before any
    // discretionary use: from the other money, then the reserve; what is still missing the members make
    // up (charged to them like an overspend, stage 7).
    let obligations = fund.allowances - allowances_from_special
        + inputs.guaranteed_topups.iter().copied().sum::<Decimal>();
    let paid_from_other = obligations.min(other);
    other -= paid_from_other;
    let drawn = (obligations - paid_from_other).min(reserve);
    reserve -= drawn;
    fund.members_make_up = obligations - paid_from_other - drawn;
    let parts = allocate(other, &inputs.use_shares);
    let (mut rewards, development, to_reserve) = (parts[0], parts[1], parts[2]);
    reserve += to_reserve;
    if reserve > inputs.reserve_cap {
        rewards += reserve - inputs.reserve_cap;
        reserve = inputs.reserve_cap;
    }
    let weighted = if inputs.reward_weights.iter().all(|w| w.is_zero()) {
        // No staff anywhere: rewards have nobody to go to, so the money stays in reserve.
        reserve += rewards;
        vec![Decimal::ZERO; 3]
    } else {
        allocate(rewards, &inputs.reward_weights)
    };
    fund.rewards.copy_from_slice(&weighted);
    fund.development = development;
    fund.carried_forward = reserve;

    ledger.add(Item::FundBroughtForward, fund.brought_forward);
    ledger.add(Item::RetainedSurplusIn, fund.surplus_retained);
    ledger.add(Item::QualityGuaranteeIn, fund.quality_returned);
    ledger.add(Item::SpecialFundIn, fund.special_fund);
    ledger.add(Item::MembersMakeUp, fund.members_make_up);
    ledger.add(Item::OverspendCoveredOut, fund.overspend_covered);
    ledger.add(Item::ManagementCosts, fund.management);
    ledger.add(Item::SentDownAllowances, fund.allowances);
    ledger.add(
        Item::PrimaryPayTopups,
        fund.primary_topups.iter().copied().sum(),
    );
    ledger.add(Item::FundRewards, fund.rewards.iter().copied().sum());
    ledger.add(Item::FundDevelopment, fund.development);
    ledger.add(Item::FundCarriedForward, fund.carried_forward);
    fund
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn inputs() -> FundInputs {
        FundInputs {
            brought_forward: dec!(100),
            surplus_retained: dec!(1000),
            quality_returned: dec!(200),
            special_fund: dec!(500),
            overspend_to_cover: dec!(0),
            management_share: dec!(0.2),
            allowances: dec!(150),
            guaranteed_topups: [dec!(0), dec!(50), dec!(0)],
            primary_staff: [dec!(0), dec!(30), dec!(10)],
            reward_weights: [dec!(100), dec!(30), dec!(10)],
            use_shares: [dec!(0.6), dec!(0.2), dec!(0.2)],
            reserve_cap: dec!(300),
        }
    }

    #[test]
    fn the_fund_is_spent_by_its_rules() {
        let mut ledger = Ledger::default();
        let fund = year(&inputs(), &mut ledger);
        // Special 500: management 100, the allowances 150, and the 250 left to primary by staff 30:10
        // (187.50, 62.50) on top of the guaranteed 50.
        assert_eq!(fund.management, dec!(100));
        assert_eq!(fund.primary_topups, [dec!(0), dec!(237.50), dec!(62.50)]);
        // Other money 1,200 pays the guaranteed top-up (50) first, then 1,150 is split 60/20/20: 690,
        // 230, 230. The reserve, 100 + 230 = 330, is over the cap of 300: 30 more to rewards (720).
        assert_eq!(fund.members_make_up, dec!(0));
        assert_eq!(fund.development, dec!(230));
        assert_eq!(fund.carried_forward, dec!(300));
        // Rewards 720 by 100:30:10: 51,428.57, 15,428.57, 5,142.86 fen; the two fen left go to the
        // largest remainders, the third's .86 and the first's .57 (the earlier of a tie).
        assert_eq!(fund.rewards, [dec!(514.29), dec!(154.28), dec!(51.43)]);
        assert!(ledger.imbalances().is_empty());
    }

    #[test]
    fn a_full_reserve_is_paid_out_as_rewards() {
        let mut ledger = Ledger::default();
        let fund = year(
            &FundInputs {
                brought_forward: dec!(400),
                ..inputs()
            },
            &mut ledger,
        );
        // Reserve 400 + 230 = 630, over the cap of 300: 330 more to rewards (1,020), split 100:30:10:
        // 72,857.14, 21,857.14, 7,285.71 fen; the fen left goes to the largest remainder, the third's .71.
        assert_eq!(fund.carried_forward, dec!(300));
        assert_eq!(fund.rewards, [dec!(728.57), dec!(218.57), dec!(72.86)]);
        assert!(ledger.imbalances().is_empty());
    }

    #[test]
    fn an_overspend_is_met_first_and_the_members_make_up_what_the_obligations_lack() {
        let mut ledger = Ledger::default();
        let fund = year(
            &FundInputs {
                overspend_to_cover: dec!(80),
                surplus_retained: dec!(0),
                quality_returned: dec!(0),
                special_fund: dec!(100),
                ..inputs()
            },
            &mut ledger,
        );
        // No other money: the reserve's 100 meets the 80 of overspend. The special fund's 80 after
        // management pays 80 of the 150 of allowances; the other 70 and the guaranteed 50 take the
        // reserve's last 20 and the members make up 100.
        assert_eq!(fund.overspend_covered, dec!(80));
        assert_eq!(fund.members_make_up, dec!(100));
        assert_eq!(fund.primary_topups, [dec!(0), dec!(50), dec!(0)]);
        assert_eq!(fund.carried_forward, dec!(0));
        assert!(ledger.imbalances().is_empty());
    }

    #[test]
    fn quality_money_meets_an_overspend_before_the_reserve() {
        let mut ledger = Ledger::default();
        let fund = year(
            &FundInputs {
                overspend_to_cover: dec!(150),
                surplus_retained: dec!(0),
                ..inputs()
            },
            &mut ledger,
        );
        // Quality money 200 meets the 150; its last 50 pays the guaranteed top-up; the reserve's 100 is
        // untouched and nothing is left to split.
        assert_eq!(fund.overspend_covered, dec!(150));
        assert_eq!(fund.members_make_up, dec!(0));
        assert_eq!(fund.carried_forward, dec!(100));
        assert_eq!(fund.rewards, [dec!(0), dec!(0), dec!(0)]);
        assert!(ledger.imbalances().is_empty());
    }
}
