//! Stage 7 (docs/model.md §8): how the community pays its members out of the quota, and who among them
//! bears an overspend. Books the quota account (医共体医保额度账户).
//!
//! Seed 000 §五(二)3 and seed 003 §五(三)3: inside the global budget the community pays by DRG/DIP points
//! (点数法) and other methods (按人头 …); seed 000 §五(二)1: 结余留用、合理超支分担; seed 004: 一荣俱荣、一损俱损.
//! - Fee for service: each member is paid its claims; the retained surplus goes to the pooled fund; an
//!   overspend the community bears is met from the fund's reserve, and the rest is charged to members by
//!   the sharing rule (the lead hospital, members by their claims, or county and primary in set shares).
//! - Capitation for primary care: township centres and village clinics get a fixed part of the quota, the
//!   part their care took of the community's claims in the base year (at this year's reimbursement rates,
//!   so a tilt toward primary care raises it), whatever their volume; the county hospitals get the rest
//!   of the members' claims, so they carry the risk of primary volume. Surplus and overspend as under fee
//!   for service. (The sizing is an assumption: the seeds name capitation, not how it is set.)
//! - Points: the money for members (quota, the fund's share of an overspend and the quality guarantee
//!   returned, less out-of-county claims and the surplus returned) is shared by points (each member's
//!   fund claims), so the point value carries surplus and overspend to every member in proportion to its
//!   work; nothing goes through the pooled fund. If out-of-county claims leave nothing, members are paid
//!   nothing and the rest is charged by their claims.
//!
//! Without a global budget the fund pays each member its claims directly.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::inputs::{ByPlace, Levers, Place, Tier};
use crate::model::ledger::{Item, Ledger};
use crate::model::money::{above_zero, allocate, below_zero, fen};
use crate::model::params::Lever as L;
use crate::model::results::Settlement;

/// How the community pays its members (the `member_payment_method` lever).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PaymentMethod {
    FeeForService,
    PrimaryCapitation,
    Points,
}

impl PaymentMethod {
    pub fn from_lever(value: Decimal) -> Self {
        match value.to_u8() {
            Some(1) => PaymentMethod::PrimaryCapitation,
            Some(2) => PaymentMethod::Points,
            _ => PaymentMethod::FeeForService,
        }
    }

    /// Whether the retained surplus and the overspend go through the pooled fund.
    pub fn uses_pooled_fund(self) -> bool {
        self != PaymentMethod::Points
    }
}

/// Who bears the community's overspend (the `overspend_sharing_rule` lever).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SharingRule {
    LeadHospital,
    ByClaims,
    SetShares { primary: Decimal },
}

impl SharingRule {
    pub fn from_levers(levers: &Levers, year: usize) -> Self {
        match levers.at(L::OverspendSharingRule, year).to_u8() {
            Some(0) => SharingRule::LeadHospital,
            Some(2) => SharingRule::SetShares {
                primary: levers.at(L::OverspendPrimaryShare, year),
            },
            _ => SharingRule::ByClaims,
        }
    }
}

/// One community's payments to its members.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MemberPayments {
    /// Paid to each tier (county, township, village).
    pub paid: [Decimal; 3],
    /// Overspend charged to each tier.
    pub charged: [Decimal; 3],
    /// Each tier's part of what the members make up for the pooled fund (§7).
    pub fund_shortfall: [Decimal; 3],
}

/// What the quota account needs from the other stages for one community.
pub(crate) struct QuotaInputs<'a> {
    pub global_budget: bool,
    pub method: PaymentMethod,
    pub rule: SharingRule,
    pub claims: &'a ByPlace<Decimal>,
    pub settlement: &'a Settlement,
    /// The quality guarantee returned: into the point value under points (to the pooled fund otherwise).
    pub quality_returned: Decimal,
    pub prepaid: Decimal,
    pub clearing: Decimal,
    /// Met from the pooled fund's reserve (fee for service and capitation).
    pub overspend_covered: Decimal,
    /// What the members make up for the pooled fund, charged like an overspend.
    pub fund_shortfall: Decimal,
    /// Capitation amounts for township and village this year (used under capitation only).
    pub capitation: [Decimal; 3],
}

/// Claims by tier (county, township, village), from claims by place.
pub(crate) fn tier_claims(claims: &ByPlace<Decimal>) -> [Decimal; 3] {
    Tier::ALL.map(|tier| claims.get(tier.place()))
}

/// Splits a charge among the tiers by the sharing rule.
pub(crate) fn charge(amount: Decimal, rule: SharingRule, claims: &[Decimal; 3]) -> [Decimal; 3] {
    let county_only = [amount, Decimal::ZERO, Decimal::ZERO];
    let weights = match rule {
        SharingRule::LeadHospital => return county_only,
        SharingRule::ByClaims => *claims,
        SharingRule::SetShares { primary } => {
            let primary_claims = claims[1] + claims[2];
            if primary_claims.is_zero() {
                return county_only;
            }
            [
                Decimal::ONE - primary,
                primary * claims[1] / primary_claims,
                primary * claims[2] / primary_claims,
            ]
        }
    };
    if weights.iter().all(|w| w.is_zero()) {
        return county_only;
    }
    let parts = allocate(amount, &weights);
    [parts[0], parts[1], parts[2]]
}

/// Pays one community's members and books its quota account.
pub(crate) fn pay(inputs: &QuotaInputs, ledger: &mut Ledger) -> MemberPayments {
    let claims = tier_claims(inputs.claims);
    // What the members make up for the pooled fund is shared by the rule (by claims under points).
    let shortfall_rule = if inputs.global_budget && inputs.method == PaymentMethod::Points {
        SharingRule::ByClaims
    } else {
        inputs.rule
    };
    let fund_shortfall = charge(inputs.fund_shortfall, shortfall_rule, &claims);
    if !inputs.global_budget {
        return MemberPayments {
            paid: claims,
            charged: [Decimal::ZERO; 3],
            fund_shortfall,
        };
    }
    let settlement = inputs.settlement;
    let in_county: Decimal = claims.iter().copied().sum();
    let mut payments = MemberPayments {
        paid: claims,
        fund_shortfall,
        ..MemberPayments::default()
    };
    let mut quality_in = Decimal::ZERO;
    let mut retained_to_fund = settlement.surplus_retained;
    let mut charged_total = Decimal::ZERO;
    match inputs.method {
        PaymentMethod::Points => {
            retained_to_fund = Decimal::ZERO;
            quality_in = inputs.quality_returned;
            let available =
                in_county + settlement.surplus_retained + quality_in - settlement.overspend_borne;
            if available >= Decimal::ZERO {
                let parts = if in_county.is_zero() {
                    vec![available, Decimal::ZERO, Decimal::ZERO]
                } else {
                    allocate(available, &claims)
                };
                payments.paid = [parts[0], parts[1], parts[2]];
            } else {
                // Out-of-county claims alone exceed what the quota leaves: members are paid nothing and
                // are charged the rest by their claims.
                payments.paid = [Decimal::ZERO; 3];
                payments.charged = charge(-available, SharingRule::ByClaims, &claims);
                charged_total = -available;
            }
        }
        PaymentMethod::FeeForService | PaymentMethod::PrimaryCapitation => {
            if inputs.method == PaymentMethod::PrimaryCapitation {
                let wanted = inputs.capitation[1] + inputs.capitation[2];
                // Capitation can take at most the members' claims; beyond that it is scaled down.
                let (township, village) = if wanted <= in_county || wanted.is_zero() {
                    (inputs.capitation[1], inputs.capitation[2])
                } else {
                    let parts = allocate(in_county, &[inputs.capitation[1], inputs.capitation[2]]);
                    (parts[0], parts[1])
                };
                payments.paid = [in_county - township - village, township, village];
            }
            charged_total = settlement.overspend_borne - inputs.overspend_covered;
            payments.charged = charge(charged_total, inputs.rule, &claims);
        }
    }

    ledger.add(Item::QuotaReceived, inputs.prepaid);
    ledger.add(Item::ClearingReceived, above_zero(inputs.clearing));
    ledger.add(Item::ClearingRepaid, below_zero(inputs.clearing));
    ledger.add(
        Item::OverspendShareReceived,
        settlement.overspend_fund_share,
    );
    ledger.add(Item::QualityReturnedToPoints, quality_in);
    ledger.add(Item::OverspendCoveredByFund, inputs.overspend_covered);
    ledger.add(Item::OverspendChargedToMembers, charged_total);
    ledger.add(Item::MemberPaymentsCounty, payments.paid[0]);
    ledger.add(Item::MemberPaymentsTownship, payments.paid[1]);
    ledger.add(Item::MemberPaymentsVillage, payments.paid[2]);
    ledger.add(Item::QuotaClaimsOutside, inputs.claims.get(Place::Outside));
    ledger.add(Item::SurplusReturnedToFund, settlement.surplus_returned);
    ledger.add(Item::SurplusRetained, retained_to_fund);
    payments
}

/// Capitation for primary care in a year: each primary tier's part of the community's base-year claims
/// (`base_claims`: county, township, village, outside, at this year's rates) times this year's quota.
pub(crate) fn capitation(base_claims: &[Decimal; 4], quota: Decimal) -> [Decimal; 3] {
    let total: Decimal = base_claims.iter().copied().sum();
    let part = |claims: Decimal| {
        if total.is_zero() {
            Decimal::ZERO
        } else {
            fen(quota * claims / total)
        }
    };
    [Decimal::ZERO, part(base_claims[1]), part(base_claims[2])]
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn claims() -> ByPlace<Decimal> {
        // village 100, township 300, county 600, outside 200.
        ByPlace([dec!(100), dec!(300), dec!(600), dec!(200)])
    }

    fn overspend() -> Settlement {
        // Quota 1000 against claims 1200: overspend 200, the fund shares 50, the community bears 150.
        Settlement {
            balance: dec!(-200),
            overspend_fund_share: dec!(50),
            overspend_borne: dec!(150),
            ..Settlement::default()
        }
    }

    fn inputs<'a>(
        method: PaymentMethod,
        rule: SharingRule,
        claims: &'a ByPlace<Decimal>,
        settlement: &'a Settlement,
    ) -> QuotaInputs<'a> {
        QuotaInputs {
            global_budget: true,
            method,
            rule,
            claims,
            settlement,
            quality_returned: dec!(0),
            prepaid: dec!(1000),
            clearing: dec!(0),
            overspend_covered: dec!(30),
            fund_shortfall: dec!(0),
            capitation: [dec!(0), dec!(250), dec!(90)],
        }
    }

    #[test]
    fn fee_for_service_charges_what_the_reserve_did_not_cover_by_the_rule() {
        let (c, s) = (claims(), overspend());
        let mut ledger = Ledger::default();
        // 150 borne, 30 from the reserve: 120 charged by claims 600:300:100 = 72, 36, 12.
        let paid = pay(
            &inputs(PaymentMethod::FeeForService, SharingRule::ByClaims, &c, &s),
            &mut ledger,
        );
        assert_eq!(paid.paid, [dec!(600), dec!(300), dec!(100)]);
        assert_eq!(paid.charged, [dec!(72), dec!(36), dec!(12)]);
        assert!(ledger.imbalances().is_empty(), "{:?}", ledger.imbalances());
        // Set shares, primary 25%: county 90, primary 30 split 300:100 = 22.5, 7.5.
        let set = pay(
            &inputs(
                PaymentMethod::FeeForService,
                SharingRule::SetShares {
                    primary: dec!(0.25),
                },
                &c,
                &s,
            ),
            &mut Ledger::default(),
        );
        assert_eq!(set.charged, [dec!(90), dec!(22.5), dec!(7.5)]);
        let lead = pay(
            &inputs(
                PaymentMethod::FeeForService,
                SharingRule::LeadHospital,
                &c,
                &s,
            ),
            &mut Ledger::default(),
        );
        assert_eq!(lead.charged, [dec!(120), dec!(0), dec!(0)]);
    }

    #[test]
    fn points_share_the_overspend_through_the_point_value_and_capitation_leaves_the_risk_with_the_county(
    ) {
        let (c, s) = (claims(), overspend());
        let mut ledger = Ledger::default();
        let mut points_inputs = inputs(PaymentMethod::Points, SharingRule::ByClaims, &c, &s);
        points_inputs.overspend_covered = dec!(0);
        let points = pay(&points_inputs, &mut ledger);
        // Members' money: 1000 in-county claims - 150 borne = 850, by points 600:300:100 = 510, 255, 85.
        assert_eq!(points.paid, [dec!(510), dec!(255), dec!(85)]);
        assert!(ledger.imbalances().is_empty(), "{:?}", ledger.imbalances());
        let mut ledger = Ledger::default();
        let capitation = pay(
            &inputs(
                PaymentMethod::PrimaryCapitation,
                SharingRule::LeadHospital,
                &c,
                &s,
            ),
            &mut ledger,
        );
        // Township 250, village 90 whatever their claims; county 1000 - 340 = 660, charged 120.
        assert_eq!(capitation.paid, [dec!(660), dec!(250), dec!(90)]);
        assert_eq!(capitation.charged, [dec!(120), dec!(0), dec!(0)]);
        assert!(ledger.imbalances().is_empty(), "{:?}", ledger.imbalances());
    }
}
