//! Stages 2 and 5 (docs/model.md §3 and §6): the insurance global budget. Before care: financing, the
//! reserves and the split of the rest into quotas, and what each community has at stake. After care:
//! monthly prepayment with quarterly review, year-end settlement and clearing, the quality guarantee and
//! the risk fund. Books the insurance fund's account (医保基金).
//!
//! Seed 000 §五(二)1: 以城乡居民基本医保当年筹资总额为基数, 预留大病保险资金和一定比例的风险调剂金、质量保证金后,
//! 按医共体覆盖参保居民数量, 结合近1—3年医疗服务提供情况和医保基金支付情况确定医共体年预分额度, 按月预付,
//! 实行年初预算、按月预付、季度评估、年终清算; 结余留用、合理超支分担. Seed 000 §五(二)2: 县域外就诊发生的医保费用
//! 从医共体年预分额度中支出.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::demand::Demand;
use super::YearSettings;
use crate::model::inputs::{ByPlace, Levers, Place, Schedule};
use crate::model::ledger::{Item, Ledger};
use crate::model::money::{above_zero, allocate, below_zero, fen, ratio};
use crate::model::params::{Assumption as A, Lever as L};
use crate::model::results::{QuarterEvaluation, Settlement};

/// Months in the budget cycle (按月预付).
pub(crate) const MONTHS: usize = 12;

/// The year's budget, known at the start of the year.
pub(crate) struct Budget {
    pub global: bool,
    /// Financing raised on each community's insured.
    pub financing: Vec<Decimal>,
    pub government_total: Decimal,
    pub individual_total: Decimal,
    pub critical_illness: Decimal,
    pub risk: Decimal,
    pub quality: Decimal,
    pub distributable: Decimal,
    pub shares: Vec<Decimal>,
    /// Annual pre-allocated quotas (年预分额度); zero without a global budget.
    pub quotas: Vec<Decimal>,
    /// The quality guarantee apportioned to each community like its quota.
    pub quality_parts: Vec<Decimal>,
}

/// A per-capita amount in projection year `year`: the listed value, or the last listed value grown by
/// `growth` a year beyond the list; rounded to the fen.
fn per_capita(schedule: &Schedule, year: usize, growth: Decimal) -> Decimal {
    let listed = schedule.values().len();
    let mut value = schedule.at(year);
    for _ in listed..year {
        value *= Decimal::ONE + growth;
    }
    fen(value)
}

/// Financing, reserves and quotas. `past_claims` holds each community's claims of past years, most
/// recent first (the base year's at first).
pub(crate) fn budget(
    settings: &YearSettings,
    demands: &[Demand],
    past_claims: &[Vec<Decimal>],
) -> Budget {
    let county = &settings.input.county;
    let levers = settings.levers;
    let year = settings.year;
    let growth = settings.input.assumptions.get(A::FinancingGrowthRate);
    let government = per_capita(&county.government_per_capita, year, growth);
    let individual = per_capita(&county.individual_per_capita, year, growth);
    let financing: Vec<Decimal> = demands
        .iter()
        .map(|d| d.insured * (government + individual))
        .collect();
    let insured_total: Decimal = demands.iter().map(|d| d.insured).sum();
    let total: Decimal = financing.iter().copied().sum();
    let critical_illness = fen(total * levers.at(L::CriticalIllnessRate, year));
    let global = levers.is_on(L::GlobalBudget, year);
    let count = demands.len();
    let mut budget = Budget {
        global,
        government_total: insured_total * government,
        individual_total: insured_total * individual,
        critical_illness,
        risk: Decimal::ZERO,
        quality: Decimal::ZERO,
        distributable: Decimal::ZERO,
        shares: vec![Decimal::ZERO; count],
        quotas: vec![Decimal::ZERO; count],
        quality_parts: vec![Decimal::ZERO; count],
        financing,
    };
    if !global {
        return budget;
    }
    // Each reserve is rounded to the fen; the later ones are capped so that rounding can never take more
    // than the whole fund when the rates add to exactly one.
    budget.risk = fen(total * levers.at(L::RiskReserveRate, year)).min(total - critical_illness);
    budget.quality = fen(total * levers.at(L::QualityReserveRate, year))
        .min(total - critical_illness - budget.risk);
    budget.distributable = total - critical_illness - budget.risk - budget.quality;
    let history = levers.at(L::HistoryWeight, year);
    let years_back = levers
        .at(L::HistoryYears, year)
        .to_usize()
        .unwrap_or(1)
        .clamp(1, 3);
    let past: Vec<Decimal> = past_claims
        .iter()
        .map(|years| years.iter().take(years_back).copied().sum())
        .collect();
    let past_total: Decimal = past.iter().copied().sum();
    for (c, demand) in demands.iter().enumerate() {
        let headcount_share = ratio(demand.insured, insured_total);
        let history_share = if past_total.is_zero() {
            headcount_share
        } else {
            past[c] / past_total
        };
        budget.shares[c] = (Decimal::ONE - history) * headcount_share + history * history_share;
    }
    budget.quotas = allocate(budget.distributable, &budget.shares);
    budget.quality_parts = allocate(budget.quality, &budget.shares);
    budget
}

/// Money at stake (docs/model.md §3): the part of a yuan of extra claims the community expects to bear,
/// averaged over the year-end positions it thinks likely. Its position is last year's claims against
/// this year's quota, as a share of the quota, give or take `spread`. Where the position would fall:
/// a surplus above the retention cap is returned (nothing at stake), a surplus below it is kept at the
/// retained share, an overspend within the band costs the part the fund does not share, and beyond the
/// band all of it. Zero without a global budget.
pub(crate) fn stake(
    quota: Decimal,
    last_claims: Decimal,
    levers: &Levers,
    year: usize,
    spread: Decimal,
) -> Decimal {
    if !levers.is_on(L::GlobalBudget, year) || spread <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    if quota <= Decimal::ZERO {
        // No quota: every yuan of claims is an overspend beyond any band.
        return if last_claims > Decimal::ZERO {
            Decimal::ONE
        } else {
            Decimal::ZERO
        };
    }
    let position = (quota - last_claims) / quota;
    let cap = levers.at(L::SurplusRetentionCapRate, year);
    let band = levers.at(L::OverspendBandRate, year);
    // The marginal stake is a step function of the position: (from, to, stake) pieces.
    let pieces = [
        (-Decimal::MAX, -band, Decimal::ONE),
        (
            -band,
            Decimal::ZERO,
            Decimal::ONE - levers.at(L::OverspendFundShare, year),
        ),
        (Decimal::ZERO, cap, levers.at(L::SurplusRetainedShare, year)),
    ];
    let (low, high) = (position - spread, position + spread);
    let covered: Decimal = pieces
        .iter()
        .map(|(from, to, value)| {
            let overlap = (high.min(*to) - low.max(*from)).max(Decimal::ZERO);
            overlap * value
        })
        .sum();
    covered / (high - low)
}

/// One community's settlement of the year.
pub(crate) struct Settled {
    pub settlement: Settlement,
    pub quality_returned: Decimal,
    pub prepayments: Vec<Decimal>,
    pub quarters: Vec<QuarterEvaluation>,
    /// Quota less the prepayments (negative: the community repays).
    pub clearing: Decimal,
}

/// Year-end settlement of one community: quota against claims, under the settlement levers.
fn settle_quota(quota: Decimal, claims: Decimal, levers: &Levers, year: usize) -> Settlement {
    let balance = quota - claims;
    let mut settlement = Settlement {
        balance,
        ..Settlement::default()
    };
    if balance >= Decimal::ZERO {
        let cap = fen(quota * levers.at(L::SurplusRetentionCapRate, year));
        settlement.surplus_retained =
            fen(balance.min(cap) * levers.at(L::SurplusRetainedShare, year));
        settlement.surplus_returned = balance - settlement.surplus_retained;
    } else {
        let overspend = -balance;
        let band = fen(quota * levers.at(L::OverspendBandRate, year));
        settlement.overspend_fund_share =
            fen(overspend.min(band) * levers.at(L::OverspendFundShare, year));
        settlement.overspend_borne = overspend - settlement.overspend_fund_share;
    }
    settlement
}

/// Monthly prepayments with a quarterly review (季度评估): claims are taken to fall evenly over the
/// months (assumption). After each of the first three quarters, the next quarter's monthly payment moves
/// toward closing the gap between claims and prepayments to date, by at most `band` of the plain
/// monthly payment. The year-end clearing pays or recovers the rest of the quota.
fn prepay(
    quota: Decimal,
    claims: Decimal,
    band: Decimal,
) -> (Vec<Decimal>, Vec<QuarterEvaluation>) {
    let plain = allocate(quota, &[Decimal::ONE; MONTHS]);
    let monthly_claims = allocate(claims, &[Decimal::ONE; MONTHS]);
    let mut prepayments = plain.clone();
    let mut quarters = Vec::with_capacity(4);
    for quarter in 1..=4 {
        let end = quarter * 3;
        let evaluation = QuarterEvaluation {
            prepaid_to_date: prepayments[..end].iter().copied().sum(),
            claims_to_date: monthly_claims[..end].iter().copied().sum(),
        };
        if quarter < 4 && !band.is_zero() {
            let gap = evaluation.claims_to_date - evaluation.prepaid_to_date;
            for month in end..end + 3 {
                let limit = fen(plain[month] * band);
                let adjustment = fen(gap / Decimal::from(3)).clamp(-limit, limit);
                prepayments[month] = (plain[month] + adjustment).max(Decimal::ZERO);
            }
        }
        quarters.push(evaluation);
    }
    (prepayments, quarters)
}

/// Settles every community and books the insurance fund's account. `claims` are each community's
/// claims by place (including out-of-county care).
pub(crate) fn settle(
    settings: &YearSettings,
    budget: &Budget,
    claims: &[ByPlace<Decimal>],
    ledger: &mut Ledger,
) -> Vec<Settled> {
    let levers = settings.levers;
    let year = settings.year;
    ledger.add(Item::FinancingGovernment, budget.government_total);
    ledger.add(Item::FinancingIndividual, budget.individual_total);
    ledger.add(Item::CriticalIllnessInsurance, budget.critical_illness);
    let financing_total: Decimal = budget.financing.iter().copied().sum();
    if !budget.global {
        // Fee for service: the fund pays claims as they come; its year result goes to or from its balance.
        let mut paid = Decimal::ZERO;
        for by_place in claims {
            ledger.add(Item::FundClaimsVillage, by_place.get(Place::Village));
            ledger.add(Item::FundClaimsTownship, by_place.get(Place::Township));
            ledger.add(Item::FundClaimsCounty, by_place.get(Place::County));
            ledger.add(Item::FundClaimsOutside, by_place.get(Place::Outside));
            paid += by_place.sum();
        }
        let result = financing_total - budget.critical_illness - paid;
        ledger.add(Item::FundBalanceCarriedForward, above_zero(result));
        ledger.add(Item::FundBalanceDrawn, below_zero(result));
        return claims
            .iter()
            .map(|by_place| Settled {
                settlement: Settlement::default(),
                quality_returned: Decimal::ZERO,
                prepayments: vec![Decimal::ZERO; MONTHS],
                quarters: prepay(Decimal::ZERO, by_place.sum(), Decimal::ZERO).1,
                clearing: Decimal::ZERO,
            })
            .collect();
    }
    let score = settings.input.assumptions.get(A::InsuranceAppraisalScore);
    let band = levers.at(L::PrepaymentAdjustmentBand, year);
    let mut fund_overspend_share = Decimal::ZERO;
    let mut settled = Vec::with_capacity(claims.len());
    for (c, by_place) in claims.iter().enumerate() {
        let quota = budget.quotas[c];
        let settlement = settle_quota(quota, by_place.sum(), levers, year);
        let quality_returned = fen(budget.quality_parts[c] * score);
        let (prepayments, quarters) = prepay(quota, by_place.sum(), band);
        let prepaid: Decimal = prepayments.iter().copied().sum();
        let clearing = quota - prepaid;
        ledger.add(Item::QuotasPrepaid, prepaid);
        ledger.add(Item::ClearingPaidByFund, above_zero(clearing));
        ledger.add(Item::ClearingRepaidToFund, below_zero(clearing));
        ledger.add(Item::QualityGuaranteeReturned, quality_returned);
        ledger.add(
            Item::QualityGuaranteeWithheld,
            budget.quality_parts[c] - quality_returned,
        );
        ledger.add(
            Item::SurplusReturnedByCommunities,
            settlement.surplus_returned,
        );
        fund_overspend_share += settlement.overspend_fund_share;
        settled.push(Settled {
            settlement,
            quality_returned,
            prepayments,
            quarters,
            clearing,
        });
    }
    let risk_used = budget.risk.min(fund_overspend_share);
    ledger.add(Item::OverspendSharePaid, fund_overspend_share);
    ledger.add(Item::RiskFundCarriedForward, budget.risk - risk_used);
    ledger.add(Item::FundBalanceDrawn, fund_overspend_share - risk_used);
    ledger.add(
        Item::FundBalanceCarriedForward,
        ledger.amount(Item::SurplusReturnedByCommunities),
    );
    settled
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inputs::Schedule;
    use rust_decimal_macros::dec;

    fn levers(cap: Decimal, retained: Decimal, band: Decimal, fund_share: Decimal) -> Levers {
        let mut levers = Levers::default();
        levers.set(L::GlobalBudget, Schedule::constant(Decimal::ONE));
        levers.set(L::SurplusRetentionCapRate, Schedule::constant(cap));
        levers.set(L::SurplusRetainedShare, Schedule::constant(retained));
        levers.set(L::OverspendBandRate, Schedule::constant(band));
        levers.set(L::OverspendFundShare, Schedule::constant(fund_share));
        levers
    }

    #[test]
    fn stake_averages_the_marginal_share_over_the_likely_positions() {
        // Position +2% of quota, spread 5%: from -3% to +7%. Cap 10%, retained 1: +0..+7 at 1 (7 points);
        // band 5%, fund share 0.5: -3..0 at 0.5 (1.5). (7 + 1.5) / 10 = 0.85.
        let l = levers(dec!(0.10), dec!(1), dec!(0.05), dec!(0.5));
        assert_eq!(stake(dec!(100), dec!(98), &l, 1, dec!(0.05)), dec!(0.85));
        // Nothing kept and every overspend covered: nothing at stake.
        let none = levers(dec!(0), dec!(1), dec!(1), dec!(1));
        assert_eq!(stake(dec!(100), dec!(98), &none, 1, dec!(0.05)), dec!(0));
        // Deep overspend (claims 120 against 100): -25%..-15%, all beyond the 5% band: stake 1.
        assert_eq!(stake(dec!(100), dec!(120), &l, 1, dec!(0.05)), dec!(1));
    }

    #[test]
    fn quarterly_review_moves_the_next_prepayments_within_the_band() {
        // Quota 1200, claims 1320: 100 a month prepaid, 110 claimed. After quarter 1 the gap is 30, so 10 a
        // month more, within 20% of 100. After quarter 2: prepaid 330+330=... 300 + 330 = 630 against 660:
        // gap 30 again, 10 more.
        let (prepayments, quarters) = prepay(dec!(1200), dec!(1320), dec!(0.2));
        assert_eq!(prepayments[3], dec!(110));
        assert_eq!(quarters[1].prepaid_to_date, dec!(630));
        assert_eq!(prepayments.iter().copied().sum::<Decimal>(), dec!(1290));
        // With no band the review only reports.
        let (plain, _) = prepay(dec!(1200), dec!(1320), dec!(0));
        assert_eq!(plain.iter().copied().sum::<Decimal>(), dec!(1200));
        // A band of 5% caps the monthly change at 5.
        let (capped, _) = prepay(dec!(1200), dec!(1320), dec!(0.05));
        assert_eq!(capped[3], dec!(105));
    }
}
