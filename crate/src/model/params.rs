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
    /// One of a few named options, stored as its number (0, 1, 2 ...); see [`ParamSpec::choices`].
    Choice,
    /// A multiple of an amount (for example the salary pool as a multiple of base pay).
    Multiple,
    /// Percentage points per year.
    PointsPerYear,
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
            Unit::Choice => ("方式", "option"),
            Unit::Multiple => ("倍", "times"),
            Unit::PointsPerYear => ("百分点/年", "points per year"),
        }
    }
}

/// The part of the page and the docs a parameter belongs to, in the order money flows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// The insurance global budget: reserves, split, settlement (医保总额付费).
    Insurance,
    /// How the community pays its members out of the quota and who bears an overspend (医共体内部支付).
    Members,
    /// The community's pooled fund: the special fund and where retained money goes (医共体统筹资金).
    Fund,
    /// Fiscal money: the per-bed subsidy (财政投入).
    Fiscal,
    /// Basic public-health funds (基本公共卫生服务经费).
    PublicHealth,
    /// Pay: the salary pool and its split (薪酬制度).
    Pay,
    /// Assumptions: the world and how people respond (环境与行为假设).
    World,
    /// Assumptions: how patients and institutions respond (行为反应假设).
    Response,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Insurance,
        Group::Members,
        Group::Fund,
        Group::Fiscal,
        Group::PublicHealth,
        Group::Pay,
        Group::World,
        Group::Response,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Group::Insurance => "insurance",
            Group::Members => "members",
            Group::Fund => "fund",
            Group::Fiscal => "fiscal",
            Group::PublicHealth => "public_health",
            Group::Pay => "pay",
            Group::World => "world",
            Group::Response => "response",
        }
    }

    /// (Chinese, English) heading.
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            Group::Insurance => ("医保总额付费", "insurance global budget"),
            Group::Members => (
                "医共体内部支付与超支分担",
                "paying members and sharing an overspend",
            ),
            Group::Fund => ("医共体统筹资金", "the community's pooled fund"),
            Group::Fiscal => ("财政投入", "fiscal money"),
            Group::PublicHealth => ("基本公共卫生", "basic public health"),
            Group::Pay => ("薪酬制度", "pay"),
            Group::World => ("人口、费用与趋势", "population, costs and trends"),
            Group::Response => ("行为反应", "how patients and institutions respond"),
        }
    }
}

/// No named options: the parameter is a number.
pub const NUMBER: &[(&str, &str)] = &[];

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
    /// Where it is shown (page, docs).
    pub group: Group,
    /// For a [`Unit::Choice`]: the (Chinese, English) name of option 0, 1, 2 ...; empty otherwise.
    pub choices: &'static [(&'static str, &'static str)],
}

impl ParamSpec {
    /// The (Chinese, English) name of a choice's option `value`, if this is a choice and it has one.
    pub fn choice(&self, value: Decimal) -> Option<(&'static str, &'static str)> {
        use rust_decimal::prelude::ToPrimitive;
        value
            .to_usize()
            .filter(|_| value.fract().is_zero())
            .and_then(|index| self.choices.get(index).copied())
    }
}

/// The named options of a choice, or none.
macro_rules! choices_or_none {
    () => {
        NUMBER
    };
    ($choices:expr) => {
        $choices
    };
}

macro_rules! declare_params {
    ($enum_name:ident, $table:ident, [$(
        $variant:ident {
            key: $key:literal, zh: $zh:literal, en: $en:literal, unit: $unit:ident,
            range: ($min:expr, $max:expr), usual: $usual:expr, default: $default:expr, source: $source:literal,
            group: $group:ident $(, choices: $choices:expr)? $(,)?
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
            usual: $usual, default: $default, source: $source, group: Group::$group,
            choices: choices_or_none!($($choices)?),
        }),*];
    };
}

declare_params!(Lever, LEVERS, [
    GlobalBudget {
        key: "global_budget", zh: "医保基金对医共体总额付费", en: "global budget payment to the communities",
        unit: Switch, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: "seed 000 §五(二)1; seed 004 (泸县按人头总额打包)", group: Insurance,
    },
    CriticalIllnessRate {
        key: "critical_illness_rate", zh: "大病保险资金预留比例", en: "critical-illness insurance reserve",
        unit: Fraction, range: (dec!(0), dec!(0.5)), usual: None, default: dec!(0.07),
        source: "seed 000 §五(二)1 names the reserve, not its size; 5-10% is a common recollection (assumption, not sourced)", group: Insurance,
    },
    RiskReserveRate {
        key: "risk_reserve_rate", zh: "风险调剂金比例", en: "risk-adjustment fund reserve",
        unit: Fraction, range: (dec!(0), dec!(0.3)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.03),
        source: "seed 000 §五(二)1 (一定比例); seed 004: 泸县 3% at city level", group: Insurance,
    },
    QualityReserveRate {
        key: "quality_reserve_rate", zh: "质量保证金比例", en: "quality-guarantee fund reserve",
        unit: Fraction, range: (dec!(0), dec!(0.3)), usual: None, default: dec!(0.05),
        source: "seed 000 §五(二)1 names it; the share is an assumption, not sourced", group: Insurance,
    },
    HistoryWeight {
        key: "history_weight", zh: "额度按上年基金支出分配的权重", en: "weight of last year's fund spending in the split",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.3),
        source: "seed 000 §五(二)1 (结合近1—3年医疗服务和基金支付情况); the weight is a local choice, default an assumption", group: Insurance,
    },
    HistoryYears {
        key: "history_years", zh: "参考历史支出的年数", en: "years of past spending in the split",
        unit: Years, range: (dec!(1), dec!(3)), usual: None, default: dec!(1),
        source: "seed 000 §五(二)1: 结合近1—3年医疗服务提供情况和医保基金支付情况", group: Insurance,
    },
    SurplusRetainedShare {
        key: "surplus_retained_share", zh: "结余留用比例", en: "share of a surplus the community keeps",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(1),
        source: "seed 000 §五(二)1 (结余留用); the share is a local choice", group: Insurance,
    },
    SurplusRetentionCapRate {
        key: "surplus_retention_cap_rate", zh: "结余留用上限(占额度)", en: "cap on the retained surplus, share of quota",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.10),
        source: "local choice; default an assumption, not sourced", group: Insurance,
    },
    OverspendBandRate {
        key: "overspend_band_rate", zh: "合理超支范围(占额度)", en: "band of reasonable overspend, share of quota",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.05),
        source: "seed 000 §五(二)1 (合理超支分担); the band is a local choice, default an assumption", group: Insurance,
    },
    OverspendFundShare {
        key: "overspend_fund_share", zh: "合理超支医保基金分担比例", en: "fund's share of a reasonable overspend",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.5),
        source: "local choice (泸县: 超支不补 = 0); default an assumption", group: Insurance,
    },
    PrepaymentAdjustmentBand {
        key: "prepayment_adjustment_band", zh: "季度评估调整预付的幅度上限(占月预付额)", en: "quarterly review: largest change to the monthly prepayment, share of it",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: "seed 000 §五(二)1 (按月预付、季度评估、年终清算); how far a review moves the prepayment is a local choice, default 0 (the review only reports)", group: Insurance,
    },
    PrimaryTiltPoints {
        key: "primary_tilt_points", zh: "报销比例向基层倾斜", en: "reimbursement tilt toward primary care",
        unit: Points, range: (dec!(0), dec!(50)), usual: Some((dec!(0), dec!(20))), default: dec!(0),
        source: "seed 001 item 8 (支付比例向基层医疗卫生机构倾斜); size a local choice", group: Insurance,
    },
    MemberPaymentMethod {
        key: "member_payment_method", zh: "医共体向成员单位支付方式", en: "how the community pays its members",
        unit: Choice, range: (dec!(0), dec!(2)), usual: None, default: dec!(0),
        source: "seed 000 §五(二)3 and seed 003 §五(三)3 (DRG/DIP 点数法, 按人头等多元复合支付); the choice is the community's", group: Members,
        choices: &[("按项目(按实际医保支出)", "fee for service (members paid their claims)"),
                   ("基层按人头", "capitation for primary care"),
                   ("点数法(额度按点数分配)", "points: the quota shared by points")],
    },
    OverspendSharingRule {
        key: "overspend_sharing_rule", zh: "医共体自担超支的分担方式", en: "who among the members bears the community's overspend",
        unit: Choice, range: (dec!(0), dec!(2)), usual: None, default: dec!(1),
        source: "seed 000 §五(二)1 (合理超支分担) and seed 004 (一荣俱荣、一损俱损); the rule is the community's", group: Members,
        choices: &[("牵头医院承担", "the lead hospital"),
                   ("按成员单位医保支出比例", "members in proportion to their claims"),
                   ("按县、基层约定比例", "county and primary tiers in set shares")],
    },
    OverspendPrimaryShare {
        key: "overspend_primary_share", zh: "按约定比例分担时基层承担的份额", en: "primary care's part of an overspend, under set shares",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: "local choice; default an assumption, not sourced", group: Members,
    },
    SpecialFundRate {
        key: "special_fund_rate", zh: "专项资金提取比例(占医疗业务收入)", en: "special fund draw, share of medical business income",
        unit: Fraction, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.01), dec!(0.01))), default: dec!(0),
        source: "seed 003 §五(六)2: 每年按照医疗业务收入的提取1%", group: Fund,
    },
    SpecialFundManagementShare {
        key: "special_fund_management_share", zh: "专项资金用于管理经费比例", en: "share of the special fund spent on management",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: "seed 003 §五(六)2 lists management as a use; the share is an assumption", group: Fund,
    },
    FundShareRewards {
        key: "fund_share_rewards", zh: "统筹资金用于绩效奖励的比例", en: "pooled money to staff performance rewards",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: "seed 000 §五(三)2 and seed 003 §五(六)2-3 (考核结果与绩效总量挂钩); the split is the community's, default an assumption", group: Fund,
    },
    FundShareDevelopment {
        key: "fund_share_development", zh: "统筹资金用于基层能力建设的比例", en: "pooled money to primary capacity (training, equipment)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: "seed 000 §四(一) (提升基层服务能力); the split is the community's, default an assumption", group: Fund,
    },
    FundShareReserve {
        key: "fund_share_reserve", zh: "统筹资金留作风险储备的比例", en: "pooled money kept as a reserve",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: "local choice; default an assumption, not sourced", group: Fund,
    },
    FundReserveCapRate {
        key: "fund_reserve_cap_rate", zh: "统筹资金储备上限(占医共体县域内医保支出)", en: "cap on the pooled reserve, share of the community's in-county claims",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.02),
        source: "local choice; default an assumption, not sourced (above the cap the reserve is paid out as rewards)", group: Fund,
    },
    PerBedSubsidyYuan {
        key: "per_bed_subsidy_yuan", zh: "公立医院每床每年重点学科和人才培养投入", en: "per-bed subsidy to public hospitals",
        unit: YuanPerBedYear, range: (dec!(0), dec!(100000)), usual: Some((dec!(3000), dec!(5000))), default: dec!(0),
        source: "seed 000 §五(一): 每床每年3000—5000元", group: Fiscal,
    },
    PublicHealthPerCapitaYuan {
        key: "public_health_per_capita_yuan", zh: "基本公共卫生服务经费人均标准", en: "public-health funds per resident",
        unit: YuanPerResidentYear, range: (dec!(0), dec!(1000)), usual: Some((dec!(79), dec!(150))), default: dec!(99),
        source: "national standard 2021 79, 2022 84, 2023 89, 2024 94, 2025 99 yuan (BRIEF §5); seed 000 §五(一)", group: PublicHealth,
    },
    PublicHealthPrepaidShare {
        key: "public_health_prepaid_share", zh: "公卫经费年初预拨比例", en: "public-health funds prepaid at the start of the year",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: "seed 000 §五(一) (年初预拨、绩效考核后发放); 60-70% is a common recollection (assumption, not sourced)", group: PublicHealth,
    },
    PublicHealthShareCounty {
        key: "public_health_share_county", zh: "公卫经费分配:县级", en: "public-health funds to county level",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.10),
        source: "how the community passes funds down is a lever (seed 003 §五(五)2); default an assumption", group: PublicHealth,
    },
    PublicHealthShareTownship {
        key: "public_health_share_township", zh: "公卫经费分配:乡镇", en: "public-health funds to township level",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.50),
        source: "lever; default an assumption", group: PublicHealth,
    },
    PublicHealthShareVillage {
        key: "public_health_share_village", zh: "公卫经费分配:村", en: "public-health funds to village clinics",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.40),
        source: "lever; default an assumption (about 40% of tasks to village clinics is common practice, not in the seeds)", group: PublicHealth,
    },
    StaffRewardShare {
        key: "staff_reward_share", zh: "医疗服务收支结余用于人员奖励比例(两个允许)", en: "share of net service income paid as staff rewards (two allowances)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: "seed 002 §二(四)2, seed 003 §五(三)2 (两个允许: 主要用于人员奖励)", group: Pay,
    },
    SalaryPoolCapMultiple {
        key: "salary_pool_cap_multiple", zh: "核定薪酬总量上限(基本薪酬的倍数)", en: "approved salary pool cap, multiple of base pay",
        unit: Multiple, range: (dec!(1), dec!(10)), usual: None, default: dec!(2),
        source: "seed 002 §二(四)2 (核定薪酬总量); the cap is set locally, default an assumption, not sourced", group: Pay,
    },
    PrimaryRewardWeight {
        key: "primary_reward_weight", zh: "奖励分配向基层倾斜(基层人均权重, 县级为1)", en: "rewards tilted to primary staff (weight per primary head, county = 1)",
        unit: Multiple, range: (dec!(0), dec!(5)), usual: None, default: dec!(1),
        source: "seed 003 §五(三)2 (薪酬分配要向……基层医务人员倾斜); the weight is the community's", group: Pay,
    },
    FixedPayShare {
        key: "fixed_pay_share", zh: "基本薪酬中固定部分占比", en: "fixed part of the base pay",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: "seed 002 附件2 (人员薪酬中固定部分占比, rising); default an assumption. The indicator is the fixed part of all pay, which falls as rewards grow", group: Pay,
    },
    PrimaryPayTopupRate {
        key: "primary_pay_topup_rate", zh: "基层人员薪酬保底上浮(由医共体统筹资金支付)", en: "guaranteed pay top-up for primary staff (paid by the pooled fund)",
        unit: Fraction, range: (dec!(0), dec!(2)), usual: None, default: dec!(0),
        source: "seed 003 §五(三)2 and §五(六)2 (向基层医务人员倾斜; 提高基层人员待遇); size a local choice", group: Pay,
    },
    StaffSentDownPerTownship {
        key: "staff_sent_down_per_township", zh: "每个乡镇卫生院县级下沉人员", en: "county staff sent down per township centre",
        unit: PersonsPerTownship, range: (dec!(0), dec!(50)), usual: None, default: dec!(0),
        source: "seed 000 §四(一)3 (专家下沉), seed 003 §五(一)2; number a local choice", group: Pay,
    },
    SentDownAllowanceYuan {
        key: "sent_down_allowance_yuan", zh: "下沉人员补助", en: "allowance per staff member sent down",
        unit: YuanPerPersonYear, range: (dec!(0), dec!(500000)), usual: None, default: dec!(0),
        source: "seed 003 §五(六)2 (派驻基层人员补助); size a local choice", group: Pay,
    },
]);

declare_params!(Assumption, ASSUMPTIONS, [
    PopulationGrowthRate {
        key: "population_growth_rate", zh: "参保和常住人口年增长率", en: "population growth rate",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.2)), usual: Some((dec!(-0.02), dec!(0.02))), default: dec!(0),
        source: "assumption, not sourced (held flat)", group: World,
    },
    UtilisationGrowthRate {
        key: "utilisation_growth_rate", zh: "人均就诊量年增长率", en: "visits and admissions per insured, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.3)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.02),
        source: "assumption, not sourced", group: World,
    },
    VisitCostGrowthRate {
        key: "visit_cost_growth_rate", zh: "次均门诊费用年增长率", en: "cost per outpatient visit, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.5)), usual: Some((dec!(-0.05), dec!(0.08))), default: dec!(0.055),
        source: "national 2023: 361.6 yuan, +5.5% (BRIEF §5)", group: World,
    },
    AdmissionCostGrowthRate {
        key: "admission_cost_growth_rate", zh: "次均住院费用年增长率", en: "cost per admission, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.5)), usual: Some((dec!(-0.06), dec!(0.08))), default: dec!(0),
        source: "national 2023: 10315.8 yuan, -5.0% (BRIEF §5); held flat as a neutral default (assumption)", group: World,
    },
    FinancingGrowthRate {
        key: "financing_growth_rate", zh: "人均筹资年增长率(列出年份之后)", en: "per-capita financing growth after the listed years",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.3)), usual: Some((dec!(0), dec!(0.08))), default: dec!(0.04),
        source: "derived: 960 yuan (2022) to 1100 yuan (2025) is about 4.6% a year (BRIEF §5); 4% assumed", group: World,
    },
    WageGrowthRate {
        key: "wage_growth_rate", zh: "基本薪酬年增长率", en: "base pay growth",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.3)), usual: Some((dec!(0), dec!(0.08))), default: dec!(0.03),
        source: "assumption, not sourced", group: World,
    },
    PrimaryVisitShareTrend {
        key: "primary_visit_share_trend", zh: "基层门急诊占比的背景趋势", en: "background trend of the primary share of visits",
        unit: PointsPerYear, range: (dec!(-5), dec!(5)), usual: Some((dec!(-1.5), dec!(1))), default: dec!(-0.3),
        source: "national: primary share of all visits 56.4% (2015) to 50.2% (2021), about -1 point a year, and above 50% every year since (国家卫生健康委《我国卫生健康事业发展统计公报》); -0.3 assumed: the fall has slowed", group: World,
    },
    OutsideAdmissionShareTrend {
        key: "outside_admission_share_trend", zh: "县外住院占比的背景趋势", en: "background trend of the out-of-county share of admissions",
        unit: PointsPerYear, range: (dec!(-5), dec!(5)), usual: Some((dec!(-1), dec!(1))), default: dec!(0),
        source: "assumption, not sourced (held flat)", group: World,
    },
    InsuranceAppraisalScore {
        key: "insurance_appraisal_score", zh: "医保考核得分(质量保证金返还比例)", en: "insurance appraisal score (share of quality fund returned)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.8), dec!(1))), default: dec!(0.9),
        source: "assumption, not sourced", group: World,
    },
    PublicHealthAppraisalScore {
        key: "public_health_appraisal_score", zh: "公卫绩效考核得分", en: "public-health appraisal score",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.8), dec!(1))), default: dec!(0.9),
        source: "assumption, not sourced", group: World,
    },
    PublicHealthLabourShare {
        key: "public_health_labour_share", zh: "公卫经费中用于人员劳务的比例", en: "share of public-health funds paid to the staff who do the work",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.4), dec!(0.8))), default: dec!(0.6),
        source: "assumption, not sourced (public-health work is mostly labour: follow-ups, records, check-ups; the rest is tests and consumables)", group: World,
    },
    NonpersonnelCostRatioCounty {
        key: "nonpersonnel_cost_ratio_county", zh: "县级医院非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, county",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.4), dec!(0.8))), default: dec!(0.6),
        source: "assumption, not sourced (drugs, consumables, tests, running costs)", group: World,
    },
    NonpersonnelCostRatioTownship {
        key: "nonpersonnel_cost_ratio_township", zh: "乡镇卫生院非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, township",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.3), dec!(0.8))), default: dec!(0.55),
        source: "assumption, not sourced", group: World,
    },
    NonpersonnelCostRatioVillage {
        key: "nonpersonnel_cost_ratio_village", zh: "村卫生室非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, village",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.3), dec!(0.8))), default: dec!(0.5),
        source: "assumption, not sourced", group: World,
    },
    ServiceRevenueShareCounty {
        key: "service_revenue_share_county", zh: "县级医疗服务收入占医疗收入比例", en: "medical-service share of revenue, county",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.2), dec!(0.45))), default: dec!(0.30),
        source: "assumption; seed 002 附件2 target 35-40%", group: World,
    },
    ServiceRevenueShareTownship {
        key: "service_revenue_share_township", zh: "乡镇医疗服务收入占医疗收入比例", en: "medical-service share of revenue, township",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.15), dec!(0.45))), default: dec!(0.25),
        source: "assumption, not sourced", group: World,
    },
    ServiceRevenueShareVillage {
        key: "service_revenue_share_village", zh: "村卫生室医疗服务收入占医疗收入比例", en: "medical-service share of revenue, village",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.1), dec!(0.45))), default: dec!(0.20),
        source: "assumption, not sourced", group: World,
    },
    OutpatientTiltElasticity {
        key: "outpatient_tilt_elasticity", zh: "门诊对基层报销倾斜的反应(每百分点)", en: "outpatient response to the primary tilt, per point",
        unit: Factor, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.002), dec!(0.03))), default: dec!(0.01),
        source: "assumption, not sourced: 10 points of tilt raise primary outpatient attraction by 10%", group: Response,
    },
    InpatientTiltElasticity {
        key: "inpatient_tilt_elasticity", zh: "住院对基层报销倾斜的反应(每百分点)", en: "inpatient response to the primary tilt, per point",
        unit: Factor, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.002), dec!(0.03))), default: dec!(0.008),
        source: "assumption, not sourced", group: Response,
    },
    PrimaryCapacityElasticity {
        key: "primary_capacity_elasticity", zh: "基层服务能力弹性", en: "primary attraction per relative capacity gain",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.2), dec!(1))), default: dec!(0.5),
        source: "assumption, not sourced: 10% more effective township staff raise attraction by 5%", group: Response,
    },
    PrimaryPayElasticity {
        key: "primary_pay_elasticity", zh: "基层薪酬对服务能力的弹性", en: "primary attraction per relative pay gain",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.1), dec!(0.6))), default: dec!(0.3),
        source: "assumption, not sourced: pay that keeps staff raises capacity, with a one-year lag", group: Response,
    },
    DevelopmentCapacityFactor {
        key: "development_capacity_factor", zh: "基层能力建设投入的能力转化系数", en: "capacity bought by development money, per yuan of primary base pay",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.2), dec!(1))), default: dec!(0.5),
        source: "assumption, not sourced: a yuan of training and equipment adds half the capacity a yuan of staff pay does, from the next year", group: Response,
    },
    CountyCapacityElasticity {
        key: "county_capacity_elasticity", zh: "每床补助对县级住院能力的年增益(每千元)", en: "county inpatient capability gained a year per 1000 yuan per bed",
        unit: Factor, range: (dec!(0), dec!(0.1)), usual: Some((dec!(0), dec!(0.01))), default: dec!(0.005),
        source: "assumption, not sourced: 4000 yuan per bed for key disciplines and training lowers the pull of out-of-county hospitals by 2% a year, from the next year", group: Response,
    },
    CapacityDecayRate {
        key: "capacity_decay_rate", zh: "能力建设成果年流失率", en: "capability built that is lost each year",
        unit: RatePerYear, range: (dec!(0), dec!(1)), usual: Some((dec!(0.05), dec!(0.3))), default: dec!(0.1),
        source: "assumption, not sourced (staff turnover, equipment ageing): capability lasts while money keeps coming and wanes when it stops", group: Response,
    },
    BudgetIncentiveElasticity {
        key: "budget_incentive_elasticity", zh: "医保额度风险对县外就医的抑制", en: "out-of-county reduction per unit of money at stake",
        unit: Factor, range: (dec!(0), dec!(1)), usual: Some((dec!(0), dec!(0.3))), default: dec!(0.15),
        source: "assumption, not sourced: out-of-county care is paid from the quota (seed 000 §五(二)2), so a community that keeps part of each yuan saved keeps patients", group: Response,
    },
    BudgetPrimaryElasticity {
        key: "budget_primary_elasticity", zh: "医保额度风险对基层首诊的推动", en: "primary attraction per unit of money at stake",
        unit: Factor, range: (dec!(0), dec!(1)), usual: Some((dec!(0), dec!(0.2))), default: dec!(0.05),
        source: "assumption, not sourced: care at township and village costs the quota less, so a community with money at stake guides patients there", group: Response,
    },
    BudgetCostContainment {
        key: "budget_cost_containment", zh: "医保额度风险对县域内次均费用的年控制", en: "yearly in-county cost-per-case restraint per unit of money at stake",
        unit: RatePerYear, range: (dec!(0), dec!(0.1)), usual: Some((dec!(0), dec!(0.02))), default: dec!(0.01),
        source: "assumption, not sourced: with the whole overspend at stake, cost per visit and per stay grow 1 point a year slower (fewer unneeded tests and drugs)", group: Response,
    },
    SettlementOutlookSpread {
        key: "settlement_outlook_spread", zh: "对年终清算结果的预期不确定幅度(占额度)", en: "uncertainty of the year-end position the community expects, share of quota",
        unit: Fraction, range: (dec!(0.01), dec!(0.5)), usual: Some((dec!(0.02), dec!(0.1))), default: dec!(0.05),
        source: "assumption, not sourced: the community judges what is at stake from last year's claims against this year's quota, give or take this much", group: Response,
    },
    AdjustmentSpeed {
        key: "adjustment_speed", zh: "就医流向调整速度(每年缩小差距比例)", en: "share of the gap to the new flow pattern closed each year",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.2), dec!(0.8))), default: dec!(0.5),
        source: "assumption, not sourced", group: Response,
    },
    SentDownCapacityFactor {
        key: "sent_down_capacity_factor", zh: "下沉人员相当于基层人员的倍数", en: "capacity of one sent-down staff member in township staff",
        unit: Factor, range: (dec!(0), dec!(5)), usual: Some((dec!(1), dec!(2))), default: dec!(1.5),
        source: "assumption, not sourced (county doctors bring skills townships lack)", group: Response,
    },
]);

/// Levers that split one amount and must add to one (the page moves them together).
pub struct Split {
    /// The levers' common key, with `*` for what differs (as diagnostics name it).
    pub key: &'static str,
    pub levers: [Lever; 3],
    /// (Chinese, English) what is split.
    pub zh: &'static str,
    pub en: &'static str,
}

pub static SPLITS: &[Split] = &[
    Split {
        key: "public_health_share_*",
        levers: [
            Lever::PublicHealthShareCounty,
            Lever::PublicHealthShareTownship,
            Lever::PublicHealthShareVillage,
        ],
        zh: "公卫经费县、乡、村分配比例",
        en: "county, township and village public-health shares",
    },
    Split {
        key: "fund_share_*",
        levers: [
            Lever::FundShareRewards,
            Lever::FundShareDevelopment,
            Lever::FundShareReserve,
        ],
        zh: "统筹资金用于奖励、能力建设和储备的比例",
        en: "shares of pooled money to rewards, development and the reserve",
    },
];

impl Lever {
    /// The split this lever belongs to, if any.
    pub fn split(self) -> Option<&'static Split> {
        SPLITS.iter().find(|split| split.levers.contains(&self))
    }
}

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
