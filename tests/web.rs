//! The bindings in a real browser (headless Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use ygt::web::{check, decode_share, Sandbox};

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT: &str = include_str!("../scenarios/henan-county.toml");

fn parse(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// Native and WebAssembly builds give the same results to the fen: every shipped scenario, run in the
/// browser, equals the golden JSON the native command line produced (tests/golden.rs keeps those current).
#[wasm_bindgen_test]
fn results_equal_the_native_golden_json_for_every_shipped_and_generated_scenario() {
    let cases = [
        (
            include_str!("../scenarios/henan-county.toml"),
            include_str!("golden/henan-county.json"),
        ),
        (
            include_str!("../scenarios/luxian-three-communities.toml"),
            include_str!("golden/luxian-three-communities.json"),
        ),
        (
            include_str!("../scenarios/miyi-special-fund.toml"),
            include_str!("golden/miyi-special-fund.json"),
        ),
        (
            include_str!("../scenarios/suixi-two-communities.toml"),
            include_str!("golden/suixi-two-communities.json"),
        ),
        (
            include_str!("../scenarios/yaan-primary-tilt.toml"),
            include_str!("golden/yaan-primary-tilt.json"),
        ),
    ];
    for (scenario, golden) in cases {
        let sandbox = Sandbox::new(scenario).unwrap();
        assert_eq!(parse(&sandbox.results()), parse(golden));
    }
}

#[wasm_bindgen_test]
fn a_bad_value_is_refused_and_changes_nothing() {
    let mut sandbox = Sandbox::new(DEFAULT).unwrap();
    let before = sandbox.results();
    let outcome = parse(&sandbox.set("reform.per_bed_subsidy_yuan", "-1"));
    assert_eq!(outcome["ok"], false);
    assert_eq!(
        outcome["diagnostics"][0]["path"],
        "reform.per_bed_subsidy_yuan"
    );
    assert_eq!(sandbox.results(), before);
    let outcome = parse(&sandbox.set("reform.per_bed_subsidy_yuan", "8000"));
    assert_eq!(outcome["ok"], true);
    assert_eq!(outcome["diagnostics"][0]["severity"], "warning");
}

#[wasm_bindgen_test]
fn share_links_round_trip_and_broken_ones_are_named() {
    let sandbox = Sandbox::new(DEFAULT).unwrap();
    let decoded = parse(&decode_share(&sandbox.share_fragment()));
    assert_eq!(decoded["ok"], true);
    assert_eq!(decoded["text"].as_str().unwrap(), sandbox.scenario());
    let broken = parse(&decode_share("#s1.AAAA"));
    assert_eq!(broken["ok"], false);
    assert_eq!(parse(&check("[meta]\ntitle = 1"))["ok"], false);
}

#[wasm_bindgen_test]
fn charts_draw_on_a_canvas() {
    let sandbox = Sandbox::new(DEFAULT).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    canvas.set_width(640);
    canvas.set_height(360);
    for index in 0..sandbox.chart_count() {
        sandbox.draw_chart(index, canvas.clone(), "zh").unwrap();
    }
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let pixels = context
        .get_image_data(0.0, 0.0, 640.0, 360.0)
        .unwrap()
        .data();
    let coloured = pixels
        .chunks(4)
        .filter(|p| !(p[0] == 255 && p[1] == 255 && p[2] == 255))
        .count();
    assert!(
        coloured > 2000,
        "the chart drew {coloured} non-white pixels"
    );
}
