//! The declared parameters: every policy lever and every behavioural assumption, declared once as data.
//!
//! Each declaration carries the key used in scenario files and `--set` paths, Chinese and English
//! labels, a unit, the range the model can accept (outside it a value is impossible and an error), a
//! usual range (outside it a value is allowed with a warning: for levers the range the policy documents
//! in the seeds, for assumptions a plausible range), the default and a note of where the default and the
//! ranges come from. The scenario reader, the validator, the documentation and the user interface all
//! read these tables, so a lever is described in one place only.
//!
//! Levers are what a county decides (政策杠杆); assumptions are how people and institutions are assumed
//! to respond and how the world is assumed to move (行为与环境假设). They are kept apart everywhere.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The unit of a declared parameter. Labels come from [`Unit::label`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// 0 or 1: off or on.
    Switch,
    /// A share between 0 and 1 (shown as a percentage).
    Fraction,
    /// A yearly rate of change (shown as a percentage per year).
    RatePerYear,
    /// Percentage points.
    Points,
    /// Yuan per bed per year.
    YuanPerBedYear,
    /// Yuan per resident per year.
    YuanPerResidentYear,
    /// Yuan per person per year.
    YuanPerPersonYear,
    /// Persons per township health centre.
    PersonsPerTownship,
    /// Whole years.
    Years,
    /// A pure number (an elasticity or a factor).
    Factor,
}

impl Unit {
    /// (Chinese, English) label of the unit.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Unit::Switch => ("开关(0/1)", "switch (0/1)"),
            Unit::Fraction => ("比例(0-1)", "share (0-1)"),
            Unit::RatePerYear => ("年变化率", "rate per year"),
            Unit::Points => ("百分点", "percentage points"),
            Unit::YuanPerBedYear => ("元/床/年", "yuan per bed per year"),
            Unit::YuanPerResidentYear => ("元/人/年", "yuan per resident per year"),
            Unit::YuanPerPersonYear => ("元/人/年", "yuan per person per year"),
            Unit::PersonsPerTownship => ("人/乡镇卫生院", "persons per township centre"),
            Unit::Years => ("年", "years"),
            Unit::Factor => ("系数", "factor"),
        }
    }
}

/// One declared parameter (a lever or an assumption).
#[derive(Debug)]
pub struct ParamSpec {
    /// Key in the scenario file's `[levers]`/`[reform]` or `[assumptions]` table.
    pub key: &'static str,
    /// Chinese label.
    pub zh: &'static str,
    /// English label.
    pub en: &'static str,
    pub unit: Unit,
    /// Smallest value the model accepts.
    pub min: Decimal,
    /// Largest value the model accepts.
    pub max: Decimal,
    /// Usual range: documented in the seeds (levers) or plausible (assumptions). Outside: a warning.
    pub usual: Option<(Decimal, Decimal)>,
    /// Value taken when the scenario file does not give one.
    pub default: Decimal,
    /// Where the default and the ranges come from: a seed clause, or "assumption, not sourced".
    pub source: &'static str,
}

macro_rules! declare_params {
    ($enum_name:ident, $table:ident, [$(
        $variant:ident {
            key: $key:literal, zh: $zh:literal, en: $en:literal, unit: $unit:ident,
            range: ($min:expr, $max:expr), usual: $usual:expr, default: $default:expr, source: $source:literal $(,)?
        }
    ),* $(,)?]) => {
        #[doc = concat!("Identifies one entry of [`", stringify!($table), "`].")]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum_name { $($variant),* }

        impl $enum_name {
            /// Every entry, in declaration order (the order of the file, the docs and the page).
            pub const ALL: &'static [$enum_name] = &[$($enum_name::$variant),*];
            /// The declaration of this entry.
            pub fn spec(self) -> &'static ParamSpec {
                &$table[self as usize]
            }
            /// Finds an entry by its file key.
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|entry| entry.spec().key == key)
            }
        }

        /// The declarations, indexed by the enum's discriminant.
        pub static $table: &[ParamSpec] = &[$(ParamSpec {
            key: $key, zh: $zh, en: $en, unit: Unit::$unit, min: $min, max: $max,
            usual: $usual, default: $default, source: $source,
        }),*];
    };
}

declare_params!(Lever, LEVERS, [
    GlobalBudget {
        key: "global_budget", zh: "医保基金对医共体总额付费", en: "global budget payment to the communities",
        unit: Switch, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: "seed 000 §五(二)1; seed 004 (泸县按人头总额打包)",
    },
    CriticalIllnessRate {
        key: "critical_illness_rate", zh: "大病保险资金预留比例", en: "critical-illness insurance reserve",
        unit: Fraction, range: (dec!(0), dec!(0.5)), usual: Some((dec!(0.05), dec!(0.10))), default: dec!(0.07),
        source: "seed 000 §五(二)1 names the reserve, not its size; 5-10% is a common recollection (assumption, not sourced)",
    },
    RiskReserveRate {
        key: "risk_reserve_rate", zh: "风险调剂金比例", en: "risk-adjustment fund reserve",
        unit: Fraction, range: (dec!(0), dec!(0.3)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.03),
        source: "seed 000 §五(二)1 (一定比例); seed 004: 泸县 3% at city level",
    },
    QualityReserveRate {
        key: "quality_reserve_rate", zh: "质量保证金比例", en: "quality-guarantee fund reserve",
        unit: Fraction, range: (dec!(0), dec!(0.3)), usual: Some((dec!(0), dec!(0.10))), default: dec!(0.05),
        source: "seed 000 §五(二)1 names it; the share is an assumption, not sourced",
    },
    HistoryWeight {
        key: "history_weight", zh: "额度按上年基金支出分配的权重", en: "weight of last year's fund spending in the split",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.3),
        source: "seed 000 §五(二)1 (结合近1—3年医疗服务和基金支付情况); the weight is a local choice, default an assumption",
    },
    HistoryYears {
        key: "history_years", zh: "参考历史支出的年数", en: "years of past spending in the split",
        unit: Years, range: (dec!(1), dec!(3)), usual: None, default: dec!(1),
        source: "seed 000 §五(二)1: 结合近1—3年医疗服务提供情况和医保基金支付情况",
    },
    SurplusRetainedShare {
        key: "surplus_retained_share", zh: "结余留用比例", en: "share of a surplus the community keeps",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(1),
        source: "seed 000 §五(二)1 (结余留用); the share is a local choice",
    },
    SurplusRetentionCapRate {
        key: "surplus_retention_cap_rate", zh: "结余留用上限(占额度)", en: "cap on the retained surplus, share of quota",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.10),
        source: "local choice; default an assumption, not sourced",
    },
    OverspendBandRate {
        key: "overspend_band_rate", zh: "合理超支范围(占额度)", en: "band of reasonable overspend, share of quota",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.05),
        source: "seed 000 §五(二)1 (合理超支分担); the band is a local choice, default an assumption",
    },
    OverspendFundShare {
        key: "overspend_fund_share", zh: "合理超支医保基金分担比例", en: "fund's share of a reasonable overspend",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.5),
        source: "local choice (泸县: 超支不补 = 0); default an assumption",
    },
    PrimaryTiltPoints {
        key: "primary_tilt_points", zh: "报销比例向基层倾斜", en: "reimbursement tilt toward primary care",
        unit: Points, range: (dec!(0), dec!(50)), usual: Some((dec!(0), dec!(20))), default: dec!(0),
        source: "seed 001 item 8 (支付比例向基层医疗卫生机构倾斜); size a local choice",
    },
    PerBedSubsidyYuan {
        key: "per_bed_subsidy_yuan", zh: "公立医院每床每年重点学科和人才培养投入", en: "per-bed subsidy to public hospitals",
        unit: YuanPerBedYear, range: (dec!(0), dec!(100000)), usual: Some((dec!(3000), dec!(5000))), default: dec!(0),
        source: "seed 000 §五(一): 每床每年3000—5000元",
    },
    PublicHealthPerCapitaYuan {
        key: "public_health_per_capita_yuan", zh: "基本公共卫生服务经费人均标准", en: "public-health funds per resident",
        unit: YuanPerResidentYear, range: (dec!(0), dec!(1000)), usual: Some((dec!(79), dec!(150))), default: dec!(99),
        source: "national standard 2021 79, 2022 84, 2023 89, 2024 94, 2025 99 yuan (BRIEF §5); seed 000 §五(一)",
    },
    PublicHealthPrepaidShare {
        key: "public_health_prepaid_share", zh: "公卫经费年初预拨比例", en: "public-health funds prepaid at the start of the year",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.6), dec!(0.7))), default: dec!(0.6),
        source: "seed 000 §五(一) (年初预拨、绩效考核后发放); 60-70% is a common recollection (assumption)",
    },
    PublicHealthShareCounty {
        key: "public_health_share_county", zh: "公卫经费分配:县级", en: "public-health funds to county level",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.10),
        source: "how the community passes funds down is a lever (seed 003 §五(五)2); default an assumption",
    },
    PublicHealthShareTownship {
        key: "public_health_share_township", zh: "公卫经费分配:乡镇", en: "public-health funds to township level",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.50),
        source: "lever; default an assumption",
    },
    PublicHealthShareVillage {
        key: "public_health_share_village", zh: "公卫经费分配:村", en: "public-health funds to village clinics",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.40),
        source: "lever; default an assumption (about 40% of tasks to village clinics is common practice, not in the seeds)",
    },
    StaffRewardShare {
        key: "staff_reward_share", zh: "医疗服务收支结余用于人员奖励比例(两个允许)", en: "share of net service income paid as staff rewards (two allowances)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: "seed 002 §二(四)2, seed 003 §五(三)2 (两个允许: 主要用于人员奖励)",
    },
    FixedPayShare {
        key: "fixed_pay_share", zh: "基本薪酬中固定部分占比", en: "fixed part of the base pay",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: "seed 002 附件2 (人员薪酬中固定部分占比, rising); default an assumption",
    },
    PrimaryPayTopupRate {
        key: "primary_pay_topup_rate", zh: "基层人员薪酬上浮(由医共体专项资金支付)", en: "pay top-up for primary staff (paid by the community fund)",
        unit: Fraction, range: (dec!(0), dec!(2)), usual: Some((dec!(0), dec!(0.3))), default: dec!(0),
        source: "seed 003 §五(三)2 and §五(六)2 (向基层医务人员倾斜; 提高基层人员待遇); size an assumption",
    },
    StaffSentDownPerTownship {
        key: "staff_sent_down_per_township", zh: "每个乡镇卫生院县级下沉人员", en: "county staff sent down per township centre",
        unit: PersonsPerTownship, range: (dec!(0), dec!(50)), usual: Some((dec!(0), dec!(5))), default: dec!(0),
        source: "seed 000 §四(一)3 (专家下沉), seed 003 §五(一)2; number a local choice",
    },
    SentDownAllowanceYuan {
        key: "sent_down_allowance_yuan", zh: "下沉人员补助", en: "allowance per staff member sent down",
        unit: YuanPerPersonYear, range: (dec!(0), dec!(500000)), usual: Some((dec!(0), dec!(60000))), default: dec!(0),
        source: "seed 003 §五(六)2 (派驻基层人员补助); size an assumption",
    },
    SpecialFundRate {
        key: "special_fund_rate", zh: "专项资金提取比例(占医疗业务收入)", en: "special fund draw, share of medical business income",
        unit: Fraction, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.01), dec!(0.01))), default: dec!(0),
        source: "seed 003 §五(六)2: 每年按照医疗业务收入的提取1%",
    },
    SpecialFundManagementShare {
        key: "special_fund_management_share", zh: "专项资金用于管理经费比例", en: "share of the special fund spent on management",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: "seed 003 §五(六)2 lists management as a use; the share is an assumption",
    },
]);

declare_params!(Assumption, ASSUMPTIONS, [
    PopulationGrowthRate {
        key: "population_growth_rate", zh: "参保和常住人口年增长率", en: "population growth rate",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.2)), usual: Some((dec!(-0.02), dec!(0.02))), default: dec!(0),
        source: "assumption, not sourced (held flat)",
    },
    UtilisationGrowthRate {
        key: "utilisation_growth_rate", zh: "人均就诊量年增长率", en: "visits and admissions per insured, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.3)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.02),
        source: "assumption, not sourced",
    },
    VisitCostGrowthRate {
        key: "visit_cost_growth_rate", zh: "次均门诊费用年增长率", en: "cost per outpatient visit, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.5)), usual: Some((dec!(-0.05), dec!(0.08))), default: dec!(0.055),
        source: "national 2023: 361.6 yuan, +5.5% (BRIEF §5)",
    },
    AdmissionCostGrowthRate {
        key: "admission_cost_growth_rate", zh: "次均住院费用年增长率", en: "cost per admission, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.5)), usual: Some((dec!(-0.06), dec!(0.08))), default: dec!(0),
        source: "national 2023: 10315.8 yuan, -5.0% (BRIEF §5); held flat as a neutral default (assumption)",
    },
    FinancingGrowthRate {
        key: "financing_growth_rate", zh: "人均筹资年增长率(列出年份之后)", en: "per-capita financing growth after the listed years",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.3)), usual: Some((dec!(0), dec!(0.08))), default: dec!(0.04),
        source: "derived: 960 yuan (2022) to 1100 yuan (2025) is about 4.6% a year (BRIEF §5); 4% assumed",
    },
    WageGrowthRate {
        key: "wage_growth_rate", zh: "基本薪酬年增长率", en: "base pay growth",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.3)), usual: Some((dec!(0), dec!(0.08))), default: dec!(0.03),
        source: "assumption, not sourced",
    },
    InsuranceAppraisalScore {
        key: "insurance_appraisal_score", zh: "医保考核得分(质量保证金返还比例)", en: "insurance appraisal score (share of quality fund returned)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.8), dec!(1))), default: dec!(0.9),
        source: "assumption, not sourced",
    },
    PublicHealthAppraisalScore {
        key: "public_health_appraisal_score", zh: "公卫绩效考核得分", en: "public-health appraisal score",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.8), dec!(1))), default: dec!(0.9),
        source: "assumption, not sourced",
    },
    NonpersonnelCostRatioCounty {
        key: "nonpersonnel_cost_ratio_county", zh: "县级医院非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, county",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.4), dec!(0.8))), default: dec!(0.6),
        source: "assumption, not sourced (drugs, consumables, tests, running costs)",
    },
    NonpersonnelCostRatioTownship {
        key: "nonpersonnel_cost_ratio_township", zh: "乡镇卫生院非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, township",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.3), dec!(0.8))), default: dec!(0.55),
        source: "assumption, not sourced",
    },
    NonpersonnelCostRatioVillage {
        key: "nonpersonnel_cost_ratio_village", zh: "村卫生室非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, village",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.3), dec!(0.8))), default: dec!(0.5),
        source: "assumption, not sourced",
    },
    ServiceRevenueShareCounty {
        key: "service_revenue_share_county", zh: "县级医疗服务收入占医疗收入比例", en: "medical-service share of revenue, county",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.2), dec!(0.45))), default: dec!(0.30),
        source: "assumption; seed 002 附件2 target 35-40%",
    },
    ServiceRevenueShareTownship {
        key: "service_revenue_share_township", zh: "乡镇医疗服务收入占医疗收入比例", en: "medical-service share of revenue, township",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.15), dec!(0.45))), default: dec!(0.25),
        source: "assumption, not sourced",
    },
    ServiceRevenueShareVillage {
        key: "service_revenue_share_village", zh: "村卫生室医疗服务收入占医疗收入比例", en: "medical-service share of revenue, village",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.1), dec!(0.45))), default: dec!(0.20),
        source: "assumption, not sourced",
    },
    OutpatientTiltElasticity {
        key: "outpatient_tilt_elasticity", zh: "门诊对基层报销倾斜的反应(每百分点)", en: "outpatient response to the primary tilt, per point",
        unit: Factor, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.002), dec!(0.03))), default: dec!(0.01),
        source: "assumption, not sourced: 10 points of tilt raise primary outpatient attraction by 10%",
    },
    InpatientTiltElasticity {
        key: "inpatient_tilt_elasticity", zh: "住院对基层报销倾斜的反应(每百分点)", en: "inpatient response to the primary tilt, per point",
        unit: Factor, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.002), dec!(0.03))), default: dec!(0.008),
        source: "assumption, not sourced",
    },
    PrimaryCapacityElasticity {
        key: "primary_capacity_elasticity", zh: "基层服务能力弹性", en: "primary attraction per relative capacity gain",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.2), dec!(1))), default: dec!(0.5),
        source: "assumption, not sourced: 10% more effective township staff raise attraction by 5%",
    },
    PrimaryPayElasticity {
        key: "primary_pay_elasticity", zh: "基层薪酬对服务能力的弹性", en: "primary attraction per relative pay gain",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.1), dec!(0.6))), default: dec!(0.3),
        source: "assumption, not sourced: pay that keeps staff raises capacity, with a one-year lag",
    },
    CountyCapacityElasticity {
        key: "county_capacity_elasticity", zh: "县级能力对每床补助的反应(每千元)", en: "county attraction per 1000 yuan per bed",
        unit: Factor, range: (dec!(0), dec!(0.5)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.02),
        source: "assumption, not sourced: 4000 yuan per bed raises county-hospital attraction by 8%",
    },
    BudgetIncentiveElasticity {
        key: "budget_incentive_elasticity", zh: "总额付费结余留用对县外就医的抑制", en: "out-of-county reduction per unit of retained-surplus incentive",
        unit: Factor, range: (dec!(0), dec!(1)), usual: Some((dec!(0), dec!(0.3))), default: dec!(0.15),
        source: "assumption, not sourced: out-of-county care paid from the quota (seed 000 §五(二)2) gives a reason to keep patients",
    },
    AdjustmentSpeed {
        key: "adjustment_speed", zh: "就医流向调整速度(每年缩小差距比例)", en: "share of the gap to the new flow pattern closed each year",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.2), dec!(0.8))), default: dec!(0.5),
        source: "assumption, not sourced",
    },
    SentDownCapacityFactor {
        key: "sent_down_capacity_factor", zh: "下沉人员相当于基层人员的倍数", en: "capacity of one sent-down staff member in township staff",
        unit: Factor, range: (dec!(0), dec!(5)), usual: Some((dec!(1), dec!(2))), default: dec!(1.5),
        source: "assumption, not sourced (county doctors bring skills townships lack)",
    },
]);

/// The parameter tables as Markdown (docs/parameters.md is this text; a test keeps it current).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Levers and assumptions\n\n\
         Generated from `crate/src/model/params.rs` (the one declaration the reader, validator and page use); \
         `YGT_BLESS=1 cargo test --test docs` rewrites it.\n\
         Outside the accepted range a value is an error; outside the usual range (levers: documented in the seeds; \
         assumptions: plausible) it is allowed with a warning. A lever at 0 is a lever not used and never warns.\n",
    );
    for (title, table) in [
        (
            "## Levers (`[levers]` today, `[reform]` the reform)",
            LEVERS,
        ),
        ("## Assumptions (`[assumptions]`)", ASSUMPTIONS),
    ] {
        out.push_str(&format!("\n{title}\n\n| key | 名称 | name | unit | default | accepted | usual | source |\n|---|---|---|---|---|---|---|---|\n"));
        for spec in table.iter() {
            let usual = spec
                .usual
                .map(|(low, high)| format!("{low} – {high}"))
                .unwrap_or_else(|| "–".into());
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} – {} | {} | {} |\n",
                spec.key,
                spec.zh,
                spec.en,
                spec.unit.label().1,
                spec.default,
                spec.min,
                spec.max,
                usual,
                spec.source.replace('|', "/")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_indexed_by_discriminant_and_keys_are_unique() {
        for (index, lever) in Lever::ALL.iter().enumerate() {
            assert_eq!(*lever as usize, index);
            assert_eq!(Lever::from_key(lever.spec().key), Some(*lever));
        }
        for (index, assumption) in Assumption::ALL.iter().enumerate() {
            assert_eq!(*assumption as usize, index);
            assert_eq!(
                Assumption::from_key(assumption.spec().key),
                Some(*assumption)
            );
        }
    }

    #[test]
    fn defaults_lie_in_the_accepted_range() {
        for spec in LEVERS.iter().chain(ASSUMPTIONS.iter()) {
            assert!(
                spec.min <= spec.default && spec.default <= spec.max,
                "{}",
                spec.key
            );
            if let Some((low, high)) = spec.usual {
                assert!(
                    spec.min <= low && low <= high && high <= spec.max,
                    "{}",
                    spec.key
                );
            }
        }
    }
}
