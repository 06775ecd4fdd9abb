//! Bytes -> the loader, as a whole data set and as an overlay on the embedded data.
//!
//! Oracles: no panic; a failure is a `LoadError` whose `Display` starts with the file
//! name, is under 1 KiB and shows no raw control character; a data set that loads
//! serialises and loads back equal.

#![no_main]

use ketamine_therapy::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

/// Anything the loader accepts must survive a serde round trip unchanged.
fn round_trip(kb: &KnowledgeBase) {
    let json = serde_json::to_string(kb).expect("a knowledge base serialises");
    let again = KnowledgeBase::from_json_str("again.json", &json)
        .unwrap_or_else(|e| panic!("a serialised knowledge base does not load: {e}"));
    assert!(&again == kb, "the round trip changed the knowledge base");
}

/// A message is short and escapes what it echoes (issue 8).
fn bounded(shown: &str) {
    assert!(shown.len() < 1024, "{} bytes", shown.len());
    assert!(
        !shown.chars().any(char::is_control),
        "raw control: {shown:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    match KnowledgeBase::from_json_bytes("fuzz.json", data) {
        Ok(kb) => round_trip(&kb),
        Err(e) => {
            let shown = e.to_string();
            assert!(shown.starts_with("fuzz.json"), "{shown}");
            bounded(&shown);
            assert!(e.clone() == e);
        }
    }
    // `with_overlay` takes text; bytes that are not UTF-8 are covered above.
    if let Ok(text) = std::str::from_utf8(data) {
        match KnowledgeBase::embedded().with_overlay("overlay.json", text) {
            Ok(kb) => round_trip(&kb),
            Err(e) => {
                let shown = e.to_string();
                bounded(&shown);
                // "(base knowledge base)": a known issue (errors in overlay aliases and
                // risk frequencies name the base); see tests/fixtures/malformed/overlay-*.
                assert!(
                    shown.starts_with("overlay.json") || shown.starts_with("(base knowledge base)"),
                    "{shown}"
                );
            }
        }
    }
});
