//! Share links (crate/src/scenario/share.rs): a fragment decoded, and what it decodes to loaded.
//! Three fragments per input: the bytes as the fragment text itself (`#s1.…`, `#s2.…`); the bytes as
//! the deflate payload of an `s1.` link (`s1.` + base64url(bytes)), so the inflate limit and the UTF-8
//! check are reached; and the bytes as the edits of an `s2.` link, deflated here
//! (`s2.` + base64url(deflate(bytes))), so the fuzzer works on the edits' JSON
//! (`{"b": "henan-county.toml", "s": [["path", "value"], ...]}`) directly.
//! Checks only that nothing panics, hangs or blows up memory.
#![no_main]
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use libfuzzer_sys::fuzz_target;
use ygt::scenario::share;

fn decode_and_load(fragment: &str) {
    if let Ok(text) = share::decode(fragment) {
        let _ = ygt::scenario::load(&text, &[]);
    }
}

fuzz_target!(|data: &[u8]| {
    decode_and_load(&String::from_utf8_lossy(data));
    decode_and_load(&format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(data)));
    let edits = miniz_oxide::deflate::compress_to_vec(data, 1);
    decode_and_load(&format!("{}{}", share::EDITS_PREFIX, URL_SAFE_NO_PAD.encode(edits)));
});
