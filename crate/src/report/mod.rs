//! Results out: the JSON document other tools read, CSV for Excel and WPS, and the text table.
//!
//! All three are built from one list of rows ([`rows`]) so an indicator is named and labelled once.
//! Money leaves as decimal strings in yuan (JSON) or plain decimal text (CSV), never through f64.

pub mod csv;
pub mod export;
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

/// Where an indicator's definition comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// An official monitoring indicator: 益阳市《公立医院高质量发展监测评价指标体系》(益政办发〔2023〕16号
    /// 附件2), computed as its definition says.
    Official,
    /// Set as a goal by the Miyi plan (seed 003) but not in the official list: primary inpatient share.
    MiyiPlan,
    /// The sandbox's own figure: money flows of the settlement, the pooled fund and the books.
    Sandbox,
}

impl Origin {
    /// The source as the page names it: the document by title and number and the clause, or that the
    /// sandbox defines it.
    pub fn citation(self, lang: crate::chart::Lang) -> String {
        use crate::model::Document;
        match (self, lang) {
            (Origin::Official, crate::chart::Lang::Zh) => {
                format!("{} 附件2", Document::YiyangHospitals.reference_zh())
            }
            (Origin::Official, crate::chart::Lang::En) => {
                format!("{}, Annex 2", Document::YiyangHospitals.reference_en())
            }
            (Origin::MiyiPlan, crate::chart::Lang::Zh) => {
                format!("{} 三", Document::MiyiCommunity.reference_zh())
            }
            (Origin::MiyiPlan, crate::chart::Lang::En) => {
                format!("{}, §3", Document::MiyiCommunity.reference_en())
            }
            (Origin::Sandbox, crate::chart::Lang::Zh) => "本沙盘的口径(非官方监测指标)".into(),
            (Origin::Sandbox, crate::chart::Lang::En) => {
                "the sandbox's own measure (not an official monitoring indicator)".into()
            }
        }
    }
}

/// One reported indicator: its stable key, labels, kind, definition (how the sandbox computes it, in
/// the official wording where there is one), origin and how to read it from a year.
pub struct IndicatorRow {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub kind: Kind,
    pub definition_zh: &'static str,
    pub definition_en: &'static str,
    pub origin: Origin,
    pub read: fn(&Indicators) -> Decimal,
}

macro_rules! indicator_rows {
    ($($field:ident, $kind:ident, $origin:ident, $zh:literal, $en:literal,
        $definition_zh:literal, $definition_en:literal;)*) => {
        /// Every indicator, in report order. The keys are the field names and are stable.
        pub static INDICATORS: &[IndicatorRow] = &[$(IndicatorRow {
            key: stringify!($field), zh: $zh, en: $en, kind: Kind::$kind,
            definition_zh: $definition_zh, definition_en: $definition_en, origin: Origin::$origin,
            read: |i| i.$field,
        }),*];
    };
}

indicator_rows! {
    county_consultation_rate, Fraction, Official, "县域就诊率", "county consultation rate",
        "参保人员县域内门急诊人次 ÷ 参保人员门急诊总人次",
        "the insured's outpatient and emergency visits in the county ÷ all their visits";
    in_county_admission_share, Fraction, Official, "县域内住院人次占比", "in-county admission share",
        "参保人员县域内住院人次 ÷ 参保人员住院总人次",
        "the insured's admissions in the county ÷ all their admissions";
    primary_outpatient_share, Fraction, Official, "基层门急诊量占比", "primary outpatient share",
        "乡镇卫生院和村卫生室的门急诊人次 ÷ 参保人员门急诊总人次(含县域外)",
        "visits at township health centres and village clinics ÷ all the insured's visits (out-of-county included)";
    primary_inpatient_share, Fraction, MiyiPlan, "基层住院人次占比", "primary inpatient share",
        "乡镇卫生院和村卫生室的住院人次 ÷ 参保人员住院总人次(含县域外)",
        "admissions at township health centres and village clinics ÷ all the insured's admissions (out-of-county included)";
    insurance_in_county_spending_rate, Fraction, Official, "医保基金县域内支出率", "fund in-county spending rate",
        "县域内医疗卫生机构医保基金支出 ÷ 全县医保基金总支出(不含药店)",
        "fund spending at in-county institutions ÷ all the county's fund spending (pharmacies excluded)";
    personnel_spending_share, Fraction, Official, "公立医院人员支出占业务支出比例", "personnel spending share, public hospitals",
        "县级公立医院人员支出 ÷ 业务支出(人员、运行、公共卫生、重点学科支出)",
        "county public hospitals' personnel spending ÷ business spending (personnel, running costs, public health, key disciplines)";
    fixed_pay_share, Fraction, Official, "公立医院人员薪酬中固定部分占比", "fixed share of pay, public hospitals",
        "县级公立医院基本工资中的固定部分 ÷ 人员薪酬总额",
        "the fixed part of county public hospitals' base pay ÷ all their pay";
    county_primary_pay_ratio, Ratio, Sandbox, "县级与基层人均薪酬比", "county/primary pay ratio",
        "县级人均人员支出 ÷ 乡村两级人均人员支出;米易方案要求薪酬向基层倾斜",
        "pay per head at county level ÷ pay per head at township and village level; the Miyi plan asks for pay tilted to primary care";
    fiscal_subsidy_share, Fraction, Official, "公立医院财政补助收入占总支出比重", "fiscal subsidy share of spending, public hospitals",
        "县级公立医院财政补助收入(基本补助、每床补助、公卫经费)÷ 总支出",
        "county public hospitals' fiscal income (base subsidy, per-bed subsidy, public-health funds) ÷ all their spending";
    medical_cost_growth, Fraction, Official, "医疗费用增长率", "medical cost growth",
        "参保人员当年医疗费用总额 ÷ 上年 − 1(各就医地点合计,含县域外)",
        "the insured's medical costs this year ÷ last year − 1 (all places of care, out-of-county included)";
    visit_cost_growth, Fraction, Official, "门诊次均费用增幅(同口径)", "cost per visit growth, constant case mix",
        "各就医地点当年门诊人次按当年次均费用 ÷ 按上年次均费用 − 1(剔除病人流向变化)",
        "this year's visits at each place at this year's cost per visit ÷ at last year's − 1 (shifts between places removed)";
    admission_cost_growth, Fraction, Official, "住院次均费用增幅(同口径)", "cost per admission growth, constant case mix",
        "各就医地点当年住院人次按当年次均费用 ÷ 按上年次均费用 − 1(剔除病人流向变化)",
        "this year's admissions at each place at this year's cost per admission ÷ at last year's − 1 (shifts between places removed)";
    public_hospitals_in_balance_share, Fraction, Official, "实现收支平衡的公立医院占比", "public hospitals in balance",
        "收支结余不为负的县级公立医院数 ÷ 县级公立医院总数",
        "county public hospitals whose income covers their spending ÷ all county public hospitals";
    nurses_per_doctor, Ratio, Official, "公立医院医护比(1:护士)", "nurses per doctor, public hospitals",
        "县级公立医院注册护士 ÷ 执业(助理)医师;取基年输入,沙盘不预测其变化",
        "county public hospitals' registered nurses ÷ licensed doctors; the base year's input, which the sandbox does not project";
    average_stay_days, Ratio, Official, "公立医院平均住院日(日)", "average length of stay, public hospitals (days)",
        "县级公立医院平均住院日;取基年输入,沙盘不预测其变化",
        "county public hospitals' average length of stay; the base year's input, which the sandbox does not project";
    budget_stake, Fraction, Sandbox, "医共体承担的医保额度风险(每元超支自担比例)", "money at stake per yuan of claims",
        "医共体每多花一元医保支出自己承担的部分,按医保额度加权;驱动病人流向和控费",
        "the part of each extra yuan of claims a community bears itself, weighted by quota; it drives patient flows and cost restraint";
    service_revenue_share, Fraction, Official, "医疗服务收入占比", "medical-service revenue share",
        "医疗服务收入(不含药品、耗材、检查、化验收入)÷ 医疗收入,各层级按假设的服务收入占比计",
        "medical-service revenue (drugs, consumables, tests excluded) ÷ medical revenue, by each tier's assumed service share";
    average_pay_county, Money, Sandbox, "县级人均薪酬(元)", "average pay, county (yuan)",
        "县级机构人员支出 ÷ 卫生人员数",
        "county institutions' personnel spending ÷ health staff";
    average_pay_township, Money, Sandbox, "乡镇人均薪酬(元)", "average pay, township (yuan)",
        "乡镇卫生院人员支出 ÷ 卫生人员数",
        "township health centres' personnel spending ÷ health staff";
    average_pay_village, Money, Sandbox, "村级人均薪酬(元)", "average pay, village (yuan)",
        "村卫生室人员支出(含公卫劳务)÷ 村医人数",
        "village clinics' personnel spending (public-health pay included) ÷ village doctors";
    fund_year_balance, Money, Sandbox, "医保基金当年结余(元)", "insurance fund year balance (yuan)",
        "医保基金当年结转、风险金和质量保证金留存,减去动用的历年结余",
        "what the fund carries forward this year, with the risk fund and quality money withheld, less past balances drawn";
    surplus_retained, Money, Sandbox, "结余留用(元)", "surplus retained (yuan)",
        "医保额度结余中留给医共体的部分",
        "the part of the quota's surplus the communities keep";
    surplus_returned, Money, Sandbox, "结余返还基金(元)", "surplus returned (yuan)",
        "医保额度结余中返还基金的部分",
        "the part of the quota's surplus that goes back to the fund";
    overspend_fund_share, Money, Sandbox, "超支基金分担(元)", "overspend, fund's share (yuan)",
        "超出医保额度的支出中由医保基金分担的部分",
        "the part of spending above the quota the fund bears";
    overspend_borne, Money, Sandbox, "超支医共体自担(元)", "overspend borne (yuan)",
        "超出医保额度的支出中由医共体承担的部分",
        "the part of spending above the quota the communities bear";
    per_bed_subsidy, Money, Sandbox, "每床补助(元)", "per-bed subsidy (yuan)",
        "财政按县级医院床位拨付的补助总额",
        "the fiscal subsidy paid per county-hospital bed, in total";
    public_health_funds_paid, Money, Sandbox, "公卫经费拨付(元)", "public-health funds paid (yuan)",
        "基本公共卫生服务经费按考核得分结算后拨付各层级的总额",
        "basic public-health funds paid to the tiers, settled by the appraisal score";
    salary_pool, Money, Sandbox, "薪酬总量(元)", "salary pool (yuan)",
        "全部成员机构的人员支出",
        "all member institutions' personnel spending";
    special_fund, Money, Sandbox, "专项资金(元)", "special fund (yuan)",
        "医共体专项资金当年提取额",
        "what the communities set aside this year for their special fund";
    county_hospitals_balance, Money, Sandbox, "县级医院收支结余(元)", "county hospitals' balance (yuan)",
        "县级医院当年收入 − 支出",
        "county hospitals' income this year − their spending";
    primary_institutions_balance, Money, Sandbox, "基层医疗机构收支结余(元)", "primary institutions' balance (yuan)",
        "乡镇卫生院和村卫生室当年收入 − 支出",
        "township health centres' and village clinics' income this year − their spending";
    community_fund_balance, Money, Sandbox, "医共体统筹资金储备(元)", "pooled fund reserves (yuan)",
        "医共体统筹资金年末结转的储备",
        "the pooled fund's reserve carried into next year";
    year_end_clearing, Money, Sandbox, "医保额度年终清算(元)", "year-end clearing of the quotas (yuan)",
        "年终按应拨额度补拨(正)或收回(负)的预付款",
        "prepayments paid up (positive) or recovered (negative) at the year-end clearing";
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

/// docs/indicators.md: every indicator with its definition, source, policy target and the chart that
/// draws it (`charts` of any projection: which series shows which indicator does not depend on the
/// county). `YGT_BLESS=1 cargo test --test docs` rewrites the file.
pub fn indicators_markdown(charts: &[crate::chart::Chart]) -> String {
    use crate::chart::Lang;
    let mut out = String::from(
        "# Indicators\n\n\
         Generated from `report::INDICATORS`, `model::TARGETS` and the charts (`chart::charts`); \
         `YGT_BLESS=1 cargo test --test docs` rewrites it. Official indicators are computed as \
         益阳市《公立医院高质量发展监测评价指标体系》(益政办发〔2023〕16号 附件2) defines them; \
         the hospital indicators count the county tier's public hospitals, the flow indicators the insured's care.\n\n\
         | key | 指标 | indicator | 口径 | definition | 来源 source | target 目标 | chart 图 |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for row in INDICATORS {
        let target = crate::model::Target::of(row.key)
            .map_or("–".to_string(), |t| format!("{} ({})", t.zh, t.en));
        let chart = charts
            .iter()
            .find(|c| c.series.iter().any(|s| s.indicator == Some(row.key)))
            .map_or("–".to_string(), |c| format!("{} ({})", c.zh, c.en));
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} | {} / {} | {target} | {chart} |\n",
            row.key,
            row.zh,
            row.en,
            row.definition_zh,
            row.definition_en,
            row.origin.citation(Lang::Zh),
            row.origin.citation(Lang::En),
        ));
    }
    out
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
