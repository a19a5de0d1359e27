//! The shipped scenarios, built into the program so the page opens with no request beyond its own
//! files and the command line can name them. A test checks this list against `scenarios/`.

/// (file name, text) of every shipped scenario; the first is the default.
pub static SHIPPED: &[(&str, &str)] = &[
    (
        "henan-county.toml",
        include_str!("../../../scenarios/henan-county.toml"),
    ),
    (
        "luxian-three-communities.toml",
        include_str!("../../../scenarios/luxian-three-communities.toml"),
    ),
    (
        "miyi-special-fund.toml",
        include_str!("../../../scenarios/miyi-special-fund.toml"),
    ),
    (
        "suixi-two-communities.toml",
        include_str!("../../../scenarios/suixi-two-communities.toml"),
    ),
    (
        "yaan-primary-tilt.toml",
        include_str!("../../../scenarios/yaan-primary-tilt.toml"),
    ),
];

/// The default scenario's text.
pub fn default_text() -> &'static str {
    SHIPPED[0].1
}

/// A shipped scenario's text by file name.
pub fn text(file: &str) -> Option<&'static str> {
    SHIPPED
        .iter()
        .find(|(name, _)| *name == file)
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_in_scenarios_is_shipped() {
        let mut files: Vec<String> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios"))
                .unwrap()
                .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".toml"))
                .collect();
        files.sort();
        let mut shipped: Vec<String> = super::SHIPPED
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
        shipped.sort();
        assert_eq!(files, shipped);
        assert_eq!(super::SHIPPED[0].0, "henan-county.toml");
    }
}
