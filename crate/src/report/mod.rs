//! Results out: the JSON document other tools read, CSV for Excel and WPS, and the text table.
//!
//! All three are built from one list of rows ([`rows`]) so an indicator is named and labelled once.
//! Money leaves as decimal strings in yuan (JSON) or plain decimal text (CSV), never through f64.

pub mod csv;
pub mod json;
pub mod table;
pub mod view;

use rust_decimal::Decimal;

use crate::model::money::fen;
use crate::model::{Indicators, YearResult};

/// How a value is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A share or rate (0-1); JSON number, shown as a percentage.
    Fraction,
    /// Yuan; JSON decimal string to the fen.
    Money,
    /// A plain ratio (for example 1.81 times); JSON number.
    Ratio,
}

/// One reported indicator: its stable key, labels, kind and how to read it from a year.
pub struct IndicatorRow {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub kind: Kind,
    pub read: fn(&Indicators) -> Decimal,
}

macro_rules! indicator_rows {
    ($($field:ident, $kind:ident, $zh:literal, $en:literal;)*) => {
        /// Every indicator, in report order. The keys are the field names and are stable.
        pub static INDICATORS: &[IndicatorRow] = &[$(IndicatorRow {
            key: stringify!($field), zh: $zh, en: $en, kind: Kind::$kind, read: |i| i.$field,
        }),*];
    };
}

indicator_rows! {
    county_consultation_rate, Fraction, "县域就诊率", "county consultation rate";
    in_county_admission_share, Fraction, "县域内住院人次占比", "in-county admission share";
    primary_outpatient_share, Fraction, "基层门急诊量占比", "primary outpatient share";
    primary_inpatient_share, Fraction, "基层住院人次占比", "primary inpatient share";
    insurance_in_county_spending_rate, Fraction, "医保基金县域内支出率", "fund in-county spending rate";
    personnel_spending_share, Fraction, "公立医院人员支出占业务支出比例", "personnel spending share, public hospitals";
    fixed_pay_share, Fraction, "公立医院人员薪酬中固定部分占比", "fixed share of pay, public hospitals";
    county_primary_pay_ratio, Ratio, "县级与基层人均薪酬比", "county/primary pay ratio";
    fiscal_subsidy_share, Fraction, "公立医院财政补助收入占总支出比重", "fiscal subsidy share of spending, public hospitals";
    medical_cost_growth, Fraction, "医疗费用增长率", "medical cost growth";
    visit_cost_growth, Fraction, "门诊次均费用增幅(同口径)", "cost per visit growth, constant case mix";
    admission_cost_growth, Fraction, "住院次均费用增幅(同口径)", "cost per admission growth, constant case mix";
    public_hospitals_in_balance_share, Fraction, "实现收支平衡的公立医院占比", "public hospitals in balance";
    nurses_per_doctor, Ratio, "公立医院医护比(1:护士)", "nurses per doctor, public hospitals";
    average_stay_days, Ratio, "公立医院平均住院日(日)", "average length of stay, public hospitals (days)";
    budget_stake, Fraction, "医共体承担的医保额度风险(每元超支自担比例)", "money at stake per yuan of claims";
    service_revenue_share, Fraction, "医疗服务收入占比", "medical-service revenue share";
    average_pay_county, Money, "县级人均薪酬(元)", "average pay, county (yuan)";
    average_pay_township, Money, "乡镇人均薪酬(元)", "average pay, township (yuan)";
    average_pay_village, Money, "村级人均薪酬(元)", "average pay, village (yuan)";
    fund_year_balance, Money, "医保基金当年结余(元)", "insurance fund year balance (yuan)";
    surplus_retained, Money, "结余留用(元)", "surplus retained (yuan)";
    surplus_returned, Money, "结余返还基金(元)", "surplus returned (yuan)";
    overspend_fund_share, Money, "超支基金分担(元)", "overspend, fund's share (yuan)";
    overspend_borne, Money, "超支医共体自担(元)", "overspend borne (yuan)";
    per_bed_subsidy, Money, "每床补助(元)", "per-bed subsidy (yuan)";
    public_health_funds_paid, Money, "公卫经费拨付(元)", "public-health funds paid (yuan)";
    salary_pool, Money, "薪酬总量(元)", "salary pool (yuan)";
    special_fund, Money, "专项资金(元)", "special fund (yuan)";
    county_hospitals_balance, Money, "县级医院收支结余(元)", "county hospitals' balance (yuan)";
    primary_institutions_balance, Money, "基层医疗机构收支结余(元)", "primary institutions' balance (yuan)";
    community_fund_balance, Money, "医共体统筹资金储备(元)", "pooled fund reserves (yuan)";
    year_end_clearing, Money, "医保额度年终清算(元)", "year-end clearing of the quotas (yuan)";
}

/// Zero without a sign: a negated zero (for example a part of a negative total split to nothing)
/// would otherwise print as `-0.00`.
pub fn unsigned(value: Decimal) -> Decimal {
    if value.is_zero() {
        Decimal::ZERO
    } else {
        value
    }
}

/// Money as text to the fen: `1234.50`. Rounded with the model's own rule (`fen`, half away from
/// zero), not cut off by the formatter, and never `-0.00`.
pub fn money_text(amount: Decimal) -> String {
    format!("{:.2}", unsigned(fen(amount)))
}

/// A fraction as text rounded to six places: `0.912345` (never `-0`).
pub fn fraction_text(value: Decimal) -> String {
    unsigned(value.round_dp(6)).normalize().to_string()
}

/// The value of an indicator row in a year, as text.
pub fn value_text(row: &IndicatorRow, year: &YearResult) -> String {
    let value = (row.read)(&year.indicators);
    match row.kind {
        Kind::Fraction | Kind::Ratio => fraction_text(value),
        Kind::Money => money_text(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn money_text_rounds_to_the_fen_and_has_no_negative_zero() {
        // Half away from zero (四舍五入), as model::money::fen: the formatter alone would cut 2.675 to
        // 2.67 and print a negated zero or -0.004 as -0.00.
        assert_eq!(money_text(dec!(2.675)), "2.68");
        assert_eq!(money_text(dec!(-2.675)), "-2.68");
        assert_eq!(money_text(dec!(1234.5)), "1234.50");
        assert_eq!(money_text(dec!(0.0049)), "0.00");
        assert_eq!(money_text(-Decimal::ZERO), "0.00");
        assert_eq!(money_text(dec!(-0.004)), "0.00");
        assert_eq!(money_text(dec!(-0.005)), "-0.01");
        assert_eq!(fraction_text(-Decimal::ZERO), "0");
        assert_eq!(fraction_text(dec!(-0.0000001)), "0");
        assert_eq!(fraction_text(dec!(-0.0123456789)), "-0.012346");
    }
}
