//! The architecture's invariants (ARCHITECTURE.md), enforced.

use std::path::{Path, PathBuf};

use ygt::model::{Assumption, Item, Lever, Section};
use ygt::report::INDICATORS;
use ygt::scenario::fields::{
    county_fields, COMMUNITY_FIELDS, INSTITUTION_FIELDS, OUT_OF_COUNTY_FIELDS,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every `.js` file of the page (not the generated bindings in www/pkg).
fn page_scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        // www/pkg holds the generated bindings, ygt-offline.html the generated one-file edition and
        // js/app.bundle.js the page's modules bundled.
        if path
            .file_name()
            .is_some_and(|n| n == "ygt-offline.html" || n == "app.bundle.js")
        {
            continue;
        }
        if path.is_dir() && path.file_name().is_some_and(|n| n != "pkg") {
            page_scripts(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "js" || e == "mjs" || e == "html")
        {
            out.push(path);
        }
    }
}

/// Every key the catalog declares: levers, assumptions, indicators, ledger sections and items, and the
/// county's input fields (county-level paths, community, out-of-county and institution keys).
fn catalog_keys() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    keys.extend(Lever::ALL.iter().map(|l| l.spec().key.to_string()));
    keys.extend(Assumption::ALL.iter().map(|a| a.spec().key.to_string()));
    keys.extend(INDICATORS.iter().map(|i| i.key.to_string()));
    keys.extend(Section::ALL.iter().map(|s| s.key().to_string()));
    keys.extend(Item::ALL.iter().map(|i| i.key().to_string()));
    keys.extend(county_fields().iter().map(|f| f.path.clone()));
    keys.extend(COMMUNITY_FIELDS.iter().map(|f| f.key.to_string()));
    keys.extend(OUT_OF_COUNTY_FIELDS.iter().map(|f| f.key.to_string()));
    keys.extend(INSTITUTION_FIELDS.iter().map(|f| f.key.to_string()));
    keys.sort();
    keys.dedup();
    keys
}

/// Where `text` names `key`: as a quoted string, a template string, or a property (`.key`).
fn names(text: &str, key: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(key).any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + key.len()).copied();
        let ident = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
        matches!(before, Some(b'\'' | b'"' | b'`' | b'.')) && !ident(after)
    })
}

/// "www/ names no key": the page draws what the core's view gives it and sends back paths; no lever,
/// assumption, indicator, ledger line or input field is named in its code, so adding one to the catalog
/// needs no edit there.
#[test]
fn the_page_names_no_key() {
    let mut files = Vec::new();
    page_scripts(&root().join("www"), &mut files);
    assert!(files.len() >= 8, "{files:?}");
    let keys = catalog_keys();
    assert!(keys.len() > 100, "{} keys", keys.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for key in &keys {
            if names(&text, key) {
                found.push(format!("{} names {key}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_key_finder_finds_keys() {
    assert!(names(
        "set('reform.per_bed_subsidy_yuan')",
        "per_bed_subsidy_yuan"
    ));
    assert!(names(
        "x.indicators.county_consultation_rate >= 0.9",
        "county_consultation_rate"
    ));
    assert!(names(
        "['county_consultation_rate']",
        "county_consultation_rate"
    ));
    assert!(!names("chart_count()", "count"));
    assert!(!names("beds_total", "beds"));
}

/// The fuzzer's dictionary for scenario text knows every key a scenario file may hold (levers,
/// assumptions, the county's fields), so a new lever or field is fuzzed too (`YGT_BLESS=1` adds the
/// missing ones).
#[test]
fn the_scenario_fuzz_dictionary_holds_every_scenario_key() {
    let path = root().join("fuzz/dicts/scenario_text.dict");
    let mut text = std::fs::read_to_string(&path).unwrap();
    let mut keys: Vec<String> = Vec::new();
    keys.extend(Lever::ALL.iter().map(|l| l.spec().key.to_string()));
    keys.extend(Assumption::ALL.iter().map(|a| a.spec().key.to_string()));
    keys.extend(
        county_fields()
            .iter()
            .filter_map(|f| f.path.rsplit('.').next().map(str::to_string)),
    );
    keys.extend(COMMUNITY_FIELDS.iter().map(|f| f.key.to_string()));
    keys.extend(OUT_OF_COUNTY_FIELDS.iter().map(|f| f.key.to_string()));
    keys.extend(INSTITUTION_FIELDS.iter().map(|f| f.key.to_string()));
    keys.sort();
    keys.dedup();
    let missing: Vec<String> = keys
        .into_iter()
        .filter(|key| !text.contains(&format!("\"{key}\"")))
        .collect();
    if std::env::var_os("YGT_BLESS").is_some() && !missing.is_empty() {
        for key in &missing {
            text.push_str(&format!("\"{key}\"\n"));
        }
        std::fs::write(&path, &text).unwrap();
        return;
    }
    assert!(
        missing.is_empty(),
        "fuzz/dicts/scenario_text.dict lacks {missing:?}: run YGT_BLESS=1 cargo test --test architecture"
    );
}

/// The page asks for its core and its code at once: index.html preloads the wasm and modulepreloads
/// the bundle of app.js and js/ (built by scripts/build-offline.sh) and the bindings, and runs the
/// bundle; every module of js/ but the worker's (started by the Monte Carlo) is one the bundle is made
/// from, so none is left to be fetched import by import.
#[test]
fn index_html_loads_the_bundled_page_and_preloads_the_core() {
    let www = root().join("www");
    let html = std::fs::read_to_string(www.join("index.html")).unwrap();
    let preloaded: Vec<&str> = html
        .lines()
        .filter_map(|line| line.strip_prefix("<link rel=\"modulepreload\" href=\""))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(preloaded, ["js/app.bundle.js", "pkg/ygt.js"]);
    assert!(html.contains("<link rel=\"preload\" href=\"pkg/ygt_bg.wasm\" as=\"fetch\""));
    assert!(html.contains("<script type=\"module\" src=\"js/app.bundle.js\"></script>"));
    // Every module in js/ is reached from app.js by static imports (the worker is started by URL).
    let mut reached = std::collections::BTreeSet::new();
    let mut waiting = vec![www.join("app.js")];
    while let Some(file) = waiting.pop() {
        let text = std::fs::read_to_string(&file).unwrap();
        for import in text
            .split("from '")
            .skip(1)
            .filter_map(|rest| rest.split('\'').next())
        {
            let target = file.parent().unwrap().join(import);
            if !import.contains("pkg/") && reached.insert(target.file_name().unwrap().to_owned()) {
                waiting.push(target);
            }
        }
    }
    let modules: std::collections::BTreeSet<_> = std::fs::read_dir(www.join("js"))
        .unwrap()
        .filter_map(|entry| Some(entry.ok()?.file_name()))
        .filter(|name| {
            let name = name.to_string_lossy();
            name.ends_with(".js") && name != "worker.js" && name != "app.bundle.js"
        })
        .collect();
    assert_eq!(reached, modules);
}
