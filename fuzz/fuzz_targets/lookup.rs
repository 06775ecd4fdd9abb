//! Text -> `KnowledgeBase::lookup` and every `FromStr` of the crate.
//!
//! Oracles: no panic; an `Ok` value round-trips through `Display`; an error has a
//! non-empty `Display` under 1 KiB with no raw control character.

#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use ketamine_therapy::{model::{CodeSystem, Date, Span}, Agent, Benefit, Condition, ConditionGroup, Evidence, Jurisdiction, KnowledgeBase, Risk, Route};
use libfuzzer_sys::fuzz_target;

fn parses<T>(text: &str)
where
    T: FromStr + Display + PartialEq + Debug,
    T::Err: Display + Debug,
{
    match text.parse::<T>() {
        Ok(v) => {
            let again = v.to_string().parse::<T>();
            assert!(
                again.as_ref().is_ok_and(|a| *a == v),
                "{text:?} -> {v:?} -> {again:?}"
            );
        }
        Err(e) => bounded(&e.to_string()),
    }
}

/// A message is non-empty, short, and escapes what it echoes (issue 8).
fn bounded(shown: &str) {
    assert!(!shown.is_empty());
    assert!(shown.len() < 1024, "{} bytes", shown.len());
    assert!(!shown.chars().any(char::is_control), "raw control: {shown:?}");
}

fuzz_target!(|text: &str| {
    let kb = KnowledgeBase::embedded();
    match kb.lookup(text) {
        Ok(entity) => assert_eq!(kb.lookup(&entity.to_string()), Ok(entity)),
        Err(e) => {
            // The error keeps at most the first 256 bytes of the input (none if blank).
            assert!(text.starts_with(e.input()) && e.input().len() <= 256);
            assert!(e.suggestions().count() <= 3);
            bounded(&e.to_string());
        }
    }
    if let Err(e) = kb.lookup_as::<Condition>(text) {
        assert!(e.suggestions().all(|s| matches!(s, ketamine_therapy::Entity::Condition(_))));
        bounded(&e.to_string());
    }
    parses::<Agent>(text);
    parses::<Route>(text);
    parses::<Condition>(text);
    parses::<ConditionGroup>(text);
    parses::<Benefit>(text);
    parses::<Risk>(text);
    parses::<Evidence>(text);
    parses::<Jurisdiction>(text);
    parses::<Span>(text);
    parses::<Date>(text);
    parses::<CodeSystem>(text);
});
