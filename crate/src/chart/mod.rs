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
    /// The 10th-90th percentile band around the line, by year (from a Monte Carlo), in the chart's scale.
    pub band: Option<Vec<(f64, f64)>>,
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
            en: "Fund spent in county",
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

/// Puts uncertainty bands on the reform lines: `band_of(indicator)` gives the 10th and 90th percentiles
/// of an indicator by year (a Monte Carlo's), or `None` to leave the line bare.
pub fn add_bands(charts: &mut [Chart], band_of: impl Fn(&str) -> Option<Vec<(Decimal, Decimal)>>) {
    for chart in charts {
        let scale = chart.scale;
        for series in &mut chart.series {
            series.band = series
                .indicator
                .filter(|_| series.role == Role::Scenario)
                .and_then(&band_of)
                .map(|band| {
                    band.into_iter()
                        .map(|(low, high)| (value(low, scale), value(high, scale)))
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

/// Vertical range with some air, never empty; percentages and amounts start at zero when close to it.
fn y_range(chart: &Chart) -> (f64, f64) {
    let values = chart.series.iter().flat_map(|s| {
        s.points.iter().map(|p| p.1).chain(
            s.band
                .iter()
                .flatten()
                .flat_map(|(low, high)| [*low, *high]),
        )
    });
    let (mut low, mut high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !low.is_finite() || !high.is_finite() {
        return (0.0, 1.0);
    }
    if (high - low).abs() < 1e-9 {
        let pad = if high.abs() > 1.0 {
            high.abs() * 0.05
        } else {
            1.0
        };
        low -= pad;
        high += pad;
    }
    let pad = (high - low) * 0.12;
    let low = if low >= 0.0 && low - pad < 0.0 {
        0.0
    } else {
        low - pad
    };
    (low, high + pad)
}

/// Text sizes for a chart `height` pixels high: readable on a projector and on a laptop.
fn font_px(height: u32, fraction: f64, minimum: f64) -> f64 {
    (f64::from(height) * fraction).max(minimum)
}

/// Draws `chart` filling `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &Chart,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&WHITE)?;
    let (width, height) = area.dim_in_pixel();
    let title_px = font_px(height, 0.075, 16.0);
    let label_px = font_px(height, 0.05, 12.0);
    let (low, high) = y_range(chart);
    let years: Vec<i32> = chart
        .series
        .first()
        .map(|s| s.points.iter().map(|p| p.0).collect())
        .unwrap_or_default();
    let first = *years.first().unwrap_or(&0);
    let last = (*years.last().unwrap_or(&1)).max(first + 1);
    let title = format!(
        "{}({})",
        lang.pick(chart.zh, chart.en),
        unit_label(chart.scale, lang)
    );
    let mut context = ChartBuilder::on(area)
        .caption(title, ("sans-serif", title_px).into_font())
        .margin((f64::from(width) * 0.02).max(6.0) as u32)
        .x_label_area_size((label_px * 2.0) as u32)
        .y_label_area_size((label_px * 4.5) as u32)
        .build_cartesian_2d((f64::from(first) - 0.3)..(f64::from(last) + 0.3), low..high)?;
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
        .y_label_formatter(&|y| match scale {
            Scale::Percent => format!("{y:.1}%"),
            Scale::TenThousandYuan => group_thousands(*y),
            Scale::Times => format!("{y:.2}"),
        })
        .label_style(("sans-serif", label_px).into_font())
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()?;
    let mut legend = Vec::with_capacity(chart.series.len() + 1);
    // Uncertainty bands first, under the lines: the 10th to 90th percentile, lightly filled.
    for line in &chart.series {
        let Some(band) = &line.band else { continue };
        let (r, g, b) = line.color;
        let mut outline: Vec<(f64, f64)> = line
            .points
            .iter()
            .zip(band)
            .map(|((year, _), (low, _))| (f64::from(*year), *low))
            .collect();
        outline.extend(
            line.points
                .iter()
                .zip(band)
                .rev()
                .map(|((year, _), (_, high))| (f64::from(*year), *high)),
        );
        let fill = RGBColor(r, g, b).mix(0.18).filled();
        context.draw_series(std::iter::once(Polygon::new(outline, fill)))?;
        if !legend.iter().any(|(_, s): &(String, ShapeStyle)| s.filled) {
            legend.push((
                lang.pick(
                    "10%–90% 区间(蒙特卡洛)",
                    "10th–90th percentile (Monte Carlo)",
                )
                .to_string(),
                ShapeStyle {
                    color: RGBColor(r, g, b).mix(0.18),
                    filled: true,
                    stroke_width: 8,
                },
            ));
        }
    }
    for line in &chart.series {
        let (r, g, b) = line.color;
        let color = RGBColor(r, g, b);
        let points: Vec<(f64, f64)> = line
            .points
            .iter()
            .map(|(year, v)| (f64::from(*year), *v))
            .collect();
        let stroke = match line.role {
            Role::Scenario => 3,
            Role::Baseline | Role::Target => 2,
        };
        let style = ShapeStyle {
            color: color.to_rgba(),
            filled: false,
            stroke_width: stroke,
        };
        match line.role {
            Role::Scenario => context.draw_series(LineSeries::new(points, style).point_size(3))?,
            Role::Baseline | Role::Target => {
                context.draw_series(DashedLineSeries::new(points, 8, 5, style))?
            }
        };
        legend.push((lang.pick(&line.zh, &line.en).to_string(), style));
    }
    let (x_pixels, y_pixels) = context.plotting_area().get_pixel_range();
    let data_pixels: Vec<(i32, i32)> = chart
        .series
        .iter()
        .flat_map(|s| {
            let band = s.band.iter().flat_map(|band| {
                s.points
                    .iter()
                    .zip(band)
                    .flat_map(|((year, _), (low, high))| [(*year, *low), (*year, *high)])
            });
            s.points
                .iter()
                .copied()
                .chain(band)
                .map(|(year, v)| context.backend_coord(&(f64::from(year), v)))
                .collect::<Vec<_>>()
        })
        .collect();
    draw_legend(
        area,
        &legend,
        (x_pixels, y_pixels),
        &data_pixels,
        label_px * 0.9,
    )?;
    area.present()?;
    Ok(())
}

/// The legend, in whichever corner of the plot (`plot`, in pixels) hides the fewest data points (and
/// their neighbourhood). Drawn here rather than by plotters so that text is measured by the backend (on
/// a canvas: the canvas itself).
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(String, ShapeStyle)],
    plot: (std::ops::Range<i32>, std::ops::Range<i32>),
    data: &[(i32, i32)],
    font_px: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let font: TextStyle = ("sans-serif", font_px).into_font().into();
    let row = (font_px * 1.35).ceil() as i32;
    let swatch = (font_px * 1.6) as i32;
    let pad = (font_px * 0.5) as i32;
    let mut widest = 0;
    for (name, _) in entries {
        widest = widest.max(area.estimate_text_size(name, &font)?.0 as i32);
    }
    let width = swatch + pad * 3 + widest;
    let height = row * entries.len() as i32 + pad * 2;
    let (xs, ys) = plot;
    let corners = [
        (xs.end - width - pad, ys.end - height - pad),
        (xs.end - width - pad, ys.start + pad),
        (xs.start + pad, ys.start + pad),
        (xs.start + pad, ys.end - height - pad),
    ];
    let margin = row;
    let hidden = |(left, top): (i32, i32)| {
        data.iter()
            .filter(|(x, y)| {
                *x >= left - margin
                    && *x <= left + width + margin
                    && *y >= top - margin
                    && *y <= top + height + margin
            })
            .count()
    };
    let (left, top) = corners
        .iter()
        .copied()
        .min_by_key(|corner| hidden(*corner))
        .unwrap_or(corners[0]);
    area.draw(&Rectangle::new(
        [(left, top), (left + width, top + height)],
        WHITE.mix(0.9).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(left, top), (left + width, top + height)],
        RGBColor(200, 200, 200),
    ))?;
    for (index, (name, style)) in entries.iter().enumerate() {
        let y = top + pad + row * index as i32 + row / 2;
        area.draw(&PathElement::new(
            vec![(left + pad, y), (left + pad + swatch, y)],
            *style,
        ))?;
        let text_style = font.pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(
            name.clone(),
            (left + pad * 2 + swatch, y),
            text_style,
        ))?;
    }
    Ok(())
}

/// 12345.6 -> "12,346" (values in 万元 need no decimals on an axis).
fn group_thousands(value: f64) -> String {
    let rounded = value.round() as i64;
    let digits = rounded.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if rounded < 0 {
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
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1234567.4), "1,234,567");
        assert_eq!(group_thousands(-999.6), "-1,000");
    }
}
