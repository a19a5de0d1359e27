//! Share links: a whole scenario carried in a URL fragment, compressed; nothing is uploaded.
//!
//! `#s1.<base64url(deflate(text))>`: the whole text. `#s2.<base64url(deflate(json))>`: a shipped
//! scenario and the edits that turn it into this one (`{"b": file, "s": [[path, value], ...]}`), a few
//! hundred characters for a workshop's variant, short enough for a QR code. [`encode`] gives whichever
//! is shorter; both always decode.
//! Decoding never inflates more than [`MAX_INFLATED_BYTES`], so a link whose payload would expand to
//! gigabytes is refused instead of filling memory.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::diagnostic::Diagnostic;
use super::node::MAX_FILE_BYTES;

/// The prefix of a share fragment in this encoding.
pub const PREFIX: &str = "s1.";
/// Most bytes a share link may inflate to: the largest scenario file.
pub const MAX_INFLATED_BYTES: usize = MAX_FILE_BYTES;

/// The prefix of a link carrying edits of a shipped scenario.
pub const EDITS_PREFIX: &str = "s2.";

fn packed(prefix: &str, bytes: &[u8]) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(bytes, 9);
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// The fragment (without `#`) that carries `text`: the whole text, or, when shorter, a shipped
/// scenario and the edits that make it `text` (checked to give the same scenario).
pub fn encode(text: &str) -> String {
    let whole = packed(PREFIX, text.as_bytes());
    let Ok(document) = super::Document::from_text(text) else {
        return whole;
    };
    super::shipped::SHIPPED
        .iter()
        .filter_map(|(file, base)| {
            let base = super::Document::from_text(base).ok()?;
            let edits = without_implied_marks(document.edits_from(&base)?, &base, &document);
            let payload = serde_json::json!({"b": file, "s": edits});
            Some(packed(EDITS_PREFIX, payload.to_string().as_bytes()))
        })
        .chain(std::iter::once(whole))
        .min_by_key(String::len)
        .unwrap_or_default()
}

/// The edits without the list of estimated inputs when applying the others gives that list anyway (a
/// county figure set is unmarked as it is set): a shipped county lists a hundred estimated paths, and
/// one figure typed would otherwise put the whole list into the link.
fn without_implied_marks(
    edits: Vec<(String, String)>,
    base: &super::Document,
    document: &super::Document,
) -> Vec<(String, String)> {
    let reduced: Vec<(String, String)> = edits
        .iter()
        .filter(|(path, _)| path != "meta.estimated_fields")
        .cloned()
        .collect();
    if reduced.len() == edits.len() {
        return edits;
    }
    let mut applied = base.clone();
    let same = applied.apply_edits(&reduced).is_ok()
        && document
            .edits_from(&applied)
            .is_some_and(|rest| rest.is_empty());
    if same {
        reduced
    } else {
        edits
    }
}

fn broken(zh: &str, en: &str) -> Diagnostic {
    Diagnostic::error(
        "",
        "",
        format!("分享链接无效:{zh}"),
        format!("invalid share link: {en}"),
    )
}

/// The scenario text a fragment carries (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<String, Diagnostic> {
    let fragment = fragment.trim().trim_start_matches('#');
    if let Some(payload) = fragment.strip_prefix(EDITS_PREFIX) {
        return decode_edits(&inflate(payload)?);
    }
    let Some(payload) = fragment.strip_prefix(PREFIX) else {
        return Err(broken(
            "不是本沙盘的方案链接(应以 #s1. 或 #s2. 开头)",
            "not a sandbox scenario link (it starts with #s1. or #s2.)",
        ));
    };
    inflate(payload)
}

/// A shipped scenario with the edits a `s2.` link carries.
fn decode_edits(json: &str) -> Result<String, Diagnostic> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|_| {
        broken(
            "内容不是有效的改动列表",
            "its payload is not a list of edits",
        )
    })?;
    let file = value["b"].as_str().unwrap_or_default();
    let base = super::shipped::text(file).ok_or_else(|| {
        broken(
            &format!("链接基于示例方案 {file:?},本版本没有;请让对方发送方案文件"),
            &format!("the link builds on the example {file:?}, which this version does not have; ask for the scenario file"),
        )
    })?;
    let edits: Vec<(String, String)> = value["s"]
        .as_array()
        .and_then(|edits| {
            edits
                .iter()
                .map(|e| Some((e[0].as_str()?.to_string(), e[1].as_str()?.to_string())))
                .collect()
        })
        .ok_or_else(|| broken("改动列表格式有误", "its list of edits is malformed"))?;
    let mut document = super::Document::from_text(base)?;
    document.apply_edits(&edits)?;
    Ok(document.text())
}

/// The text a link's payload inflates to.
fn inflate(payload: &str) -> Result<String, Diagnostic> {
    // A fragment longer than any real scenario's is refused before decoding.
    if payload.len() > MAX_INFLATED_BYTES {
        return Err(broken("链接过长", "the link is too long"));
    }
    let compressed = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| {
            broken(
                "内容不是 base64url 编码,可能被截断或改动",
                "its payload is not base64url; it may be cut short or altered",
            )
        })?;
    let inflated =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_INFLATED_BYTES)
            .map_err(|error| {
                if matches!(
                    error.status,
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput
                ) {
                    broken(
                        &format!("解压后超过 {MAX_INFLATED_BYTES} 字节,已拒绝"),
                        &format!(
                            "it would inflate past {MAX_INFLATED_BYTES} bytes and was refused"
                        ),
                    )
                } else {
                    broken(
                        "压缩数据损坏,可能被截断",
                        "its compressed data is damaged, perhaps cut short",
                    )
                }
            })?;
    String::from_utf8(inflated)
        .map_err(|_| broken("解压后不是 UTF-8 文本", "it does not inflate to UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_chinese_text() {
        let text = "[meta]\ntitle = \"河南示范县\"\n";
        let fragment = encode(text);
        assert!(fragment.starts_with("s1."));
        assert!(fragment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        assert_eq!(decode(&format!("#{fragment}")).unwrap(), text);
    }

    #[test]
    fn refuses_broken_and_explosive_links() {
        assert!(decode("#x1.abc").is_err());
        assert!(decode("#s1.!!!").is_err());
        let fragment = encode("abc");
        assert!(decode(&fragment[..fragment.len() - 2]).is_err());
        // 64 MiB of zeros deflate to about 64 KiB: refused by the inflate limit, not by memory.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 64 * 1024 * 1024], 9);
        let link = format!("s1.{}", URL_SAFE_NO_PAD.encode(bomb));
        let error = decode(&link).unwrap_err();
        assert!(
            error.message_en.contains("inflate past"),
            "{}",
            error.message_en
        );
    }

    #[test]
    fn a_workshop_variant_travels_as_a_short_link_that_opens_the_same_scenario() {
        let mut document =
            crate::scenario::Document::from_text(crate::scenario::shipped::default_text()).unwrap();
        for (path, value) in [
            ("reform.per_bed_subsidy_yuan", "4500"),
            ("reform.primary_tilt_points", "[5, 10, 15]"),
            ("communities.0.institutions.1.beds", "60"),
            ("reform.title", "\"第三组:加大倾斜\""),
        ] {
            document.set(path, value).unwrap();
        }
        let text = document.text();
        let fragment = encode(&text);
        assert!(fragment.starts_with(EDITS_PREFIX), "{fragment}");
        assert!(fragment.len() < 300, "{} characters", fragment.len());
        let opened = decode(&fragment).unwrap();
        let load = |t: &str| crate::scenario::load(t, &[]).unwrap().scenario;
        assert_eq!(load(&opened), load(&text));
        // The long form of the same scenario still opens, and says the same.
        let whole = packed(PREFIX, text.as_bytes());
        assert!(whole.len() > 2 * fragment.len());
        assert_eq!(load(&decode(&whole).unwrap()), load(&text));
        // A scenario unlike any example (a community removed) goes whole.
        let mut other = crate::scenario::Document::from_text(&text).unwrap();
        other.remove_entry("communities", 1).unwrap();
        assert!(encode(&other.text()).starts_with(PREFIX));
    }

    #[test]
    fn an_edits_link_to_an_unknown_example_or_a_bad_edit_is_named() {
        let link = packed(EDITS_PREFIX, br#"{"b": "nowhere.toml", "s": []}"#);
        assert!(decode(&link)
            .unwrap_err()
            .message_en
            .contains("which this version does not have"));
        let link = packed(
            EDITS_PREFIX,
            br#"{"b": "henan-county.toml", "s": [["", "1"]]}"#,
        );
        assert!(decode(&link).is_err());
        let link = packed(EDITS_PREFIX, b"not json");
        assert!(decode(&link)
            .unwrap_err()
            .message_en
            .contains("not a list of edits"));
    }
}
