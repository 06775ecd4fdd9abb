//! Interoperability: look-up by standard code, code-system spellings and FHIR URIs,
//! status per jurisdiction, and the citation-resolved JSON view.

use ketamine_therapy::{
    Agent, Condition, Entity, IntoEnumIterator, Jurisdiction, KnowledgeBase, Route,
    model::{CodeSystem, RegulatoryStatus, UseStatus},
};

#[test]
fn every_code_of_every_record_is_found_by_code() {
    let kb = KnowledgeBase::embedded();
    let records = kb
        .agents()
        .map(|a| (Entity::Agent(a.id()), a.codes()))
        .chain(kb.routes().map(|r| (Entity::Route(r.id()), r.codes())))
        .chain(
            kb.conditions()
                .map(|c| (Entity::Condition(c.id()), c.codes())),
        );
    for (entity, codes) in records {
        for code in codes {
            let hits: Vec<Entity> = kb
                .by_code(code.system(), code.code())
                .map(|m| m.entity())
                .collect();
            assert!(hits.contains(&entity), "{code} does not find {entity}");
            // The system's FHIR URI and the system's display name find it too.
            let text = format!("{}|{}", code.system().fhir_uri(), code.code());
            assert!(
                kb.by_code_text(&text).any(|m| m.entity() == entity),
                "{text}"
            );
            assert!(kb.by_any_code(code.code()).any(|m| m.entity() == entity));
        }
    }
}

#[test]
fn codes_match_in_the_spellings_people_use() {
    let kb = KnowledgeBase::embedded();
    let nasal = Entity::Route(Route::Intranasal);
    for system in [
        "snomed",
        "SCT",
        "SNOMED CT",
        "snomed_ct",
        "snomed-ct",
        "http://snomed.info/sct",
    ] {
        let s: CodeSystem = system.parse().unwrap_or_else(|_| panic!("{system}"));
        assert_eq!(
            kb.by_code(s, "46713006").next().map(|m| m.entity()),
            Some(nasal)
        );
    }
    // "icd10" and "ICD-10" name WHO ICD-10, which is a code system of its own; the US
    // clinical modification is "ICD-10-CM".
    for system in ["icd10", "icd-10", "http://hl7.org/fhir/sid/icd-10"] {
        assert_eq!(
            system.parse::<CodeSystem>(),
            Ok(CodeSystem::Icd10),
            "{system}"
        );
    }
    for system in ["ICD-10-CM", "icd10cm", "http://hl7.org/fhir/sid/icd-10-cm"] {
        assert_eq!(
            system.parse::<CodeSystem>(),
            Ok(CodeSystem::Icd10Cm),
            "{system}"
        );
    }
    let esk = Entity::Agent(Agent::Esketamine);
    assert_eq!(
        kb.by_code(CodeSystem::Atc, "n06ax27")
            .next()
            .map(|m| m.entity()),
        Some(esk)
    );
    assert_eq!(
        kb.by_code(CodeSystem::Atc, " N06AX27 ")
            .next()
            .map(|m| m.entity()),
        Some(esk)
    );
    // A code with and without its dot is the same ICD code.
    let gad = Entity::Condition(Condition::GeneralizedAnxietyDisorder);
    for code in ["F41.1", "F411", "f41.1", "F41 1"] {
        assert!(
            kb.by_code(CodeSystem::Icd10Cm, code)
                .any(|m| m.entity() == gad),
            "{code}"
        );
    }
    // The system matters: an ATC code is not an ICD-10-CM code.
    assert!(kb.by_code(CodeSystem::Icd10Cm, "N06AX27").is_empty());
    assert!(kb.by_code(CodeSystem::Icd10Cm, "").is_empty());
    assert!(kb.by_code(CodeSystem::Icd10Cm, &"F".repeat(500)).is_empty());
}

#[test]
fn shared_codes_return_every_record_and_say_so() {
    let kb = KnowledgeBase::embedded();
    for condition in kb.conditions() {
        for code in condition.codes() {
            let found = kb.by_code(code.system(), code.code());
            let entities: Vec<Entity> = found.entities().collect();
            assert_eq!(found.is_shared(), entities.len() > 1, "{code}");
            assert_eq!(found.len(), found.clone().count());
        }
    }
    // Depressive-episode codes are carried by several depression conditions.
    let shared = kb.by_code(CodeSystem::Icd10Cm, "F33.9");
    if shared.len() > 1 {
        assert!(shared.is_shared());
        assert!(shared.entities().all(|e| matches!(e, Entity::Condition(c) if c.group() == ketamine_therapy::ConditionGroup::Depression)));
    }
}

#[test]
fn code_systems_have_fhir_uris_and_keep_their_serde_names() {
    for system in CodeSystem::iter() {
        let uri = system.fhir_uri();
        assert!(
            uri.starts_with("http://") || uri.starts_with("https://"),
            "{uri}"
        );
        assert_eq!(uri.parse::<CodeSystem>(), Ok(system));
        let json = serde_json::to_string(&system).unwrap();
        assert_eq!(json, format!("\"{}\"", system.id()));
        assert_eq!(serde_json::from_str::<CodeSystem>(&json).unwrap(), system);
    }
    assert_eq!(CodeSystem::Icd10Cm.id(), "icd10cm");
    assert_eq!(CodeSystem::SnomedCt.id(), "snomed_ct");
    assert_eq!(CodeSystem::Rxnorm.id(), "rxnorm");
}

#[test]
fn status_in_agrees_with_the_regulatory_facts() {
    let kb = KnowledgeBase::embedded();
    for ind in kb.indications() {
        for j in Jurisdiction::iter() {
            let status = ind.status_in(j);
            let facts: Vec<_> = ind.regulatory_in(j).collect();
            assert_eq!(status.facts().count(), facts.len());
            let expected = if facts
                .iter()
                .any(|r| r.status() == RegulatoryStatus::Approved)
            {
                UseStatus::Approved
            } else if facts
                .iter()
                .any(|r| r.status() == RegulatoryStatus::OffLabel)
            {
                UseStatus::OffLabel
            } else if facts.is_empty() {
                UseStatus::NotRecorded
            } else {
                UseStatus::Unapproved
            };
            assert_eq!(status.status(), expected, "{} in {j}", ind.key());
            assert_eq!(status.is_approved(), ind.is_approved_in(j));
            if expected == UseStatus::Approved {
                let first = facts
                    .iter()
                    .filter(|r| r.status() == RegulatoryStatus::Approved)
                    .filter_map(|r| r.date())
                    .min();
                assert_eq!(
                    status.date(),
                    first,
                    "{}: the first approval governs",
                    ind.key()
                );
            }
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(
                json["status"],
                serde_json::to_value(status.status()).unwrap()
            );
        }
    }
}

#[test]
fn cited_view_resolves_every_source_id() {
    let kb = KnowledgeBase::embedded();
    fn ids_left(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if (k == "sources" || k == "negative_findings") && v.is_array() {
                        for s in v.as_array().unwrap() {
                            if !s.is_object() {
                                out.push(s.to_string());
                            } else {
                                assert!(
                                    s["title"].is_string()
                                        && s["id"].is_string()
                                        && s["tier"].is_string()
                                );
                            }
                        }
                    } else {
                        ids_left(v, out);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| ids_left(v, out)),
            _ => {}
        }
    }
    let views: Vec<_> = kb.indications().map(|i| kb.indication_view(i)).collect();
    let risks: Vec<_> = kb.risks().collect();
    let interactions: Vec<_> = Agent::iter().flat_map(|a| kb.interactions(a)).collect();
    for json in [
        serde_json::to_value(kb.cited(&views)).unwrap(),
        serde_json::to_value(kb.cited(&risks)).unwrap(),
        serde_json::to_value(kb.cited(&interactions)).unwrap(),
    ] {
        let mut left = Vec::new();
        ids_left(&json, &mut left);
        assert!(left.is_empty(), "unresolved source ids: {left:?}");
    }
    let first = &serde_json::to_value(kb.cited(&views)).unwrap()[0];
    assert!(first["status"]["us"]["status"].is_string());
    assert!(first["sources"][0]["link"].is_string() || first["sources"][0]["note"].is_string());
}
