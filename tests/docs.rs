//! Documentation generated from code stays current.

use std::path::PathBuf;

/// `docs/{name}` holds exactly `expected` (`YGT_BLESS=1` writes it first).
fn assert_generated(name: &str, expected: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../docs")
        .join(name);
    if std::env::var_os("YGT_BLESS").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/{name} is stale: run YGT_BLESS=1 cargo test --test docs"
    );
}

#[test]
fn parameters_doc_matches_the_declarations() {
    assert_generated("parameters.md", &ygt::model::params::markdown());
}

#[test]
fn indicators_doc_matches_the_catalog() {
    let loaded =
        ygt::scenario::load(ygt::scenario::shipped::default_text(), &[]).expect("default scenario");
    let charts = ygt::chart::charts(&ygt::model::project(&loaded.scenario.input));
    assert_generated("indicators.md", &ygt::report::indicators_markdown(&charts));
    // Every indicator with a policy target is drawn, so the target line is seen.
    for target in ygt::model::TARGETS {
        assert!(
            charts.iter().any(|c| c
                .series
                .iter()
                .any(|s| s.indicator == Some(target.indicator))),
            "{} has a target but no chart",
            target.indicator
        );
    }
}

#[test]
fn parameters_doc_cites_every_source_in_both_languages() {
    use ygt::model::{Document, ASSUMPTIONS, LEVERS};
    let doc = ygt::model::params::markdown();
    for spec in LEVERS.iter().chain(ASSUMPTIONS.iter()) {
        for text in [spec.source_zh(), spec.source_en()] {
            assert!(
                doc.contains(&text.replace('|', "/")),
                "{}: {text}",
                spec.key
            );
        }
    }
    for document in Document::ALL {
        assert!(
            doc.contains(&document.cited_title_zh()),
            "{:?} is not listed",
            document
        );
    }
    // Users cite documents, not the project's internal file names.
    let lower = doc.to_lowercase();
    assert!(!lower.contains("seed") && !lower.contains("brief"));
}

#[test]
fn every_chart_line_shows_the_indicator_it_names_and_single_indicator_charts_take_its_name() {
    use ygt::chart::{Role, Scale};
    use ygt::report::INDICATORS;
    let loaded =
        ygt::scenario::load(ygt::scenario::shipped::default_text(), &[]).expect("default scenario");
    let projection = ygt::model::project(&loaded.scenario.input);
    for chart in ygt::chart::charts(&projection) {
        for series in &chart.series {
            let Some(key) = series.indicator else {
                continue;
            };
            let row = INDICATORS
                .iter()
                .find(|row| row.key == key)
                .unwrap_or_else(|| panic!("{}: no indicator {key}", chart.key));
            let years = match series.role {
                Role::Baseline => &projection.baseline,
                _ => &projection.scenario,
            };
            for ((year, drawn), result) in series.points.iter().zip(years) {
                let value: f64 = (row.read)(&result.indicators).try_into().unwrap();
                let expected = match chart.scale {
                    Scale::Percent => value * 100.0,
                    Scale::TenThousandYuan => value / 10_000.0,
                    Scale::Times => value,
                };
                assert!(
                    (drawn - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                    "{} {key} {year}: drawn {drawn}, indicator {expected}",
                    chart.key
                );
            }
        }
        if let Some(row) = INDICATORS.iter().find(|row| row.key == chart.key) {
            let name = row.zh.trim_end_matches("(元)");
            assert_eq!(chart.zh, name, "{}", chart.key);
            assert!(
                row.en.to_lowercase().starts_with(&chart.en.to_lowercase()),
                "{}: {} / {}",
                chart.key,
                chart.en,
                row.en
            );
        }
    }
}
