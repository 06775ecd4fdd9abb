//! Any bytes as an overlay of the embedded knowledge base: the loader must answer
//! (a knowledge base or a short, escaped error), never panic or hang.
#![no_main]

use ketamine_therapy::KnowledgeBase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match KnowledgeBase::embedded().with_overlay("fuzz.json", text) {
        Ok(kb) => {
            // What loaded serialises and loads back equal.
            let json = serde_json::to_string(&kb).expect("a knowledge base serialises");
            let again = KnowledgeBase::from_json_str("again.json", &json).expect("round trip");
            assert_eq!(again, kb);
        }
        Err(e) => check_message(&e.to_string()),
    }
});

fn check_message(shown: &str) {
    assert!(shown.len() < 1024, "{} bytes", shown.len());
    assert!(!shown.chars().any(char::is_control), "raw control: {shown:?}");
}
