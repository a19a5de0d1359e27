//! Any file as a filled template (.xlsx bytes, or CSV): never panics; an import that succeeds loads.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let name = if data.starts_with(b"PK") { "county.xlsx" } else { "机构.csv" };
    if let Ok(tables) = ygt::sheet::county::read_files(&[(name.to_string(), data.to_vec())]) {
        if let Ok(text) = ygt::sheet::county::import(&tables) {
            assert!(ygt::scenario::load(&text, &[]).is_ok());
        }
    }
});
