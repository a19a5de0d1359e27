//! Share links: a whole scenario carried in a URL fragment, compressed; nothing is uploaded.
//!
//! `#s1.<base64url(deflate(text))>`: the `s1` names this encoding so a later one can be told apart.
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

/// The fragment (without `#`) that carries `text`.
pub fn encode(text: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
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
    let Some(payload) = fragment.strip_prefix(PREFIX) else {
        return Err(broken(
            "不是本沙盘的方案链接(应以 #s1. 开头)",
            "not a sandbox scenario link (it starts with #s1.)",
        ));
    };
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
}
