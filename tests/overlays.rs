//! Overlays read back (issue 15): every record an overlay adds is found by the query
//! that answers for it, field for field as written, and survives a serde round trip;
//! and the two answers besides "recorded" that `documented()` gives, "none documented"
//! and "not recorded", each come from a data set that makes them.

use ketamine_therapy::model::Topic;
use ketamine_therapy::{Agent, Documented, KnowledgeBase, Risk, Route, Sourced};
use serde_json::{Value, json};

fn data(file: &str) -> Value {
    let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The first record of a section of a data file, as its JSON, with a field changed so
/// that the copy is told apart from the original.
fn record(file: &str, section: &str, field: &str, value: &str) -> Value {
    let mut r = data(file)[section][0].clone();
    r[field] = json!(value);
    r
}

const SOURCE: &str = "OVERLAY-TEST-SOURCE";

fn overlay() -> Value {
    json!({
        "sources": [{
            "id": SOURCE,
            // A regulator document, so that records keep their label standing.
            "kind": "regulator",
            "document": "TEST-0001",
            "authors": "Test Regulator (fictional)",
            "title": "A made-up source for the overlay tests",
            "venue": "tests/overlays.rs",
            "url": "https://example.org/overlay-test"
        }],
        "contraindications": [
            with_source(record("safety.json", "contraindications", "text", "Overlay contraindication."))
        ],
        "monitoring": [
            with_source(record("safety.json", "monitoring", "text", "Overlay monitoring."))
        ],
        "interactions": [
            with_source(record("interactions.json", "interactions", "effect", "Overlay effect."))
        ],
        "populations": [
            with_source(record("populations.json", "populations", "text", "Overlay population."))
        ],
        "dosing": [
            with_source(record("dosing.json", "dosing", "schedule", "overlay schedule"))
        ],
        "risk_frequencies": [{
            "risk": "dissociation",
            "agent": "esketamine",
            "route": "intranasal",
            "percent": {"min": 12.5, "max": 30.0},
            "placebo_percent": {"min": 1.25, "max": 2.0},
            "context": "Overlay frequency with a placebo rate.",
            "sources": [SOURCE]
        }]
    })
}

fn with_source(mut r: Value) -> Value {
    r["sources"] = json!([SOURCE]);
    r
}

/// The one record of `all` (as JSON) that equals `written`.
fn read_back<'a, T: serde::Serialize + Sourced + 'a>(
    what: &str,
    all: impl Iterator<Item = &'a T>,
    written: &Value,
) {
    let found: Vec<Value> = all
        .filter(|r| r.sources() == [SOURCE])
        .map(|r| serde_json::to_value(r).unwrap())
        .collect();
    assert_eq!(
        found,
        std::slice::from_ref(written),
        "{what}: the overlay's record, as written"
    );
}

fn loaded() -> KnowledgeBase {
    KnowledgeBase::embedded()
        .with_overlay("overlay.json", &overlay().to_string())
        .unwrap()
}

#[test]
fn every_section_an_overlay_adds_reads_back_as_written() {
    let kb = loaded();
    let o = overlay();
    let agent_of = |r: &Value| -> Agent { serde_json::from_value(r["agent"].clone()).unwrap() };

    let c = &o["contraindications"][0];
    read_back("contraindication", kb.contraindications(agent_of(c)), c);
    let m = &o["monitoring"][0];
    read_back("monitoring", kb.monitoring(agent_of(m)), m);
    let i = &o["interactions"][0];
    read_back("interaction", kb.interactions(agent_of(i)), i);
    let p = &o["populations"][0];
    read_back("population", kb.populations(agent_of(p)), p);
    let d = &o["dosing"][0];
    read_back("regimen", kb.regimens(agent_of(d)), d);

    let mut f = o["risk_frequencies"][0].clone();
    f.as_object_mut().unwrap().remove("risk");
    read_back(
        "risk frequency",
        kb.risk(Risk::Dissociation).frequencies().iter(),
        &f,
    );
    let added = kb
        .risk(Risk::Dissociation)
        .frequencies()
        .iter()
        .find(|f| f.sources() == [SOURCE])
        .unwrap();
    assert_eq!(added.placebo_percent().unwrap().to_string(), "1.25-2%");
    assert_eq!(added.percent().to_string(), "12.5-30%");
    assert_eq!(
        (added.agent(), added.route()),
        (Agent::Esketamine, Route::Intranasal)
    );

    // Each query counts one more record than the embedded data.
    let base = KnowledgeBase::embedded();
    for agent in [Agent::RacemicKetamine, Agent::Esketamine] {
        for topic in [
            Topic::Contraindications,
            Topic::Interactions,
            Topic::Populations,
            Topic::Dosing,
        ] {
            let count = |kb: &KnowledgeBase| match kb.documented(agent, topic) {
                Documented::Recorded(n) => n,
                _ => 0,
            };
            let extra = o[match topic {
                Topic::Contraindications => "contraindications",
                Topic::Interactions => "interactions",
                Topic::Populations => "populations",
                _ => "dosing",
            }]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| agent_of(r) == agent)
            .count();
            assert_eq!(count(&kb), count(base) + extra, "{agent:?} {topic:?}");
        }
    }
    assert_eq!(kb.source(SOURCE).map(|s| s.id()), Some(SOURCE));
}

#[test]
fn an_overlaid_knowledge_base_round_trips() {
    let kb = loaded();
    let json = serde_json::to_string(&kb).unwrap();
    let again = KnowledgeBase::from_json_str("again.json", &json).unwrap();
    assert!(again == kb, "the overlaid knowledge base loads back equal");
    assert!(again != *KnowledgeBase::embedded());
    let freq = again
        .risk(Risk::Dissociation)
        .frequencies()
        .iter()
        .find(|f| f.sources() == [SOURCE])
        .expect("the added frequency survives the round trip");
    assert!(freq.placebo_percent().is_some());
    assert_eq!(
        again
            .contraindications(Agent::RacemicKetamine)
            .as_slice()
            .len()
            + again.contraindications(Agent::Esketamine).as_slice().len(),
        kb.contraindications(Agent::RacemicKetamine)
            .as_slice()
            .len()
            + kb.contraindications(Agent::Esketamine).as_slice().len()
    );
}

/// The embedded data files, with `edit` applied to their JSON.
fn edited(edit: impl Fn(&str, &mut Value)) -> KnowledgeBase {
    let files: Vec<(String, String)> = KnowledgeBase::embedded_files()
        .iter()
        .map(|(name, _)| {
            let mut v = data(name.trim_start_matches("data/"));
            edit(name, &mut v);
            ((*name).to_owned(), v.to_string())
        })
        .collect();
    KnowledgeBase::from_json_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str()))).unwrap()
}

#[test]
fn documented_tells_none_from_not_recorded() {
    // Racemic ketamine's interactions removed: its review of interactions stays, so
    // the sources were checked and list none. Its populations removed with their
    // review: nothing was checked, so they are not recorded.
    let kb = edited(|name, v| {
        let drop_racemic = |list: &mut Value| {
            list.as_array_mut()
                .unwrap()
                .retain(|r| r["agent"] != "racemic_ketamine");
        };
        if name.ends_with("interactions.json") {
            drop_racemic(&mut v["interactions"]);
        }
        if name.ends_with("populations.json") {
            drop_racemic(&mut v["populations"]);
        }
        if name.ends_with("agents.json") {
            for a in v["agents"].as_array_mut().unwrap() {
                if a["id"] == "racemic_ketamine" {
                    a["reviewed"]
                        .as_array_mut()
                        .unwrap()
                        .retain(|r| r["topic"] != "populations");
                }
            }
        }
    });
    let racemic = Agent::RacemicKetamine;
    let Documented::NoneDocumented(review) = kb.documented(racemic, Topic::Interactions) else {
        panic!("{:?}", kb.documented(racemic, Topic::Interactions));
    };
    assert_eq!(review.topic(), Topic::Interactions);
    assert_eq!(review.sources(), ["KETALAR-PI-HSI"]);
    assert_eq!(
        kb.interactions(racemic).documented(),
        Documented::NoneDocumented(review)
    );
    assert_eq!(kb.interactions(racemic).count(), 0);
    assert!(kb.interactions(racemic).documented().is_known());

    assert_eq!(
        kb.documented(racemic, Topic::Interactions).to_string(),
        "documented: none"
    );

    assert_eq!(
        kb.documented(racemic, Topic::Populations),
        Documented::NotRecorded
    );
    assert_eq!(
        kb.documented(racemic, Topic::Populations).to_string(),
        "not recorded in this data"
    );
    assert_eq!(
        kb.populations(racemic).documented(),
        Documented::NotRecorded
    );
    assert!(!kb.populations(racemic).documented().is_known());

    // The other agent and topics are untouched.
    assert!(matches!(
        kb.documented(Agent::Esketamine, Topic::Interactions),
        Documented::Recorded(3)
    ));
    assert!(matches!(
        kb.documented(racemic, Topic::Contraindications),
        Documented::Recorded(4)
    ));
    assert!(kb.contraindications(racemic).documented().is_known());
}
