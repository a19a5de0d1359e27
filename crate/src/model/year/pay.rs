//! Stage 9 (docs/model.md §10): pay. Books nothing: the members' account (stage 10) books what is paid.
//!
//! Each community sets its salary pool and distributes it across its members (seed 000 §五(三)2, seed 003
//! §五(三)2: 医务人员收入由医疗集团自主分配, 打破单位、层级和身份区别, 向基层倾斜): base pay grows with wages; under the
//! "two allowances" (两个允许, seed 002 §二(四)2) a share of the members' net service income (medical
//! revenue and insurance payments less costs, the special fund draw, any overspend charged and base pay)
//! is paid as rewards, within the approved salary pool (核定薪酬总量: base pay and rewards at most a multiple
//! of base pay), weighted per head toward primary staff; public-health money reaches the staff who do that work; the pooled fund
//! adds primary top-ups, performance rewards and allowances for staff sent down.

use rust_decimal::Decimal;

use crate::model::money::{allocate, fen};

/// Pay of one tier of one community.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TierPay {
    pub base_pay: Decimal,
    pub rewards: Decimal,
    pub public_health_pay: Decimal,
    pub topups: Decimal,
    pub fund_rewards: Decimal,
    /// Allowances for staff sent down (county tier: they stay on its books).
    pub allowances: Decimal,
}

impl TierPay {
    pub fn total(&self) -> Decimal {
        self.base_pay
            + self.rewards
            + self.public_health_pay
            + self.topups
            + self.fund_rewards
            + self.allowances
    }
}

/// What one community's pay depends on.
pub(crate) struct PayInputs {
    pub base_pay: [Decimal; 3],
    pub public_health_pay: [Decimal; 3],
    pub topups: [Decimal; 3],
    pub fund_rewards: [Decimal; 3],
    pub allowances: Decimal,
    /// Net service income of the community's members (may be negative).
    pub net_service_income: Decimal,
    pub reward_share: Decimal,
    pub cap_multiple: Decimal,
    /// Staff × weight per head, by tier.
    pub reward_weights: [Decimal; 3],
}

/// The community's pay by tier.
pub(crate) fn community(inputs: &PayInputs) -> [TierPay; 3] {
    let mut pay: [TierPay; 3] = std::array::from_fn(|slot| TierPay {
        base_pay: inputs.base_pay[slot],
        public_health_pay: inputs.public_health_pay[slot],
        topups: inputs.topups[slot],
        fund_rewards: inputs.fund_rewards[slot],
        ..TierPay::default()
    });
    pay[0].allowances = inputs.allowances;
    // The approved pool caps pay from service income (base pay and rewards); earmarked money (public-health
    // work, the pooled fund's top-ups and rewards, allowances) is paid on top of it, as earmarked funds are.
    let base_total: Decimal = inputs.base_pay.iter().copied().sum();
    let room = (fen(base_total * inputs.cap_multiple) - base_total).max(Decimal::ZERO);
    let pool = fen(inputs.net_service_income.max(Decimal::ZERO) * inputs.reward_share).min(room);
    if !pool.is_zero() && !inputs.reward_weights.iter().all(|w| w.is_zero()) {
        let parts = allocate(pool, &inputs.reward_weights);
        for (tier, reward) in pay.iter_mut().zip(parts) {
            tier.rewards = reward;
        }
    }
    pay
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rewards_are_a_share_of_net_income_within_the_approved_pool() {
        let inputs = PayInputs {
            base_pay: [dec!(1000), dec!(400), dec!(100)],
            public_health_pay: [dec!(0), dec!(50), dec!(50)],
            topups: [dec!(0), dec!(0), dec!(0)],
            fund_rewards: [dec!(0), dec!(0), dec!(0)],
            allowances: dec!(0),
            net_service_income: dec!(800),
            reward_share: dec!(0.5),
            cap_multiple: dec!(2),
            reward_weights: [dec!(10), dec!(10), dec!(5)],
        };
        // 400 of rewards, room 3000 - 1500 = 1500: split 10:10:5 = 160, 160, 80.
        let pay = community(&inputs);
        assert_eq!(
            [pay[0].rewards, pay[1].rewards, pay[2].rewards],
            [dec!(160), dec!(160), dec!(80)]
        );
        // A cap of 1.1 times base pay leaves 1650 - 1500 = 150, whatever the public-health pay.
        let capped = community(&PayInputs {
            cap_multiple: dec!(1.1),
            ..inputs
        });
        assert_eq!(capped.iter().map(|p| p.rewards).sum::<Decimal>(), dec!(150));
    }
}
