//! Text -> `KnowledgeBase::lookup` and every `FromStr` of the crate.
//!
//! Oracles: no panic; an `Ok` value round-trips through `Display`; an error has a
//! non-empty `Display`.

#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use ketamine_therapy::{
    Agent, Benefit, CodeSystem, Condition, ConditionGroup, Date, Evidence, Jurisdiction,
    KnowledgeBase, Risk, Route, Span,
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
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

fuzz_target!(|text: &str| {
    let kb = KnowledgeBase::embedded();
    match kb.lookup(text) {
        Ok(entity) => assert_eq!(kb.lookup(&entity.to_string()), Ok(entity)),
        Err(e) => {
            assert_eq!(e.input(), text);
            assert!(e.suggestions().count() <= 3);
            assert!(!e.to_string().is_empty());
        }
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
