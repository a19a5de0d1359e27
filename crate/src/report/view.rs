//! The page's view model: everything the page shows, as text ready to draw, built from the one catalog
//! (levers and assumptions in `model::params`, county fields in `scenario::fields`, indicators in
//! [`super::INDICATORS`], policy targets in `model::TARGETS`, ledger items in `model::ledger`).
//!
//! The page renders what it is given and sends back a path and what the user typed; it names no lever,
//! field or indicator and does no arithmetic on the model's figures. Money is shown in yuan or in 万元
//! (rounded half away from zero, exactly); shares as percentages; changes against the baseline in
//! yuan, points or plain numbers.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::{json, Value};

use super::table::group_digits;
use super::{money_text, Kind, INDICATORS};
use crate::model::{Assumption, Lever, ParamSpec, Projection, Section, Side, Target, Tier, Unit};
use crate::scenario::fields::{
    county_fields, CountyFieldKind, InputField, COMMUNITY_FIELDS, INSTITUTION_FIELDS,
    OUT_OF_COUNTY_FIELDS,
};
use crate::scenario::Scenario;

pub use crate::chart::Lang;

/// Which levers the controls edit: the reform's, or today's (the baseline, the file's `[levers]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Reform,
    Baseline,
}

impl Mode {
    /// The scenario file's section of the levers this mode edits.
    pub fn section(self) -> &'static str {
        match self {
            Mode::Reform => "reform",
            Mode::Baseline => "levers",
        }
    }
}

/// How the page wants its view.
#[derive(Clone, Copy, Debug)]
pub struct ViewOptions {
    pub lang: Lang,
    pub mode: Mode,
    /// Money in 万元 (ten thousand yuan) rather than yuan.
    pub wan: bool,
    /// The year whose ledger is shown (the first year when absent or not projected).
    pub ledger_year: Option<i32>,
    /// Whether to build the county editor (only while its tab is open).
    pub editor: bool,
}

impl ViewOptions {
    /// The plainest view in `lang`: the reform's levers, money in yuan, the first year's ledger, no
    /// county editor.
    pub fn new(lang: Lang) -> ViewOptions {
        ViewOptions {
            lang,
            mode: Mode::Reform,
            wan: false,
            ledger_year: None,
            editor: false,
        }
    }

    /// Options from the page's JSON (`{"lang": "en", "mode": "levers", "wan": true, "ledger_year":
    /// 2027, "editor": true}`); anything missing or unknown takes the default.
    pub fn from_json(text: &str) -> ViewOptions {
        let value: Value = serde_json::from_str(text).unwrap_or_default();
        ViewOptions {
            lang: if value["lang"] == "en" {
                Lang::En
            } else {
                Lang::Zh
            },
            mode: if value["mode"] == Mode::Baseline.section() {
                Mode::Baseline
            } else {
                Mode::Reform
            },
            wan: value["wan"] == true,
            ledger_year: value["ledger_year"]
                .as_i64()
                .and_then(|y| i32::try_from(y).ok()),
            editor: value["editor"] == true,
        }
    }
}

/// The words the view puts around figures.
#[derive(Clone, Copy)]
enum Word {
    Baseline,
    Points,
    Documented,
    Plausible,
    Outside,
    Source,
    ByYear,
    OneValue,
    Indicator,
    Total,
    Year,
    LaterYears,
    Yuan,
    Wan,
}

fn word(lang: Lang, word: Word) -> &'static str {
    let (zh, en) = match word {
        Word::Baseline => ("基线", "baseline"),
        Word::Points => ("个百分点", "pp"),
        Word::Documented => ("文件规定", "documented"),
        Word::Plausible => ("合理范围", "plausible"),
        Word::Outside => ("超出范围", "outside the range"),
        Word::Source => ("来源", "source"),
        Word::ByYear => ("逐年", "by year"),
        Word::OneValue => ("各年统一为", "every year at"),
        Word::Indicator => ("指标", "indicator"),
        Word::Total => ("合计", "total"),
        Word::Year => ("年", ""),
        Word::LaterYears => (
            "最后一年的值用于以后各年",
            "the last year's value holds for later years",
        ),
        Word::Yuan => ("元", "yuan"),
        Word::Wan => ("万元", "10k yuan"),
    };
    pick(lang, (zh, en))
}

fn pick(lang: Lang, (zh, en): (&'static str, &'static str)) -> &'static str {
    lang.pick(zh, en)
}

fn round2(value: Decimal) -> Decimal {
    super::unsigned(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// Yuan, grouped (`1,234,567.80`), or 万元 to two places (`123.46`), rounded half away from zero.
pub fn money_display(value: Decimal, wan: bool) -> String {
    if wan {
        group_digits(&format!("{:.2}", round2(value / Decimal::from(10_000))))
    } else {
        group_digits(&money_text(value))
    }
}

/// An indicator's value as shown: a percentage, money, or a plain number to two places.
pub fn indicator_display(kind: Kind, value: Decimal, wan: bool) -> String {
    match kind {
        Kind::Fraction => format!("{:.2}%", round2(value * Decimal::ONE_HUNDRED)),
        Kind::Money => money_display(value, wan),
        Kind::Ratio => format!("{:.2}", round2(value)),
    }
}

/// The change from `base` to `now` as shown: `+1,234.00`, `-0.12 个百分点`, `+0.05` (no sign when it
/// rounds to nothing).
pub fn change_display(kind: Kind, now: Decimal, base: Decimal, options: &ViewOptions) -> String {
    let difference = now - base;
    let (shown, rounded) = match kind {
        Kind::Money => (
            money_display(difference, options.wan),
            if options.wan {
                round2(difference / Decimal::from(10_000))
            } else {
                round2(difference)
            },
        ),
        Kind::Fraction => {
            let points = round2(difference * Decimal::ONE_HUNDRED);
            (
                format!("{points:.2} {}", word(options.lang, Word::Points)),
                points,
            )
        }
        Kind::Ratio => (format!("{:.2}", round2(difference)), round2(difference)),
    };
    if rounded > Decimal::ZERO {
        format!("+{shown}")
    } else {
        shown
    }
}

/// A step for a slider over `span` (about 200 steps, a round 1, 2 or 5 times a power of ten).
fn nice_step(span: Decimal) -> Decimal {
    let raw = span / Decimal::from(200);
    if raw <= Decimal::ZERO {
        return Decimal::ONE;
    }
    let mut power = Decimal::ONE;
    while power > raw && power > Decimal::new(1, 12) {
        power /= Decimal::TEN;
    }
    while power * Decimal::TEN <= raw {
        power *= Decimal::TEN;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| power * Decimal::from(m))
        .find(|step| *step >= raw)
        .unwrap_or(raw)
        .normalize()
}

/// One lever or assumption as the page draws it.
#[derive(Serialize)]
struct Control {
    path: String,
    name: &'static str,
    unit: &'static str,
    widget: &'static str,
    value: String,
    range: Option<String>,
    outside: bool,
    source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    on: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slider: Option<Slider>,
    /// A lever may take a value per year: the toggle sends what the other form would be.
    #[serde(skip_serializing_if = "Option::is_none")]
    toggle: Option<Labelled>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years: Option<Vec<Labelled>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years_note: Option<&'static str>,
}

#[derive(Serialize)]
struct Slider {
    min: String,
    max: String,
    step: String,
}

/// A value with its label (a year's box, the by-year toggle).
#[derive(Serialize)]
struct Labelled {
    label: String,
    value: String,
}

fn control(
    spec: &ParamSpec,
    path: String,
    values: &[Decimal],
    is_lever: bool,
    options: &ViewOptions,
    first_year: i32,
    horizon: usize,
) -> Control {
    let lang = options.lang;
    let text = |v: &Decimal| v.normalize().to_string();
    let first = values.first().copied().unwrap_or_default();
    let outside = values.iter().any(|v| spec.outside_usual(*v, is_lever));
    let range = spec.usual.map(|(low, high)| {
        let kind = if is_lever && spec.range_is_documented() {
            word(lang, Word::Documented)
        } else {
            word(lang, Word::Plausible)
        };
        let range = format!("{kind} {}–{}", text(&low), text(&high));
        if outside {
            format!("{}: {range}", word(lang, Word::Outside))
        } else {
            range
        }
    });
    let source = match lang {
        Lang::Zh => spec.source_zh(),
        Lang::En => spec.source_en(),
    };
    let mut entry = Control {
        path,
        name: pick(lang, (spec.zh, spec.en)),
        unit: pick(lang, spec.unit.label()),
        widget: "slider",
        value: text(&first),
        range,
        outside,
        source: format!("{}: {source}", word(lang, Word::Source)),
        choices: None,
        on: None,
        slider: None,
        toggle: None,
        years: None,
        years_note: None,
    };
    if !spec.choices.is_empty() {
        entry.widget = "select";
        entry.choices = Some(spec.choices.iter().map(|c| pick(lang, *c)).collect());
        return entry;
    }
    if spec.unit == Unit::Switch {
        entry.widget = "switch";
        entry.on = Some(!first.is_zero());
        return entry;
    }
    let (low, high, step) = slider_range(spec);
    entry.slider = Some(Slider {
        min: text(&low),
        max: text(&high),
        step: text(&step),
    });
    if is_lever {
        let by_year = values.len() > 1;
        // Going back to one value says which value every year takes.
        entry.toggle = Some(if by_year {
            Labelled {
                label: format!("{} {}", word(lang, Word::OneValue), text(&first)),
                value: text(&first),
            }
        } else {
            Labelled {
                label: word(lang, Word::ByYear).to_string(),
                value: format!("[{}]", vec![text(&first); horizon].join(", ")),
            }
        });
        if by_year {
            entry.years = Some(
                values
                    .iter()
                    .enumerate()
                    .map(|(index, v)| Labelled {
                        label: format!("{}{}", first_year + index as i32, word(lang, Word::Year)),
                        value: text(v),
                    })
                    .collect(),
            );
            entry.years_note = Some(word(lang, Word::LaterYears));
        }
    }
    entry
}

/// A slider's ends and step: from the least value allowed to twice the plausible range's high end (or
/// the most allowed), in round steps.
fn slider_range(spec: &ParamSpec) -> (Decimal, Decimal, Decimal) {
    let high = match spec.usual {
        Some((_, high)) if high > Decimal::ZERO => spec.max.min(high * Decimal::TWO),
        _ => spec.max,
    };
    let step = if matches!(spec.unit, Unit::Years | Unit::Choice) {
        Decimal::ONE
    } else {
        nice_step(high - spec.min)
    };
    (spec.min, high, step)
}

/// The value of the lever or assumption at `path` (`reform.KEY`, `levers.KEY`, `assumptions.KEY`)
/// moved `steps` keyboard steps, each year of a schedule alike, kept within the slider: the text to
/// set (one value, or one per year), for the presenter's arrow keys. A key step is ten of the
/// slider's steps (about a twentieth of the slider), one for a number of years; a switch turns on for
/// a step up and off for a step down; a choice moves to the next or previous option. `None` for a
/// path that names neither.
pub fn nudged(scenario: &Scenario, path: &str, steps: i64) -> Option<String> {
    let input = &scenario.input;
    let (section, key) = path.split_once('.')?;
    let (spec, values): (&ParamSpec, Vec<Decimal>) = match section {
        "reform" | "levers" => {
            let lever = Lever::from_key(key)?;
            let levers = if section == "reform" {
                &input.reform
            } else {
                &input.baseline
            };
            (lever.spec(), levers.schedule(lever).values().to_vec())
        }
        "assumptions" => {
            let assumption = Assumption::from_key(key)?;
            (assumption.spec(), vec![input.assumptions.get(assumption)])
        }
        _ => return None,
    };
    let (low, high, step) = if spec.unit == Unit::Switch {
        (Decimal::ZERO, Decimal::ONE, Decimal::ONE)
    } else if !spec.choices.is_empty() {
        (
            Decimal::ZERO,
            Decimal::from(spec.choices.len() - 1),
            Decimal::ONE,
        )
    } else if matches!(spec.unit, Unit::Years | Unit::Choice) {
        slider_range(spec)
    } else {
        let (low, high, step) = slider_range(spec);
        (low, high, step * Decimal::TEN)
    };
    let moved: Vec<String> = values
        .iter()
        .map(|value| {
            (*value + step * Decimal::from(steps))
                .clamp(low, high.max(*value).min(spec.max))
                .normalize()
                .to_string()
        })
        .collect();
    Some(match moved.as_slice() {
        [one] => one.clone(),
        many => format!("[{}]", many.join(", ")),
    })
}

/// A lever's or assumption's values as a report reads them: the option's name for a choice, 开/关 for
/// a switch, otherwise the numbers year by year ("3000 / 4000 / 5000").
fn values_display(spec: &ParamSpec, values: &[Decimal], lang: Lang) -> String {
    let one = |value: &Decimal| match spec.choice(*value) {
        Some(names) => pick(lang, names).to_string(),
        None if spec.unit == Unit::Switch => pick(
            lang,
            if value.is_zero() {
                ("关", "off")
            } else {
                ("开", "on")
            },
        )
        .to_string(),
        None => value.normalize().to_string(),
    };
    values.iter().map(one).collect::<Vec<_>>().join(" / ")
}

/// What the reform changes from today's levers, and the assumptions moved from their defaults, each
/// with its source: the printed report lists them under the title. Asked for when the page prints, not
/// with every view (a lever move need not build it).
pub fn departures(scenario: &Scenario, options: &ViewOptions) -> Value {
    let lang = options.lang;
    let input = &scenario.input;
    let row = |spec: &ParamSpec, before: String, after: String| {
        json!({
            "name": pick(lang, (spec.zh, spec.en)),
            // A switch or a choice reads as its words; other values carry their unit.
            "unit": if spec.unit == Unit::Switch || !spec.choices.is_empty() { "" } else { pick(lang, spec.unit.label()) },
            "before": before,
            "after": after,
            "source": match lang { Lang::Zh => spec.source_zh(), Lang::En => spec.source_en() },
        })
    };
    let levers: Vec<Value> = Lever::ALL
        .iter()
        .filter(|lever| input.reform.schedule(**lever) != input.baseline.schedule(**lever))
        .map(|lever| {
            let spec = lever.spec();
            row(
                spec,
                values_display(spec, input.baseline.schedule(*lever).values(), lang),
                values_display(spec, input.reform.schedule(*lever).values(), lang),
            )
        })
        .collect();
    let assumptions: Vec<Value> = Assumption::ALL
        .iter()
        .filter(|a| input.assumptions.get(**a) != a.spec().default)
        .map(|a| {
            let spec = a.spec();
            row(
                spec,
                values_display(spec, &[spec.default], lang),
                values_display(spec, &[input.assumptions.get(*a)], lang),
            )
        })
        .collect();
    json!({
        "levers": levers,
        "assumptions": assumptions,
        "levers_heading": pick(lang, ("改革改变的政策杠杆(今天 → 改革)", "Levers the reform changes (today → reform)")),
        "assumptions_heading": pick(lang, ("与默认值不同的假设(默认 → 本方案)", "Assumptions that differ from their defaults (default → this scenario)")),
        "none": pick(lang, ("无", "none")),
    })
}

/// The levers in their groups (in declaration order), then the assumptions.
#[derive(Serialize)]
struct Controls {
    levers: Vec<Group>,
    assumptions: Vec<Control>,
}

#[derive(Serialize)]
struct Group {
    title: &'static str,
    controls: Vec<Control>,
}

fn controls(scenario: &Scenario, options: &ViewOptions) -> Controls {
    let input = &scenario.input;
    let first_year = input.county.base_year + 1;
    let horizon = input.county.horizon.years();
    let levers = match options.mode {
        Mode::Reform => &input.reform,
        Mode::Baseline => &input.baseline,
    };
    let mut groups: Vec<Group> = Vec::new();
    for lever in Lever::ALL {
        let spec = lever.spec();
        let title = pick(options.lang, spec.group.label());
        let entry = control(
            spec,
            format!("{}.{}", options.mode.section(), spec.key),
            levers.schedule(*lever).values(),
            true,
            options,
            first_year,
            horizon,
        );
        match groups.last_mut() {
            Some(group) if group.title == title => group.controls.push(entry),
            _ => groups.push(Group {
                title,
                controls: vec![entry],
            }),
        }
    }
    let assumptions = Assumption::ALL
        .iter()
        .map(|assumption| {
            let spec = assumption.spec();
            control(
                spec,
                format!("assumptions.{}", spec.key),
                &[input.assumptions.get(*assumption)],
                false,
                options,
                first_year,
                horizon,
            )
        })
        .collect();
    Controls {
        levers: groups,
        assumptions,
    }
}

/// Every indicator by year: this year's figure, the baseline and the change, and whether a target is
/// met.
#[derive(Serialize)]
struct Scorecard {
    header: Vec<String>,
    rows: Vec<ScoreRow>,
    unit: &'static str,
}

#[derive(Serialize)]
struct ScoreRow {
    name: String,
    definition: String,
    cells: Vec<ScoreCell>,
}

#[derive(Serialize)]
struct ScoreCell {
    now: String,
    detail: String,
    met: Option<bool>,
}

/// An indicator's name as shown: money shown in 万元 says so in its name (the names carry the unit, 元).
fn indicator_name(row: &super::IndicatorRow, options: &ViewOptions) -> String {
    let name = pick(options.lang, (row.zh, row.en));
    if options.wan && row.kind == Kind::Money {
        name.replace("(元)", "(万元)")
            .replace("(yuan)", "(10k yuan)")
    } else {
        name.to_string()
    }
}

fn scorecard(projection: &Projection, options: &ViewOptions) -> Scorecard {
    let lang = options.lang;
    let mut header = vec![word(lang, Word::Indicator).to_string()];
    header.extend(projection.scenario.iter().map(|y| y.year.to_string()));
    let rows = INDICATORS
        .iter()
        .map(|row| {
            let target = Target::of(row.key);
            let cells = projection
                .scenario
                .iter()
                .zip(&projection.baseline)
                .enumerate()
                .map(|(index, (now, base))| {
                    let (now, base) = ((row.read)(&now.indicators), (row.read)(&base.indicators));
                    ScoreCell {
                        now: indicator_display(row.kind, now, options.wan),
                        detail: format!(
                            "{} {} · {}",
                            word(lang, Word::Baseline),
                            indicator_display(row.kind, base, options.wan),
                            change_display(row.kind, now, base, options)
                        ),
                        met: target.and_then(|t| t.met(projection, index)),
                    }
                })
                .collect();
            let name = indicator_name(row, options);
            let definition = format!(
                "{}{}{}",
                pick(lang, (row.definition_zh, row.definition_en)),
                pick(lang, ("。来源:", ". Source: ")),
                row.origin.citation(lang)
            );
            ScoreRow {
                name,
                definition,
                cells,
            }
        })
        .collect();
    Scorecard {
        header,
        rows,
        unit: word(lang, if options.wan { Word::Wan } else { Word::Yuan }),
    }
}

/// What presenter mode shows beside a chart: the last year's figures of the indicators the chart draws
/// and of every indicator with a policy target (`chart_indicators`, in that order, each once):
/// `{"year", "rows": [{"name", "base", "now", "change", "met", "target"}]}`; `target` is the target in
/// words, or null.
pub fn presenter(
    projection: &Projection,
    chart_indicators: &[&str],
    options: &ViewOptions,
) -> Value {
    let lang = options.lang;
    let last = projection.scenario.len().saturating_sub(1);
    let (Some(now), Some(base)) = (projection.scenario.last(), projection.baseline.last()) else {
        return json!({"year": null, "rows": []});
    };
    let mut keys: Vec<&str> = chart_indicators.to_vec();
    for target in crate::model::TARGETS {
        if !keys.contains(&target.indicator) {
            keys.push(target.indicator);
        }
    }
    let rows: Vec<Value> = keys
        .iter()
        .filter_map(|key| INDICATORS.iter().find(|row| row.key == *key))
        .map(|row| {
            let (value, baseline) = ((row.read)(&now.indicators), (row.read)(&base.indicators));
            let target = Target::of(row.key);
            json!({
                "name": indicator_name(row, options),
                "base": indicator_display(row.kind, baseline, options.wan),
                "now": indicator_display(row.kind, value, options.wan),
                "change": change_display(row.kind, value, baseline, options),
                "met": target.and_then(|t| t.met(projection, last)),
                "target": target.map(|t| pick(lang, (t.zh, t.en))),
            })
        })
        .collect();
    json!({"year": now.year, "rows": rows})
}

fn ledger(projection: &Projection, options: &ViewOptions) -> Value {
    let lang = options.lang;
    let years: Vec<i32> = projection.scenario.iter().map(|y| y.year).collect();
    let Some(year) = projection
        .scenario
        .iter()
        .find(|y| Some(y.year) == options.ledger_year)
        .or(projection.scenario.first())
    else {
        return json!({"years": years, "rows": []});
    };
    let ledger = &year.ledger;
    let money = |amount: Decimal| money_display(amount, options.wan);
    let mut rows = Vec::new();
    for section in Section::ALL {
        rows.push(json!({
            "name": pick(lang, section.label()),
            "source": money(ledger.total(section, Side::Source)),
            "use": money(ledger.total(section, Side::Use)),
            "section": true,
        }));
        for side in [Side::Source, Side::Use] {
            for (item, amount) in ledger.lines(section, side) {
                if money_text(amount) == "0.00" {
                    continue;
                }
                let shown = money(amount);
                rows.push(json!({
                    "name": pick(lang, item.label()),
                    "source": if side == Side::Source { shown.clone() } else { String::new() },
                    "use": if side == Side::Use { shown } else { String::new() },
                    "section": false,
                }));
            }
        }
    }
    rows.push(json!({
        "name": word(lang, Word::Total),
        "source": money(ledger.total_sources()),
        "use": money(ledger.total_uses()),
        "section": true,
    }));
    json!({
        "years": years,
        "year": year.year,
        "rows": rows,
        "balanced": ledger.imbalances().is_empty() && ledger.total_sources() == ledger.total_uses(),
        "unit": word(lang, if options.wan { Word::Wan } else { Word::Yuan }),
    })
}

/// One input of the county editor: its path, label, value as text, how it is typed and whether it is
/// still an estimate.
fn input(
    scenario: &Scenario,
    path: String,
    label: String,
    unit: &str,
    value: String,
    kind: &str,
) -> Value {
    json!({
        "estimated": scenario.meta.estimated_fields.contains(&path),
        "path": path,
        "label": if unit.is_empty() { label } else { format!("{label} ({unit})") },
        "value": value,
        "kind": kind,
    })
}

fn numeric<T>(
    scenario: &Scenario,
    lang: Lang,
    prefix: &str,
    field: &InputField<T>,
    value: Decimal,
) -> Value {
    input(
        scenario,
        format!("{prefix}{}", field.key),
        pick(lang, (field.zh, field.en)).to_string(),
        pick(lang, (field.rule.unit_zh, field.rule.unit_en)),
        value.normalize().to_string(),
        "number",
    )
}

fn editor(scenario: &Scenario, lang: Lang) -> Value {
    let county = &scenario.input.county;
    let county_inputs: Vec<Value> = county_fields()
        .iter()
        .map(|field| {
            let unit = field
                .rule
                .map_or("", |rule| pick(lang, (rule.unit_zh, rule.unit_en)));
            let unit = if field.kind == CountyFieldKind::List {
                format!(
                    "{unit}{}",
                    pick(lang, (",逐年以逗号分隔", ", by year, comma-separated"))
                )
            } else {
                unit.to_string()
            };
            input(
                scenario,
                field.path.clone(),
                pick_owned(lang, &field.zh, &field.en),
                &unit,
                field.value(county),
                field.kind.as_str(),
            )
        })
        .collect();
    let tiers: Vec<Value> = Tier::ALL
        .iter()
        .map(|tier| json!({"value": tier.key(), "label": pick(lang, tier.place().label())}))
        .collect();
    let communities: Vec<Value> = county
        .communities
        .iter()
        .enumerate()
        .map(|(c, community)| {
            let prefix = format!("communities.{c}.");
            let mut fields: Vec<Value> = COMMUNITY_FIELDS
                .iter()
                .map(|f| numeric(scenario, lang, &prefix, f, (f.get)(community)))
                .collect();
            fields.extend(OUT_OF_COUNTY_FIELDS.iter().map(|f| {
                numeric(
                    scenario,
                    lang,
                    &format!("{prefix}out_of_county."),
                    f,
                    (f.get)(&community.out_of_county),
                )
            }));
            let institutions: Vec<Value> = community
                .institutions
                .iter()
                .enumerate()
                .map(|(i, institution)| {
                    let prefix = format!("{prefix}institutions.{i}.");
                    let fields: Vec<Value> = INSTITUTION_FIELDS
                        .iter()
                        .map(|f| numeric(scenario, lang, &prefix, f, (f.get)(institution)))
                        .collect();
                    json!({
                        "name": input(scenario, format!("{prefix}name"), pick(lang, ("名称", "name")).into(), "", institution.name.clone(), "text"),
                        "tier": input(scenario, format!("{prefix}tier"), pick(lang, ("层级", "tier")).into(), "", institution.tier.key().into(), "tier"),
                        "lead": {"path": format!("{prefix}lead"), "checked": institution.is_lead},
                        "fields": fields,
                    })
                })
                .collect();
            json!({
                "name": input(scenario, format!("{prefix}name"), pick(lang, ("医共体", "community")).into(), "", community.name.clone(), "text"),
                "fields": fields,
                "members": institutions,
            })
        })
        .collect();
    let adds: Vec<Value> = Tier::ALL
        .iter()
        .map(|tier| json!({"tier": tier.key(), "label": format!("+ {}", pick(lang, tier.place().label()))}))
        .collect();
    json!({
        "county": county_inputs,
        "communities": communities,
        "tiers": tiers,
        "add": adds,
    })
}

/// The text in `lang`, owned (for labels built at run time).
pub fn pick_owned(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

/// The whole view of a scenario and its results.
/// The scenarios compared, side by side: every indicator in the last year for the current reform, each
/// compared scenario's reform (`others`: name and projection) and the current baseline, with whether
/// each meets the indicator's target.
pub fn comparison(
    current: &Projection,
    others: &[(&str, &Projection)],
    options: &ViewOptions,
) -> Value {
    let lang = options.lang;
    let year = current.scenario.last().map_or(0, |y| y.year);
    let mut header = vec![
        format!("{} ({year})", word(lang, Word::Indicator)),
        pick(lang, ("当前方案", "current reform")).to_string(),
    ];
    header.extend(others.iter().map(|(name, _)| name.to_string()));
    // The baseline is the current scenario's: a compared scenario of another county has its own.
    header.push(pick(lang, ("当前方案的基线", "the current scenario's baseline")).to_string());
    let cell = |row: &super::IndicatorRow, projection: &Projection, baseline: bool| {
        let years = if baseline {
            &projection.baseline
        } else {
            &projection.scenario
        };
        let value = years
            .last()
            .map_or(Decimal::ZERO, |y| (row.read)(&y.indicators));
        let met = match Target::of(row.key) {
            Some(target) if !baseline => target.met(projection, projection.scenario.len() - 1),
            Some(target) => Some(value >= target.level(projection)),
            None => None,
        };
        json!({"text": indicator_display(row.kind, value, options.wan), "met": met})
    };
    let rows: Vec<Value> = INDICATORS
        .iter()
        .map(|row| {
            let mut cells = vec![cell(row, current, false)];
            cells.extend(
                others
                    .iter()
                    .map(|(_, projection)| cell(row, projection, false)),
            );
            cells.push(cell(row, current, true));
            json!({"name": pick(lang, (row.zh, row.en)), "cells": cells})
        })
        .collect();
    json!({"header": header, "rows": rows})
}

/// Everything the page draws.
#[derive(Serialize)]
struct View {
    title: String,
    description: String,
    controls: Controls,
    scorecard: Scorecard,
    ledger: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    editor: Option<Value>,
}

fn build(scenario: &Scenario, projection: &Projection, options: &ViewOptions) -> View {
    let meta = &scenario.meta;
    let title = if meta.reform_title.is_empty() {
        meta.title.clone()
    } else {
        format!("{} · {}", meta.title, meta.reform_title)
    };
    View {
        title,
        description: meta.description.clone(),
        controls: controls(scenario, options),
        scorecard: scorecard(projection, options),
        ledger: ledger(projection, options),
        editor: options.editor.then(|| editor(scenario, options.lang)),
    }
}

/// The page's view as a JSON tree (for tests and tools that read it).
pub fn view(scenario: &Scenario, projection: &Projection, options: &ViewOptions) -> Value {
    serde_json::to_value(build(scenario, projection, options)).unwrap_or_default()
}

/// The page's view as JSON text, written straight from the view (no tree of maps in between: a lever
/// move builds this every time).
pub fn view_text(scenario: &Scenario, projection: &Projection, options: &ViewOptions) -> String {
    serde_json::to_string(&build(scenario, projection, options)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use rust_decimal_macros::dec;

    fn options(lang: Lang) -> ViewOptions {
        ViewOptions {
            editor: true,
            ..ViewOptions::new(lang)
        }
    }

    fn default_view(options: &ViewOptions) -> (Value, Projection) {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scenarios/henan-county.toml"
        ))
        .unwrap();
        let loaded = crate::scenario::load(&text, &[]).unwrap();
        let projection = project(&loaded.scenario.input);
        (view(&loaded.scenario, &projection, options), projection)
    }

    #[test]
    fn the_presenter_s_arrow_keys_move_a_lever_by_its_slider_step() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scenarios/henan-county.toml"
        ))
        .unwrap();
        let scenario = crate::scenario::load(&text, &[]).unwrap().scenario;
        // The per-bed subsidy's slider runs 0 to 10,000 yuan (twice the documented 5,000) in steps of
        // 50, a key step is 500: the reform's 3000/4000/5000 moves to 3500/4500/5500, every year alike.
        let (low, high, step) = slider_range(Lever::PerBedSubsidyYuan.spec());
        assert_eq!((low, high, step), (dec!(0), dec!(10000), dec!(50)));
        assert_eq!(
            nudged(&scenario, "reform.per_bed_subsidy_yuan", 1).as_deref(),
            Some("[3500, 4500, 5500]")
        );
        // Far past either end: held at the slider's ends.
        assert_eq!(
            nudged(&scenario, "reform.per_bed_subsidy_yuan", 100).as_deref(),
            Some("[10000, 10000, 10000]")
        );
        assert_eq!(
            nudged(&scenario, "reform.per_bed_subsidy_yuan", -100).as_deref(),
            Some("[0, 0, 0]")
        );
        // A switch turns on with a step up and off with a step down.
        assert_eq!(
            nudged(&scenario, "reform.global_budget", -1).as_deref(),
            Some("0")
        );
        assert_eq!(
            nudged(&scenario, "levers.global_budget", 1).as_deref(),
            Some("1")
        );
        assert_eq!(nudged(&scenario, "reform.no_such_lever", 1), None);
        assert_eq!(nudged(&scenario, "county.base_year", 1), None);
    }

    #[test]
    fn money_and_changes_are_shown_exactly() {
        // 12,345,678.905 yuan: to the fen half away from zero, or 1,234.5678905 万元 to two places.
        assert_eq!(money_display(dec!(12345678.905), false), "12,345,678.91");
        assert_eq!(money_display(dec!(12345678.905), true), "1,234.57");
        assert_eq!(money_display(dec!(-0.004), false), "0.00");
        assert_eq!(money_display(dec!(-49.99), true), "0.00");
        let zh = options(Lang::Zh);
        // 89.13% against 88%: 1.13 points; the page once did this in floating point.
        assert_eq!(
            change_display(Kind::Fraction, dec!(0.8913), dec!(0.88), &zh),
            "+1.13 个百分点"
        );
        assert_eq!(
            change_display(Kind::Fraction, dec!(0.88), dec!(0.8913), &zh),
            "-1.13 个百分点"
        );
        assert_eq!(
            change_display(Kind::Ratio, dec!(1.39), dec!(1.55), &zh),
            "-0.16"
        );
        assert_eq!(
            change_display(Kind::Money, dec!(5000.004), dec!(5000), &zh),
            "0.00"
        );
        let wan = ViewOptions { wan: true, ..zh };
        assert_eq!(
            change_display(Kind::Money, dec!(15000), dec!(5000), &wan),
            "+1.00"
        );
        assert_eq!(
            indicator_display(Kind::Fraction, dec!(0.00005), false),
            "0.01%"
        );
        assert_eq!(
            indicator_display(Kind::Fraction, dec!(-0.00004), false),
            "0.00%"
        );
    }

    #[test]
    fn sliders_step_in_round_numbers() {
        assert_eq!(nice_step(dec!(0.1)), dec!(0.0005));
        assert_eq!(nice_step(dec!(10000)), dec!(50));
        assert_eq!(nice_step(dec!(1)), dec!(0.005));
        assert_eq!(nice_step(dec!(30)), dec!(0.2));
    }

    /// Adding a lever, an assumption, an indicator or a county field is one declaration: the page's
    /// view carries every one of them, with no other edit.
    #[test]
    fn the_view_walks_the_whole_catalog() {
        let (view, projection) = default_view(&options(Lang::Zh));
        let levers: Vec<&Value> = view["controls"]["levers"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|group| group["controls"].as_array().unwrap())
            .collect();
        assert_eq!(levers.len(), Lever::ALL.len());
        for (lever, control) in Lever::ALL.iter().zip(&levers) {
            assert_eq!(control["path"], format!("reform.{}", lever.spec().key));
            assert_eq!(control["name"], lever.spec().zh);
        }
        let assumptions = view["controls"]["assumptions"].as_array().unwrap();
        assert_eq!(assumptions.len(), Assumption::ALL.len());
        for (assumption, control) in Assumption::ALL.iter().zip(assumptions) {
            assert_eq!(
                control["path"],
                format!("assumptions.{}", assumption.spec().key)
            );
        }
        let rows = view["scorecard"]["rows"].as_array().unwrap();
        assert_eq!(rows.len(), INDICATORS.len());
        assert_eq!(rows[0]["name"], "县域就诊率");
        // Each row says what it counts and where the definition comes from: the official ones name
        // the Yiyang document by its number and annex.
        assert_eq!(
            rows[0]["definition"],
            "参保人员县域内门急诊人次 ÷ 参保人员门急诊总人次。来源:\
             《益阳市推动公立医院高质量发展实施方案》(益政办发〔2023〕16号) 附件2"
        );
        assert_eq!(
            rows[0]["cells"].as_array().unwrap().len(),
            projection.scenario.len()
        );
        let editor = &view["editor"];
        assert_eq!(
            editor["county"].as_array().unwrap().len(),
            county_fields().len()
        );
        let institution = &editor["communities"][0]["members"][0];
        assert_eq!(
            institution["fields"].as_array().unwrap().len(),
            INSTITUTION_FIELDS.len()
        );
        assert_eq!(
            institution["fields"][1]["path"],
            "communities.0.institutions.0.beds"
        );
        assert_eq!(institution["lead"]["checked"], true);
    }

    /// Targets are judged by the core from the declared targets: 90% of visits in the county.
    #[test]
    fn targets_met_follow_the_figures() {
        let (view, projection) = default_view(&options(Lang::Zh));
        let cells = view["scorecard"]["rows"][0]["cells"].as_array().unwrap();
        for (cell, year) in cells.iter().zip(&projection.scenario) {
            let rate = year.indicators.county_consultation_rate;
            assert_eq!(
                cell["met"],
                json!(rate >= dec!(0.9)),
                "{}: {rate}",
                year.year
            );
        }
        // The default reform reaches 90% within the five years, but not in the first (the chart
        // shows 88.9% in 2025 and 90.1% in 2029).
        assert_eq!(cells[0]["met"], false);
        assert_eq!(cells[4]["met"], true);
        // An indicator without a target is neither met nor missed.
        assert_eq!(view["scorecard"]["rows"][1]["cells"][0]["met"], Value::Null);
    }

    #[test]
    fn controls_say_what_their_ranges_rest_on() {
        let (view, _) = default_view(&options(Lang::En));
        let controls: Vec<&Value> = view["controls"]["levers"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|group| group["controls"].as_array().unwrap())
            .collect();
        for (lever, control) in Lever::ALL.iter().zip(&controls) {
            let range = control["range"].as_str().unwrap_or("");
            if lever.spec().usual.is_some() {
                let documented = lever.spec().range_is_documented();
                assert_eq!(
                    range.contains("documented"),
                    documented,
                    "{}: {range}",
                    lever.spec().key
                );
                assert_eq!(
                    range.contains("plausible"),
                    !documented,
                    "{}: {range}",
                    lever.spec().key
                );
            }
            assert!(
                !control["source"].as_str().unwrap().contains("seed"),
                "{}",
                control["source"]
            );
        }
        // Baseline mode edits the file's [levers].
        let baseline = ViewOptions {
            mode: Mode::Baseline,
            ..options(Lang::En)
        };
        let (view, _) = default_view(&baseline);
        assert!(view["controls"]["levers"][0]["controls"][0]["path"]
            .as_str()
            .unwrap()
            .starts_with("levers."));
    }
}
