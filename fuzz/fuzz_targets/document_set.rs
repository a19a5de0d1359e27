//! Any PATH=VALUE edit of the default scenario: never panics; a refused edit leaves the session as it was.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(assignment) = std::str::from_utf8(data) else { return };
    let mut session = ygt::session::Session::open(ygt::scenario::shipped::default_text()).expect("the default loads");
    let before = session.text();
    let (path, value) = assignment.split_once('=').unwrap_or((assignment, ""));
    if session.set(path, value).is_err() {
        assert_eq!(session.text(), before);
    }
});
