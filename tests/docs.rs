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
