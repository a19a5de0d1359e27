//! The CSV template: the input is split on the byte 0x1E (ASCII record separator) into up to three
//! files, named 县.csv, 医共体.csv and 机构.csv in that order. Each is read with `sheet::csv::read`
//! (as lossy UTF-8 text), and all together with `sheet::county::read_files` (the native decoding of
//! bytes: UTF-8, UTF-16 with a BOM, GB18030) and `encoding_notes`; tables that read are imported with
//! `sheet::county::import`, and one that imports is put into the default scenario with `import_into`.
//! Checks only that nothing panics, hangs or blows up memory.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ygt::sheet::{county, csv};

const NAMES: [&str; 3] = ["县.csv", "医共体.csv", "机构.csv"];

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .splitn(NAMES.len(), |byte| *byte == 0x1E)
        .zip(NAMES)
        .map(|(bytes, name)| (name.to_string(), bytes.to_vec()))
        .collect();
    for (name, bytes) in &files {
        let _ = csv::read(name.trim_end_matches(".csv"), &String::from_utf8_lossy(bytes));
    }
    let _ = county::encoding_notes(&files);
    if let Ok(tables) = county::read_files(&files) {
        if county::import(&tables).is_ok() {
            let _ = county::import_into(&tables, ygt::scenario::shipped::default_text());
        }
    }
});
