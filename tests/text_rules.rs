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

/// The data files with one JSON edit.
fn edited_files(file: &str, edit: impl Fn(&mut serde_json::Value)) -> Vec<(String, String)> {
    KnowledgeBase::embedded_files()
        .iter()
        .map(|(name, body)| {
            let body = if *name == file {
                let mut v: serde_json::Value = serde_json::from_str(body).unwrap();
                edit(&mut v);
                v.to_string()
            } else {
                (*body).to_owned()
            };
            ((*name).to_owned(), body)
        })
        .collect()
}

#[test]
fn limits_hold_at_their_edge() {
    // Exactly MAX_ALIASES aliases load (33 do not: tests/fixtures/malformed/too-many-aliases).
    let files = edited_files("data/agents.json", |v| {
        let aliases: Vec<String> = (0..32).map(|i| format!("extra alias {i:03}")).collect();
        v["agents"][0]["aliases"] = serde_json::json!(aliases);
    });
    let kb = KnowledgeBase::from_json_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .unwrap();
    assert_eq!(kb.agents().next().unwrap().aliases().len(), 32);
    // A file of exactly MAX_FILE_BYTES is not too large (it fails for what it says).
    let max = ketamine_therapy::loader::MAX_FILE_BYTES;
    let padded = format!("{{}}{}", " ".repeat(max - 2));
    let e = KnowledgeBase::from_json_bytes("max.json", padded.as_bytes()).unwrap_err();
    assert!(!matches!(e, LoadError::TooLarge { .. }), "{e:?}");
    let e =
        KnowledgeBase::from_json_bytes("over.json", format!("{padded} ").as_bytes()).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }), "{e:?}");
}

#[test]
fn a_file_read_from_disk_one_byte_over_the_limit_is_too_large() {
    let dir = std::env::temp_dir().join(format!("kt-text-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(ketamine_therapy::loader::MAX_FILE_BYTES as u64 + 1)
        .unwrap();
    drop(f);
    let dir_result = KnowledgeBase::from_json_dir(&dir);
    let overlay_result = KnowledgeBase::embedded().with_overlay_file(&path);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        matches!(dir_result, Err(LoadError::TooLarge { .. })),
        "{dir_result:?}"
    );
    assert!(
        matches!(overlay_result, Err(LoadError::TooLarge { .. })),
        "{overlay_result:?}"
    );
}

#[test]
fn an_overlay_adds_an_alias_to_every_kind_of_entity() {
    let kb = KnowledgeBase::embedded();
    let targets: Vec<(&str, Entity)> = vec![
        ("agent", Entity::Agent(kb.agents().next().unwrap().id())),
        ("route", Entity::Route(kb.routes().next().unwrap().id())),
        (
            "group",
            Entity::ConditionGroup(kb.groups().next().unwrap().id()),
        ),
        (
            "condition",
            Entity::Condition(kb.conditions().next().unwrap().id()),
        ),
        (
            "benefit",
            Entity::Benefit(kb.benefits().next().unwrap().id()),
        ),
        ("risk", Entity::Risk(kb.risks().next().unwrap().id())),
        (
            "interactant",
            Entity::Interactant(kb.interactants().next().unwrap().id()),
        ),
    ];
    let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
    ];
    let aliases: Vec<serde_json::Value> = targets
        .iter()
        .zip(words)
        .map(|((kind, e), w)| serde_json::json!({"entity": kind, "id": e.id(), "alias": format!("zz {w}")}))
        .collect();
    let overlay = serde_json::json!({ "aliases": aliases }).to_string();
    let with = kb.with_overlay("overlay.json", &overlay).unwrap();
    for ((_, e), w) in targets.iter().zip(words) {
        assert_eq!(with.lookup(&format!("zz {w}")), Ok(*e), "{w}");
    }
    // A look-alike of the entity's own name is its alias, not a confusable of another:
    // "esketarnine" reads as "esketamine".
    let own = r#"{"aliases": [{"entity": "agent", "id": "esketamine", "alias": "esketarnine"}]}"#;
    let with = kb.with_overlay("overlay.json", own).unwrap();
    assert_eq!(
        with.lookup("esketarnine"),
        Ok(Entity::Agent(ketamine_therapy::Agent::Esketamine))
    );
    let other =
        r#"{"aliases": [{"entity": "agent", "id": "racemic_ketamine", "alias": "esketarnine"}]}"#;
    assert!(matches!(
        kb.with_overlay("overlay.json", other),
        Err(LoadError::Confusable { .. })
    ));
}
