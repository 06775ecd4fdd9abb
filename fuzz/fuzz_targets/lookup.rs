//! Text -> `KnowledgeBase::lookup` and every `FromStr` of the crate.
//!
//! Oracles: no panic; an `Ok` value round-trips through `Display`; an error has a
//! non-empty `Display` under 1 KiB with no raw control character.

#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use ketamine_therapy::{
    Agent, Benefit, Condition, ConditionGroup, Evidence, Interactant, Jurisdiction, KnowledgeBase,
    Population, Risk, Route,
    model::{CodeSystem, Date, Span},
};
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
        Err(e) => bounded(&e.to_string(), text),
    }
}

/// A message is non-empty, short, and escapes what it echoes (issues 8 and 15): no
/// raw control character, and never more than 80 characters of the input in a row.
fn bounded(shown: &str, input: &str) {
    assert!(!shown.is_empty());
    assert!(shown.len() < 1024, "{} bytes", shown.len());
    assert!(
        !shown.chars().any(char::is_control),
        "raw control: {shown:?}"
    );
    // An echo is a prefix of the input: its first 81 characters never show. (Unless
    // they hold a backtick, which quotes the echo: 80 backticks and the quote are 81.)
    let prefix: String = input.chars().take(81).collect();
    if prefix.chars().count() == 81 && !prefix.contains('`') {
        assert!(
            !shown.contains(&prefix),
            "echoes over 80 characters: {shown}"
        );
    }
}

fuzz_target!(|text: &str| {
    let kb = KnowledgeBase::embedded();
    match kb.lookup(text) {
        Ok(entity) => assert_eq!(kb.lookup(&entity.to_string()), Ok(entity)),
        Err(e) => {
            // The error keeps at most the first 256 bytes of the input (none if blank).
            assert!(text.starts_with(e.input()) && e.input().len() <= 256);
            assert!(e.suggestions().count() <= 3);
            bounded(&e.to_string(), text);
        }
    }
    if let Err(e) = kb.lookup_as::<Condition>(text) {
        assert!(
            e.suggestions()
                .all(|s| matches!(s, ketamine_therapy::Entity::Condition(_)))
        );
        bounded(&e.to_string(), text);
    }
    parses::<Agent>(text);
    parses::<Route>(text);
    parses::<Condition>(text);
    parses::<ConditionGroup>(text);
    parses::<Benefit>(text);
    parses::<Risk>(text);
    parses::<Evidence>(text);
    parses::<Jurisdiction>(text);
    parses::<Interactant>(text);
    parses::<Population>(text);
    parses::<Span>(text);
    parses::<Date>(text);
    parses::<CodeSystem>(text);
});
