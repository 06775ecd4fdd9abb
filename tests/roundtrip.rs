//! Serialising a knowledge base and loading it back gives an equal knowledge base, and
//! every record serialises to exactly what the data files say.

use std::collections::BTreeMap;

use ketamine_therapy::{Agent, Condition, Entity, KnowledgeBase, Risk, Route, Sourced};
use serde::Serialize;
use serde_json::{Value, json};
use strum::IntoEnumIterator;

mod common;
use common::first_difference;

const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
const OVERLAY_SOURCE: &str = "ROUNDTRIP-TEST-OVERLAY";

/// Serialise, load back, compare, and serialise again byte for byte.
fn assert_round_trip(kb: &KnowledgeBase, what: &str) {
    let json = serde_json::to_string(kb).expect("serialises");
    let back = KnowledgeBase::from_json_str("roundtrip.json", &json)
        .unwrap_or_else(|e| panic!("{what}: the serialised form does not load: {e}"));
    assert!(
        &back == kb,
        "{what}: loading the serialised form gives another knowledge base"
    );
    let again = serde_json::to_string(&back).expect("serialises");
    assert!(
        again == json,
        "{what}: serialise -> load -> serialise is not byte-identical"
    );

    // The pretty form is the same document.
    let pretty = serde_json::to_string_pretty(kb).expect("serialises");
    let back = KnowledgeBase::from_json_str("pretty.json", &pretty)
        .unwrap_or_else(|e| panic!("{what}: the pretty form does not load: {e}"));
    assert!(&back == kb, "{what}: the pretty form loads differently");
}

#[test]
fn embedded_round_trips_through_json() {
    assert_round_trip(KnowledgeBase::embedded(), "embedded");
}

/// The first (condition, agent, route) with no indication yet, for a route the agent
/// is given by.
fn free_triple(kb: &KnowledgeBase) -> (Condition, Agent, Route) {
    for c in Condition::iter() {
        for a in Agent::iter() {
            for r in Route::iter() {
                let taken = kb
                    .routes_for(c)
                    .iter()
                    .any(|i| i.agent() == a && i.route() == r);
                if kb.agent(a).is_given_by(r) && !taken {
                    return (c, a, r);
                }
            }
        }
    }
    panic!("every valid (condition, agent, route) already has an indication");
}

/// A risk with an (agent, route) it is documented for and the agent is given by.
fn risk_slot(kb: &KnowledgeBase) -> (Risk, Agent, Route) {
    kb.risks()
        .find_map(|risk| {
            risk.applies().iter().find_map(|s| {
                Route::iter()
                    .find(|r| risk.applies_to(s.agent(), *r))
                    .map(|r| (risk.id(), s.agent(), r))
            })
        })
        .expect("some risk has a valid (agent, route)")
}

/// An overlay that adds one of everything an overlay may add.
fn overlay(kb: &KnowledgeBase) -> (String, (Condition, Agent, Route), Risk) {
    let (c, a, r) = free_triple(kb);
    let (risk, risk_agent, risk_route) = risk_slot(kb);
    let monitored_route = kb.agent(Agent::RacemicKetamine).routes()[0].route();
    let doc = json!({
        "sources": [{
            "id": OVERLAY_SOURCE,
            "kind": "label",
            "authors": "Round-trip test",
            "title": "A source defined by the round-trip test overlay",
            "year": 2026,
            "note": "Test fixture; it has no locator."
        }],
        "indications": [{
            "condition": c, "agent": a, "route": r,
            "evidence": "limited",
            "regulatory": [{"jurisdiction": "us", "status": "off_label", "sources": [OVERLAY_SOURCE]}],
            "note": "Added by the round-trip test overlay.",
            "sources": [OVERLAY_SOURCE]
        }],
        "risk_frequencies": [{
            "risk": risk, "agent": risk_agent, "route": risk_route,
            "percent": {"min": 1.5, "max": 2},
            "placebo_percent": {"min": 0, "max": 0.5},
            "context": "Added by the round-trip test overlay.",
            "sources": [OVERLAY_SOURCE]
        }],
        "contraindications": [{
            "agent": "racemic_ketamine",
            "text": "Added by the round-trip test overlay.",
            "sources": [OVERLAY_SOURCE]
        }],
        "monitoring": [{
            "agent": "racemic_ketamine",
            "routes": [monitored_route],
            "kind": "observation",
            "standing": "observed_in_studies",
            "text": "Added by the round-trip test overlay.",
            "timing": {"min": "30min", "max": "1h", "sources": [OVERLAY_SOURCE]},
            "sources": [OVERLAY_SOURCE]
        }],
        "aliases": [{"entity": "route", "id": "intravenous", "alias": "roundtrip drip"}]
    });
    (doc.to_string(), (c, a, r), risk)
}

#[test]
fn overlaid_knowledge_base_round_trips_through_json() {
    let base = KnowledgeBase::embedded();
    let (text, (c, a, r), risk) = overlay(base);
    let kb = base
        .with_overlay("roundtrip-overlay.json", &text)
        .unwrap_or_else(|e| panic!("the test overlay does not load: {e}\n{text}"));

    // The overlay took effect, and the base is unchanged.
    assert!(kb.source(OVERLAY_SOURCE).is_some());
    assert!(base.source(OVERLAY_SOURCE).is_none());
    assert!(
        kb.routes_for(c)
            .iter()
            .any(|i| i.agent() == a && i.route() == r)
    );
    assert!(kb.conditions_for(r).contains(&c));
    assert_eq!(kb.indications().count(), base.indications().count() + 1);
    assert_eq!(
        kb.risk(risk).frequencies().len(),
        base.risk(risk).frequencies().len() + 1
    );
    assert_eq!(
        kb.contraindications(Agent::RacemicKetamine).count(),
        base.contraindications(Agent::RacemicKetamine).count() + 1
    );
    assert_eq!(
        kb.monitoring(Agent::RacemicKetamine).count(),
        base.monitoring(Agent::RacemicKetamine).count() + 1
    );
    assert_eq!(
        kb.lookup("Roundtrip-Drip").ok(),
        Some(Entity::Route(Route::Intravenous))
    );
    assert!(base.lookup("roundtrip drip").is_err());
    assert!(&kb != base);

    assert_round_trip(&kb, "overlaid");
}

/// The data files' records by section (`mechanism` as a one-record section).
fn file_sections() -> BTreeMap<String, Vec<Value>> {
    let mut sections: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut paths: Vec<_> = std::fs::read_dir(DATA_DIR)
        .expect("data/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("readable");
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        for (section, value) in doc.as_object().expect("an object") {
            let entry = sections.entry(section.clone()).or_default();
            match value {
                Value::Array(items) => entry.extend(items.iter().cloned()),
                other => entry.push(other.clone()),
            }
        }
    }
    sections
}

/// JSON does not tell 100 from 100.0, but `serde_json::Value` does; compare numbers by
/// value.
fn numbers_as_f64(value: &Value) -> Value {
    match value {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| value.clone(), Value::Number),
        Value::Array(items) => Value::Array(items.iter().map(numbers_as_f64).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), numbers_as_f64(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Matches each serialised record with an equal, unused record of the file section.
fn match_section(
    section: &str,
    records: Vec<Value>,
    file: &[Value],
    problems: &mut Vec<String>,
    representation_only: &mut usize,
) {
    if records.len() != file.len() {
        problems.push(format!(
            "{section}: {} records in the knowledge base, {} in the files",
            records.len(),
            file.len()
        ));
    }
    let normalised: Vec<Value> = file.iter().map(numbers_as_f64).collect();
    let mut used = vec![false; file.len()];
    for record in records {
        let exact = (0..file.len()).find(|&i| !used[i] && file[i] == record);
        let by_value = || {
            let n = numbers_as_f64(&record);
            (0..file.len()).find(|&i| !used[i] && normalised[i] == n)
        };
        match exact.or_else(|| {
            let i = by_value();
            if i.is_some() {
                *representation_only += 1;
            }
            i
        }) {
            Some(i) => used[i] = true,
            None => {
                let n = numbers_as_f64(&record);
                let detail = (0..file.len())
                    .find(|&i| !used[i] && identity(&normalised[i]) == identity(&n))
                    .and_then(|i| first_difference(&normalised[i], &n, identity(&n)))
                    .unwrap_or_else(|| format!("no file record like {record}"));
                problems.push(format!("{section}: {detail} (file vs serialised)"));
            }
        }
    }
}

/// A readable identity of a record: its id, or its (condition, agent, route), or its
/// agent and kind or text.
fn identity(record: &Value) -> String {
    let text = |k: &str| record.get(k).and_then(Value::as_str).unwrap_or("");
    if let Some(id) = record.get("id").and_then(Value::as_str) {
        return id.to_owned();
    }
    if let Some(name) = record.get("name").and_then(Value::as_str) {
        return name.to_owned();
    }
    if record.get("condition").is_some() {
        return format!("{}/{}/{}", text("condition"), text("agent"), text("route"));
    }
    match record.get("kind").and_then(Value::as_str) {
        Some(kind) => format!("{}/{kind}/{}", text("agent"), text("text")),
        None => format!("{}/{}", text("agent"), text("text")),
    }
}

fn values<T: Serialize>(items: impl IntoIterator<Item = T>) -> Vec<Value> {
    items
        .into_iter()
        .map(|x| serde_json::to_value(x).expect("serialises"))
        .collect()
}

#[test]
fn every_record_serialises_to_its_data_file_form() {
    let kb = KnowledgeBase::embedded();
    let files = file_sections();
    let section = |name: &str| files.get(name).cloned().unwrap_or_default();
    let mut problems = Vec::new();
    let mut representation_only = 0;
    let mut check = |name: &str, records: Vec<Value>| {
        match_section(
            name,
            records,
            &section(name),
            &mut problems,
            &mut representation_only,
        );
    };
    check("sources", values(kb.sources()));
    check("agents", values(kb.agents()));
    check("mechanism", values([kb.mechanism()]));
    check("routes", values(kb.routes()));
    check("groups", values(kb.groups()));
    check("conditions", values(kb.conditions()));
    check("indications", values(kb.indications()));
    check("benefits", values(kb.benefits()));
    check("risks", values(kb.risks()));
    check(
        "contraindications",
        values(Agent::iter().flat_map(|a| kb.contraindications(a))),
    );
    check(
        "monitoring",
        values(Agent::iter().flat_map(|a| kb.monitoring(a))),
    );
    check("interactants", values(kb.interactants()));
    check(
        "interactions",
        values(Agent::iter().flat_map(|a| kb.interactions(a))),
    );
    check(
        "populations",
        values(Agent::iter().flat_map(|a| kb.populations(a))),
    );
    check("dosing", values(Agent::iter().flat_map(|a| kb.regimens(a))));
    check("medicines", values(kb.medicines()));
    check("brands", values(kb.brands()));
    let known = [
        "sources",
        "agents",
        "mechanism",
        "routes",
        "groups",
        "conditions",
        "indications",
        "benefits",
        "risks",
        "contraindications",
        "monitoring",
        "interactants",
        "interactions",
        "populations",
        "dosing",
        "medicines",
        "brands",
    ];
    for name in files.keys() {
        if !known.contains(&name.as_str()) {
            problems.push(format!("section `{name}` is not checked by this test"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Whole numbers written as `100` in the files serialise as `100.0` from an f64;
    // the same JSON number, and the loader reads both.
    println!("{representation_only} records differ only in how whole numbers are written");
}

/// A record deserialised from its own serialisation is equal to it.
#[test]
fn records_round_trip_through_serde() {
    fn check<T>(items: impl IntoIterator<Item = T>)
    where
        T: std::ops::Deref,
        T::Target: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + Sized,
    {
        for item in items {
            let json = serde_json::to_string(&*item).expect("serialises");
            let back: T::Target = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{json} does not deserialise: {e}"));
            assert_eq!(&back, &*item);
            assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
        }
    }
    let kb = KnowledgeBase::embedded();
    check(kb.sources());
    check(kb.agents());
    check([kb.mechanism()]);
    check(kb.routes());
    check(kb.groups());
    check(kb.conditions());
    check(kb.indications());
    check(kb.benefits());
    check(kb.risks());
    check(Agent::iter().flat_map(|a| kb.contraindications(a)));
    check(Agent::iter().flat_map(|a| kb.monitoring(a)));
    // Every sourced record keeps its citations through the round trip.
    for ind in kb.indications() {
        let back: ketamine_therapy::Indication =
            serde_json::from_value(serde_json::to_value(ind).expect("serialises"))
                .expect("deserialises");
        assert_eq!(back.sources(), ind.sources());
        assert_eq!(back.negative_findings(), ind.negative_findings());
    }
}
