//! The county's input fields, declared once: key, labels, unit and what is accepted. The reader
//! validates with these rules; the page's county editor and the spreadsheet template take their labels
//! and units from here.

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

/// Decimal places kept of a yuan amount: the fen (0.01 yuan), the unit every amount in the books is
/// counted in (`model::money::fen`).
pub const MONEY_PLACES: u32 = 2;

/// Decimal places kept of any other number that need not be whole (shares, rates, points,
/// elasticities, factors, volumes). Why 8:
/// - Policy figures and statistics are stated to a tenth of a percent or so; 8 places is a share to a
///   millionth of a percent, so no real input loses anything.
/// - The smallest non-zero input is then 10⁻⁸ (0.01 for money). A quotient of the model's amounts (a
///   county's books are 10⁹–10¹⁰ yuan; even every input at its maximum stays below 10¹⁸) by any divisor
///   built from inputs stays far inside rust_decimal's range of about 7.9 × 10²⁸; a divisor of 10⁻²⁸,
///   which the reader used to let through, can leave it ("Division overflowed").
/// - Products stay exact in rust_decimal's 96-bit mantissa and 28 places: a fen amount of 10¹² yuan
///   (10¹⁴ fen) times an 8-place input of up to 100 is a mantissa below 10²⁴; a 12-place factor
///   (`model::money::factor`) times an 8-place input has 20 places. So rounding happens only at the
///   points docs/model.md names (fen, factor, cost level), never because a 28-digit input ran
///   rust_decimal out of digits.
pub const MAX_PLACES: u32 = 8;

/// What a number field accepts.
#[derive(Clone, Copy, Debug)]
pub struct NumberRule {
    pub min: Decimal,
    pub max: Decimal,
    /// Whole numbers only (persons, beds, years).
    pub whole: bool,
    /// A yuan amount: kept to the fen ([`MONEY_PLACES`]); other numbers keep [`MAX_PLACES`].
    pub money: bool,
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
        money: false,
        unit_zh,
        unit_en,
    }
}

impl NumberRule {
    /// The same rule for a yuan amount: kept to the fen when read.
    pub const fn money(self) -> NumberRule {
        NumberRule {
            money: true,
            ..self
        }
    }
}

pub const PERSONS: NumberRule = rule(dec!(0), dec!(100_000_000), true, "人", "persons");
pub const VISITS: NumberRule = rule(dec!(0), dec!(1_000_000_000), false, "人次", "visits");
pub const ADMISSIONS: NumberRule = rule(dec!(0), dec!(100_000_000), false, "人次", "admissions");
pub const COST_PER_VISIT: NumberRule =
    rule(dec!(0), dec!(1_000_000), false, "元/人次", "yuan per visit").money();
pub const COST_PER_ADMISSION: NumberRule = rule(
    dec!(0),
    dec!(10_000_000),
    false,
    "元/人次",
    "yuan per admission",
)
.money();
pub const PAY: NumberRule = rule(
    dec!(0),
    dec!(10_000_000),
    false,
    "元/人/年",
    "yuan per person per year",
)
.money();
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
)
.money();
pub const SHARE: NumberRule = rule(dec!(0), dec!(1), false, "比例(0-1)", "share (0-1)");
pub const PER_CAPITA: NumberRule = rule(
    dec!(0),
    dec!(100_000),
    false,
    "元/人/年",
    "yuan per person per year",
)
.money();
pub const YEAR: NumberRule = rule(dec!(1900), dec!(2200), true, "年", "year");
pub const HORIZON: NumberRule = rule(dec!(1), dec!(10), true, "年", "years");

/// One numeric input of a community (`T` = `Community`), its out-of-county care (`OutOfCounty`) or an
/// institution (`Institution`): its key in the scenario file, labels, rule, default, and how to read
/// and write it on the model's record. The reader, the spreadsheet, the page's editor and the template
/// all go through `get` and `set`, so a field is mapped to the model in this one place.
pub struct InputField<T: 'static> {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub rule: NumberRule,
    /// Taken when the file leaves the field out; `None` means the field is required.
    pub default: Option<Decimal>,
    /// The field's value on the model's record.
    pub get: fn(&T) -> Decimal,
    /// Writes a value the rule has accepted.
    pub set: fn(&mut T, Decimal),
}

impl<T> std::fmt::Debug for InputField<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InputField")
            .field("key", &self.key)
            .finish()
    }
}

/// `input_field!(Record, member, "key", zh, en, RULE, default)`: a field stored as the Decimal `member`.
macro_rules! input_field {
    ($record:ty, $member:ident, $key:literal, $zh:literal, $en:literal, $rule:expr, $default:expr) => {
        InputField::<$record> {
            key: $key,
            zh: $zh,
            en: $en,
            rule: $rule,
            default: $default,
            get: |record| record.$member,
            set: |record, value| record.$member = value,
        }
    };
}

use crate::model::{Community, Institution, OutOfCounty};

pub static COMMUNITY_FIELDS: &[InputField<Community>] = &[
    input_field!(
        Community,
        insured_residents,
        "insured_residents",
        "参保居民",
        "insured residents",
        PERSONS,
        None
    ),
    input_field!(
        Community,
        resident_population,
        "resident_population",
        "常住人口",
        "resident population",
        PERSONS,
        None
    ),
];

pub static OUT_OF_COUNTY_FIELDS: &[InputField<OutOfCounty>] = &[
    input_field!(
        OutOfCounty,
        outpatient_visits,
        "outpatient_visits",
        "县域外门急诊人次",
        "out-of-county outpatient visits",
        VISITS,
        None
    ),
    input_field!(
        OutOfCounty,
        admissions,
        "admissions",
        "县域外住院人次",
        "out-of-county admissions",
        ADMISSIONS,
        None
    ),
    input_field!(
        OutOfCounty,
        cost_per_visit,
        "cost_per_visit",
        "县域外次均门诊费用",
        "out-of-county cost per visit",
        COST_PER_VISIT,
        None
    ),
    input_field!(
        OutOfCounty,
        cost_per_admission,
        "cost_per_admission",
        "县域外次均住院费用",
        "out-of-county cost per admission",
        COST_PER_ADMISSION,
        None
    ),
];

pub static INSTITUTION_FIELDS: &[InputField<Institution>] = &[
    InputField {
        key: "count",
        zh: "机构数",
        en: "institutions in this entry",
        rule: COUNT,
        default: Some(Decimal::ONE),
        get: |institution| Decimal::from(institution.count),
        // COUNT accepts whole numbers 1-100,000 only, so the conversion cannot fail on a value the
        // rule let through.
        set: |institution, value| institution.count = u32::try_from(value).unwrap_or(1),
    },
    input_field!(
        Institution,
        beds,
        "beds",
        "床位",
        "beds",
        BEDS,
        Some(Decimal::ZERO)
    ),
    input_field!(
        Institution,
        staff,
        "staff",
        "卫生人员",
        "health staff",
        STAFF,
        None
    ),
    input_field!(
        Institution,
        outpatient_visits,
        "outpatient_visits",
        "门急诊人次",
        "outpatient visits",
        VISITS,
        None
    ),
    input_field!(
        Institution,
        admissions,
        "admissions",
        "住院人次",
        "admissions",
        ADMISSIONS,
        Some(Decimal::ZERO)
    ),
    input_field!(
        Institution,
        cost_per_visit,
        "cost_per_visit",
        "次均门诊费用",
        "cost per visit",
        COST_PER_VISIT,
        None
    ),
    input_field!(
        Institution,
        cost_per_admission,
        "cost_per_admission",
        "次均住院费用",
        "cost per admission",
        COST_PER_ADMISSION,
        Some(Decimal::ZERO)
    ),
    input_field!(
        Institution,
        doctors,
        "doctors",
        "执业(助理)医师",
        "licensed doctors (0: not given)",
        STAFF,
        Some(Decimal::ZERO)
    ),
    input_field!(
        Institution,
        nurses,
        "nurses",
        "注册护士",
        "registered nurses (0: not given)",
        STAFF,
        Some(Decimal::ZERO)
    ),
    input_field!(
        Institution,
        average_stay_days,
        "average_stay_days",
        "平均住院日",
        "average length of stay (0: not given)",
        STAY_DAYS,
        Some(Decimal::ZERO)
    ),
    input_field!(
        Institution,
        average_pay,
        "average_pay_yuan",
        "人均薪酬(医疗工作)",
        "average pay for medical work",
        PAY,
        None
    ),
    input_field!(
        Institution,
        base_subsidy,
        "base_subsidy_yuan",
        "财政基本补助",
        "base fiscal subsidy",
        SUBSIDY,
        Some(Decimal::ZERO)
    ),
];

/// The default of a field named `key` when the file leaves it out, looked up as an institution's,
/// then a community's, then out-of-county care's field (`None`: required, or no such field).
pub fn default_of(key: &str) -> Option<Decimal> {
    let institution = INSTITUTION_FIELDS
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.default);
    let community = COMMUNITY_FIELDS
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.default);
    let out = OUT_OF_COUNTY_FIELDS
        .iter()
        .find(|f| f.key == key)
        .map(|f| f.default);
    institution.or(community).or(out).flatten()
}

/// A scenario path as a person reads it, (Chinese, English): `reform.per_bed_subsidy_yuan.1` is
/// "改革:每床补助(元/床/年),第2年"; `communities.0.institutions.2.beds` is "医共体1 · 机构3:床位". `None`
/// for a path the catalog does not know (the page then shows the path itself).
pub fn path_label(path: &str) -> Option<(String, String)> {
    use crate::model::{Assumption, Lever};
    let parts: Vec<&str> = path.split('.').collect();
    let year = |rest: &[&str]| -> Option<(String, String)> {
        match rest {
            [] => Some((String::new(), String::new())),
            [index] => {
                let n = index.parse::<usize>().ok()? + 1;
                Some((format!(",第{n}年"), format!(", year {n}")))
            }
            _ => None,
        }
    };
    let number = |text: &str| text.parse::<usize>().ok().map(|n| n + 1);
    match parts.as_slice() {
        [section @ ("reform" | "levers"), key, rest @ ..] => {
            let spec = Lever::from_key(key)?.spec();
            let (year_zh, year_en) = year(rest)?;
            let (run_zh, run_en) = if *section == "reform" {
                ("改革", "reform")
            } else {
                ("今天", "today")
            };
            Some((
                format!("{run_zh}:{}{year_zh}", spec.zh),
                format!("{run_en}: {}{year_en}", spec.en),
            ))
        }
        ["assumptions", key] => {
            let spec = Assumption::from_key(key)?.spec();
            Some((
                format!("假设:{}", spec.zh),
                format!("assumption: {}", spec.en),
            ))
        }
        ["uncertainty", key, rest @ ..] => {
            let spec = Assumption::from_key(key)?.spec();
            let (end_zh, end_en) = match rest {
                [] => ("", ""),
                ["0"] => (",下限", ", low end"),
                ["1"] => (",上限", ", high end"),
                _ => return None,
            };
            Some((
                format!("不确定性范围:{}{end_zh}", spec.zh),
                format!("uncertainty range: {}{end_en}", spec.en),
            ))
        }
        ["communities", c, "institutions", i, key] => {
            let field = INSTITUTION_FIELDS.iter().find(|f| f.key == *key)?;
            let (c, i) = (number(c)?, number(i)?);
            Some((
                format!("医共体{c} · 机构{i}:{}", field.zh),
                format!("community {c}, institution {i}: {}", field.en),
            ))
        }
        ["communities", c, "out_of_county", key] => {
            let field = OUT_OF_COUNTY_FIELDS.iter().find(|f| f.key == *key)?;
            let c = number(c)?;
            Some((
                format!("医共体{c}:{}", field.zh),
                format!("community {c}: {}", field.en),
            ))
        }
        ["communities", c, key] => {
            let field = COMMUNITY_FIELDS.iter().find(|f| f.key == *key)?;
            let c = number(c)?;
            Some((
                format!("医共体{c}:{}", field.zh),
                format!("community {c}: {}", field.en),
            ))
        }
        ["county", .., last] => {
            // A county value per year (`county.individual_per_capita_yuan.0`) names its year.
            let (base, (year_zh, year_en)) = match last.parse::<usize>() {
                Ok(index) => (
                    path.rsplit_once('.')?.0,
                    (
                        format!(",第{}年", index + 1),
                        format!(", year {}", index + 1),
                    ),
                ),
                Err(_) => (path, (String::new(), String::new())),
            };
            let field = county_fields().into_iter().find(|f| f.path == base)?;
            Some((
                format!("{}{year_zh}", field.zh),
                format!("{}{year_en}", field.en),
            ))
        }
        _ => None,
    }
}

/// How a county-level field is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountyFieldKind {
    Text,
    Number,
    /// Yearly numbers, comma-separated.
    List,
}

impl CountyFieldKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CountyFieldKind::Text => "text",
            CountyFieldKind::Number => "number",
            CountyFieldKind::List => "list",
        }
    }
}

/// Where a county-level field's value lives in the model's county.
#[derive(Clone, Copy, Debug)]
enum CountyValue {
    Name,
    BaseYear,
    Horizon,
    Government,
    Individual,
    Outpatient(crate::model::Place),
    Inpatient(crate::model::Place),
}

/// One county-level input (the county sheet's rows, the editor's county section): its path in the
/// scenario file, labels, rule (none for the name) and where its value lives.
#[derive(Clone, Debug)]
pub struct CountyField {
    pub path: String,
    pub zh: String,
    pub en: String,
    pub rule: Option<NumberRule>,
    pub kind: CountyFieldKind,
    value: CountyValue,
}

impl CountyField {
    /// The field's value in `county`, as it is typed (a list comma-separated).
    pub fn value(&self, county: &crate::model::County) -> String {
        let list = |schedule: &crate::model::Schedule| {
            schedule
                .values()
                .iter()
                .map(|v| v.normalize().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self.value {
            CountyValue::Name => county.name.clone(),
            CountyValue::BaseYear => county.base_year.to_string(),
            CountyValue::Horizon => county.horizon.years().to_string(),
            CountyValue::Government => list(&county.government_per_capita),
            CountyValue::Individual => list(&county.individual_per_capita),
            CountyValue::Outpatient(place) => county
                .reimbursement
                .outpatient
                .get(place)
                .normalize()
                .to_string(),
            CountyValue::Inpatient(place) => county
                .reimbursement
                .inpatient
                .get(place)
                .normalize()
                .to_string(),
        }
    }
}

/// Every county-level input, in the order the sheet and the editor show them.
pub fn county_fields() -> Vec<CountyField> {
    use crate::model::Place;
    let field = |path: &str, zh: &str, en: &str, rule, kind, value| CountyField {
        path: path.into(),
        zh: zh.into(),
        en: en.into(),
        rule,
        kind,
        value,
    };
    let mut fields = vec![
        field(
            "county.name",
            "县名",
            "county name",
            None,
            CountyFieldKind::Text,
            CountyValue::Name,
        ),
        field(
            "county.base_year",
            "基础数据年份",
            "base-data year",
            Some(YEAR),
            CountyFieldKind::Number,
            CountyValue::BaseYear,
        ),
        field(
            "county.horizon_years",
            "预测年数",
            "years projected",
            Some(HORIZON),
            CountyFieldKind::Number,
            CountyValue::Horizon,
        ),
        field(
            "county.government_per_capita_yuan",
            "人均财政补助",
            "government financing per insured",
            Some(PER_CAPITA),
            CountyFieldKind::List,
            CountyValue::Government,
        ),
        field(
            "county.individual_per_capita_yuan",
            "人均个人缴费",
            "individual contribution per insured",
            Some(PER_CAPITA),
            CountyFieldKind::List,
            CountyValue::Individual,
        ),
    ];
    for (care, zh, en) in [
        ("outpatient", "门诊报销比例", "outpatient reimbursement"),
        ("inpatient", "住院报销比例", "inpatient reimbursement"),
    ] {
        for place in Place::ALL {
            let (place_zh, place_en) = place.label();
            fields.push(CountyField {
                path: format!("county.reimbursement.{care}.{}", place.key()),
                zh: format!("{zh}:{place_zh}"),
                en: format!("{en}: {place_en}"),
                rule: Some(SHARE),
                kind: CountyFieldKind::Number,
                value: if care == "outpatient" {
                    CountyValue::Outpatient(place)
                } else {
                    CountyValue::Inpatient(place)
                },
            });
        }
    }
    fields
}

/// Parses number text exactly: plain decimals, or scientific notation within the decimal range.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// Parses number text and rounds it to `places` decimal places, half away from zero (四舍五入, the rule
/// of `model::money::fen`). Returns the value and whether a non-zero digit was dropped, or `None` when
/// the text is not a number or its whole part does not fit in a decimal. The rounding is done on the
/// digits as written, so a number with more digits than a decimal holds (a long fraction, or 1e-40)
/// rounds exactly too instead of being refused.
pub fn parse_rounded(text: &str, places: u32) -> Option<(Decimal, bool)> {
    let (value, dropped) = match parse_decimal(text) {
        Some(exact) => {
            let rounded =
                exact.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
            (rounded, rounded != exact)
        }
        None => round_digits(text, places)?,
    };
    // No negative zero: -0.000000001 is read as 0.
    Some((
        if value.is_zero() {
            Decimal::ZERO
        } else {
            value
        },
        dropped,
    ))
}

/// [`parse_rounded`] for text a decimal cannot hold exactly: `[+-]digits[.digits][e[+-]digits]`,
/// rounded on its digits.
fn round_digits(text: &str, places: u32) -> Option<(Decimal, bool)> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => {
            let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
            let digits = exponent.strip_prefix('-').unwrap_or(exponent);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // An exponent too long for i64 is a number too large (refused) or too small (zero).
            let value = exponent
                .parse::<i64>()
                .unwrap_or(if exponent.starts_with('-') {
                    i64::MIN
                } else {
                    i64::MAX
                });
            (mantissa, value)
        }
        None => (body, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
    let Some(first) = digits.iter().position(|d| *d != b'0') else {
        return Some((Decimal::ZERO, false));
    };
    // The decimal point falls before digits[point]; digits outside the written ones are zeros.
    let point = i64::try_from(whole.len()).ok()?.saturating_add(exponent);
    if point.saturating_sub(i64::try_from(first).ok()?) > 29 {
        return None; // more than 29 whole digits: beyond any decimal
    }
    let digit_at = |index: i64| -> u8 {
        usize::try_from(index)
            .ok()
            .and_then(|i| digits.get(i).copied())
            .unwrap_or(b'0')
    };
    let kept_whole: String = if point <= 0 {
        "0".into()
    } else {
        (0..point).map(|i| char::from(digit_at(i))).collect()
    };
    let kept_fraction: String = (0..i64::from(places))
        .map(|i| char::from(digit_at(point.saturating_add(i))))
        .collect();
    let first_dropped = point.saturating_add(i64::from(places));
    let round_up = digit_at(first_dropped) >= b'5';
    let dropped = usize::try_from(first_dropped.max(0))
        .ok()
        .is_some_and(|start| digits.iter().skip(start).any(|d| *d != b'0'));
    let text = if places == 0 {
        kept_whole
    } else {
        format!("{kept_whole}.{kept_fraction}")
    };
    let mut value = Decimal::from_str_exact(&text).ok()?;
    if round_up {
        value = value.checked_add(Decimal::new(1, places))?;
    }
    Some((if negative { -value } else { value }, dropped))
}

/// Why `text` (written where a number belongs) is not one, as (Chinese, English) advice: the habits of
/// spreadsheets and Chinese input methods named, so the user knows what to change.
pub fn not_a_number(text: &str) -> (&'static str, &'static str) {
    let text = text.trim();
    let decimal_comma = text.split_once([',', ',']).is_some_and(|(whole, part)| {
        (whole == "0" || whole.is_empty() || part.len() != 3)
            && !part.is_empty()
            && part.chars().all(|c| c.is_ascii_digit())
            && whole
                .trim_start_matches(['-', '+'])
                .chars()
                .all(|c| c.is_ascii_digit())
    });
    if decimal_comma {
        (
            "小数请用小数点,例如 0.02,不要用逗号",
            "use a decimal point, as in 0.02, not a comma",
        )
    } else if text.contains(['[', ']', '{', '}', '=']) || text.contains(", ") || text.contains(", ")
    {
        ("每个格子只填一个数字", "one number per box")
    } else if text.contains(['−', '-']) {
        ("请用半角减号 -", "use the ASCII minus sign -")
    } else if text.contains([',', ',']) {
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
    } else if text.parse::<f64>().is_ok() && text.chars().any(|c| c.is_ascii_digit()) {
        // Digits that make a number too long for exact arithmetic (a 400-digit value, 1e400).
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

    /// Decimal places kept when a number is read: 0 for whole numbers (a fraction is refused by
    /// [`NumberRule::check`]), [`MONEY_PLACES`] for yuan, [`MAX_PLACES`] otherwise.
    pub fn places(&self) -> u32 {
        if self.whole {
            0
        } else if self.money {
            MONEY_PLACES
        } else {
            MAX_PLACES
        }
    }

    /// Parses number text for this rule: a whole-number field exactly (a fraction is then refused by
    /// [`NumberRule::check`], never rounded away), any other field rounded to [`NumberRule::places`].
    /// Returns the value and whether it was rounded; `None` when the text is not a number.
    pub fn parse(&self, text: &str) -> Option<(Decimal, bool)> {
        if self.whole {
            parse_decimal(text).map(|value| (value, false))
        } else {
            parse_rounded(text, self.places())
        }
    }

    /// (Chinese, English) warning that `typed` had more decimal places than this rule keeps and `used`
    /// is the value taken instead.
    pub fn rounded(&self, typed: &str, used: Decimal) -> (String, String) {
        if self.money {
            (
                format!(
                    "金额只精确到分(0.01 元,最多 {MONEY_PLACES} 位小数):输入 {typed},按 {used:.2} {} 计算(四舍五入)",
                    self.unit_zh
                ),
                format!(
                    "money is kept to the fen (0.01 yuan, at most {MONEY_PLACES} decimal places): {typed} was entered, {used:.2} {} is used (rounded half away from zero)",
                    self.unit_en
                ),
            )
        } else {
            let used = used.normalize();
            (
                format!("最多保留 {MAX_PLACES} 位小数:输入 {typed},按 {used} 计算(四舍五入)"),
                format!(
                    "at most {MAX_PLACES} decimal places are kept: {typed} was entered, {used} is used (rounded half away from zero)"
                ),
            )
        }
    }

    /// (Chinese, English) statement of the accepted range.
    pub fn allowed(&self) -> (String, String) {
        (
            format!("允许范围 {} 到 {} {}", self.min, self.max, self.unit_zh),
            format!("allowed: {} to {} {}", self.min, self.max, self.unit_en),
        )
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn paths_read_as_names_and_years() {
        let label = |path: &str| path_label(path).unwrap();
        assert_eq!(
            label("reform.per_bed_subsidy_yuan.1").0,
            "改革:每床补助,第2年"
                .replace("每床补助", crate::model::Lever::PerBedSubsidyYuan.spec().zh)
        );
        assert_eq!(
            label("levers.global_budget").1,
            format!("today: {}", crate::model::Lever::GlobalBudget.spec().en)
        );
        assert_eq!(
            label("communities.0.institutions.2.beds").0,
            "医共体1 · 机构3:床位"
        );
        assert_eq!(
            label("communities.1.out_of_county.admissions").1,
            "community 2: out-of-county admissions"
        );
        assert_eq!(label("county.base_year").0, "基础数据年份");
        assert_eq!(
            label("county.individual_per_capita_yuan.1").0,
            "人均个人缴费,第2年"
        );
        assert_eq!(
            label("uncertainty.wage_growth_rate.1").1,
            "uncertainty range: base pay growth, high end"
        );
        assert_eq!(path_label("reform.no_such_lever"), None);
        assert_eq!(path_label("reform.per_bed_subsidy_yuan.x"), None);
    }

    use super::*;

    fn rounded(text: &str, places: u32) -> Option<(String, bool)> {
        parse_rounded(text, places).map(|(value, dropped)| (value.normalize().to_string(), dropped))
    }

    #[test]
    fn numbers_round_half_away_from_zero_at_the_kept_place() {
        let some = |value: &str, dropped: bool| Some((value.to_string(), dropped));
        assert_eq!(rounded("3000.005", 2), some("3000.01", true));
        assert_eq!(rounded("3000.0049", 2), some("3000", true));
        assert_eq!(rounded("-2.675", 2), some("-2.68", true));
        assert_eq!(rounded("3000.50", 2), some("3000.5", false));
        assert_eq!(rounded("1e-28", 2), some("0", true));
        assert_eq!(
            rounded("0.1234567890123456789", 8),
            some("0.12345679", true)
        );
        assert_eq!(rounded("-0.000000005", 8), some("-0.00000001", true));
        assert_eq!(rounded("1.5e2", 8), some("150", false));
        // More digits than a decimal holds, or a tiny exponent: rounded on the digits as written.
        assert_eq!(
            rounded("0.50000000000000000000000000000000000001", 8),
            some("0.5", true)
        );
        assert_eq!(
            rounded("0.00000000499999999999999999999999999", 8),
            some("0", true)
        );
        assert_eq!(
            rounded("0.000000005000000000000000000000000001", 8),
            some("0.00000001", true)
        );
        assert_eq!(rounded("1e-400", 8), some("0", true));
        assert_eq!(rounded("-1e-400", 8), some("0", true));
        assert_eq!(rounded("0e-400", 8), some("0", false));
        assert_eq!(rounded("+12.345678905e-1", 8), some("1.23456789", true));
        assert_eq!(
            rounded("99.9999999999999999999999999999999", 2),
            some("100", true)
        );
        assert_eq!(
            rounded("1.0000000000000000000000000000000", 2),
            some("1", false)
        );
        // Still refused: not numbers, or a whole part no decimal holds.
        assert_eq!(rounded("1e308", 8), None);
        assert_eq!(rounded("123456789012345678901234567890.5", 2), None);
        assert_eq!(rounded("1,000", 2), None);
        assert_eq!(rounded("nan", 2), None);
        assert_eq!(rounded("1e", 2), None);
        assert_eq!(rounded("1.2.3", 2), None);
        assert_eq!(rounded("-", 2), None);
        assert_eq!(rounded("1e99999999999999999999", 2), None);
        assert_eq!(rounded("1e-99999999999999999999", 2), some("0", true));
    }

    #[test]
    fn rounding_on_the_digits_agrees_with_exact_decimals() {
        // Every way of writing these numbers rounds alike, through rust_decimal or on the digits.
        for text in [
            "0.123456785",
            "0.123456784999",
            "-7.5",
            "12345.678",
            "0.000000015",
            "99999999999.995",
            "-0.0000000001",
            "4.999999995",
        ] {
            for places in [0, 2, 8] {
                let exact = parse_rounded(text, places);
                assert_eq!(
                    round_digits(text, places)
                        .map(|(v, d)| (if v.is_zero() { Decimal::ZERO } else { v }, d)),
                    exact,
                    "{text} to {places}"
                );
                let scientific = format!("{text}0e0");
                assert_eq!(
                    round_digits(&scientific, places)
                        .map(|(v, d)| (if v.is_zero() { Decimal::ZERO } else { v }, d)),
                    exact,
                    "{scientific} to {places}"
                );
            }
        }
    }

    #[test]
    fn money_rules_keep_the_fen_and_counts_stay_exact() {
        assert_eq!(PAY.places(), 2);
        assert_eq!(SHARE.places(), MAX_PLACES);
        assert_eq!(BEDS.places(), 0);
        // A whole-number field is read exactly, so its fraction is refused by `check`, not rounded.
        assert_eq!(BEDS.parse("150.5"), Some((Decimal::new(1505, 1), false)));
        assert!(BEDS.check(Decimal::new(1505, 1)).is_err());
        assert_eq!(
            PAY.parse("110000.005"),
            Some((Decimal::new(11000001, 2), true))
        );
    }
}
