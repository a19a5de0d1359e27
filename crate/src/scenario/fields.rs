//! The county's input fields, declared once: key, labels, unit and what is accepted. The reader
//! validates with these rules; the page's county editor and the spreadsheet template take their labels
//! and units from here.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// What a number field accepts.
#[derive(Clone, Copy, Debug)]
pub struct NumberRule {
    pub min: Decimal,
    pub max: Decimal,
    /// Whole numbers only (persons, beds, years).
    pub whole: bool,
    pub unit_zh: &'static str,
    pub unit_en: &'static str,
}

pub const fn rule(
    min: Decimal,
    max: Decimal,
    whole: bool,
    unit_zh: &'static str,
    unit_en: &'static str,
) -> NumberRule {
    NumberRule {
        min,
        max,
        whole,
        unit_zh,
        unit_en,
    }
}

pub const PERSONS: NumberRule = rule(dec!(0), dec!(100_000_000), true, "人", "persons");
pub const VISITS: NumberRule = rule(dec!(0), dec!(1_000_000_000), false, "人次", "visits");
pub const ADMISSIONS: NumberRule = rule(dec!(0), dec!(100_000_000), false, "人次", "admissions");
pub const COST_PER_VISIT: NumberRule =
    rule(dec!(0), dec!(1_000_000), false, "元/人次", "yuan per visit");
pub const COST_PER_ADMISSION: NumberRule = rule(
    dec!(0),
    dec!(10_000_000),
    false,
    "元/人次",
    "yuan per admission",
);
pub const PAY: NumberRule = rule(
    dec!(0),
    dec!(10_000_000),
    false,
    "元/人/年",
    "yuan per person per year",
);
pub const BEDS: NumberRule = rule(dec!(0), dec!(1_000_000), true, "张", "beds");
pub const STAFF: NumberRule = rule(dec!(0), dec!(10_000_000), true, "人", "persons");
pub const COUNT: NumberRule = rule(dec!(1), dec!(100_000), true, "个", "institutions");
pub const SUBSIDY: NumberRule = rule(
    dec!(0),
    dec!(100_000_000_000),
    false,
    "元/年",
    "yuan per year",
);
pub const SHARE: NumberRule = rule(dec!(0), dec!(1), false, "比例(0-1)", "share (0-1)");
pub const PER_CAPITA: NumberRule = rule(
    dec!(0),
    dec!(100_000),
    false,
    "元/人/年",
    "yuan per person per year",
);
pub const YEAR: NumberRule = rule(dec!(1900), dec!(2200), true, "年", "year");
pub const HORIZON: NumberRule = rule(dec!(1), dec!(10), true, "年", "years");

/// One numeric input of a community, its out-of-county care, or an institution.
#[derive(Debug)]
pub struct InputField {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub rule: NumberRule,
    /// Taken when the file leaves the field out; `None` means the field is required.
    pub default: Option<Decimal>,
}

const fn field(
    key: &'static str,
    zh: &'static str,
    en: &'static str,
    rule: NumberRule,
    default: Option<Decimal>,
) -> InputField {
    InputField {
        key,
        zh,
        en,
        rule,
        default,
    }
}

pub static COMMUNITY_FIELDS: &[InputField] = &[
    field(
        "insured_residents",
        "参保居民",
        "insured residents",
        PERSONS,
        None,
    ),
    field(
        "resident_population",
        "常住人口",
        "resident population",
        PERSONS,
        None,
    ),
];

pub static OUT_OF_COUNTY_FIELDS: &[InputField] = &[
    field(
        "outpatient_visits",
        "县域外门急诊人次",
        "out-of-county outpatient visits",
        VISITS,
        None,
    ),
    field(
        "admissions",
        "县域外住院人次",
        "out-of-county admissions",
        ADMISSIONS,
        None,
    ),
    field(
        "cost_per_visit",
        "县域外次均门诊费用",
        "out-of-county cost per visit",
        COST_PER_VISIT,
        None,
    ),
    field(
        "cost_per_admission",
        "县域外次均住院费用",
        "out-of-county cost per admission",
        COST_PER_ADMISSION,
        None,
    ),
];

pub static INSTITUTION_FIELDS: &[InputField] = &[
    field(
        "count",
        "机构数",
        "institutions in this entry",
        COUNT,
        Some(Decimal::ONE),
    ),
    field("beds", "床位", "beds", BEDS, Some(Decimal::ZERO)),
    field("staff", "卫生人员", "health staff", STAFF, None),
    field(
        "outpatient_visits",
        "门急诊人次",
        "outpatient visits",
        VISITS,
        None,
    ),
    field(
        "admissions",
        "住院人次",
        "admissions",
        ADMISSIONS,
        Some(Decimal::ZERO),
    ),
    field(
        "cost_per_visit",
        "次均门诊费用",
        "cost per visit",
        COST_PER_VISIT,
        None,
    ),
    field(
        "cost_per_admission",
        "次均住院费用",
        "cost per admission",
        COST_PER_ADMISSION,
        Some(Decimal::ZERO),
    ),
    field("average_pay_yuan", "人均薪酬", "average pay", PAY, None),
    field(
        "base_subsidy_yuan",
        "财政基本补助",
        "base fiscal subsidy",
        SUBSIDY,
        Some(Decimal::ZERO),
    ),
];

/// The declaration of `key` in `fields` (the tables above are fixed, so a missing key is a bug).
pub fn find(fields: &'static [InputField], key: &str) -> &'static InputField {
    fields.iter().find(|f| f.key == key).unwrap_or(&fields[0])
}
