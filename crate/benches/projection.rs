//! Benchmark: prints the time of one run of each shipped scenario and how the cost grows with the
//! number of institutions and the horizon. Not a timed test: it prints figures and never fails on them.
//!
//! Run with `cargo bench --bench projection` (release profile). One "run" is `model::project`: the
//! baseline and the scenario, each over the whole horizon.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use rust_decimal::Decimal;
use ygt::model::{project, Community, Horizon, Institution, ModelInput, Tier};

/// Median and 95th percentile of `samples` timed calls of `work`, after a warm-up.
fn time(samples: usize, mut work: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..samples.min(20) {
        work();
    }
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    times.sort();
    (
        times[samples / 2],
        times[(samples * 95 / 100).min(samples - 1)],
    )
}

fn micros(duration: Duration) -> String {
    format!("{:>9.1} µs", duration.as_secs_f64() * 1e6)
}

/// A county of `communities` communities with `per_community` institutions each, built from the default
/// scenario's first community: one lead hospital, then township centres and village clinics one by one,
/// sharing the template's volumes so the county stays the same size.
fn synthetic(template: &ModelInput, per_community: usize, horizon: u8) -> ModelInput {
    let mut input = template.clone();
    input.county.horizon = Horizon::new(horizon).unwrap();
    let base = &template.county.communities[0];
    let lead = base
        .institutions
        .iter()
        .find(|i| i.is_lead)
        .unwrap()
        .clone();
    let township = base
        .institutions
        .iter()
        .find(|i| i.tier == Tier::Township)
        .unwrap();
    let village = base
        .institutions
        .iter()
        .find(|i| i.tier == Tier::Village)
        .unwrap();
    let others = per_community.saturating_sub(1);
    let townships = (others / 5).max(1);
    let villages = others - townships.min(others);
    let single = |template: &Institution, n: usize, index: usize| {
        let n = Decimal::from(n.max(1));
        Institution {
            name: format!("{} {index}", template.name),
            count: 1,
            beds: (template.beds / n).round(),
            staff: (template.staff / n).round().max(Decimal::ONE),
            outpatient_visits: (template.outpatient_visits / n).round(),
            admissions: (template.admissions / n).round(),
            base_subsidy: (template.base_subsidy / n).round_dp(2),
            ..template.clone()
        }
    };
    let mut institutions = vec![lead];
    institutions.extend((0..townships.min(others)).map(|i| single(township, townships, i)));
    institutions.extend((0..villages).map(|i| single(village, villages, i)));
    let community = Community {
        institutions,
        ..base.clone()
    };
    input.county.communities = vec![community; 3];
    input
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("# ygt projection benchmark (release build; one run = baseline + scenario over the horizon)");
    println!();
    println!("## shipped scenarios, five years");
    println!(
        "{:<42} {:>12} {:>12} {:>13}",
        "scenario", "median", "p95", "institutions"
    );
    let mut files: Vec<_> = std::fs::read_dir(root.join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut default_input = None;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let text = std::fs::read_to_string(path).unwrap();
        let loaded = ygt::scenario::load(&text, &[]).unwrap();
        let input = loaded.scenario.input;
        let institutions: u32 = input
            .county
            .communities
            .iter()
            .flat_map(|c| &c.institutions)
            .map(|i| i.count)
            .sum();
        let (median, p95) = time(2000, || {
            black_box(project(black_box(&input)));
        });
        let name = path.file_name().unwrap().to_string_lossy();
        println!(
            "{name:<42} {} {} {:>13}",
            micros(median),
            micros(p95),
            institutions
        );
        if name == "henan-county.toml" {
            default_input = Some(input);
        }
    }
    let template = default_input.expect("the default scenario ships");

    println!();
    println!(
        "## growth with institutions and horizon (3 communities, each institution entered singly)"
    );
    println!(
        "{:>13} {:>8} {:>12} {:>12} {:>22}",
        "institutions", "years", "median", "p95", "ns per institution-month"
    );
    for per_community in [10usize, 33, 100, 333] {
        for horizon in [1u8, 5, 10] {
            let input = synthetic(&template, per_community, horizon);
            let (median, p95) = time(400, || {
                black_box(project(black_box(&input)));
            });
            let institution_months = (per_community * 3 * usize::from(horizon) * 12) as f64;
            println!(
                "{:>13} {:>8} {} {} {:>22.1}",
                per_community * 3,
                horizon,
                micros(median),
                micros(p95),
                median.as_secs_f64() * 1e9 / institution_months
            );
        }
    }
    println!();
    println!("target: the row of 300 institutions and 5 years at most 1000 µs (median).");
    analyses(&root);
}

/// The analyses on the default scenario: what `ygt uncertainty | sensitivity | seek | attribute` cost.
fn analyses(root: &Path) {
    use ygt::analysis::{self, attribution, seek, sensitivity, uncertainty};
    let text = std::fs::read_to_string(root.join("scenarios/henan-county.toml")).unwrap();
    let input = ygt::scenario::load(&text, &[]).unwrap().scenario.input;
    let row = analysis::indicator("county_consultation_rate").unwrap();
    let lever = ygt::model::Lever::from_key("primary_tilt_points").unwrap();
    println!();
    println!("## analyses, default scenario (median of 5; one core)");
    let ranges = uncertainty::ranges(&[]);
    let (mc, _) = time(5, || {
        black_box(uncertainty::summarize(&uncertainty::run_draws(
            &input, &ranges, 1, 0, 1000,
        )));
    });
    println!("Monte Carlo, 1,000 draws          {}", micros(mc));
    let (tornado, _) = time(5, || {
        black_box(sensitivity::tornado(&input, &ranges, row, 2029).unwrap());
    });
    println!("sensitivity (tornado)             {}", micros(tornado));
    let (sought, _) = time(5, || {
        black_box(seek::seek(&input, lever, row, 2029, Decimal::new(91, 2)).unwrap());
    });
    println!("goal-seek                         {}", micros(sought));
    let (shapley, _) = time(5, || {
        black_box(attribution::attribute(&input, row, 2029).unwrap());
    });
    println!("attribution (exact Shapley)       {}", micros(shapley));
}
