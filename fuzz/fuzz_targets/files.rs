//! Bytes -> the multi-file loaders: `from_json_files` (the bytes split into two files
//! at the first NUL) and `from_json_dir` (the same two files written to a temporary
//! directory).
//!
//! Oracles: no panic, no hang; every error message is under 1 KiB and shows no raw
//! control character.
#![no_main]

use ketamine_therapy::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (first, second) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let (Ok(a), Ok(b)) = (std::str::from_utf8(first), std::str::from_utf8(second)) else {
        return;
    };
    if let Err(e) = KnowledgeBase::from_json_files([("a.json", a), ("b.json", b)]) {
        check_message(&e.to_string());
    }
    let dir = std::env::temp_dir().join(format!("kt-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if std::fs::create_dir_all(&dir).is_ok()
        && std::fs::write(dir.join("a.json"), a).is_ok()
        && std::fs::write(dir.join("b.json"), b).is_ok()
    {
        if let Err(e) = KnowledgeBase::from_json_dir(&dir) {
            check_message(&e.to_string());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
});

fn check_message(shown: &str) {
    assert!(shown.len() < 1024, "{} bytes", shown.len());
    assert!(
        !shown.chars().any(char::is_control),
        "raw control: {shown:?}"
    );
}
