//! The analyses on the command line: `diff`, `uncertainty`, `sensitivity`, `seek`, `attribute` and
//! `batch`. Each loads its scenario(s) as `run` does, calls `ygt::analysis`, and prints a readable
//! table or, with `--json`, one JSON document.

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::{print_diagnostics, read_text, write_output, Failure, Format, Options};
use ygt::analysis::{self, attribution, diff, seek, sensitivity, uncertainty};
use ygt::model::{project, Lever};
use ygt::report::{self, IndicatorRow, Kind};
use ygt::scenario::{self, Loaded};

/// The commands this module answers.
pub const COMMANDS: [&str; 6] = [
    "diff",
    "uncertainty",
    "sensitivity",
    "seek",
    "attribute",
    "batch",
];

/// The analyses' settings from the command line.
#[derive(Default)]
pub struct Settings {
    draws: Option<u64>,
    seed: Option<u64>,
    indicator: Option<String>,
    year: Option<i32>,
    target: Option<Decimal>,
    lever: Option<String>,
    grid: Vec<(String, Vec<String>)>,
}

impl Settings {
    /// Whether `flag` is one of the analyses' (each takes a value).
    pub fn takes(flag: &str) -> bool {
        matches!(
            flag,
            "--draws" | "--seed" | "--indicator" | "--year" | "--target" | "--lever" | "--grid"
        )
    }

    pub fn set(&mut self, flag: &str, value: &str) -> Result<(), String> {
        let bad = |what: &str| format!("{flag} {value:?}: 应为{what} / expected {what}");
        match flag {
            "--draws" => {
                self.draws = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|n| (1..=uncertainty::MAX_DRAWS).contains(n))
                        .ok_or_else(|| {
                            bad(&format!(
                                "1 到 {} 的整数 a whole number from 1 to {}",
                                uncertainty::MAX_DRAWS,
                                uncertainty::MAX_DRAWS
                            ))
                        })?,
                )
            }
            "--seed" => self.seed = Some(value.parse().map_err(|_| bad("整数 a whole number"))?),
            "--indicator" => self.indicator = Some(value.to_string()),
            "--year" => self.year = Some(value.parse().map_err(|_| bad("年份 a year"))?),
            "--target" => {
                self.target = Some(
                    ygt::scenario::fields::parse_decimal(value)
                        .ok_or_else(|| bad("数值 a number (0.9 for 90%)"))?,
                )
            }
            "--lever" => self.lever = Some(value.to_string()),
            "--grid" => {
                let (path, values) = value.split_once('=').ok_or_else(|| bad("PATH=V1,V2,..."))?;
                let values: Vec<String> = values.split(',').map(|v| v.trim().to_string()).collect();
                if values.iter().any(String::is_empty) {
                    return Err(bad("PATH=V1,V2,..."));
                }
                self.grid.push((path.trim().to_string(), values));
            }
            _ => {}
        }
        Ok(())
    }
}

fn load(path: &str, overrides: &[String]) -> Result<Loaded, Failure> {
    let text = read_text(path)?;
    scenario::load(&text, overrides).map_err(|diagnostics| {
        print_diagnostics(&diagnostics);
        say_err!(
            "{path}: {} 个错误 / {} error(s)",
            diagnostics.len(),
            diagnostics.len()
        );
        Failure::Invalid
    })
}

fn usage(message: String) -> Failure {
    Failure::Usage(message)
}

fn indicator(settings: &Settings) -> Result<&'static IndicatorRow, Failure> {
    let key = settings.indicator.as_deref().ok_or_else(|| {
        usage("需要 --indicator KEY(见 ygt run --json 的 indicators)/ needs --indicator KEY (the keys of ygt run --json's indicators)".into())
    })?;
    analysis::indicator(key).map_err(usage)
}

/// The year asked for, or the last projected year.
fn year(settings: &Settings, loaded: &Loaded) -> i32 {
    settings.year.unwrap_or(
        loaded.scenario.input.county.base_year
            + loaded.scenario.input.county.horizon.years() as i32,
    )
}

/// An indicator's value as people read it: a percentage, yuan, or a plain number.
fn shown(row: &IndicatorRow, value: Decimal) -> String {
    ygt::report::view::indicator_display(row.kind, value, false)
}

fn text_of(row: &IndicatorRow, value: Decimal) -> String {
    match row.kind {
        Kind::Money => report::money_text(value),
        _ => report::fraction_text(value),
    }
}

pub fn run(options: &Options) -> Result<(), Failure> {
    if options.file.is_empty() {
        return Err(usage("缺少方案文件 / missing scenario FILE".into()));
    }
    let json = matches!(options.format, Format::Json);
    let settings = &options.analysis;
    let out = match options.command.as_str() {
        "diff" => {
            let other = options.more_files.first().ok_or_else(|| {
                usage("ygt diff 需要两个方案文件 / ygt diff needs two scenario files".into())
            })?;
            let (a, b) = (
                load(&options.file, &options.overrides)?,
                load(other, &options.overrides)?,
            );
            let changes = diff::diff(&a.scenario, &b.scenario);
            if json {
                diff::changes_json(&changes).to_string() + "\n"
            } else {
                let mut text = format!(
                    "{} → {}: {} 处不同 / {} difference(s)\n",
                    options.file,
                    other,
                    changes.len(),
                    changes.len()
                );
                for c in &changes {
                    let unit = if c.unit_zh.is_empty() {
                        String::new()
                    } else {
                        format!(" [{} / {}]", c.unit_zh, c.unit_en)
                    };
                    text.push_str(&format!(
                        "  {}  {} / {}{unit}: {} → {}\n",
                        c.path,
                        c.zh,
                        c.en,
                        c.old.as_deref().unwrap_or("(无 none)"),
                        c.new.as_deref().unwrap_or("(无 none)")
                    ));
                }
                text
            }
        }
        "uncertainty" => {
            let loaded = load(&options.file, &options.overrides)?;
            let draws = settings.draws.unwrap_or(1000);
            let seed = settings.seed.unwrap_or(1);
            let ranges = uncertainty::ranges(&loaded.scenario.ranges);
            let summary = uncertainty::summarize(&uncertainty::run_draws(
                &loaded.scenario.input,
                &ranges,
                seed,
                0,
                draws,
            ));
            let years: Vec<i32> = project(&loaded.scenario.input)
                .scenario
                .iter()
                .map(|y| y.year)
                .collect();
            if json {
                uncertainty::summary_json(&summary, seed, &years, &loaded.scenario.ranges)
                    .to_string()
                    + "\n"
            } else {
                let mut text = format!(
                    "蒙特卡洛 Monte Carlo: {draws} 次抽样 draws, 种子 seed {seed}; 各假设在其范围内均匀抽取 / each assumption uniform over its range:\n"
                );
                for range in &ranges {
                    let spec = range.assumption.spec();
                    let own = loaded.scenario.ranges.contains(range);
                    text.push_str(&format!(
                        "  {:<36} {} … {}  {}\n",
                        format!("{} {}", spec.zh, spec.key),
                        range.low.normalize(),
                        range.high.normalize(),
                        if own {
                            "方案设定 set by the scenario [uncertainty]"
                        } else {
                            "合理范围 plausible range"
                        }
                    ));
                }
                text.push('\n');
                for (target, chance) in ygt::model::TARGETS.iter().zip(&summary.chances) {
                    text.push_str(&format!(
                        "  {} / {}: 末年达标概率 chance met in {} = {}\n",
                        target.zh,
                        target.en,
                        years.last().copied().unwrap_or_default(),
                        ygt::report::view::indicator_display(Kind::Fraction, *chance, false)
                    ));
                }
                text.push_str(&format!("\n{:<40}", "指标 indicator: p10 / p50 / p90"));
                for y in &years {
                    text.push_str(&format!(" {y:>34}"));
                }
                text.push('\n');
                for (row, bands) in report::INDICATORS.iter().zip(&summary.bands) {
                    text.push_str(&format!("{:<40}", format!("{} {}", row.zh, row.en)));
                    for (p10, p50, p90) in bands {
                        text.push_str(&format!(
                            " {:>34}",
                            format!(
                                "{} / {} / {}",
                                shown(row, *p10),
                                shown(row, *p50),
                                shown(row, *p90)
                            )
                        ));
                    }
                    text.push('\n');
                }
                text
            }
        }
        "sensitivity" => {
            let loaded = load(&options.file, &options.overrides)?;
            let row = indicator(settings)?;
            let year = year(settings, &loaded);
            let (base, bars) = sensitivity::tornado(
                &loaded.scenario.input,
                &uncertainty::ranges(&loaded.scenario.ranges),
                row,
                year,
            )
            .map_err(usage)?;
            if json {
                json!({
                    "indicator": row.key, "year": year, "value": text_of(row, base),
                    "bars": bars.iter().map(|b| json!({
                        "assumption": b.assumption.spec().key, "zh": b.assumption.spec().zh, "en": b.assumption.spec().en,
                        "low": b.low.normalize().to_string(), "high": b.high.normalize().to_string(),
                        "at_low": text_of(row, b.at_low), "at_high": text_of(row, b.at_high),
                    })).collect::<Vec<_>>(),
                }).to_string() + "\n"
            } else {
                let mut text = format!("{} {} ({year}): {}\n", row.zh, row.en, shown(row, base));
                for b in &bars {
                    let spec = b.assumption.spec();
                    text.push_str(&format!(
                        "  {:<36} {} → {}  ({} … {})\n",
                        format!("{} {}", spec.zh, spec.key),
                        shown(row, b.at_low),
                        shown(row, b.at_high),
                        b.low.normalize(),
                        b.high.normalize()
                    ));
                }
                text
            }
        }
        "seek" => {
            let loaded = load(&options.file, &options.overrides)?;
            let row = indicator(settings)?;
            let year = year(settings, &loaded);
            let key = settings.lever.as_deref().ok_or_else(|| {
                usage("需要 --lever KEY(见 ygt params)/ needs --lever KEY (see ygt params)".into())
            })?;
            let lever = Lever::from_key(key).ok_or_else(|| {
                usage(format!(
                    "没有杠杆 {key:?} / no lever {key:?} (ygt params lists them)"
                ))
            })?;
            let target = settings.target.ok_or_else(|| {
                usage("需要 --target 值(比例写 0.9)/ needs --target VALUE (a share as 0.9)".into())
            })?;
            let found =
                seek::seek(&loaded.scenario.input, lever, row, year, target).map_err(usage)?;
            if json {
                json!({
                    "lever": key, "indicator": row.key, "year": year, "target": target.normalize().to_string(),
                    "value": found.value.normalize().to_string(), "reached": text_of(row, found.reached), "meets": found.meets,
                }).to_string() + "\n"
            } else if found.meets {
                format!(
                    "{} = {} → {} {} ({year}) = {}(目标 target {})\n",
                    key,
                    found.value.normalize(),
                    row.zh,
                    row.en,
                    shown(row, found.reached),
                    shown(row, target)
                )
            } else {
                format!(
                    "在 {key} 的范围内没有值能达到目标;最接近的是 {} = {},{} ({year}) = {}(目标 {})\nno value of {key} within its range reaches the target; the closest is {} = {}, giving {} ({year}) = {} (target {})\n",
                    key, found.value.normalize(), row.zh, shown(row, found.reached), shown(row, target),
                    key, found.value.normalize(), row.en, shown(row, found.reached), shown(row, target)
                )
            }
        }
        "attribute" => {
            let loaded = load(&options.file, &options.overrides)?;
            let row = indicator(settings)?;
            let year = year(settings, &loaded);
            let result =
                attribution::attribute(&loaded.scenario.input, row, year).map_err(usage)?;
            let places = match row.kind {
                Kind::Fraction => 4,
                _ => 2,
            };
            let rounded = attribution::rounded(&result, places);
            let name = |part: &attribution::Part| {
                part.levers
                    .iter()
                    .map(|l| l.spec().key)
                    .collect::<Vec<_>>()
                    .join("+")
            };
            if json {
                json!({
                    "indicator": row.key, "year": year, "exact": result.exact,
                    "baseline": text_of(row, result.baseline), "reform": text_of(row, result.reform),
                    "parts": result.parts.iter().zip(&rounded).map(|(p, r)| json!({
                        "levers": p.levers.iter().map(|l| l.spec().key).collect::<Vec<_>>(),
                        "zh": p.levers.iter().map(|l| l.spec().zh).collect::<Vec<_>>().join("、"),
                        "en": p.levers.iter().map(|l| l.spec().en).collect::<Vec<_>>().join(", "),
                        "contribution": p.contribution.to_string(), "shown": r.to_string(),
                    })).collect::<Vec<_>>(),
                }).to_string() + "\n"
            } else {
                let mut text = format!(
                    "{} {} ({year}): 基线 baseline {} → 改革 reform {}{}\n",
                    row.zh,
                    row.en,
                    shown(row, result.baseline),
                    shown(row, result.reform),
                    if result.exact {
                        ""
                    } else {
                        "  (按随机次序平均 averaged over random orders)"
                    }
                );
                for (part, r) in result.parts.iter().zip(&rounded) {
                    let value = ygt::report::view::change_display(
                        row.kind,
                        *r,
                        Decimal::ZERO,
                        &ygt::report::view::ViewOptions::new(ygt::report::view::Lang::Zh),
                    );
                    text.push_str(&format!("  {:<48} {value:>20}\n", name(part)));
                }
                text
            }
        }
        _ => batch(options)?,
    };
    write_output(&out, &options.output)
}

/// `ygt batch`: every file given, or the one file over every combination of the `--grid` values; one
/// row per scenario and year (CSV, or JSON with `--json`).
fn batch(options: &Options) -> Result<String, Failure> {
    let mut runs: Vec<(String, Loaded)> = Vec::new();
    let files: Vec<&String> = std::iter::once(&options.file)
        .chain(&options.more_files)
        .collect();
    let grid = &options.analysis.grid;
    if grid.is_empty() {
        for file in files {
            runs.push((file.clone(), load(file, &options.overrides)?));
        }
    } else {
        if files.len() > 1 {
            return Err(usage(
                "--grid 只用于一个方案文件 / --grid takes one scenario file".into(),
            ));
        }
        let combinations: usize = grid.iter().map(|(_, v)| v.len()).product();
        if combinations > 10_000 {
            return Err(usage(format!("网格有 {combinations} 个组合,上限 10000 / the grid has {combinations} combinations, at most 10000")));
        }
        for n in 0..combinations {
            let mut rest = n;
            let mut sets = options.overrides.clone();
            let mut label = Vec::new();
            for (path, values) in grid {
                let value = &values[rest % values.len()];
                rest /= values.len();
                sets.push(format!("{path}={value}"));
                label.push(format!("{path}={value}"));
            }
            runs.push((label.join(" "), load(&options.file, &sets)?));
        }
    }
    let rows: Vec<(String, i32, Vec<String>)> = runs
        .iter()
        .flat_map(|(label, loaded)| {
            project(&loaded.scenario.input)
                .scenario
                .iter()
                .map(|year| {
                    (
                        label.clone(),
                        year.year,
                        report::INDICATORS
                            .iter()
                            .map(|row| report::value_text(row, year))
                            .collect(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if matches!(options.format, Format::Json) {
        let value: Vec<Value> = rows
            .iter()
            .map(|(label, year, values)| {
                let mut row = json!({"scenario": label, "year": year});
                for (indicator, value) in report::INDICATORS.iter().zip(values) {
                    row[indicator.key] = json!(value);
                }
                row
            })
            .collect();
        return Ok(Value::Array(value).to_string() + "\n");
    }
    let mut table = ygt::sheet::Table {
        name: "batch".into(),
        rows: Vec::new(),
    };
    let mut header = vec![
        ygt::sheet::Cell::Text("方案 scenario".into()),
        ygt::sheet::Cell::Text("年 year".into()),
    ];
    header.extend(
        report::INDICATORS
            .iter()
            .map(|r| ygt::sheet::Cell::Text(format!("{} {}", r.zh, r.key))),
    );
    table.rows.push(header);
    for (label, year, values) in rows {
        let mut row = vec![
            ygt::sheet::Cell::Text(label),
            ygt::sheet::Cell::Number(year.to_string()),
        ];
        row.extend(values.into_iter().map(ygt::sheet::Cell::Number));
        table.rows.push(row);
    }
    Ok(ygt::sheet::csv::write(&table))
}
