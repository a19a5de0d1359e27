//! Any bytes, read as text (invalid UTF-8 replaced), loaded as a scenario file (TOML or JSON).
//! Checks only that loading returns (Ok or diagnostics) without panicking, hanging or blowing up memory.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = ygt::scenario::load(&text, &[]);
});
