//! Stage 10 (docs/model.md §11): the members' books. Books the institutions' account (成员单位收支) by
//! community and tier, and follows each public hospital for the official count of hospitals in balance
//! (seed 002 附件2: 实现收支平衡的公立医院占比).

use rust_decimal::Decimal;

use super::care::{revenue_of, Care};
use super::fiscal::PublicHealth;
use super::members::MemberPayments;
use super::pay::TierPay;
use crate::model::inputs::{Place, Tier};
use crate::model::ledger::{Item, Ledger};
use crate::model::money::{above_zero, allocate, below_zero, fen, ratio};
use crate::model::prepared::PreparedCommunity;

/// Everything one community's members received and spent in the year.
pub(crate) struct MemberBooks<'a> {
    pub prepared: &'a PreparedCommunity,
    pub care: &'a Care,
    pub payments: &'a MemberPayments,
    pub public_health: &'a PublicHealth,
    pub per_bed: [Decimal; 3],
    pub pay: &'a [TierPay; 3],
    /// Each tier's net service income ([`net_service_income`]).
    pub net: &'a [Decimal; 3],
    pub wage_growth: Decimal,
    pub nonpersonnel_ratio_county: Decimal,
    pub special_fund_rate: Decimal,
}

/// Each tier's balance, and the public hospitals in balance, counted.
pub(crate) struct Booked {
    pub balances: [Decimal; 3],
    pub hospitals_in_balance: Decimal,
    pub hospitals: Decimal,
}

/// Each tier's net service income: what its care earns (insurance payments and patient payments) and
/// its base subsidies, less its running costs, the special fund draw, its share of an overspend and of
/// the pooled fund's shortfall, and base pay. Public-health money, the per-bed subsidy, top-ups, pooled
/// rewards and allowances pass through for their purposes and are not in it.
pub(crate) fn net_service_income(
    prepared: &PreparedCommunity,
    care: &Care,
    payments: &MemberPayments,
    base_pay: &[Decimal; 3],
) -> [Decimal; 3] {
    Tier::ALL.map(|tier| {
        let slot = tier.slot();
        payments.paid[slot] + care.revenue(tier) - care.claims.get(tier.place())
            + prepared.tiers[slot].base_subsidy
            - care.nonpersonnel[slot]
            - care.special[slot]
            - payments.charged[slot]
            - payments.fund_shortfall[slot]
            - base_pay[slot]
    })
}

/// Books one community's members and returns their balances. Rewards under the two allowances are
/// paid to staff across the community (by head, tilted to primary, stage 9) and funded by the tiers whose
/// net income earned them, in proportion to it.
pub(crate) fn community(books: &MemberBooks, ledger: &mut Ledger) -> Booked {
    let care = books.care;
    let public_health = books.public_health;
    ledger.add(
        Item::PublicHealthReceived,
        public_health.prepaid + above_zero(public_health.settlement()),
    );
    ledger.add(
        Item::PublicHealthReturned,
        below_zero(public_health.settlement()),
    );
    let rewards: Decimal = books.pay.iter().map(|pay| pay.rewards).sum();
    let earned = books.net.map(above_zero);
    let funding = if earned.iter().all(|n| n.is_zero()) {
        [rewards, Decimal::ZERO, Decimal::ZERO]
    } else {
        let parts = allocate(rewards, &earned);
        [parts[0], parts[1], parts[2]]
    };
    let mut balances = [Decimal::ZERO; 3];
    for tier in Tier::ALL {
        let slot = tier.slot();
        let revenue = care.revenue(tier);
        let pay = &books.pay[slot];
        let public_health_costs = public_health.by_tier[slot] - pay.public_health_pay;
        ledger.add(Item::ClaimsIncome, books.payments.paid[slot]);
        ledger.add(
            Item::PatientPayments,
            revenue - care.claims.get(tier.place()),
        );
        ledger.add(Item::PerBedSubsidyReceived, books.per_bed[slot]);
        ledger.add(
            Item::BaseSubsidiesReceived,
            books.prepared.tiers[slot].base_subsidy,
        );
        ledger.add(Item::TopupsReceived, pay.topups);
        ledger.add(Item::FundRewardsReceived, pay.fund_rewards);
        ledger.add(Item::AllowancesReceived, pay.allowances);
        ledger.add(Item::NonpersonnelCosts, care.nonpersonnel[slot]);
        ledger.add(Item::SpecialFundOut, care.special[slot]);
        ledger.add(Item::OverspendChargedPaid, books.payments.charged[slot]);
        ledger.add(Item::FundShortfallPaid, books.payments.fund_shortfall[slot]);
        ledger.add(Item::StaffRewards, pay.rewards);
        ledger.add(Item::PublicHealthPay, pay.public_health_pay);
        ledger.add(Item::TopupsPaid, pay.topups);
        ledger.add(Item::FundRewardsPaid, pay.fund_rewards);
        ledger.add(Item::AllowancesPaid, pay.allowances);
        ledger.add(Item::PublicHealthDelivery, public_health_costs);
        ledger.add(Item::KeyDisciplines, books.per_bed[slot]);
        ledger.add(Item::RewardsFundedFrom, funding[slot]);
        ledger.add(Item::RewardsFundedTo, pay.rewards);
        let balance = books.net[slot] - funding[slot];
        balances[slot] = balance;
        ledger.add(Item::OperatingSurplus, above_zero(balance));
        ledger.add(Item::OperatingDeficit, below_zero(balance));
    }

    // Each public hospital: its own revenue, costs, base pay and subsidies, and its part of the tier's
    // shared figures (payments, charges and the rewards it funds, by its revenue). Only the sign is used.
    let county_revenue = care.revenue(Tier::County);
    let shared = books.payments.paid[0]
        - books.payments.charged[0]
        - books.payments.fund_shortfall[0]
        - funding[0];
    let mut in_balance = Decimal::ZERO;
    let mut hospitals = Decimal::ZERO;
    for hospital in &books.prepared.hospitals {
        let (outpatient, inpatient) = revenue_of(&hospital.units, care.levels[0]);
        let revenue = fen(outpatient + inpatient);
        let revenue_part = ratio(revenue, county_revenue);
        let claims = care.claims.get(Place::County) * revenue_part;
        let balance = shared * revenue_part + revenue - claims + hospital.units.base_subsidy
            - revenue * (books.nonpersonnel_ratio_county + books.special_fund_rate)
            - hospital.units.base_payroll * books.wage_growth;
        let count = Decimal::from(hospital.count);
        hospitals += count;
        if balance >= Decimal::ZERO {
            in_balance += count;
        }
    }
    Booked {
        balances,
        hospitals_in_balance: in_balance,
        hospitals,
    }
}
