//! Any text: loading never panics; a scenario that loads runs, and its books balance every year.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = ygt::scenario::load(text, &[]) {
        let projection = ygt::model::project(&loaded.scenario.input);
        for year in projection.baseline.iter().chain(&projection.scenario) {
            assert!(year.ledger.imbalances().is_empty(), "unbalanced books");
            assert!(year.ledger.negative_lines().is_empty(), "negative ledger line");
        }
    }
});
