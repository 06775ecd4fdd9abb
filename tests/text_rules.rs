//! Rules about text that mutation testing found unpinned (issue 15): separators in
//! non-ASCII lookups, the 96-byte name limit at its edge, the cut of a long lookup at a
//! character boundary, and DEL among the control characters of data text.

use ketamine_therapy::query::MAX_NAME_BYTES;
use ketamine_therapy::{Condition, Entity, KnowledgeBase, LoadError, LookupError, Route};

#[test]
fn separators_fold_in_non_ascii_text_too() {
    let kb = KnowledgeBase::embedded();
    let trd = Entity::Condition(Condition::TreatmentResistantDepression);
    for text in [
        "treatment-resistant dépression",
        "treatment_resistant_dépression",
        "treatment–resistant\u{a0}dépression",
        "TREATMENT - RESISTANT   DÉPRESSION",
    ] {
        assert_eq!(kb.lookup(text), Ok(trd), "{text}");
    }
}

#[test]
fn an_alias_of_exactly_the_name_limit_is_found() {
    let alias = "x".repeat(MAX_NAME_BYTES);
    let overlay = format!(
        r#"{{"aliases": [{{"entity": "route", "id": "intravenous", "alias": "{alias}"}}]}}"#
    );
    let kb = KnowledgeBase::embedded()
        .with_overlay("overlay.json", &overlay)
        .unwrap();
    assert_eq!(kb.lookup(&alias), Ok(Entity::Route(Route::Intravenous)));
    assert_eq!(
        kb.lookup(&alias.to_uppercase()),
        Ok(Entity::Route(Route::Intravenous))
    );
    // One byte more is no name: a miss, not a match of its prefix.
    assert!(matches!(
        kb.lookup(&format!("{alias}x")),
        Err(LookupError::NotFound { .. })
    ));
    let too_long = "x".repeat(MAX_NAME_BYTES + 1);
    let overlay = format!(
        r#"{{"aliases": [{{"entity": "route", "id": "intravenous", "alias": "{too_long}"}}]}}"#
    );
    assert!(
        KnowledgeBase::embedded()
            .with_overlay("overlay.json", &overlay)
            .is_err()
    );
}

#[test]
fn a_long_lookup_is_cut_at_a_character_boundary() {
    let kb = KnowledgeBase::embedded();
    // The fourth byte limit (384) falls inside a three-byte character here.
    for prefix in ["", "a", "ab"] {
        let text = format!("{prefix}{}", "€".repeat(300));
        assert!(
            matches!(kb.lookup(&text), Err(LookupError::NotFound { .. })),
            "{prefix}"
        );
        let text = format!("{prefix}{}", "é".repeat(300));
        assert!(
            matches!(kb.lookup(&text), Err(LookupError::NotFound { .. })),
            "{prefix}"
        );
    }
}

fn with_text(text: &str) -> LoadError {
    let files: Vec<(String, String)> = KnowledgeBase::embedded_files()
        .iter()
        .map(|(name, body)| {
            let body = if *name == "data/safety.json" {
                body.replacen(
                    "Known hypersensitivity to ketamine or to any excipient.",
                    text,
                    1,
                )
            } else {
                (*body).to_owned()
            };
            ((*name).to_owned(), body)
        })
        .collect();
    KnowledgeBase::from_json_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .expect_err("the text breaks the policy")
}

#[test]
fn delete_is_a_control_character_however_often() {
    for text in [
        "\\u007f",
        "a\\u007fb",
        "a\\u007f\\u007fb",
        "\\u007f\\u007f\\u007f",
        "a\\tb\\u007f",
    ] {
        let e = with_text(text);
        assert!(matches!(e, LoadError::BadText { .. }), "{text}: {e:?}");
        assert!(e.to_string().contains("control character"), "{text}: {e}");
    }
}
