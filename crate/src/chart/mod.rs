//! Charts of a projection: what each chart shows ([`charts`]) and how it is drawn ([`draw`]), on any
//! plotters backend (an HTML canvas in the browser, SVG natively).
//!
//! Chart values are converted to `f64` here, for placing pixels only; no money is computed in floating
//! point. Every chart shows the scenario against the baseline, and the policy target where the seeds
//! give one (county consultation rate 90%, seed 003 §三; primary outpatient share +5 points over the
//! level before the reform, seed 003 §三).

#[cfg(target_arch = "wasm32")]
pub mod canvas;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::model::{Indicators, Projection, YearResult};

/// The interface language of labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Lang {
        if code.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    /// The text in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// How values on the vertical axis read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Shares, drawn as percentages.
    Percent,
    /// Yuan, drawn in 万元 (ten thousand yuan).
    TenThousandYuan,
    /// A ratio (times).
    Times,
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Scenario,
    Baseline,
    Target,
}

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub zh: String,
    pub en: String,
    pub role: Role,
    pub color: (u8, u8, u8),
    /// (calendar year, value in the chart's scale).
    pub points: Vec<(i32, f64)>,
    /// The indicator a reform line shows (its key in `report::INDICATORS`), for uncertainty bands.
    pub indicator: Option<&'static str>,
    /// The 10th, 50th and 90th percentiles around the line, by year (from a Monte Carlo), in the
    /// chart's scale: drawn as a shaded band with the median dotted through it.
    pub band: Option<Vec<(f64, f64, f64)>>,
    /// A line held back until the trainer reveals it (the workshop's "predict first" step): neither
    /// drawn nor counted in the axis.
    pub hidden: bool,
}

impl Series {
    /// The series, marked as showing `indicator`.
    fn of(mut self, indicator: &'static str) -> Series {
        self.indicator = Some(indicator);
        self
    }
}

/// One chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub scale: Scale,
    pub series: Vec<Series>,
}

const BLUE: (u8, u8, u8) = (31, 95, 191);
const GREY: (u8, u8, u8) = (120, 120, 120);
const RED: (u8, u8, u8) = (200, 40, 40);
const GREEN: (u8, u8, u8) = (30, 140, 70);
const ORANGE: (u8, u8, u8) = (220, 120, 20);
const PURPLE: (u8, u8, u8) = (120, 60, 170);

fn value(decimal: Decimal, scale: Scale) -> f64 {
    let number = decimal.to_f64().unwrap_or(0.0);
    match scale {
        Scale::Percent => number * 100.0,
        Scale::TenThousandYuan => number / 10_000.0,
        Scale::Times => number,
    }
}

fn line(years: &[YearResult], read: fn(&Indicators) -> Decimal, scale: Scale) -> Vec<(i32, f64)> {
    years
        .iter()
        .map(|y| (y.year, value(read(&y.indicators), scale)))
        .collect()
}

fn series(zh: &str, en: &str, role: Role, color: (u8, u8, u8), points: Vec<(i32, f64)>) -> Series {
    Series {
        zh: zh.into(),
        en: en.into(),
        role,
        color,
        points,
        indicator: None,
        band: None,
        hidden: false,
    }
}

/// Scenario against baseline for one indicator (`key`, as `report::INDICATORS` names it).
fn versus(
    projection: &Projection,
    key: &'static str,
    read: fn(&Indicators) -> Decimal,
    scale: Scale,
) -> Vec<Series> {
    vec![
        series(
            "基线",
            "baseline",
            Role::Baseline,
            GREY,
            line(&projection.baseline, read, scale),
        ),
        series(
            "改革方案",
            "reform",
            Role::Scenario,
            BLUE,
            line(&projection.scenario, read, scale),
        )
        .of(key),
    ]
}

fn flat(projection: &Projection, level: f64) -> Vec<(i32, f64)> {
    projection
        .scenario
        .iter()
        .map(|y| (y.year, level))
        .collect()
}

/// The charts of the page, in order.
pub fn charts(projection: &Projection) -> Vec<Chart> {
    let percent = Scale::Percent;
    let wan = Scale::TenThousandYuan;
    // Each indicator with a policy target (model::TARGETS) draws it as a flat line.
    let with_target = |read: fn(&Indicators) -> Decimal, key: &'static str| {
        let mut lines = versus(projection, key, read, percent);
        if let Some(target) = crate::model::Target::of(key) {
            lines.push(series(
                target.zh,
                target.en,
                Role::Target,
                RED,
                flat(projection, value(target.level(projection), percent)),
            ));
        }
        lines
    };
    let county = with_target(|i| i.county_consultation_rate, "county_consultation_rate");
    let primary = with_target(|i| i.primary_outpatient_share, "primary_outpatient_share");
    let scenario = &projection.scenario;
    let settlement = vec![
        series(
            "基线:基金当年结余",
            "baseline: fund's year balance",
            Role::Baseline,
            GREY,
            line(&projection.baseline, |i| i.fund_year_balance, wan),
        ),
        series(
            "方案:基金当年结余",
            "reform: fund's year balance",
            Role::Scenario,
            BLUE,
            line(scenario, |i| i.fund_year_balance, wan),
        )
        .of("fund_year_balance"),
        series(
            "结余留用(医共体)",
            "surplus retained (communities)",
            Role::Scenario,
            GREEN,
            line(scenario, |i| i.surplus_retained, wan),
        )
        .of("surplus_retained"),
        series(
            "超支:医保分担",
            "overspend: fund's share",
            Role::Scenario,
            ORANGE,
            line(scenario, |i| i.overspend_fund_share, wan),
        )
        .of("overspend_fund_share"),
        series(
            "超支:医共体自担",
            "overspend: borne by communities",
            Role::Scenario,
            RED,
            line(scenario, |i| i.overspend_borne, wan),
        )
        .of("overspend_borne"),
    ];
    let fiscal = vec![
        series(
            "基线:每床补助",
            "baseline: per-bed subsidy",
            Role::Baseline,
            GREY,
            line(&projection.baseline, |i| i.per_bed_subsidy, wan),
        ),
        series(
            "方案:每床补助",
            "reform: per-bed subsidy",
            Role::Scenario,
            BLUE,
            line(scenario, |i| i.per_bed_subsidy, wan),
        )
        .of("per_bed_subsidy"),
        series(
            "基线:公卫经费",
            "baseline: public-health funds",
            Role::Baseline,
            PURPLE,
            line(&projection.baseline, |i| i.public_health_funds_paid, wan),
        ),
        series(
            "方案:公卫经费",
            "reform: public-health funds",
            Role::Scenario,
            GREEN,
            line(scenario, |i| i.public_health_funds_paid, wan),
        )
        .of("public_health_funds_paid"),
    ];
    vec![
        Chart {
            key: "county_consultation_rate",
            zh: "县域就诊率",
            en: "County consultation rate",
            scale: percent,
            series: county,
        },
        Chart {
            key: "in_county_admission_share",
            zh: "县域内住院人次占比",
            en: "In-county admission share",
            scale: percent,
            series: versus(
                projection,
                "in_county_admission_share",
                |i| i.in_county_admission_share,
                percent,
            ),
        },
        Chart {
            key: "primary_outpatient_share",
            zh: "基层门急诊量占比",
            en: "Primary outpatient share",
            scale: percent,
            series: primary,
        },
        Chart {
            key: "settlement",
            zh: "医保结算:结余与超支由谁承担",
            en: "Insurance settlement: surplus and who bears overspend",
            scale: wan,
            series: settlement,
        },
        Chart {
            key: "insurance_in_county_spending_rate",
            zh: "医保基金县域内支出率",
            en: "Fund in-county spending rate",
            scale: percent,
            series: versus(
                projection,
                "insurance_in_county_spending_rate",
                |i| i.insurance_in_county_spending_rate,
                percent,
            ),
        },
        Chart {
            key: "fiscal",
            zh: "每床补助与公卫经费",
            en: "Per-bed subsidy and public-health funds",
            scale: wan,
            series: fiscal,
        },
        Chart {
            key: "salary_pool",
            zh: "薪酬总量",
            en: "Salary pool",
            scale: wan,
            series: versus(projection, "salary_pool", |i| i.salary_pool, wan),
        },
        Chart {
            key: "county_primary_pay_ratio",
            zh: "县级与基层人均薪酬比",
            en: "County/primary pay ratio",
            scale: Scale::Times,
            series: versus(
                projection,
                "county_primary_pay_ratio",
                |i| i.county_primary_pay_ratio,
                Scale::Times,
            ),
        },
    ]
}

/// Colours of the scenarios compared with the current one: none of the colours the charts use already
/// (the current reform is blue; grey, red, green, orange and purple mark other lines).
const COMPARED: [(u8, u8, u8); 3] = [(200, 60, 160), (0, 150, 150), (140, 90, 30)];

/// `chart` with the reform line of each compared scenario overlaid (`others`: each scenario's name and
/// its own version of the same chart): the first reform line of each, in its own colour and named by
/// its scenario; the current scenario's lines and the baseline stay.
pub fn with_comparisons(chart: &Chart, others: &[(&str, &Chart)]) -> Chart {
    let mut merged = chart.clone();
    // The compared lines go first, so the current scenario's own lines are drawn over them (an
    // identical copy would otherwise hide the current reform).
    let compared: Vec<Series> = others
        .iter()
        .enumerate()
        .filter_map(|(index, (name, other))| {
            let line = other.series.iter().find(|s| s.role == Role::Scenario)?;
            // A long name is cut in the legend (the comparison table shows it whole).
            let name: String = if name.chars().count() > 12 {
                name.chars().take(11).chain(std::iter::once('…')).collect()
            } else {
                name.to_string()
            };
            Some(Series {
                zh: format!("{name}:{}", line.zh),
                en: format!("{name}: {}", line.en),
                role: Role::Scenario,
                color: COMPARED[index % COMPARED.len()],
                points: line.points.clone(),
                indicator: None,
                band: None,
                hidden: false,
            })
        })
        .collect();
    merged.series.splice(0..0, compared);
    merged
}

/// `chart` with the reform lines (the current scenario's and the compared ones) held back, for the
/// workshop's "predict first" step: the baseline and targets show, on an axis of their own (one fitted
/// to the hidden lines would tell the room where they go).
pub fn predicting(chart: &Chart) -> Chart {
    let mut held = chart.clone();
    for series in &mut held.series {
        series.hidden = series.role == Role::Scenario;
    }
    held
}

/// Puts uncertainty bands on the reform lines: `band_of(indicator)` gives the 10th, 50th and 90th
/// percentiles of an indicator by year (a Monte Carlo's), or `None` to leave the line bare.
pub fn add_bands(
    charts: &mut [Chart],
    band_of: impl Fn(&str) -> Option<Vec<(Decimal, Decimal, Decimal)>>,
) {
    for chart in charts {
        let scale = chart.scale;
        for series in &mut chart.series {
            series.band = series
                .indicator
                .filter(|_| series.role == Role::Scenario)
                .and_then(&band_of)
                .map(|band| {
                    band.into_iter()
                        .map(|(low, median, high)| {
                            (value(low, scale), value(median, scale), value(high, scale))
                        })
                        .collect()
                });
        }
    }
}

fn unit_label(scale: Scale, lang: Lang) -> &'static str {
    match scale {
        Scale::Percent => "%",
        Scale::TenThousandYuan => lang.pick("万元", "10k yuan"),
        Scale::Times => lang.pick("倍", "times"),
    }
}

/// The vertical axis: its range and its tick step, both round numbers, and the decimals a tick label
/// needs so that no two labels read the same.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Axis {
    low: f64,
    high: f64,
    step: f64,
    decimals: usize,
}

/// The smallest span the vertical axis shows, so that a small change does not fill the chart: 5
/// percentage points, 0.5 times, or a fifth of the largest amount.
fn minimum_span(scale: Scale, largest: f64) -> f64 {
    match scale {
        Scale::Percent => 5.0,
        Scale::Times => 0.5,
        Scale::TenThousandYuan => (largest * 0.2).max(1.0),
    }
}

/// A round step (1, 2, 2.5 or 5 times a power of ten) giving at most about six ticks over `span`.
fn nice_step(span: f64) -> f64 {
    let rough = span / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * power)
}

/// Decimal places that show `step` exactly (0.25 needs 2, 0.5 needs 1, 20 needs 0).
fn decimals_of(step: f64) -> usize {
    (0..=6)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

/// The vertical axis of `chart`: every line, band and target inside it with some air, at least the
/// scale's minimum span, starting at zero when the values are positive and close to it, and never
/// below zero for values that are not.
fn y_axis(chart: &Chart) -> Axis {
    // A line held back ("predict first") does not shape the axis: the axis would give the answer away.
    let values = chart.series.iter().filter(|s| !s.hidden).flat_map(|s| {
        s.points.iter().map(|p| p.1).chain(
            s.band
                .iter()
                .flatten()
                .flat_map(|(low, _, high)| [*low, *high]),
        )
    });
    let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (min, max) = if min.is_finite() && max.is_finite() {
        (min, max)
    } else {
        (0.0, 1.0)
    };
    let (mut low, mut high) = (min, max);
    let span = minimum_span(chart.scale, min.abs().max(max.abs()));
    if high - low < span {
        let middle = (low + high) / 2.0;
        low = middle - span / 2.0;
        high = middle + span / 2.0;
    }
    let pad = (high - low) * 0.08;
    low -= pad;
    high += pad;
    if min >= 0.0 && (low < 0.0 || low < (high - low) * 0.25) {
        high -= low.min(0.0);
        low = 0.0;
    }
    let step = nice_step(high - low);
    Axis {
        low: (low / step).floor() * step,
        high: (high / step).ceil() * step,
        step,
        decimals: decimals_of(step),
    }
}

impl Axis {
    fn ticks(&self) -> usize {
        ((self.high - self.low) / self.step).round() as usize + 1
    }

    fn label(&self, scale: Scale, value: f64) -> String {
        match scale {
            Scale::Percent => format!("{value:.*}%", self.decimals),
            Scale::TenThousandYuan => group_thousands(value, self.decimals),
            Scale::Times => format!("{value:.*}", self.decimals),
        }
    }
}

/// Text sizes for a chart `height` pixels high: readable on a projector and on a laptop.
fn font_px(height: u32, fraction: f64, minimum: f64) -> f64 {
    (f64::from(height) * fraction).max(minimum)
}

/// How a legend entry is marked: as its line is drawn.
#[derive(Clone, Copy)]
enum Mark {
    Solid,
    Dashed,
    Band,
}

/// The legend entries of `chart`: the uncertainty band (once), then every line.
fn legend_entries(chart: &Chart, lang: Lang) -> Vec<(String, RGBColor, Mark)> {
    let mut entries = Vec::with_capacity(chart.series.len() + 1);
    if let Some(line) = chart.series.iter().find(|s| s.band.is_some() && !s.hidden) {
        let (r, g, b) = line.color;
        entries.push((
            lang.pick(
                "10%–90% 区间,点线为中位数(蒙特卡洛)",
                "10th–90th percentile, median dotted (Monte Carlo)",
            )
            .to_string(),
            RGBColor(r, g, b),
            Mark::Band,
        ));
    }
    if chart.series.iter().any(|s| s.hidden) {
        entries.push((
            lang.pick(
                "改革结果:请先预测,稍后揭晓",
                "reform: predict first, shown next",
            )
            .to_string(),
            RGBColor(190, 190, 190),
            Mark::Solid,
        ));
    }
    for line in chart.series.iter().filter(|s| !s.hidden) {
        let (r, g, b) = line.color;
        let mark = match line.role {
            Role::Scenario => Mark::Solid,
            Role::Baseline | Role::Target => Mark::Dashed,
        };
        entries.push((
            lang.pick(&line.zh, &line.en).to_string(),
            RGBColor(r, g, b),
            mark,
        ));
    }
    entries
}

/// (row, x) of each legend entry, and the number of rows.
type LegendPlaces = (Vec<(i32, i32)>, i32);

/// The legend's measures in pixels for a font `font_px` high: the line sample, the gap before the
/// name, the space between entries and the height of a row. Laid out and drawn with the same ones.
struct LegendMetrics {
    swatch: i32,
    gap: i32,
    spacing: i32,
    row: i32,
}

impl LegendMetrics {
    fn new(font_px: f64) -> LegendMetrics {
        LegendMetrics {
            swatch: (font_px * 1.8) as i32,
            gap: (font_px * 0.4) as i32,
            spacing: (font_px * 1.2) as i32,
            row: (font_px * 1.45).ceil() as i32,
        }
    }
}

/// Where each legend entry goes in rows under the plot `width` pixels wide: (row, x) per entry, and
/// the number of rows.
fn legend_layout<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor, Mark)],
    font: &TextStyle,
    metrics: &LegendMetrics,
    width: i32,
) -> Result<LegendPlaces, DrawingAreaErrorKind<DB::ErrorType>> {
    let LegendMetrics {
        swatch,
        gap,
        spacing,
        ..
    } = *metrics;
    let mut places = Vec::with_capacity(entries.len());
    let (mut row, mut x) = (0, gap);
    for (name, _, _) in entries {
        let entry = swatch + gap + area.estimate_text_size(name, font)?.0 as i32;
        if x > gap && x + entry > width - gap {
            row += 1;
            x = gap;
        }
        places.push((row, x));
        x += entry + spacing;
    }
    Ok((places, row + 1))
}

/// The largest font size up to `wanted` at which `text` fits in `width` pixels.
fn fitting_font<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    wanted: f64,
    width: u32,
) -> Result<f64, DrawingAreaErrorKind<DB::ErrorType>> {
    let font: TextStyle = ("sans-serif", wanted).into_font().into();
    let measured = area.estimate_text_size(text, &font)?.0.max(1);
    Ok(if measured <= width {
        wanted
    } else {
        (wanted * f64::from(width) / f64::from(measured)).max(8.0)
    })
}

/// Draws `chart` filling `area`: the title (shrunk to fit), the plot, and the legend in rows under it,
/// outside the data.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (width, height) = area.dim_in_pixel();
    let label_px = font_px(height, 0.05, 12.0);
    let legend_px = label_px * 0.95;
    let margin = (f64::from(width) * 0.02).max(6.0) as u32;
    let title = match lang {
        Lang::Zh => format!("{}({})", chart.zh, unit_label(chart.scale, lang)),
        Lang::En => format!("{} ({})", chart.en, unit_label(chart.scale, lang)),
    };
    let title_px = fitting_font(
        area,
        &title,
        font_px(height, 0.075, 16.0),
        width.saturating_sub(2 * margin),
    )?;
    // The title in its own strip, so the top tick label (centred on the plot's top edge) never
    // touches it.
    let title_height = (title_px * 1.5).ceil() as u32;
    let (title_area, area) = area.split_vertically(title_height);
    title_area.draw(&Text::new(
        title,
        ((width / 2) as i32, (title_height / 2) as i32),
        TextStyle::from(("sans-serif", title_px).into_font())
            .pos(Pos::new(HPos::Center, VPos::Center)),
    ))?;
    let area = &area;
    let height = height.saturating_sub(title_height);
    let entries = legend_entries(chart, lang);
    let legend_font: TextStyle = ("sans-serif", legend_px).into_font().into();
    let metrics = LegendMetrics::new(legend_px);
    let (places, rows) = legend_layout(area, &entries, &legend_font, &metrics, width as i32)?;
    let row_px = metrics.row;
    let legend_height = (rows * row_px + row_px / 3) as u32;
    let (plot_area, legend_area) = area.split_vertically(height.saturating_sub(legend_height));
    let axis = y_axis(chart);
    let years: Vec<i32> = chart
        .series
        .first()
        .map(|s| s.points.iter().map(|p| p.0).collect())
        .unwrap_or_default();
    let first = *years.first().unwrap_or(&0);
    let last = (*years.last().unwrap_or(&1)).max(first + 1);
    let mut context = ChartBuilder::on(&plot_area)
        .margin(margin)
        .margin_top((label_px * 0.7) as u32)
        .margin_bottom(0)
        .x_label_area_size((label_px * 1.8) as u32)
        .y_label_area_size((label_px * 4.5) as u32)
        .build_cartesian_2d(
            (f64::from(first) - 0.3)..(f64::from(last) + 0.3),
            axis.low..axis.high,
        )?;
    let scale = chart.scale;
    context
        .configure_mesh()
        .x_labels(years.len().max(2))
        .x_label_formatter(&|x| {
            let year = x.round();
            if (x - year).abs() < 0.01 {
                format!("{}", year as i32)
            } else {
                String::new()
            }
        })
        .y_labels(axis.ticks())
        .y_label_formatter(&|y| axis.label(scale, *y))
        .label_style(("sans-serif", label_px).into_font())
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    // Uncertainty bands first, under the lines: the 10th to 90th percentile, lightly filled.
    for line in chart.series.iter().filter(|s| !s.hidden) {
        let Some(band) = &line.band else { continue };
        let (r, g, b) = line.color;
        let mut outline: Vec<(f64, f64)> = line
            .points
            .iter()
            .zip(band)
            .map(|((year, _), (low, _, _))| (f64::from(*year), *low))
            .collect();
        outline.extend(
            line.points
                .iter()
                .zip(band)
                .rev()
                .map(|((year, _), (_, _, high))| (f64::from(*year), *high)),
        );
        let fill = RGBColor(r, g, b).mix(0.18).filled();
        context.draw_series(std::iter::once(Polygon::new(outline, fill)))?;
        let median: Vec<(f64, f64)> = line
            .points
            .iter()
            .zip(band)
            .map(|((year, _), (_, median, _))| (f64::from(*year), *median))
            .collect();
        context.draw_series(DashedLineSeries::new(
            median,
            2,
            4,
            RGBColor(r, g, b).stroke_width(2),
        ))?;
    }
    for line in chart.series.iter().filter(|s| !s.hidden) {
        let (r, g, b) = line.color;
        let points: Vec<(f64, f64)> = line
            .points
            .iter()
            .map(|(year, v)| (f64::from(*year), *v))
            .collect();
        match line.role {
            Role::Scenario => context.draw_series(
                LineSeries::new(points, RGBColor(r, g, b).stroke_width(3)).point_size(3),
            )?,
            Role::Baseline | Role::Target => context.draw_series(DashedLineSeries::new(
                points,
                8,
                5,
                RGBColor(r, g, b).stroke_width(2),
            ))?,
        };
    }
    draw_legend(
        &legend_area,
        &entries,
        &places,
        &legend_font,
        legend_px,
        &metrics,
    )?;
    area.present()?;
    Ok(())
}

/// The legend under the plot, each entry marked as its line is drawn (a dashed line for the baseline
/// and targets, a solid line with a point for the reform, a filled block for a band). Drawn here rather
/// than by plotters so that text is measured by the backend (on a canvas: the canvas itself).
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, RGBColor, Mark)],
    places: &[(i32, i32)],
    font: &TextStyle,
    font_px: f64,
    metrics: &LegendMetrics,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let LegendMetrics {
        swatch,
        gap,
        row: row_px,
        ..
    } = *metrics;
    for ((name, color, mark), (row, x)) in entries.iter().zip(places) {
        let y = row * row_px + row_px / 2;
        match mark {
            Mark::Solid => {
                area.draw(&PathElement::new(
                    vec![(*x, y), (x + swatch, y)],
                    color.stroke_width(3),
                ))?;
                area.draw(&Circle::new((x + swatch / 2, y), 3, color.filled()))?;
            }
            Mark::Dashed => {
                let dash = swatch * 2 / 5;
                for start in [*x, x + swatch - dash] {
                    area.draw(&PathElement::new(
                        vec![(start, y), (start + dash, y)],
                        color.stroke_width(2),
                    ))?;
                }
            }
            Mark::Band => {
                let half = (font_px * 0.4) as i32;
                area.draw(&Rectangle::new(
                    [(*x, y - half), (x + swatch, y + half)],
                    color.mix(0.18).filled(),
                ))?;
            }
        }
        area.draw(&Text::new(
            name.clone(),
            (x + swatch + gap, y),
            font.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

/// 12345.6 -> "12,346" with no decimals, or "1,234.50" with two: amounts in 万元 on an axis.
fn group_thousands(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A chart as an SVG document (for reports), `width` x `height` pixels.
pub fn svg(chart: &Chart, lang: Lang, width: u32, height: u32) -> String {
    let mut text = String::new();
    {
        let area = SVGBackend::with_string(&mut text, (width, height)).into_drawing_area();
        // Drawing into a string cannot fail for lack of space; an error leaves a partial SVG.
        let _ = draw(&area, chart, lang);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn projection() -> Projection {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../scenarios/henan-county.toml"
        ))
        .unwrap();
        crate::model::project(&crate::scenario::load(&text, &[]).unwrap().scenario.input)
    }

    #[test]
    fn every_chart_has_scenario_and_baseline_over_every_year() {
        let projection = projection();
        let charts = charts(&projection);
        assert_eq!(charts.len(), 8);
        for chart in &charts {
            assert!(
                chart.series.iter().any(|s| s.role == Role::Scenario),
                "{}",
                chart.key
            );
            assert!(
                chart.series.iter().any(|s| s.role == Role::Baseline),
                "{}",
                chart.key
            );
            assert!(
                chart.series.iter().all(|s| s.points.len() == 5),
                "{}",
                chart.key
            );
        }
        let county = &charts[0];
        let target = county
            .series
            .iter()
            .find(|s| s.role == Role::Target)
            .unwrap();
        assert_eq!(target.points[0].1, 90.0);
        // Henan baseline: 88.00% county consultation (the file's volumes: 12% of visits out of county).
        assert!((county.series[0].points[0].1 - 88.0).abs() < 1e-9);
    }

    #[test]
    fn svg_carries_the_title_and_every_year() {
        let projection = projection();
        let text = svg(&charts(&projection)[0], Lang::Zh, 640, 360);
        assert!(text.starts_with("<svg"));
        assert!(text.contains("县域就诊率"));
        for year in 2025..=2029 {
            assert!(text.contains(&year.to_string()), "{year}");
        }
        let english = svg(&charts(&projection)[0], Lang::En, 640, 360);
        assert!(english.contains("County consultation rate"));
    }

    #[test]
    fn a_compared_scenario_adds_its_reform_line_in_its_own_colour() {
        let projection = projection();
        let mine = charts(&projection);
        let mut other_input = crate::scenario::load(crate::scenario::shipped::default_text(), &[])
            .unwrap()
            .scenario
            .input;
        other_input.reform = other_input.baseline.clone();
        let theirs = charts(&crate::model::project(&other_input));
        let merged = with_comparisons(&mine[0], &[("B", &theirs[0])]);
        assert_eq!(merged.series.len(), mine[0].series.len() + 1);
        let added = &merged.series[0];
        assert_eq!(added.zh, "B:改革方案");
        assert_eq!(added.color, COMPARED[0]);
        // The other scenario's reform is its baseline, so its line is the baseline's points.
        assert_eq!(added.points, mine[0].series[0].points);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1234567.4, 0), "1,234,567");
        assert_eq!(group_thousands(-999.6, 0), "-1,000");
        assert_eq!(group_thousands(1234.5, 2), "1,234.50");
        assert_eq!(group_thousands(-0.001, 1), "0.0");
    }

    #[test]
    fn axes_have_round_ticks_that_never_repeat_and_a_minimum_span() {
        let projection = projection();
        for chart in charts(&projection) {
            let axis = y_axis(&chart);
            let labels: Vec<String> = (0..axis.ticks())
                .map(|i| axis.label(chart.scale, axis.low + axis.step * i as f64))
                .collect();
            let mut unique = labels.clone();
            unique.dedup();
            assert_eq!(unique, labels, "{}: {labels:?}", chart.key);
            assert!((2..=7).contains(&labels.len()), "{}: {labels:?}", chart.key);
            let span = axis.high - axis.low;
            let values = chart
                .series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.1));
            let largest = values.clone().fold(0f64, |m, v| m.max(v.abs()));
            assert!(span >= minimum_span(chart.scale, largest), "{}", chart.key);
            for v in values {
                assert!(
                    axis.low <= v && v <= axis.high,
                    "{}: {v} outside",
                    chart.key
                );
            }
        }
        // Worked by hand: values 88-90.1% widen to 5 points around 89.05 (86.55-91.55), 8% air each
        // side (86.15-91.95); a fifth of that is 1.16, so the step is 2, and the axis 86-92.
        let mut chart = charts(&projection).remove(0);
        chart.series = vec![series(
            "a",
            "a",
            Role::Scenario,
            BLUE,
            vec![(2025, 88.0), (2026, 90.1)],
        )];
        let axis = y_axis(&chart);
        assert_eq!(
            (axis.low, axis.high, axis.step, axis.decimals),
            (86.0, 92.0, 2.0, 0)
        );
        // A pay ratio of 1.62-1.82 widens to 1.47-1.97, with air 1.43-2.01: a fifth is 0.116, so the
        // step is 0.2 and the axis 1.4-2.2.
        chart.scale = Scale::Times;
        chart.series[0].points = vec![(2025, 1.62), (2026, 1.82)];
        let axis = y_axis(&chart);
        assert_eq!(axis.step, 0.2);
        assert!(axis.low <= 1.47 && axis.high >= 1.97);
        assert_eq!(axis.label(Scale::Times, 1.6), "1.6");
        assert_eq!(decimals_of(0.25), 2);
        assert_eq!(nice_step(11.0), 2.5);
    }
}
