//! Documentation generated from code stays current.

use std::path::PathBuf;

#[test]
fn parameters_doc_matches_the_declarations() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/parameters.md");
    let expected = ygt::model::params::markdown();
    if std::env::var_os("YGT_BLESS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/parameters.md is stale: run YGT_BLESS=1 cargo test --test docs"
    );
}
