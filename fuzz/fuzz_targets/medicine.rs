//! Text -> `KnowledgeBase::medicine`, the vocabulary lookup behind screening.
//!
//! Oracles: no panic; a hit resolves again by its own name to the same medicine; a
//! miss keeps at most 256 bytes of the input, offers at most three suggestions, each
//! of which resolves, and has a short message with no raw control character.

#![no_main]

use ketamine_therapy::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let kb = KnowledgeBase::embedded();
    match kb.medicine(text) {
        Ok(m) => {
            let again = kb.medicine(m.name());
            assert!(
                again.as_ref().is_ok_and(|a| *a == m),
                "{text:?} -> {m} -> {again:?}"
            );
            assert!(!m.to_string().is_empty());
        }
        Err(e) => {
            assert!(text.starts_with(e.input()) && e.input().len() <= 256);
            let suggestions: Vec<&str> = e.medicine_suggestions().collect();
            assert!(suggestions.len() <= 3, "{suggestions:?}");
            for s in suggestions {
                assert!(kb.medicine(s).is_ok(), "suggestion {s:?} does not resolve");
            }
            let shown = e.to_string();
            assert!(
                !shown.is_empty() && shown.len() < 1024,
                "{} bytes",
                shown.len()
            );
            assert!(
                !shown.chars().any(char::is_control),
                "raw control: {shown:?}"
            );
        }
    }
});
