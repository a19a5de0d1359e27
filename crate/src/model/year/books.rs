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
use crate::model::money::{fen, ratio};
use crate::model::prepared::PreparedCommunity;
use crate::model::results::FundYear;

/// Everything one community's members received and spent in the year.
pub(crate) struct MemberBooks<'a> {
    pub prepared: &'a PreparedCommunity,
    pub care: &'a Care,
    pub payments: &'a MemberPayments,
    pub fund: &'a FundYear,
    pub public_health: &'a PublicHealth,
    pub per_bed: [Decimal; 3],
    pub pay: &'a [TierPay; 3],
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

/// Books one community's members and returns their balances.
pub(crate) fn community(books: &MemberBooks, ledger: &mut Ledger) -> Booked {
    let care = books.care;
    let mut balances = [Decimal::ZERO; 3];
    let public_health = books.public_health;
    ledger.add(
        Item::PublicHealthReceived,
        public_health.prepaid + public_health.settlement().max(Decimal::ZERO),
    );
    ledger.add(
        Item::PublicHealthReturned,
        (-public_health.settlement()).max(Decimal::ZERO),
    );
    ledger.add(Item::LeadHospitalAdvance, books.fund.lead_advance);
    for tier in Tier::ALL {
        let slot = tier.slot();
        let units = &books.prepared.tiers[slot];
        let revenue = care.revenue(tier);
        let claims = care.claims.get(tier.place());
        let pay = &books.pay[slot];
        let public_health_costs = public_health.by_tier[slot] - pay.public_health_pay;
        ledger.add(Item::ClaimsIncome, books.payments.paid[slot]);
        ledger.add(Item::PatientPayments, revenue - claims);
        ledger.add(Item::PerBedSubsidyReceived, books.per_bed[slot]);
        ledger.add(Item::BaseSubsidiesReceived, units.base_subsidy);
        ledger.add(Item::TopupsReceived, pay.topups);
        ledger.add(Item::FundRewardsReceived, pay.fund_rewards);
        ledger.add(Item::AllowancesReceived, pay.allowances);
        ledger.add(Item::NonpersonnelCosts, care.nonpersonnel[slot]);
        ledger.add(Item::SpecialFundOut, care.special[slot]);
        ledger.add(Item::OverspendChargedPaid, books.payments.charged[slot]);
        ledger.add(Item::StaffRewards, pay.rewards);
        ledger.add(Item::PublicHealthPay, pay.public_health_pay);
        ledger.add(Item::TopupsPaid, pay.topups);
        ledger.add(Item::FundRewardsPaid, pay.fund_rewards);
        ledger.add(Item::AllowancesPaid, pay.allowances);
        ledger.add(Item::PublicHealthDelivery, public_health_costs);
        ledger.add(Item::KeyDisciplines, books.per_bed[slot]);
        // Everything else passes through (subsidies for their purpose, public health, top-ups, rewards,
        // allowances): the balance is what care earns less what it costs.
        let advance = if slot == 0 {
            books.fund.lead_advance
        } else {
            Decimal::ZERO
        };
        let balance = books.payments.paid[slot] + revenue - claims + units.base_subsidy
            - care.nonpersonnel[slot]
            - care.special[slot]
            - books.payments.charged[slot]
            - pay.base_pay
            - pay.rewards
            - advance;
        balances[slot] = balance;
        ledger.add(Item::OperatingSurplus, balance.max(Decimal::ZERO));
        ledger.add(Item::OperatingDeficit, (-balance).max(Decimal::ZERO));
    }

    // Each public hospital: its own revenue, costs, base pay and subsidies, and its part of the tier's
    // shared figures (payments and charges by its revenue, rewards by its staff). Only the sign is used.
    let county = &books.prepared.tiers[0];
    let county_revenue = care.revenue(Tier::County);
    let mut in_balance = Decimal::ZERO;
    let mut hospitals = Decimal::ZERO;
    for hospital in &books.prepared.hospitals {
        let (outpatient, inpatient) = revenue_of(&hospital.units, care.levels[0]);
        let revenue = fen(outpatient + inpatient);
        let revenue_part = ratio(revenue, county_revenue);
        let staff_part = ratio(hospital.units.staff, county.staff);
        let claims = care.claims.get(Place::County) * revenue_part;
        let balance = (books.payments.paid[0] - books.payments.charged[0]) * revenue_part + revenue
            - claims
            + hospital.units.base_subsidy
            - revenue * (books.nonpersonnel_ratio_county + books.special_fund_rate)
            - hospital.units.base_payroll * books.wage_growth
            - books.pay[0].rewards * staff_part
            - if hospital.is_lead {
                books.fund.lead_advance
            } else {
                Decimal::ZERO
            };
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
