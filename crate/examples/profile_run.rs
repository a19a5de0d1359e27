//! Runs the default scenario many times, for profilers: `cargo run --release --example profile_run`.
fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../scenarios/henan-county.toml"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let input = ygt::scenario::load(&text, &[]).unwrap().scenario.input;
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    for _ in 0..runs {
        std::hint::black_box(ygt::model::project(std::hint::black_box(&input)));
    }
}
