//! The declared parameters: every policy lever and every behavioural assumption, declared once as data.
//!
//! Each declaration carries the key used in scenario files and `--set` paths, Chinese and English
//! labels, a unit, the range the model can accept (outside it a value is impossible and an error), a
//! usual range (outside it a value is allowed with a warning: for levers the range the policy documents
//! give where they give one, for assumptions a plausible range), the default and a [`Citation`] of where
//! the default and the ranges come from (the document and clause, and whether the value is documented, a
//! local choice or an assumption; see [`super::sources`]). The scenario reader, the validator, the
//! documentation and the user interface all read these tables, so a lever is described in one place only.
//!
//! Levers are what a county decides (政策杠杆); assumptions are how people and institutions are assumed
//! to respond and how the world is assumed to move (行为与环境假设). They are kept apart everywhere.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::sources::{Basis, Citation, Document};

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
    /// Usual range: from the policy documents where they give one, otherwise usual (levers) or
    /// plausible (assumptions). Outside: a warning.
    pub usual: Option<(Decimal, Decimal)>,
    /// Whether the usual range itself is stated in a cited document (see [`ParamSpec::range_is_documented`]).
    pub usual_documented: bool,
    /// Value taken when the scenario file does not give one.
    pub default: Decimal,
    /// Where the default and the ranges come from: the documents and clauses, the basis, and a note.
    pub source: Citation,
    /// Where it is shown (page, docs).
    pub group: Group,
    /// For a [`Unit::Choice`]: the (Chinese, English) name of option 0, 1, 2 ...; empty otherwise.
    pub choices: &'static [(&'static str, &'static str)],
    /// Where the default depends on the calendar year (a national standard that rises), the default
    /// of each year; `default` is then the value of the year the sources last give.
    pub dated_default: Option<fn(i32) -> Decimal>,
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

    /// Where the default and the ranges come from, in Chinese.
    pub fn source_zh(&self) -> String {
        self.source.text_zh()
    }

    /// Where the default and the ranges come from, in English.
    pub fn source_en(&self) -> String {
        self.source.text_en()
    }

    /// Whether the usual range may be shown as documented (文件规定): only when the value rests on a
    /// document and the range itself is stated in one. Otherwise it is a usual or plausible range.
    /// Whether `value` lies outside the usual range (a warning, not an error). A lever at zero is a
    /// policy not in place, never unusual.
    pub fn outside_usual(&self, value: Decimal, is_lever: bool) -> bool {
        self.usual.is_some_and(|(low, high)| {
            !(is_lever && value.is_zero()) && (value < low || value > high)
        })
    }

    pub fn range_is_documented(&self) -> bool {
        self.source.basis == Basis::Documented && self.usual.is_some() && self.usual_documented
    }
}

/// Whether a declaration marks its usual range as documented (false when it does not say).
macro_rules! documented_or_not {
    () => {
        false
    };
    ($documented:literal) => {
        $documented
    };
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

/// A default that depends on the year, or none.
macro_rules! dated_or_none {
    () => {
        None
    };
    ($dated:expr) => {
        Some($dated)
    };
}

macro_rules! declare_params {
    ($enum_name:ident, $table:ident, [$(
        $variant:ident {
            key: $key:literal, zh: $zh:literal, en: $en:literal, unit: $unit:ident,
            range: ($min:expr, $max:expr), usual: $usual:expr, $(usual_documented: $documented:literal,)?
            default: $default:expr, source: $source:expr,
            group: $group:ident $(, choices: $choices:expr)? $(, dated_default: $dated:expr)? $(,)?
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
            usual: $usual, usual_documented: documented_or_not!($($documented)?), default: $default,
            source: $source, group: Group::$group,
            choices: choices_or_none!($($choices)?),
            dated_default: dated_or_none!($($dated)?),
        }),*];
    };
}

/// A range of an assumption's value: where a Monte Carlo draws it and between whose ends the tornado
/// moves it. By default an assumption's plausible range ([`ParamSpec::usual`]); a scenario may set its
/// own in `[uncertainty]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AssumptionRange {
    pub assumption: Assumption,
    pub low: Decimal,
    pub high: Decimal,
}

declare_params!(Lever, LEVERS, [
    GlobalBudget {
        key: "global_budget", zh: "医保基金对医共体总额付费", en: "global budget payment to the communities",
        unit: Switch, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::Documented, Document::HenanManual, "五(二)1",
            "文件要求对医共体整体实行医保基金总额付费;泸县在市级提取3%风险金后,将居民医保资金按人头总额打包给各医共体;默认值0表示尚未实行",
            "the manual asks for a global budget for each community as a whole; Luxian pays each community a lump sum by headcount after a 3% risk fund is taken at city level; the default 0 means not yet in place",
        ).and(Document::LuxianPressConference, ""),
        group: Insurance,
    },
    CriticalIllnessRate {
        key: "critical_illness_rate", zh: "大病保险资金预留比例", en: "critical-illness insurance reserve",
        unit: Fraction, range: (dec!(0), dec!(0.5)), usual: None, default: dec!(0.07),
        source: Citation::new(
            Basis::Assumption, Document::HenanManual, "五(二)1",
            "文件规定预留大病保险资金,未规定比例;默认值7%为假设(5%—10%为常见说法,未找到出处)",
            "the document names the reserve, not its size: the default 7% is an assumption (5-10% is a common recollection, not sourced)",
        ),
        group: Insurance,
    },
    RiskReserveRate {
        key: "risk_reserve_rate", zh: "风险调剂金比例", en: "risk-adjustment fund reserve",
        unit: Fraction, range: (dec!(0), dec!(0.3)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.03),
        source: Citation::new(
            Basis::Documented, Document::HenanManual, "五(二)1",
            "文件规定预留“一定比例”的风险调剂金,未规定具体比例;泸县在市级提取3%,默认值即取3%;常用范围0—5%为假设,非文件规定",
            "the manual reserves \"a certain proportion\" without a figure; Luxian takes 3% at city level, which is the default; the usual range 0-5% is an assumption, not from a document",
        ).and(Document::LuxianPressConference, ""),
        group: Insurance,
    },
    QualityReserveRate {
        key: "quality_reserve_rate", zh: "质量保证金比例", en: "quality-guarantee fund reserve",
        unit: Fraction, range: (dec!(0), dec!(0.3)), usual: None, default: dec!(0.05),
        source: Citation::new(
            Basis::Assumption, Document::HenanManual, "五(二)1",
            "文件规定预留“一定比例”的质量保证金,未规定比例;默认值5%为假设",
            "the manual reserves \"a certain proportion\" for the quality-guarantee fund without a figure; the default 5% is an assumption",
        ),
        group: Insurance,
    },
    HistoryWeight {
        key: "history_weight", zh: "额度按上年基金支出分配的权重", en: "weight of last year's fund spending in the split",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.3),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(二)1",
            "文件规定按医共体覆盖参保居民数量,结合近1—3年医疗服务提供情况和医保基金支付情况确定年预分额度,未规定二者权重;权重由本地确定,默认值30%为假设",
            "quotas follow each community's insured residents, taking account of the last 1-3 years of services and fund payments, with no weight given; the weight is a local choice and the default 30% an assumption",
        ),
        group: Insurance,
    },
    HistoryYears {
        key: "history_years", zh: "参考历史支出的年数", en: "years of past spending in the split",
        unit: Years, range: (dec!(1), dec!(3)), usual: None, default: dec!(1),
        source: Citation::new(
            Basis::Documented, Document::HenanManual, "五(二)1",
            "文件规定结合近1—3年医疗服务提供情况和医保基金支付情况;具体取几年由本地确定,默认取1年",
            "the manual says the last 1-3 years of services and fund payments; how many is a local choice, default 1",
        ),
        group: Insurance,
    },
    SurplusRetainedShare {
        key: "surplus_retained_share", zh: "结余留用比例", en: "share of a surplus the community keeps",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(1),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(二)1",
            "文件要求建立结余留用机制,未规定留用比例;比例由本地确定,默认结余全部留用",
            "the manual requires a retained surplus without saying how much; the share is a local choice, by default all of it",
        ),
        group: Insurance,
    },
    SurplusRetentionCapRate {
        key: "surplus_retention_cap_rate", zh: "结余留用上限(占额度)", en: "cap on the retained surplus, share of quota",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.10),
        source: Citation::unsourced(
            Basis::LocalChoice,
            "文件未规定留用上限,由本地确定;默认值10%为假设",
            "no document sets a cap: a local choice; the default 10% is an assumption",
        ),
        group: Insurance,
    },
    OverspendBandRate {
        key: "overspend_band_rate", zh: "合理超支范围(占额度)", en: "band of reasonable overspend, share of quota",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.05),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(二)1",
            "文件要求合理超支分担,未界定“合理超支”的范围;范围由本地确定,默认值5%为假设",
            "the manual requires a reasonable overspend to be shared but does not define \"reasonable\": the band is a local choice, the default 5% an assumption",
        ),
        group: Insurance,
    },
    OverspendFundShare {
        key: "overspend_fund_share", zh: "合理超支医保基金分担比例", en: "fund's share of a reasonable overspend",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.5),
        source: Citation::new(
            Basis::LocalChoice, Document::LuxianPressConference, "",
            "分担比例由本地确定;泸县实行“超支不补”,相当于0;默认值50%为假设",
            "a local choice; Luxian does not make up overspends, which is 0; the default 50% is an assumption",
        ),
        group: Insurance,
    },
    PrepaymentAdjustmentBand {
        key: "prepayment_adjustment_band", zh: "季度评估调整预付的幅度上限(占月预付额)", en: "quarterly review: largest change to the monthly prepayment, share of it",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(二)1",
            "文件规定实行年初预算、按月预付、季度评估、年终清算,未规定季度评估后如何调整预付;调整幅度由本地确定,默认0(评估只作通报,不调整预付)",
            "the manual sets an annual budget, monthly prepayment, quarterly review and year-end settlement, but not how a review changes the prepayment; how far it moves is a local choice, default 0 (the review only reports)",
        ),
        group: Insurance,
    },
    PrimaryTiltPoints {
        key: "primary_tilt_points", zh: "报销比例向基层倾斜", en: "reimbursement tilt toward primary care",
        unit: Points, range: (dec!(0), dec!(50)), usual: Some((dec!(0), dec!(20))), default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::YaanTieredCare, "二(三)8",
            "文件要求支付比例向基层医疗卫生机构倾斜,未规定倾斜幅度;幅度由本地确定,常用范围0—20个百分点非文件规定",
            "the plan tilts the payment rate toward primary care without saying by how much; the size is a local choice and the usual range of 0-20 points is not from the document",
        ),
        group: Insurance,
    },
    MemberPaymentMethod {
        key: "member_payment_method", zh: "医共体向成员单位支付方式", en: "how the community pays its members",
        unit: Choice, range: (dec!(0), dec!(2)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(二)3",
            "两份文件规定的是医保对医共体的支付方式:河南为DRG或DIP付费,米易为总额预算下DRG结合点数法为主,辅以按病种、按床日、按人头包干的多元复合支付;医共体向成员单位如何支付,文件未规定,由医共体自行确定",
            "both documents set how the insurance fund pays the community (Henan: DRG or DIP; Miyi: DRG with points under the global budget, plus per-case, per-bed-day and capitation payment); how the community pays its members is not set: the community's choice",
        ).and(Document::MiyiCommunity, "五(三)3"),
        group: Members,
        choices: &[("按项目(按实际医保支出)", "fee for service (members paid their claims)"),
                   ("基层按人头", "capitation for primary care"),
                   ("点数法(额度按点数分配)", "points: the quota shared by points")],
    },
    OverspendSharingRule {
        key: "overspend_sharing_rule", zh: "医共体自担超支的分担方式", en: "who among the members bears the community's overspend",
        unit: Choice, range: (dec!(0), dec!(2)), usual: None, default: dec!(1),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(二)1",
            "文件要求合理超支分担,未规定医共体内部由谁承担;泸县“一荣俱荣、一损俱损”指总院与分院领导班子绩效捆绑,并非超支分担规则;分担方式由医共体自行确定",
            "the manual requires a reasonable overspend to be shared but not who inside the community bears it; Luxian's \"sink or swim together\" binds the appraisal of the lead and member hospitals' leaders and is not an overspend rule; the rule is the community's choice",
        ).and(Document::LuxianPressConference, ""),
        group: Members,
        choices: &[("牵头医院承担", "the lead hospital"),
                   ("按成员单位医保支出比例", "members in proportion to their claims"),
                   ("按县、基层约定比例", "county and primary tiers in set shares")],
    },
    OverspendPrimaryShare {
        key: "overspend_primary_share", zh: "按约定比例分担时基层承担的份额", en: "primary care's part of an overspend, under set shares",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: Citation::unsourced(
            Basis::LocalChoice,
            "文件未规定,由医共体自行确定;默认值20%为假设",
            "no document sets it: the community's choice; the default 20% is an assumption",
        ),
        group: Members,
    },
    SpecialFundRate {
        key: "special_fund_rate", zh: "专项资金提取比例(占医疗业务收入)", en: "special fund draw, share of medical business income",
        unit: Fraction, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.01), dec!(0.01))), usual_documented: true,
        default: dec!(0),
        source: Citation::new(
            Basis::Documented, Document::MiyiCommunity, "五(六)2",
            "医疗集团内各医疗机构每年按医疗业务收入的1%提取资金,设立医疗集团专项资金;默认值0表示未设立",
            "each member institution puts 1% of its medical business income into the group's special fund each year; the default 0 means no fund",
        ),
        group: Fund,
    },
    SpecialFundManagementShare {
        key: "special_fund_management_share", zh: "专项资金用于管理经费比例", en: "share of the special fund spent on management",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: Citation::new(
            Basis::Assumption, Document::MiyiCommunity, "五(六)2",
            "文件列明专项资金用于管理经费、派驻基层人员补助和提高基层人员待遇,未规定各项比例;默认值20%为假设",
            "the plan lists management, allowances for staff sent down and better pay for primary staff as the fund's uses, without shares; the default 20% is an assumption",
        ),
        group: Fund,
    },
    FundShareRewards {
        key: "fund_share_rewards", zh: "统筹资金用于绩效奖励的比例", en: "pooled money to staff performance rewards",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "五(三)2",
            "医共体享有内部绩效考核和收入分配自主权,考核结果与绩效总量挂钩;用于奖励的比例由医共体自行确定,默认值60%为假设",
            "the community decides its internal appraisal and pay, and appraisal results are tied to the performance-pay total; the share is the community's choice, the default 60% an assumption",
        ).and(Document::MiyiCommunity, "五(六)2—3"),
        group: Fund,
    },
    FundShareDevelopment {
        key: "fund_share_development", zh: "统筹资金用于基层能力建设的比例", en: "pooled money to primary capacity (training, equipment)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "四(一)3",
            "文件要求通过院长下派、专家下沉、技术帮扶、资金设备支持等方式提升成员单位服务能力,未规定投入比例;比例由医共体自行确定,默认值20%为假设",
            "the manual asks the lead hospital to build members' capacity (managers and experts sent down, technical help, money and equipment) without a share; the share is the community's choice, the default 20% an assumption",
        ),
        group: Fund,
    },
    FundShareReserve {
        key: "fund_share_reserve", zh: "统筹资金留作风险储备的比例", en: "pooled money kept as a reserve",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.2),
        source: Citation::unsourced(
            Basis::LocalChoice,
            "文件未规定,由医共体自行确定;默认值20%为假设",
            "no document sets it: the community's choice; the default 20% is an assumption",
        ),
        group: Fund,
    },
    FundReserveCapRate {
        key: "fund_reserve_cap_rate", zh: "统筹资金储备上限(占医共体县域内医保支出)", en: "cap on the pooled reserve, share of the community's in-county claims",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.02),
        source: Citation::unsourced(
            Basis::LocalChoice,
            "文件未规定,由医共体自行确定;默认值2%为假设;储备超出上限的部分转作绩效奖励",
            "no document sets it: the community's choice; the default 2% is an assumption; above the cap the reserve is paid out as rewards",
        ),
        group: Fund,
    },
    PerBedSubsidyYuan {
        key: "per_bed_subsidy_yuan", zh: "公立医院每床每年重点学科和人才培养投入", en: "per-bed subsidy to public hospitals",
        unit: YuanPerBedYear, range: (dec!(0), dec!(100000)), usual: Some((dec!(3000), dec!(5000))), usual_documented: true,
        default: dec!(0),
        source: Citation::new(
            Basis::Documented, Document::HenanManual, "五(一)",
            "对公立医院重点学科发展和人才培养按每床每年3000—5000元的标准投入;默认值0表示未投入",
            "public hospitals get 3,000-5,000 yuan per bed per year for key disciplines and training; the default 0 means none",
        ),
        group: Fiscal,
    },
    PublicHealthPerCapitaYuan {
        key: "public_health_per_capita_yuan", zh: "基本公共卫生服务经费人均标准", en: "public-health funds per resident",
        unit: YuanPerResidentYear, range: (dec!(0), dec!(1000)), usual: Some((dec!(79), dec!(150))), default: dec!(99),
        source: Citation::new(
            Basis::Documented, Document::PublicHealthFundingNotices, "2021—2025年",
            "人均补助标准2021年79元、2022年84元、2023年89元、2024年94元、2025年99元,默认值取2025年标准;按医共体常住人口总额预算;常用范围上限150元为假设",
            "the national standard per resident was 79 (2021), 84 (2022), 89 (2023), 94 (2024) and 99 yuan (2025), the default; the manual budgets it by the community's resident population; the upper end of the usual range, 150, is an assumption",
        ).and(Document::HenanManual, "五(一)"),
        group: PublicHealth,
        dated_default: public_health_standard,
    },
    PublicHealthPrepaidShare {
        key: "public_health_prepaid_share", zh: "公卫经费年初预拨比例", en: "public-health funds prepaid at the start of the year",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: Citation::new(
            Basis::Assumption, Document::HenanManual, "五(一)",
            "文件规定年初预拨部分工作经费、绩效考核后发放,未规定预拨比例;默认值60%为假设(60%—70%为常见说法,未找到出处)",
            "the manual prepays part of the funds at the start of the year and pays the rest after appraisal, without a share; the default 60% is an assumption (60-70% is a common recollection, not sourced)",
        ),
        group: PublicHealth,
    },
    PublicHealthShareCounty {
        key: "public_health_share_county", zh: "公卫经费分配:县级", en: "public-health funds to county level",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.10),
        source: Citation::new(
            Basis::LocalChoice, Document::MiyiCommunity, "五(五)2",
            "文件规定基本公共卫生服务经费按医共体服务常住人口总额预算,由医共体统筹管理和使用,未规定县、乡、村分配比例;比例由医共体自行确定,默认值10%为假设",
            "the plan budgets public-health funds by the community's resident population and lets the community manage them, without county, township and village shares; the split is the community's choice, the default 10% an assumption",
        ),
        group: PublicHealth,
    },
    PublicHealthShareTownship {
        key: "public_health_share_township", zh: "公卫经费分配:乡镇", en: "public-health funds to township level",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.50),
        source: Citation::new(
            Basis::LocalChoice, Document::MiyiCommunity, "五(五)2",
            "文件未规定县、乡、村分配比例;比例由医共体自行确定,默认值50%为假设",
            "no county, township and village shares are set; the split is the community's choice, the default 50% an assumption",
        ),
        group: PublicHealth,
    },
    PublicHealthShareVillage {
        key: "public_health_share_village", zh: "公卫经费分配:村", en: "public-health funds to village clinics",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.40),
        source: Citation::new(
            Basis::LocalChoice, Document::MiyiCommunity, "五(五)2",
            "文件未规定县、乡、村分配比例;比例由医共体自行确定,默认值40%为假设(约四成任务交由村卫生室是常见做法,文件未规定)",
            "no county, township and village shares are set; the split is the community's choice, the default 40% an assumption (about 40% of the tasks going to village clinics is common practice, not in the documents)",
        ),
        group: PublicHealth,
    },
    StaffRewardShare {
        key: "staff_reward_share", zh: "医疗服务收支结余用于人员奖励比例(两个允许)", en: "share of net service income paid as staff rewards (two allowances)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::YiyangHospitals, "三(四)2",
            "按照“两个允许”,医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励,未规定具体比例;比例由本地确定,默认值0表示未实行",
            "under the \"two allowances\", medical-service income after costs and required fund draws may mainly go to staff rewards, with no figure; the share is a local choice, the default 0 means not in place",
        ).and(Document::MiyiCommunity, "五(三)2"),
        group: Pay,
    },
    SalaryPoolCapMultiple {
        key: "salary_pool_cap_multiple", zh: "核定薪酬总量上限(基本薪酬的倍数)", en: "approved salary pool cap, multiple of base pay",
        unit: Multiple, range: (dec!(1), dec!(10)), usual: None, default: dec!(2),
        source: Citation::new(
            Basis::LocalChoice, Document::YiyangHospitals, "三(四)2",
            "文件要求合理核定和动态调整薪酬总量,在核定的薪酬总量内自主分配,未规定上限;上限由本地确定,默认为基本薪酬的2倍,系假设",
            "the plan has the salary pool approved and adjusted, with free distribution inside it, but sets no cap; the cap is a local choice, the default of twice base pay an assumption",
        ),
        group: Pay,
    },
    PrimaryRewardWeight {
        key: "primary_reward_weight", zh: "奖励分配向基层倾斜(基层人均权重, 县级为1)", en: "rewards tilted to primary staff (weight per primary head, county = 1)",
        unit: Multiple, range: (dec!(0), dec!(5)), usual: None, default: dec!(1),
        source: Citation::new(
            Basis::LocalChoice, Document::MiyiCommunity, "五(三)2",
            "文件要求薪酬分配向临床一线、关键岗位、业务骨干及基层医务人员倾斜,未规定倾斜幅度;权重由医共体自行确定,默认值1表示不倾斜",
            "the plan tilts pay toward front-line, key and primary staff without saying by how much; the weight is the community's choice, the default 1 means no tilt",
        ),
        group: Pay,
    },
    FixedPayShare {
        key: "fixed_pay_share", zh: "基本薪酬中固定部分占比", en: "fixed part of the base pay",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: None, default: dec!(0.6),
        source: Citation::new(
            Basis::Assumption, Document::YiyangHospitals, "一(三)、附件2",
            "文件要求人员薪酬中固定部分占比逐步提高,并列为监测指标,未规定数值;默认值60%为假设;该指标为全部薪酬中固定部分的占比,奖励增加时随之下降",
            "the plan wants the fixed share of pay to rise and monitors it, without a figure; the default 60% is an assumption; the indicator is the fixed part of all pay, which falls as rewards grow",
        ),
        group: Pay,
    },
    PrimaryPayTopupRate {
        key: "primary_pay_topup_rate", zh: "基层人员薪酬保底上浮(由医共体统筹资金支付)", en: "guaranteed pay top-up for primary staff (paid by the pooled fund)",
        unit: Fraction, range: (dec!(0), dec!(2)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::MiyiCommunity, "五(三)2、五(六)2",
            "文件要求薪酬分配向基层医务人员倾斜,专项资金可用于提高基层人员待遇,未规定上浮幅度;幅度由本地确定,默认值0表示不上浮",
            "the plan tilts pay toward primary staff and lets the special fund raise their pay, without a figure; the size is a local choice, the default 0 means none",
        ),
        group: Pay,
    },
    StaffSentDownPerTownship {
        key: "staff_sent_down_per_township", zh: "每个乡镇卫生院县级下沉人员", en: "county staff sent down per township centre",
        unit: PersonsPerTownship, range: (dec!(0), dec!(50)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::HenanManual, "四(一)3",
            "文件要求专家下沉;米易由县人民医院定期、定点组织专家下沉至乡镇卫生院坐诊;人数由本地确定,默认值0",
            "the manual asks for experts to be sent down; in Miyi the county hospital sends experts to township centres on a regular schedule; the number is a local choice, default 0",
        ).and(Document::MiyiCommunity, "五(一)2"),
        group: Pay,
    },
    SentDownAllowanceYuan {
        key: "sent_down_allowance_yuan", zh: "下沉人员补助", en: "allowance per staff member sent down",
        unit: YuanPerPersonYear, range: (dec!(0), dec!(500000)), usual: None, default: dec!(0),
        source: Citation::new(
            Basis::LocalChoice, Document::MiyiCommunity, "五(六)2",
            "专项资金可用于派驻基层人员补助,未规定补助标准;标准由本地确定,默认值0",
            "the special fund may pay allowances to staff sent down, with no amount set; the amount is a local choice, default 0",
        ),
        group: Pay,
    },
]);

declare_params!(Assumption, ASSUMPTIONS, [
    PopulationGrowthRate {
        key: "population_growth_rate", zh: "参保和常住人口年增长率", en: "population growth rate",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.2)), usual: Some((dec!(-0.02), dec!(0.02))), default: dec!(0),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据;默认保持不变",
            "assumption, not sourced; held flat",
        ),
        group: World,
    },
    UtilisationGrowthRate {
        key: "utilisation_growth_rate", zh: "人均就诊量年增长率", en: "visits and admissions per insured, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.3)), usual: Some((dec!(0), dec!(0.05))), default: dec!(0.02),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    VisitCostGrowthRate {
        key: "visit_cost_growth_rate", zh: "次均门诊费用年增长率", en: "cost per outpatient visit, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.5)), usual: Some((dec!(-0.05), dec!(0.08))), default: dec!(0.055),
        source: Citation::new(
            Basis::Documented, Document::HealthStatisticsBulletin, "2023年",
            "2023年次均门诊费用361.6元,比上年增长5.5%,默认值取该增幅;合理范围为假设",
            "2023: 361.6 yuan per outpatient visit, up 5.5% on the year before, the default; the plausible range is an assumption",
        ),
        group: World,
    },
    AdmissionCostGrowthRate {
        key: "admission_cost_growth_rate", zh: "次均住院费用年增长率", en: "cost per admission, growth",
        unit: RatePerYear, range: (dec!(-0.3), dec!(0.5)), usual: Some((dec!(-0.06), dec!(0.08))), default: dec!(0),
        source: Citation::new(
            Basis::Assumption, Document::HealthStatisticsBulletin, "2023年",
            "2023年次均住院费用10315.8元,比上年下降5.0%;默认值0(保持不变)为中性假设",
            "2023: 10,315.8 yuan per inpatient stay, down 5.0% on the year before; the default 0 (held flat) is a neutral assumption",
        ),
        group: World,
    },
    FinancingGrowthRate {
        key: "financing_growth_rate", zh: "人均筹资年增长率(列出年份之后)", en: "per-capita financing growth after the listed years",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.3)), usual: Some((dec!(0), dec!(0.08))), default: dec!(0.04),
        source: Citation::new(
            Basis::Assumption, Document::InsuranceFinancingNotices, "2022—2025年",
            "居民医保人均筹资(财政补助加个人缴费)由2022年960元增至2025年1100元,年均增长约4.6%(2022、2023年个人缴费为推算值);列出年份之后按每年增长4%假设",
            "resident insurance financing per person (subsidy plus contribution) rose from 960 yuan (2022) to 1,100 yuan (2025), about 4.6% a year (the 2022 and 2023 contributions are derived); after the listed years 4% a year is assumed",
        ),
        group: World,
    },
    WageGrowthRate {
        key: "wage_growth_rate", zh: "基本薪酬年增长率", en: "base pay growth",
        unit: RatePerYear, range: (dec!(-0.2), dec!(0.3)), usual: Some((dec!(0), dec!(0.08))), default: dec!(0.03),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    PrimaryVisitShareTrend {
        key: "primary_visit_share_trend", zh: "基层门急诊占比的背景趋势", en: "background trend of the primary share of visits",
        unit: PointsPerYear, range: (dec!(-5), dec!(5)), usual: Some((dec!(-1.5), dec!(1))), default: dec!(-0.3),
        source: Citation::new(
            Basis::Assumption, Document::HealthStatisticsBulletin, "2015—2021年",
            "基层医疗卫生机构诊疗人次占比由2015年的56.4%降至2021年的50.2%,年均下降约1个百分点,此后各年仍在50%以上;降幅已放缓,默认每年下降0.3个百分点为假设",
            "the primary share of all visits fell from 56.4% (2015) to 50.2% (2021), about 1 point a year, and has stayed above 50% since; the fall has slowed, and the default of -0.3 points a year is an assumption",
        ),
        group: World,
    },
    OutsideAdmissionShareTrend {
        key: "outside_admission_share_trend", zh: "县外住院占比的背景趋势", en: "background trend of the out-of-county share of admissions",
        unit: PointsPerYear, range: (dec!(-5), dec!(5)), usual: Some((dec!(-1), dec!(1))), default: dec!(0),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据;默认保持不变",
            "assumption, not sourced; held flat",
        ),
        group: World,
    },
    InsuranceAppraisalScore {
        key: "insurance_appraisal_score", zh: "医保考核得分(质量保证金返还比例)", en: "insurance appraisal score (share of quality fund returned)",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.8), dec!(1))), default: dec!(0.9),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    PublicHealthAppraisalScore {
        key: "public_health_appraisal_score", zh: "公卫绩效考核得分", en: "public-health appraisal score",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.8), dec!(1))), default: dec!(0.9),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    PublicHealthLabourShare {
        key: "public_health_labour_share", zh: "公卫经费中用于人员劳务的比例", en: "share of public-health funds paid to the staff who do the work",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.4), dec!(0.8))), default: dec!(0.6),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据(公共卫生服务以随访、建档、体检等人工劳务为主,其余为检查和耗材)",
            "assumption, not sourced (public-health work is mostly labour: follow-ups, records, check-ups; the rest is tests and consumables)",
        ),
        group: World,
    },
    NonpersonnelCostRatioCounty {
        key: "nonpersonnel_cost_ratio_county", zh: "县级医院非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, county",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.4), dec!(0.8))), default: dec!(0.6),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据(药品、耗材、检查和运行成本)",
            "assumption, not sourced (drugs, consumables, tests, running costs)",
        ),
        group: World,
    },
    NonpersonnelCostRatioTownship {
        key: "nonpersonnel_cost_ratio_township", zh: "乡镇卫生院非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, township",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.3), dec!(0.8))), default: dec!(0.55),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    NonpersonnelCostRatioVillage {
        key: "nonpersonnel_cost_ratio_village", zh: "村卫生室非人员成本占医疗收入比例", en: "non-personnel cost share of revenue, village",
        unit: Fraction, range: (dec!(0), dec!(1.5)), usual: Some((dec!(0.3), dec!(0.8))), default: dec!(0.5),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    ServiceRevenueShareCounty {
        key: "service_revenue_share_county", zh: "县级医疗服务收入占医疗收入比例", en: "medical-service share of revenue, county",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.2), dec!(0.45))), default: dec!(0.30),
        source: Citation::new(
            Basis::Assumption, Document::YiyangHospitals, "二(二)1、二(三)1、附件2",
            "附件2将医疗服务收入(不含药品、耗材、检查、化验收入)占医疗收入比例列为监测指标,未设目标值;方案提出县级公立医院技术服务性收入占医疗收入比例力争达到40%(城市三级公立医院35%);默认值30%为假设",
            "Annex 2 monitors the medical-service share of revenue (excluding drugs, consumables and tests) without a target; the plan aims for 40% of revenue from technical services at county hospitals (35% at city tertiary hospitals); the default 30% is an assumption",
        ),
        group: World,
    },
    ServiceRevenueShareTownship {
        key: "service_revenue_share_township", zh: "乡镇医疗服务收入占医疗收入比例", en: "medical-service share of revenue, township",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.15), dec!(0.45))), default: dec!(0.25),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    ServiceRevenueShareVillage {
        key: "service_revenue_share_village", zh: "村卫生室医疗服务收入占医疗收入比例", en: "medical-service share of revenue, village",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.1), dec!(0.45))), default: dec!(0.20),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: World,
    },
    OutpatientTiltElasticity {
        key: "outpatient_tilt_elasticity", zh: "门诊对基层报销倾斜的反应(每百分点)", en: "outpatient response to the primary tilt, per point",
        unit: Factor, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.002), dec!(0.03))), default: dec!(0.01),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:报销比例向基层倾斜10个百分点,基层门诊吸引力提高10%",
            "assumption, not sourced: 10 points of tilt raise primary outpatient attraction by 10%",
        ),
        group: Response,
    },
    InpatientTiltElasticity {
        key: "inpatient_tilt_elasticity", zh: "住院对基层报销倾斜的反应(每百分点)", en: "inpatient response to the primary tilt, per point",
        unit: Factor, range: (dec!(0), dec!(0.2)), usual: Some((dec!(0.002), dec!(0.03))), default: dec!(0.008),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: Response,
    },
    PrimaryCapacityElasticity {
        key: "primary_capacity_elasticity", zh: "基层服务能力弹性", en: "primary attraction per relative capacity gain",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.2), dec!(1))), default: dec!(0.5),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:乡镇卫生院有效人力增加10%,吸引力提高5%",
            "assumption, not sourced: 10% more effective township staff raise attraction by 5%",
        ),
        group: Response,
    },
    PrimaryPayElasticity {
        key: "primary_pay_elasticity", zh: "基层薪酬对服务能力的弹性", en: "primary attraction per relative pay gain",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.1), dec!(0.6))), default: dec!(0.3),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:留得住人的薪酬提升服务能力,滞后一年见效",
            "assumption, not sourced: pay that keeps staff raises capacity, with a one-year lag",
        ),
        group: Response,
    },
    DevelopmentCapacityFactor {
        key: "development_capacity_factor", zh: "基层能力建设投入的能力转化系数", en: "capacity bought by development money, per yuan of primary base pay",
        unit: Factor, range: (dec!(0), dec!(3)), usual: Some((dec!(0.2), dec!(1))), default: dec!(0.5),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:每1元培训和设备投入形成的能力相当于1元人员薪酬的一半,自次年起见效",
            "assumption, not sourced: a yuan of training and equipment adds half the capacity a yuan of staff pay does, from the next year",
        ),
        group: Response,
    },
    CountyCapacityElasticity {
        key: "county_capacity_elasticity", zh: "每床补助对县级住院能力的年增益(每千元)", en: "county inpatient capability gained a year per 1000 yuan per bed",
        unit: Factor, range: (dec!(0), dec!(0.1)), usual: Some((dec!(0), dec!(0.01))), default: dec!(0.005),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:每床每年4000元的重点学科和人才培养投入,使县外医院的吸引力每年降低2%,自次年起见效",
            "assumption, not sourced: 4,000 yuan per bed for key disciplines and training lowers the pull of out-of-county hospitals by 2% a year, from the next year",
        ),
        group: Response,
    },
    CapacityDecayRate {
        key: "capacity_decay_rate", zh: "能力建设成果年流失率", en: "capability built that is lost each year",
        unit: RatePerYear, range: (dec!(0), dec!(1)), usual: Some((dec!(0.05), dec!(0.3))), default: dec!(0.1),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据(人员流动、设备老化):持续投入则能力保持,投入停止则逐年衰减",
            "assumption, not sourced (staff turnover, equipment ageing): capability lasts while money keeps coming and wanes when it stops",
        ),
        group: Response,
    },
    BudgetIncentiveElasticity {
        key: "budget_incentive_elasticity", zh: "医保额度风险对县外就医的抑制", en: "out-of-county reduction per unit of money at stake",
        unit: Factor, range: (dec!(0), dec!(1)), usual: Some((dec!(0), dec!(0.3))), default: dec!(0.15),
        source: Citation::new(
            Basis::Assumption, Document::HenanManual, "五(二)2",
            "文件规定县域外就诊发生的医保费用从医共体年预分额度中支出;医共体节约的资金可部分留用,因而有动力把患者留在县内;反应幅度为假设,无文件依据",
            "out-of-county care is paid from the community's quota, so a community that keeps part of each yuan saved has a reason to keep patients; the size of the response is an assumption, not sourced",
        ),
        group: Response,
    },
    BudgetPrimaryElasticity {
        key: "budget_primary_elasticity", zh: "医保额度风险对基层首诊的推动", en: "primary attraction per unit of money at stake",
        unit: Factor, range: (dec!(0), dec!(1)), usual: Some((dec!(0), dec!(0.2))), default: dec!(0.05),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:乡村两级就诊占用额度较少,承担额度风险的医共体会引导患者到基层就诊",
            "assumption, not sourced: care at township and village costs the quota less, so a community with money at stake guides patients there",
        ),
        group: Response,
    },
    BudgetCostContainment {
        key: "budget_cost_containment", zh: "医保额度风险对县域内次均费用的年控制", en: "yearly in-county cost-per-case restraint per unit of money at stake",
        unit: RatePerYear, range: (dec!(0), dec!(0.1)), usual: Some((dec!(0), dec!(0.02))), default: dec!(0.01),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:医共体全额承担超支时,次均门诊和住院费用增速每年放缓1个百分点(减少不必要的检查和用药)",
            "assumption, not sourced: with the whole overspend at stake, cost per visit and per stay grow 1 point a year slower (fewer unneeded tests and drugs)",
        ),
        group: Response,
    },
    SettlementOutlookSpread {
        key: "settlement_outlook_spread", zh: "对年终清算结果的预期不确定幅度(占额度)", en: "uncertainty of the year-end position the community expects, share of quota",
        unit: Fraction, range: (dec!(0.01), dec!(0.5)), usual: Some((dec!(0.02), dec!(0.1))), default: dec!(0.05),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据:医共体依据上年医保支出与本年额度判断年终盈亏,误差约为此幅度",
            "assumption, not sourced: the community judges what is at stake from last year's claims against this year's quota, give or take this much",
        ),
        group: Response,
    },
    AdjustmentSpeed {
        key: "adjustment_speed", zh: "就医流向调整速度(每年缩小差距比例)", en: "share of the gap to the new flow pattern closed each year",
        unit: Fraction, range: (dec!(0), dec!(1)), usual: Some((dec!(0.2), dec!(0.8))), default: dec!(0.5),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据",
            "assumption, not sourced",
        ),
        group: Response,
    },
    SentDownCapacityFactor {
        key: "sent_down_capacity_factor", zh: "下沉人员相当于基层人员的倍数", en: "capacity of one sent-down staff member in township staff",
        unit: Factor, range: (dec!(0), dec!(5)), usual: Some((dec!(1), dec!(2))), default: dec!(1.5),
        source: Citation::unsourced(
            Basis::Assumption,
            "假设,无文件依据(县级医生带来乡镇缺少的技术)",
            "assumption, not sourced (county doctors bring skills townships lack)",
        ),
        group: Response,
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

/// The national basic public-health standard, yuan per resident, in `year`: 79, 84, 89, 94 and 99 yuan
/// in 2021-2025 (national notices, BRIEF §5); outside those years it goes on by the 5 yuan a year it
/// rose in every one of them (an assumption), and never below the 15 yuan of 2009, the first standard.
pub fn public_health_standard(year: i32) -> Decimal {
    Decimal::from((99 + 5 * (i64::from(year) - 2025)).max(15))
}

/// Today's public-health schedule a new county starts from: the standard of each projection year
/// (`base_year` + 1 to `base_year` + `horizon`), so a county whose base year is 2024 starts at 99 yuan.
pub fn public_health_schedule(base_year: i32, horizon: usize) -> Vec<Decimal> {
    (1..=horizon as i32)
        .map(|offset| public_health_standard(base_year.saturating_add(offset)))
        .collect()
}

/// The parameter tables as Markdown (docs/parameters.md is this text; a test keeps it current).
pub fn markdown() -> String {
    let mut out = String::from(
        "# Levers and assumptions\n\n\
         Generated from `crate/src/model/params.rs` (the one declaration the reader, validator and page use); \
         `YGT_BLESS=1 cargo test --test docs` rewrites it.\n\
         Outside the accepted range a value is an error; outside the usual range it is allowed with a warning. \
         A lever at 0 is a lever not used and never warns.\n\
         A usual range marked *documented* (文件规定) is stated in a cited document; \
         any other usual range is a usual (levers) or plausible (assumptions) range, not a rule.\n\
         The basis says whether the default is documented (文件规定), a local choice (地方自定) or an assumption (假设); \
         the source cites the document and clause (documents are listed at the end), in Chinese and in English.\n",
    );
    for (title, table) in [
        (
            "## Levers (`[levers]` today, `[reform]` the reform)",
            LEVERS,
        ),
        ("## Assumptions (`[assumptions]`)", ASSUMPTIONS),
    ] {
        out.push_str(&format!(
            "\n{title}\n\n\
             | key | 名称 | name | unit | default | accepted | usual | basis | 来源 | source |\n\
             |---|---|---|---|---|---|---|---|---|---|\n"
        ));
        for spec in table.iter() {
            let usual = match spec.usual {
                Some((low, high)) if spec.range_is_documented() => {
                    format!("{low} – {high} (文件规定 *documented*)")
                }
                Some((low, high)) => format!("{low} – {high}"),
                None => "–".into(),
            };
            let (basis_zh, basis_en) = spec.source.basis.label();
            // A dated default gives the value of each projection year; the docs name the last sourced one.
            let default = match spec.dated_default {
                Some(_) => format!("{} (按年份 *by year*)", spec.default),
                None => spec.default.to_string(),
            };
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} | {} – {} | {} | {basis_zh} {basis_en} | {} | {} |\n",
                spec.key,
                spec.zh,
                spec.en,
                spec.unit.label().1,
                default,
                spec.min,
                spec.max,
                usual,
                spec.source_zh().replace('|', "/"),
                spec.source_en().replace('|', "/"),
            ));
        }
    }
    out.push_str(
        "\n## Documents cited (引用文件)\n\n\
         | 文件 | document | 发文单位 issuer | 文号 number | 日期 date |\n\
         |---|---|---|---|---|\n",
    );
    for document in Document::ALL {
        let date = match (document.date_zh(), document.date_en()) {
            (Some(zh), Some(en)) => format!("{zh} ({en})"),
            _ => "–".into(),
        };
        let (mut title_zh, mut title_en) =
            (document.cited_title_zh(), document.title_en().to_string());
        if let Some((clause, annex_zh, annex_en)) = document.annex() {
            title_zh.push_str(&format!(",{clause}《{annex_zh}》"));
            title_en.push_str(&format!(
                "; Annex {}: {annex_en}",
                clause.trim_start_matches("附件")
            ));
        }
        out.push_str(&format!(
            "| {} | {} | {} ({}) | {} | {} |\n",
            title_zh,
            title_en,
            document.issuer_zh(),
            document.issuer_en(),
            document.number().unwrap_or("–"),
            date,
        ));
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn each_group_of_levers_is_declared_in_one_run() {
        // The page and the docs show levers group by group in declaration order: a lever declared away
        // from its group would start a second heading.
        let mut seen: Vec<Group> = Vec::new();
        for spec in LEVERS {
            if seen.last() != Some(&spec.group) {
                assert!(
                    !seen.contains(&spec.group),
                    "{} is apart from its group",
                    spec.key
                );
                seen.push(spec.group);
            }
        }
    }

    #[test]
    fn the_public_health_standard_follows_the_national_notices_by_year() {
        use rust_decimal_macros::dec;
        // The notices: 79, 84, 89, 94, 99 yuan in 2021-2025.
        let published: Vec<Decimal> = (2021..=2025).map(public_health_standard).collect();
        assert_eq!(
            published,
            [dec!(79), dec!(84), dec!(89), dec!(94), dec!(99)]
        );
        // A county whose base year is 2022 is paid 2023-2027's standards; later years go on by 5 yuan.
        assert_eq!(
            public_health_schedule(2022, 5),
            [dec!(89), dec!(94), dec!(99), dec!(104), dec!(109)]
        );
        assert_eq!(public_health_standard(1990), dec!(15));
        assert_eq!(
            public_health_standard(i32::MAX),
            Decimal::from(99 + 5 * (i64::from(i32::MAX) - 2025))
        );
    }

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

    fn all_specs() -> impl Iterator<Item = &'static ParamSpec> {
        LEVERS.iter().chain(ASSUMPTIONS.iter())
    }

    fn is_cjk(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    /// Internal names a user cannot cite: the seed files, the brief, file names.
    fn names_a_file(text: &str) -> bool {
        let lower = text.to_lowercase();
        if ["seed", "brief", ".txt", ".md", ".rs", "_"]
            .iter()
            .any(|name| lower.contains(name))
        {
            return true;
        }
        // A seed file number (000-004) standing on its own, not inside 3,000 or 0.004.
        let chars: Vec<char> = text.chars().collect();
        chars.windows(3).enumerate().any(|(at, window)| {
            let standalone =
                |c: Option<&char>| !c.is_some_and(|c| c.is_ascii_digit() || *c == '.' || *c == ',');
            window[0] == '0'
                && window[1] == '0'
                && ('0'..='4').contains(&window[2])
                && standalone(at.checked_sub(1).and_then(|before| chars.get(before)))
                && standalone(chars.get(at + 3))
        })
    }

    /// Latin words in a Chinese text outside 《》, other than the abbreviations allowed there.
    fn latin_words_outside_titles(text: &str) -> Vec<String> {
        const ALLOWED: [&str; 2] = ["DRG", "DIP"];
        let mut words = Vec::new();
        let mut depth = 0;
        let mut word = String::new();
        for c in text.chars().chain(std::iter::once(' ')) {
            match c {
                '《' => depth += 1,
                '》' => depth -= 1,
                _ => {}
            }
            if depth == 0 && c.is_ascii_alphabetic() {
                word.push(c);
            } else if !word.is_empty() {
                if !ALLOWED.contains(&word.as_str()) {
                    words.push(word.clone());
                }
                word.clear();
            }
        }
        words
    }

    #[test]
    fn citations_name_documents_not_files() {
        for spec in all_specs() {
            for text in [spec.source_zh(), spec.source_en()] {
                assert!(!names_a_file(&text), "{}: {text}", spec.key);
            }
        }
        let docs = markdown().to_lowercase();
        assert!(!docs.contains("seed") && !docs.contains("brief"));
    }

    #[test]
    fn chinese_citations_are_chinese_and_english_ones_english() {
        for spec in all_specs() {
            let zh = spec.source_zh();
            assert!(zh.chars().any(is_cjk), "{}: {zh}", spec.key);
            let latin = latin_words_outside_titles(&zh);
            assert!(latin.is_empty(), "{}: {latin:?} in {zh}", spec.key);
            assert!(!zh.contains('§'), "{}: {zh}", spec.key);
            let en = spec.source_en();
            assert!(!en.chars().any(is_cjk), "{}: {en}", spec.key);
            assert!(
                en.chars().any(|c| c.is_ascii_alphabetic()),
                "{}: {en}",
                spec.key
            );
        }
    }

    #[test]
    fn every_note_says_what_its_basis_is() {
        for spec in all_specs() {
            let citation = &spec.source;
            assert!(
                !citation.note_zh.is_empty() && !citation.note_en.is_empty(),
                "{}",
                spec.key
            );
            match citation.basis {
                Basis::Assumption => assert!(
                    citation.note_zh.contains("假设") && citation.note_en.contains("assum"),
                    "{}",
                    spec.key
                ),
                Basis::LocalChoice => assert!(
                    citation.note_zh.contains("确定") && citation.note_en.contains("choice"),
                    "{}",
                    spec.key
                ),
                Basis::Documented => assert!(citation.document.is_some(), "{}", spec.key),
            }
        }
    }

    #[test]
    fn only_documented_ranges_read_as_documented() {
        for spec in all_specs() {
            if spec.source.basis != Basis::Documented {
                assert!(!spec.range_is_documented(), "{}", spec.key);
            }
            if spec.usual_documented {
                assert!(
                    spec.usual.is_some() && spec.source.basis == Basis::Documented,
                    "{}: a documented range needs a usual range and a documented basis",
                    spec.key
                );
            }
        }
        let documented: Vec<&str> = all_specs()
            .filter(|spec| spec.range_is_documented())
            .map(|spec| spec.key)
            .collect();
        assert_eq!(documented, ["special_fund_rate", "per_bed_subsidy_yuan"]);
        // A usual range the documents do not give (the primary tilt's 0-20 points) is not documented.
        assert!(!Lever::PrimaryTiltPoints.spec().range_is_documented());
        assert!(!Lever::RiskReserveRate.spec().range_is_documented());
    }

    #[test]
    fn the_critical_illness_reserve_reads_as_an_assumption() {
        let spec = Lever::CriticalIllnessRate.spec();
        assert_eq!(spec.source.basis, Basis::Assumption);
        assert!(!spec.range_is_documented());
        let zh = spec.source_zh();
        assert!(
            zh.starts_with("《河南省紧密型县域医共体建设操作规范手册(试行版)》五(二)1;"),
            "{zh}"
        );
        assert!(zh.contains("未规定比例") && zh.contains("假设"), "{zh}");
        let en = spec.source_en();
        assert!(
            en.starts_with(
                "Henan Province, Operating Manual for Close-knit County Medical Communities (trial), §5(2)1; "
            ),
            "{en}"
        );
        assert!(
            en.contains("not its size") && en.contains("assumption"),
            "{en}"
        );
    }

    #[test]
    fn the_per_bed_subsidy_range_reads_as_documented() {
        let spec = Lever::PerBedSubsidyYuan.spec();
        assert!(spec.range_is_documented());
        assert!(spec.source_zh().contains("3000—5000元"));
    }
}
