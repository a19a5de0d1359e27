//! Cases whose expected values are worked out by hand (see docs/model.md §9 for the arithmetic).
//! The fixture tests/fixtures/hand-worked.toml has every growth rate and elasticity at zero, so its
//! year 1 is its base year.

mod common;

use common::{d, run_file};
use ygt::model::{Item, Place, Section, Side};

const HAND: &str = "tests/fixtures/hand-worked.toml";
const DEFAULT: &str = "scenarios/henan-county.toml";

#[test]
fn insurance_split_by_headcount_and_history() {
    let year = &run_file(HAND, &[]).scenario[0];
    let ledger = &year.ledger;
    // Financing: 15,000 insured x (700 + 400).
    assert_eq!(ledger.amount(Item::FinancingGovernment), d("10500000"));
    assert_eq!(ledger.amount(Item::FinancingIndividual), d("6000000"));
    // Reserves: 5%, 3%, 2% of 16,500,000.
    assert_eq!(
        ledger.amount(Item::CriticalIllnessInsurance),
        d("825000.00")
    );
    assert_eq!(ledger.amount(Item::QuotasPrepaid), d("14850000.00"));
    // Shares: 0.5 x headcount (2/3, 1/3) + 0.5 x base-year claims (10,200,000 and 4,250,000 of
    // 14,450,000) = 595/867 and 272/867. Quotas to the fen by largest remainder.
    let [a, b] = &year.communities[..] else {
        panic!("two communities")
    };
    assert_eq!(a.quota, d("10191176.47"));
    assert_eq!(b.quota, d("4658823.53"));
    // Twelve prepayments: 1,019,117,647 fen / 12 leaves 7 fen for the first seven months.
    assert_eq!(a.monthly_prepayments[0], d("849264.71"));
    assert_eq!(a.monthly_prepayments[6], d("849264.71"));
    assert_eq!(a.monthly_prepayments[7], d("849264.70"));
    assert_eq!(a.quarters[0].prepaid_to_date, d("2547794.13"));
    assert_eq!(a.quarters[3].prepaid_to_date, a.quota);
    assert_eq!(a.quarters[3].claims_to_date, d("10200000.00"));
}

#[test]
fn settlement_shares_overspend_and_retains_surplus() {
    let year = &run_file(HAND, &[]).scenario[0];
    let [a, b] = &year.communities[..] else {
        panic!("two communities")
    };
    // A: claims 10,200,000 against 10,191,176.47: overspend 8,823.53, inside the 5% band; the fund
    // pays half rounded half up (4,411.765 -> 4,411.77), the community bears 4,411.76.
    assert_eq!(a.claims.sum(), d("10200000.00"));
    assert_eq!(a.settlement.balance, d("-8823.53"));
    assert_eq!(a.settlement.overspend_fund_share, d("4411.77"));
    assert_eq!(a.settlement.overspend_borne, d("4411.76"));
    // B: claims 4,250,000 against 4,658,823.53: surplus 408,823.53 under the 10% cap (465,882.35);
    // 80% retained = 327,058.824 -> 327,058.82, the rest 81,764.71 returned.
    assert_eq!(b.claims.get(Place::Outside), d("1000000.00"));
    assert_eq!(b.settlement.surplus_retained, d("327058.82"));
    assert_eq!(b.settlement.surplus_returned, d("81764.71"));
    // Quality guarantee 330,000 split 226,470.59 / 103,529.41; 90% returned.
    assert_eq!(a.quality_guarantee_returned, d("203823.53"));
    assert_eq!(b.quality_guarantee_returned, d("93176.47"));
    let ledger = &year.ledger;
    assert_eq!(ledger.amount(Item::QualityGuaranteeWithheld), d("33000.00"));
    // Risk fund 495,000 covers the fund's 4,411.77.
    assert_eq!(ledger.amount(Item::RiskFundCarriedForward), d("490588.23"));
    assert_eq!(ledger.amount(Item::FundBalanceDrawn), d("0"));
    // The fund's year: 81,764.71 + 490,588.23 + 33,000.00.
    assert_eq!(year.indicators.fund_year_balance, d("605352.94"));
    // A's overspend borne, 4,411.76, is met from its quality money returned (203,823.53), so nothing is
    // charged to the members.
    assert_eq!(a.fund.overspend_covered, d("4411.76"));
    assert_eq!(a.overspend_charged, [d("0"), d("0"), d("0")]);
    // The rest, 199,411.77, is split 60/20/20 to rewards, development and the reserve: 119,647.06,
    // 39,882.36, 39,882.35 (19,941,177 fen: floors 11,964,706, 3,988,235, 3,988,235; the fen left to the
    // larger remainder .4, the earlier of the tie), under the cap of 2% of 6,700,000.
    assert_eq!(a.fund.development, d("39882.36"));
    assert_eq!(a.community_fund_carried_forward, d("39882.35"));
    assert_eq!(
        a.fund
            .rewards
            .iter()
            .copied()
            .sum::<rust_decimal::Decimal>(),
        d("119647.06")
    );
    // B: retained 327,058.82 + quality 93,176.47 = 420,235.29: 252,141.17, 84,047.06, 84,047.06; the
    // reserve's cap is 2% of its in-county claims 3,250,000 = 65,000, so 19,047.06 more goes to rewards.
    assert_eq!(b.community_fund_carried_forward, d("65000.00"));
    assert_eq!(
        b.fund
            .rewards
            .iter()
            .copied()
            .sum::<rust_decimal::Decimal>(),
        d("271188.23")
    );
}

#[test]
fn per_bed_subsidy_goes_to_public_hospital_beds() {
    let year = &run_file(HAND, &[]).scenario[0];
    // 100 + 50 county-hospital beds x 4,000; the township's 20 beds are not a public hospital's.
    assert_eq!(year.indicators.per_bed_subsidy, d("600000"));
    assert_eq!(year.ledger.amount(Item::KeyDisciplines), d("600000"));
    let doubled = &run_file(HAND, &["levers.per_bed_subsidy_yuan=5000"]).scenario[0];
    assert_eq!(doubled.indicators.per_bed_subsidy, d("750000"));
}

#[test]
fn public_health_prepay_and_appraisal() {
    let year = &run_file(HAND, &[]).scenario[0];
    let ledger = &year.ledger;
    // Budgets 100 x 12,000 and 100 x 6,000; 60% prepaid (720,000 + 360,000). The appraisal (0.8) settles
    // the whole budget: 960,000 and 480,000 are due, so 240,000 + 120,000 are paid after it and
    // 240,000 + 120,000 withheld.
    assert_eq!(year.communities[0].public_health_budget, d("1200000.00"));
    assert_eq!(ledger.amount(Item::PublicHealthPrepaid), d("1080000.00"));
    assert_eq!(
        ledger.amount(Item::PublicHealthPerformancePaid),
        d("360000.00")
    );
    assert_eq!(ledger.amount(Item::PublicHealthWithheld), d("360000.00"));
    assert_eq!(year.indicators.public_health_funds_paid, d("1440000.00"));
    // A's 960,000 split 10/50/40; B has no village clinics, so its 480,000 goes 1:5 to county and
    // township (80,000 and 400,000).
    assert_eq!(year.tiers[0].public_health_funds, d("176000.00"));
    assert_eq!(year.tiers[1].public_health_funds, d("880000.00"));
    assert_eq!(year.tiers[2].public_health_funds, d("384000.00"));
    // Prepaying 95% changes nothing but the timing: 1,140,000 + 570,000 prepaid against 960,000 + 480,000
    // due, so 180,000 + 90,000 are recovered after appraisal.
    let early = &run_file(HAND, &["levers.public_health_prepaid_share=0.95"]).scenario[0];
    assert_eq!(early.indicators.public_health_funds_paid, d("1440000.00"));
    assert_eq!(
        early.ledger.amount(Item::FiscalPublicHealthClawedBack),
        d("270000.00")
    );
}

#[test]
fn fee_for_service_pays_claims_from_the_fund() {
    let year = &run_file(HAND, &["levers.global_budget=false"]).scenario[0];
    let ledger = &year.ledger;
    assert_eq!(ledger.amount(Item::FundClaimsOutside), d("4500000.00"));
    assert_eq!(ledger.amount(Item::FundClaimsCounty), d("7050000.00"));
    // 16,500,000 - 825,000 - 14,450,000 claims.
    assert_eq!(
        ledger.amount(Item::FundBalanceCarriedForward),
        d("1225000.00")
    );
    assert_eq!(ledger.amount(Item::QuotasPrepaid), d("0"));
    assert_eq!(year.communities[0].quota, d("0"));
}

#[test]
fn special_fund_and_sent_down_allowances() {
    let overrides = [
        "levers.special_fund_rate=0.01",
        "levers.special_fund_management_share=0.2",
        "levers.staff_sent_down_per_township=2",
        "levers.sent_down_allowance_yuan=30000",
    ];
    let year = &run_file(HAND, &overrides).scenario[0];
    let ledger = &year.ledger;
    // Revenue: A 9,000,000 + 3,000,000 + 400,000; B 4,500,000 + 1,500,000 = 18,400,000; 1% = 184,000.
    assert_eq!(ledger.amount(Item::SpecialFundIn), d("184000.00"));
    assert_eq!(ledger.amount(Item::ManagementCosts), d("36800.00"));
    // Two staff per township centre, one centre in each community, 30,000 each.
    assert_eq!(ledger.amount(Item::SentDownAllowances), d("120000.00"));
    assert_eq!(year.communities[0].staff_sent_down, d("2"));
}

#[test]
fn every_section_balances_in_the_hand_case() {
    for year in &run_file(HAND, &[]).scenario {
        for section in Section::ALL {
            assert_eq!(
                year.ledger.total(section, Side::Source),
                year.ledger.total(section, Side::Use),
                "{section:?}"
            );
        }
    }
}

/// docs/model.md §9: year 1 of the default scenario's insurance budget and settlement, as recomputed
/// from the documentation alone by docs/worked_example.py (an independent Python implementation).
#[test]
fn default_scenario_year_one_settlement_matches_the_documented_hand_calculation() {
    let year = &run_file("scenarios/henan-county.toml", &[]).scenario[0];
    let ledger = &year.ledger;
    assert_eq!(year.year, 2025);
    assert_eq!(
        ledger.amount(Item::FinancingGovernment) + ledger.amount(Item::FinancingIndividual),
        d("572000000")
    );
    assert_eq!(
        ledger.amount(Item::CriticalIllnessInsurance),
        d("34320000.00")
    );
    assert_eq!(ledger.amount(Item::QuotasPrepaid), d("509080000.00"));
    let [people, tcm] = &year.communities[..] else {
        panic!("two communities")
    };
    assert_eq!(people.quota_share.round_dp(10), d("0.6033519869"));
    assert_eq!(people.quota, d("307154429.48"));
    assert_eq!(tcm.quota, d("201925570.52"));
    assert_eq!(people.monthly_prepayments[7], d("25596202.46"));
    assert_eq!(people.monthly_prepayments[8], d("25596202.45"));
    // What is at stake: last year's claims against this year's quota, give or take 5% (§3).
    assert_eq!(people.budget_stake, d("0.75"));
    assert_eq!(tcm.budget_stake.round_dp(10), d("0.8665590497"));
    assert_eq!(people.claims.sum(), d("320663568.12"));
    assert_eq!(tcm.claims.sum(), d("203497510.18"));
    assert_eq!(people.settlement.balance, d("-13509138.64"));
    assert_eq!(people.settlement.overspend_fund_share, d("6754569.32"));
    assert_eq!(people.settlement.overspend_borne, d("6754569.32"));
    assert_eq!(tcm.settlement.overspend_fund_share, d("785969.83"));
    assert_eq!(tcm.settlement.overspend_borne, d("785969.83"));
    assert_eq!(ledger.amount(Item::RiskFundCarriedForward), d("3899460.85"));
    // The pooled fund: quality money returned and the special fund, of which 20% is management and the
    // rest raises primary pay.
    assert_eq!(people.quality_guarantee_returned, d("9318168.08"));
    assert_eq!(people.special_fund_contributions, d("4617315.03"));
    assert_eq!(people.fund.management, d("923463.01"));
    assert_eq!(tcm.special_fund_contributions, d("2867815.88"));
}

/// The split may look back up to three years (seed 000 §五(二)1: 近1—3年). With the whole quota split by
/// spending over two years, year 2's shares are year 1's claims plus the base year's (§13).
#[test]
fn history_weight_can_look_back_two_years() {
    let run = run_file(
        "scenarios/henan-county.toml",
        &["reform.history_weight=1", "reform.history_years=2"],
    );
    // Year 1 has only the base year to look back on: 309,995,600 / 507,213,920.
    assert_eq!(
        run.scenario[0].communities[0].quota_share.round_dp(10),
        d("0.6111732896")
    );
    let year_one: Vec<_> = run.scenario[0]
        .communities
        .iter()
        .map(|c| c.claims.sum())
        .collect();
    let people = year_one[0] + d("309995600.00");
    let tcm = year_one[1] + d("197218320.00");
    assert_eq!(
        run.scenario[1].communities[0].quota_share,
        people / (people + tcm)
    );
}

/// Claims of hundreds of billions of yuan (10⁸ visits at 10⁶ yuan, inside the accepted ranges) are split
/// among members without overflowing, and the books still balance.
#[test]
fn huge_claims_are_split_without_overflow() {
    let run = run_file(
        "scenarios/suixi-two-communities.toml",
        &[
            "communities.0.institutions.0.outpatient_visits=100000000",
            "communities.0.institutions.0.cost_per_visit=1000000",
        ],
    );
    for year in run.scenario.iter().chain(&run.baseline) {
        assert!(year.ledger.imbalances().is_empty(), "{}", year.year);
    }
}

/// The per-bed subsidy builds capability with the money it pays: paid on no beds, it changes nothing.
#[test]
fn a_per_bed_rate_paid_on_no_beds_changes_nothing() {
    let none = [
        "communities.0.institutions.0.per_bed_subsidy=false",
        "communities.0.institutions.1.per_bed_subsidy=false",
        "communities.1.institutions.0.per_bed_subsidy=false",
    ];
    let mut with_rate = none.to_vec();
    with_rate.push("reform.per_bed_subsidy_yuan=5000");
    let mut without = none.to_vec();
    without.push("reform.per_bed_subsidy_yuan=0");
    let (paid, unpaid) = (run_file(DEFAULT, &with_rate), run_file(DEFAULT, &without));
    assert_eq!(paid.scenario[4].indicators.per_bed_subsidy, d("0"));
    assert_eq!(paid.scenario[4].admissions, unpaid.scenario[4].admissions);
}

/// A community cannot send down more staff than its county hospitals have: 50 per township centre is
/// 600 for 县人民医院医共体 (12 centres; it has 1,250 county staff) and would be 400 for 县中医院医共体
/// (8 centres), whose county hospital is given 100 staff here.
#[test]
fn staff_sent_down_are_at_most_the_county_staff() {
    let run = run_file(
        DEFAULT,
        &[
            "reform.staff_sent_down_per_township=50",
            "communities.1.institutions.0.staff=100",
        ],
    );
    let [people, tcm] = &run.scenario[0].communities[..] else {
        panic!("two communities")
    };
    assert_eq!(people.staff_sent_down, d("600"));
    assert_eq!(tcm.staff_sent_down, d("100"));
}
