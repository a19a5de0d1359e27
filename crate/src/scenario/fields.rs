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
pub const STAY_DAYS: NumberRule = rule(dec!(0), dec!(365), false, "日", "days");
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
    field(
        "doctors",
        "执业(助理)医师",
        "licensed doctors (0: not given)",
        STAFF,
        Some(Decimal::ZERO),
    ),
    field(
        "nurses",
        "注册护士",
        "registered nurses (0: not given)",
        STAFF,
        Some(Decimal::ZERO),
    ),
    field(
        "average_stay_days",
        "平均住院日",
        "average length of stay (0: not given)",
        STAY_DAYS,
        Some(Decimal::ZERO),
    ),
    field(
        "average_pay_yuan",
        "人均薪酬(医疗工作)",
        "average pay for medical work",
        PAY,
        None,
    ),
    field(
        "base_subsidy_yuan",
        "财政基本补助",
        "base fiscal subsidy",
        SUBSIDY,
        Some(Decimal::ZERO),
    ),
];

/// The value of an institution's input field `key` (one of [`INSTITUTION_FIELDS`]): the one mapping from
/// field keys to the model's institution, used by the editor and the spreadsheet.
pub fn institution_value(institution: &crate::model::Institution, key: &str) -> Decimal {
    match key {
        "count" => Decimal::from(institution.count),
        "beds" => institution.beds,
        "staff" => institution.staff,
        "doctors" => institution.doctors,
        "nurses" => institution.nurses,
        "average_stay_days" => institution.average_stay_days,
        "outpatient_visits" => institution.outpatient_visits,
        "admissions" => institution.admissions,
        "cost_per_visit" => institution.cost_per_visit,
        "cost_per_admission" => institution.cost_per_admission,
        "average_pay_yuan" => institution.average_pay,
        "base_subsidy_yuan" => institution.base_subsidy,
        _ => Decimal::ZERO,
    }
}

/// The declaration of `key` in `fields` (the tables above are fixed, so a missing key is a bug).
pub fn find(fields: &'static [InputField], key: &str) -> &'static InputField {
    fields.iter().find(|f| f.key == key).unwrap_or(&fields[0])
}

/// Parses number text exactly: plain decimals, or scientific notation within the decimal range.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// Why `text` (written where a number belongs) is not one, as (Chinese, English) advice: the habits of
/// spreadsheets and Chinese input methods named, so the user knows what to change.
pub fn not_a_number(text: &str) -> (&'static str, &'static str) {
    let text = text.trim();
    if text.contains([',', ',']) {
        (
            "数字不要用千位分隔符",
            "write numbers without thousands separators",
        )
    } else if text.chars().any(|c| ('０'..='９').contains(&c)) {
        ("请用半角数字", "use ASCII digits")
    } else if text.ends_with('%') || text.ends_with('%') {
        (
            "比例请写成小数,例如 0.45,不要用百分号",
            "write shares as decimals such as 0.45, not percentages",
        )
    } else if text.parse::<f64>().is_ok_and(f64::is_finite) {
        ("数值过大或位数过多", "too large or too many digits")
    } else if text.eq_ignore_ascii_case("nan") || text.contains("inf") {
        ("不是有限的数", "not a finite number")
    } else {
        ("不是数字", "not a number")
    }
}

impl NumberRule {
    /// `value` if this rule accepts it, or (Chinese, English) saying what is allowed.
    pub fn check(&self, value: Decimal) -> Result<Decimal, (String, String)> {
        if value < self.min || value > self.max {
            return Err((
                format!(
                    "超出允许范围:应在 {} 到 {} {} 之间",
                    self.min, self.max, self.unit_zh
                ),
                format!(
                    "out of range: allowed {} to {} {}",
                    self.min, self.max, self.unit_en
                ),
            ));
        }
        if self.whole && !value.fract().is_zero() {
            return Err((
                format!("应为整数({})", self.unit_zh),
                format!("must be a whole number ({})", self.unit_en),
            ));
        }
        Ok(value.normalize())
    }

    /// (Chinese, English) statement of the accepted range.
    pub fn allowed(&self) -> (String, String) {
        (
            format!("允许范围 {} 到 {} {}", self.min, self.max, self.unit_zh),
            format!("allowed: {} to {} {}", self.min, self.max, self.unit_en),
        )
    }
}
