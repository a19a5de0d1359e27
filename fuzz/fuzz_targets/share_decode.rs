//! Any link fragment: decoding never panics nor inflates past its limit; a decoded text loads or fails cleanly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let fragment = String::from_utf8_lossy(data);
    if let Ok(text) = ygt::scenario::share::decode(&fragment) {
        assert!(text.len() <= ygt::scenario::share::MAX_INFLATED_BYTES);
        let _ = ygt::scenario::load(&text, &[]);
    }
    // Bytes that are a deflate stream, wrapped as a link.
    let link = ygt::scenario::share::PREFIX.to_string() + &base64_url(data);
    let _ = ygt::scenario::share::decode(&link);
});

fn base64_url(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
