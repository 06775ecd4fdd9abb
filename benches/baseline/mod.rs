//! The two reference points each benchmarked operation is measured against, in the
//! same run:
//!
//! * **limit**: the fastest conceivable answer, a hand-written `static` table indexed
//!   by the enum (record getters) or a precomputed `static` slice of the answer
//!   (relation queries). No library can beat these; they bound what "fast" means.
//! * **Value walk**: what a user without this crate would write: the same `data/*.json`
//!   bytes parsed into `serde_json::Value`, and the same question answered by walking
//!   it. The walks are written charitably: no allocation, no sorting, early exit where
//!   a user could stop, `&str` answers instead of typed ones.
//!
//! The tables are tiny on purpose and are checked against the knowledge base before
//! anything is timed ([`check`]), so a data change that makes them stale stops the
//! bench instead of producing a meaningless comparison.

pub mod scaled;
pub mod screening;

use std::sync::LazyLock;

use ketamine_therapy::{Agent, Benefit, Condition, Entity, Evidence, KnowledgeBase, Risk, Route};
use serde_json::Value;

/// The embedded data files: the bytes the crate itself loads.
pub fn files() -> &'static [(&'static str, &'static str)] {
    KnowledgeBase::embedded_files()
}

// ---------------------------------------------------------------------------------
// Limit references: hand-written static tables and precomputed static answers.
// ---------------------------------------------------------------------------------

/// REFERENCE ONLY: a hand-written route record with a few fields.
#[derive(Debug)]
pub struct StaticRoute {
    pub id: Route,
    pub name: &'static str,
    pub bioavailability_max: Option<f64>,
}

/// REFERENCE ONLY: the route table, indexed by `route as usize`.
pub static ROUTES: [StaticRoute; 6] = [
    StaticRoute {
        id: Route::Intravenous,
        name: "intravenous",
        bioavailability_max: Some(100.0),
    },
    StaticRoute {
        id: Route::Intranasal,
        name: "intranasal",
        bioavailability_max: Some(48.0),
    },
    StaticRoute {
        id: Route::Intramuscular,
        name: "intramuscular",
        bioavailability_max: None,
    },
    StaticRoute {
        id: Route::Subcutaneous,
        name: "subcutaneous",
        bioavailability_max: None,
    },
    StaticRoute {
        id: Route::Oral,
        name: "oral",
        bioavailability_max: Some(24.0),
    },
    StaticRoute {
        id: Route::Sublingual,
        name: "sublingual",
        bioavailability_max: Some(30.0),
    },
];

/// REFERENCE ONLY: agent names, indexed by `agent as usize`.
pub static AGENT_NAMES: [&str; 2] = ["racemic ketamine", "esketamine"];

/// REFERENCE ONLY: condition names, indexed by `condition as usize`.
pub static CONDITION_NAMES: [&str; 11] = [
    "major depressive disorder",
    "treatment-resistant depression",
    "depression with acute suicidal ideation or behaviour",
    "generalized anxiety disorder",
    "social anxiety disorder",
    "post-traumatic stress disorder",
    "bipolar depression",
    "obsessive-compulsive disorder",
    "fibromyalgia",
    "complex regional pain syndrome",
    "migraine",
];

/// REFERENCE ONLY: benefit names, indexed by `benefit as usize`.
pub static BENEFIT_NAMES: [&str; 4] = [
    "rapid relief",
    "neuroplasticity",
    "non-monoaminergic mechanism",
    "reduction of suicidal ideation",
];

/// REFERENCE ONLY: risk names, indexed by `risk as usize`.
pub static RISK_NAMES: [&str; 26] = [
    "dissociation",
    "nausea and vomiting",
    "raised blood pressure and heart rate",
    "dizziness and fatigue",
    "addiction potential",
    "sedation",
    "vertigo",
    "respiratory depression",
    "bladder and urinary-tract toxicity",
    "cognitive impairment",
    "harm in pregnancy",
    "impaired ability to drive",
    "emergence reactions",
    "tolerance and dependence",
    "suicidal thoughts and behaviours",
    "drug-induced liver injury",
    "neurotoxicity in young children",
    "raised intracranial pressure",
    "airway complications",
    "persistent psychiatric adverse events",
    "numbness",
    "anxiety as a side effect",
    "lethargy",
    "feeling drunk",
    "bradycardia",
    "seizure",
];

/// REFERENCE ONLY: the precomputed answer of
/// `routes_for(Condition::TreatmentResistantDepression)`, strongest evidence first.
pub static TRD_ROUTES: &[(Agent, Route, Evidence)] = &[
    (
        Agent::Esketamine,
        Route::Intranasal,
        Evidence::RegulatoryApproval,
    ),
    (Agent::RacemicKetamine, Route::Intravenous, Evidence::Strong),
    (
        Agent::RacemicKetamine,
        Route::Subcutaneous,
        Evidence::Limited,
    ),
    (Agent::RacemicKetamine, Route::Oral, Evidence::Limited),
    (
        Agent::RacemicKetamine,
        Route::Sublingual,
        Evidence::Insufficient,
    ),
    (
        Agent::Esketamine,
        Route::Subcutaneous,
        Evidence::Insufficient,
    ),
];

/// REFERENCE ONLY: the precomputed answer of `conditions_for(Route::Intravenous)`.
pub static IV_CONDITIONS: &[Condition] = &[
    Condition::MajorDepressiveDisorder,
    Condition::TreatmentResistantDepression,
    Condition::DepressionWithSuicidalIdeation,
    Condition::SocialAnxietyDisorder,
    Condition::Ptsd,
    Condition::BipolarDepression,
    Condition::Ocd,
    Condition::Fibromyalgia,
    Condition::Crps,
    Condition::Migraine,
];

/// REFERENCE ONLY: the precomputed answer of
/// `risks_for(Agent::Esketamine, Route::Intranasal)`.
pub static ESKETAMINE_NASAL_RISKS: &[Risk] = &[
    Risk::Dissociation,
    Risk::AbuseAddiction,
    Risk::Sedation,
    Risk::RespiratoryDepression,
    Risk::SuicidalThoughts,
    Risk::BloodPressureHeartRate,
    Risk::UrinaryTractToxicity,
    Risk::CognitiveImpairment,
    Risk::PregnancyHarm,
    Risk::ImpairedDriving,
    Risk::NauseaVomiting,
    Risk::DizzinessFatigue,
    Risk::Vertigo,
    Risk::ToleranceDependence,
    Risk::Hypoesthesia,
    Risk::Anxiety,
    Risk::Lethargy,
    Risk::FeelingDrunk,
    Risk::Bradycardia,
    Risk::Seizure,
];

/// REFERENCE ONLY: the precomputed answer of
/// `benefits_for(Condition::TreatmentResistantDepression)`.
pub static TRD_BENEFITS: &[Benefit] = &[
    Benefit::RapidRelief,
    Benefit::Neuroplasticity,
    Benefit::NovelMechanism,
];

/// One indication reduced to the fields the iteration bench reads.
pub type Quad = (Condition, Agent, Route, Evidence);

/// REFERENCE ONLY: every indication as a precomputed slice of plain tuples. Too long
/// to write by hand, so it is copied from the knowledge base once, before timing; the
/// layout (a contiguous slice of 4-byte tuples) is what makes it the limit.
pub static ALL_INDICATIONS: LazyLock<&'static [Quad]> = LazyLock::new(|| {
    let kb = KnowledgeBase::embedded();
    let all: Vec<Quad> = kb
        .indications()
        .map(|i| (i.condition(), i.agent(), i.route(), i.evidence()))
        .collect();
    Vec::leak(all)
});

/// REFERENCE ONLY: the source ids, sorted, as the leanest layout for a binary search
/// by string (a string key has no enum to index by). Copied from the data once.
pub static SOURCE_IDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| {
    let mut ids: Vec<&'static str> = KnowledgeBase::embedded()
        .sources()
        .map(|s| s.id())
        .collect();
    ids.sort_unstable();
    Vec::leak(ids)
});

/// The limit answer for a source id: its position in [`SOURCE_IDS`].
pub fn static_source(id: &str) -> Option<usize> {
    SOURCE_IDS.binary_search(&id).ok()
}

// ---------------------------------------------------------------------------------
// Value-walk references: the same files as `serde_json::Value`.
// ---------------------------------------------------------------------------------

/// The data files parsed into `serde_json::Value`, one per file, as a user would.
#[derive(Debug)]
pub struct ValueData {
    pub sources: Value,
    pub agents: Value,
    pub routes: Value,
    pub conditions: Value,
    pub indications: Value,
    pub benefits: Value,
    pub risks: Value,
}

/// Parses every data file into a `Value` (the cold-load reference).
pub fn parse_values() -> Vec<Value> {
    files()
        .iter()
        .map(|(_, text)| serde_json::from_str(text).expect("data files are JSON"))
        .collect()
}

impl ValueData {
    pub fn parse() -> Self {
        let values = parse_values();
        let file = |name: &str| {
            files()
                .iter()
                .zip(&values)
                .find(|((n, _), _)| *n == name)
                .map(|(_, v)| v.clone())
                .expect("a data file of the embedded set")
        };
        // The bibliography is spread over every file with a `sources` section (the
        // general list, the labels, the vocabulary's); a user would join them once.
        let mut all = Vec::new();
        for value in &values {
            if let Some(Value::Array(list)) = value.get("sources") {
                all.extend(list.iter().cloned());
            }
        }
        let sources = serde_json::json!({ "sources": all });
        ValueData {
            sources,
            agents: file("data/agents.json"),
            routes: file("data/routes.json"),
            conditions: file("data/conditions.json"),
            indications: file("data/indications.json"),
            benefits: file("data/benefits.json"),
            risks: file("data/risks.json"),
        }
    }
}

fn array<'v>(file: &'v Value, section: &str) -> &'v [Value] {
    file.get(section)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn text<'v>(record: &'v Value, key: &str) -> &'v str {
    record.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list_contains(record: &Value, key: &str, wanted: &str) -> bool {
    record
        .get(key)
        .and_then(Value::as_array)
        .is_some_and(|items| items.iter().any(|x| x.as_str() == Some(wanted)))
}

/// The record with `id` in `section`, by a linear scan.
pub fn value_record<'v>(file: &'v Value, section: &str, id: &str) -> Option<&'v Value> {
    array(file, section).iter().find(|r| text(r, "id") == id)
}

/// The name of the record with `id` (the Value-walk record getter).
pub fn value_name<'v>(file: &'v Value, section: &str, id: &str) -> Option<&'v str> {
    value_record(file, section, id).map(|r| text(r, "name"))
}

/// The indications of a condition, as `(agent, route, evidence)` in file order.
pub fn value_routes_for<'v>(
    v: &'v ValueData,
    condition: &str,
    mut out: impl FnMut(&'v str, &'v str, &'v str),
) {
    for i in array(&v.indications, "indications") {
        if text(i, "condition") == condition {
            out(text(i, "agent"), text(i, "route"), text(i, "evidence"));
        }
    }
}

/// The conditions, in declaration order, with an indication by `route`.
pub fn value_conditions_for<'v>(v: &'v ValueData, route: &str, mut out: impl FnMut(&'v str)) {
    let indications = array(&v.indications, "indications");
    for c in array(&v.conditions, "conditions") {
        let id = text(c, "id");
        if indications
            .iter()
            .any(|i| text(i, "route") == route && text(i, "condition") == id)
        {
            out(id);
        }
    }
}

/// The risks that apply to an agent given by a route: a scope of the agent whose
/// routes list the route, or that lists none and the agent is given by the route.
pub fn value_risks_for<'v>(
    v: &'v ValueData,
    agent: &str,
    route: &str,
    mut out: impl FnMut(&'v str),
) {
    let given = value_record(&v.agents, "agents", agent)
        .is_some_and(|a| array(a, "routes").iter().any(|r| text(r, "route") == route));
    for r in array(&v.risks, "risks") {
        let applies = array(r, "applies").iter().any(|s| {
            text(s, "agent") == agent
                && match s.get("routes") {
                    Some(_) => list_contains(s, "routes", route),
                    None => given,
                }
        });
        if applies {
            out(text(r, "id"));
        }
    }
}

/// The benefits that concern a condition.
pub fn value_benefits_for<'v>(v: &'v ValueData, condition: &str, mut out: impl FnMut(&'v str)) {
    for b in array(&v.benefits, "benefits") {
        if list_contains(b, "conditions", condition) {
            out(text(b, "id"));
        }
    }
}

/// Every indication as `(condition, agent, route, evidence)`.
pub fn value_indications<'v>(
    v: &'v ValueData,
    mut out: impl FnMut(&'v str, &'v str, &'v str, &'v str),
) {
    for i in array(&v.indications, "indications") {
        out(
            text(i, "condition"),
            text(i, "agent"),
            text(i, "route"),
            text(i, "evidence"),
        );
    }
}

/// The source with `id`, by a linear scan.
pub fn value_source<'v>(v: &'v ValueData, id: &str) -> Option<&'v Value> {
    value_record(&v.sources, "sources", id)
}

/// Name lookup as a user would write it: a linear scan over every named section,
/// comparing names and aliases ignoring ASCII case; returns `(section, id)`.
pub fn value_lookup<'v>(v: &'v ValueData, name: &str) -> Option<(&'static str, &'v str)> {
    let sections: [(&'static str, &'v Value); 6] = [
        ("agents", &v.agents),
        ("routes", &v.routes),
        ("groups", &v.conditions),
        ("conditions", &v.conditions),
        ("benefits", &v.benefits),
        ("risks", &v.risks),
    ];
    for (section, file) in sections {
        for record in array(file, section) {
            let hit = text(record, "name").eq_ignore_ascii_case(name)
                || record
                    .get("aliases")
                    .and_then(Value::as_array)
                    .is_some_and(|aliases| {
                        aliases
                            .iter()
                            .any(|a| a.as_str().is_some_and(|a| a.eq_ignore_ascii_case(name)))
                    });
            if hit {
                return Some((section, text(record, "id")));
            }
        }
    }
    None
}

/// The section and id of an entity, to compare [`value_lookup`] with `kb.lookup`.
pub fn section_and_id(entity: Entity) -> (&'static str, &'static str) {
    let section = match entity {
        Entity::Agent(_) => "agents",
        Entity::Route(_) => "routes",
        Entity::ConditionGroup(_) => "groups",
        Entity::Condition(_) => "conditions",
        Entity::Benefit(_) => "benefits",
        Entity::Risk(_) => "risks",
        _ => "?",
    };
    (section, entity.id())
}

// ---------------------------------------------------------------------------------
// Inputs shared by the bench and the check.
// ---------------------------------------------------------------------------------

/// Every canonical name of every named entity, as written in the data.
pub fn canonical_names(kb: &KnowledgeBase) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    names.extend(kb.agents().map(|r| r.name()));
    names.extend(kb.routes().map(|r| r.name()));
    names.extend(kb.groups().map(|r| r.name()));
    names.extend(kb.conditions().map(|r| r.name()));
    names.extend(kb.benefits().map(|r| r.name()));
    names.extend(kb.risks().map(|r| r.name()));
    names
}

/// Every alias of every named entity in another ASCII case: lower case if the alias
/// has an upper-case letter, else upper case ("spravato", "iv", "trd", "NAUSEA").
pub fn aliases_other_case(kb: &KnowledgeBase) -> Vec<String> {
    let mut aliases: Vec<&str> = Vec::new();
    for list in kb
        .agents()
        .map(|r| r.aliases())
        .chain(kb.routes().map(|r| r.aliases()))
        .chain(kb.groups().map(|r| r.aliases()))
        .chain(kb.conditions().map(|r| r.aliases()))
        .chain(kb.benefits().map(|r| r.aliases()))
        .chain(kb.risks().map(|r| r.aliases()))
    {
        aliases.extend(list.iter().map(String::as_str));
    }
    aliases
        .into_iter()
        .map(|a| {
            if a.bytes().any(|b| b.is_ascii_uppercase()) {
                a.to_ascii_lowercase()
            } else {
                a.to_ascii_uppercase()
            }
        })
        .collect()
}

/// A spread of source ids across the bibliography (every 18th).
pub fn sample_source_ids(kb: &KnowledgeBase) -> Vec<&str> {
    kb.sources().step_by(18).map(|s| s.id()).collect()
}

/// Misses for the suggestion bench: a short typo and a long one.
pub const MISS_SHORT: &str = "spravto";
pub const MISS_LONG: &str = "treatment resistent depresion";

// ---------------------------------------------------------------------------------
// The check: every reference answers the same question as the crate.
// ---------------------------------------------------------------------------------

/// The id of an evidence level as written in `data/` (its serde name).
fn evidence_id(evidence: Evidence) -> String {
    match serde_json::to_value(evidence) {
        Ok(Value::String(id)) => id,
        other => panic!("evidence serialises to a string, not {other:?}"),
    }
}

/// Panics if a reference table or walk disagrees with the knowledge base.
pub fn check(kb: &KnowledgeBase, v: &ValueData) {
    check_tables(kb, v);
    check_relations(kb, v);
    check_lookups(kb, v);
}

/// The static tables and the Value data name every record as the crate does.
fn check_tables(kb: &KnowledgeBase, v: &ValueData) {
    let stale = "a reference table in benches/baseline/mod.rs is stale; update it from data/";
    for r in Route::ALL {
        let rec = kb.route(r);
        let row = &ROUTES[r as usize];
        assert_eq!((row.id, row.name), (r, rec.name()), "{stale}");
        assert_eq!(
            row.bioavailability_max,
            rec.bioavailability().map(|b| b.range().max()),
            "{stale}"
        );
        assert_eq!(value_name(&v.routes, "routes", r.id()), Some(rec.name()));
    }
    for a in Agent::ALL {
        assert_eq!(AGENT_NAMES[a as usize], kb.agent(a).name(), "{stale}");
        assert_eq!(
            value_name(&v.agents, "agents", a.id()),
            Some(kb.agent(a).name())
        );
    }
    for c in Condition::ALL {
        assert_eq!(
            CONDITION_NAMES[c as usize],
            kb.condition(c).name(),
            "{stale}"
        );
        assert_eq!(
            value_name(&v.conditions, "conditions", c.id()),
            Some(kb.condition(c).name())
        );
    }
    for b in Benefit::ALL {
        assert_eq!(BENEFIT_NAMES[b as usize], kb.benefit(b).name(), "{stale}");
        assert_eq!(
            value_name(&v.benefits, "benefits", b.id()),
            Some(kb.benefit(b).name())
        );
    }
    for r in Risk::ALL {
        assert_eq!(RISK_NAMES[r as usize], kb.risk(r).name(), "{stale}");
        assert_eq!(
            value_name(&v.risks, "risks", r.id()),
            Some(kb.risk(r).name())
        );
    }
    for id in sample_source_ids(kb) {
        assert!(kb.source(id).is_some() && static_source(id).is_some());
        assert_eq!(value_source(v, id).map(|s| text(s, "id")), Some(id));
    }
}

/// The relation queries: the static answers and the Value walks agree with the crate.
fn check_relations(kb: &KnowledgeBase, v: &ValueData) {
    let stale = "a reference table in benches/baseline/mod.rs is stale; update it from data/";
    let trd = Condition::TreatmentResistantDepression;
    let ours: Vec<_> = kb
        .routes_for(trd)
        .iter()
        .map(|i| (i.agent(), i.route(), i.evidence()))
        .collect();
    assert_eq!(ours, TRD_ROUTES, "{stale}");
    let mut walked = Vec::new();
    value_routes_for(v, trd.id(), |a, r, e| walked.push((a, r, e.to_owned())));
    let mut ours_ids: Vec<_> = ours
        .iter()
        .map(|(a, r, e)| (a.id(), r.id(), evidence_id(*e)))
        .collect();
    // The walk does not sort by evidence (charitably: the file is nearly in order).
    walked.sort_unstable();
    ours_ids.sort_unstable();
    assert_eq!(
        walked, ours_ids,
        "the Value walk must answer the same question"
    );

    assert_eq!(
        kb.conditions_for(Route::Intravenous),
        IV_CONDITIONS,
        "{stale}"
    );
    let mut walked = Vec::new();
    value_conditions_for(v, Route::Intravenous.id(), |c| walked.push(c));
    let ours_ids: Vec<_> = IV_CONDITIONS.iter().map(|c| c.id()).collect();
    assert_eq!(walked, ours_ids);

    let ours: Vec<Risk> = kb
        .risks_for(Agent::Esketamine, Route::Intranasal)
        .map(|r| r.id())
        .collect();
    assert_eq!(ours, ESKETAMINE_NASAL_RISKS, "{stale}");
    let mut walked = Vec::new();
    value_risks_for(v, Agent::Esketamine.id(), Route::Intranasal.id(), |r| {
        walked.push(r)
    });
    let mut ours_ids: Vec<_> = ours.iter().map(|r| r.id()).collect();
    // The walk keeps file order; the crate orders by standing, most serious first.
    walked.sort_unstable();
    ours_ids.sort_unstable();
    assert_eq!(walked, ours_ids);

    let ours: Vec<Benefit> = kb.benefits_for(trd).map(|b| b.id()).collect();
    assert_eq!(ours, TRD_BENEFITS, "{stale}");
    let mut walked = Vec::new();
    value_benefits_for(v, trd.id(), |b| walked.push(b));
    let ours_ids: Vec<_> = ours.iter().map(|b| b.id()).collect();
    assert_eq!(walked, ours_ids);

    let ours: Vec<Quad> = kb
        .indications()
        .map(|i| (i.condition(), i.agent(), i.route(), i.evidence()))
        .collect();
    assert_eq!(ours, *ALL_INDICATIONS);
    let mut walked = Vec::new();
    value_indications(v, |c, a, r, e| walked.push((c, a, r, e.to_owned())));
    let mut ours_ids: Vec<_> = ours
        .iter()
        .map(|(c, a, r, e)| (c.id(), a.id(), r.id(), evidence_id(*e)))
        .collect();
    // The crate orders by condition, strongest first; the file may differ in order.
    walked.sort_unstable();
    ours_ids.sort_unstable();
    assert_eq!(walked, ours_ids);
}

/// Lookups of names, aliases and misses: the Value walk finds what the crate finds.
fn check_lookups(kb: &KnowledgeBase, v: &ValueData) {
    for name in canonical_names(kb) {
        let hit = kb.lookup(name).expect("canonical names resolve");
        assert_eq!(value_lookup(v, name), Some(section_and_id(hit)), "{name}");
    }
    for alias in aliases_other_case(kb) {
        let hit = kb.lookup(&alias).expect("aliases resolve in any case");
        assert_eq!(
            value_lookup(v, &alias),
            Some(section_and_id(hit)),
            "{alias}"
        );
    }
    for miss in [MISS_SHORT, MISS_LONG] {
        let err = kb.lookup(miss).expect_err("the miss inputs name nothing");
        assert!(err.suggestions().next().is_some(), "a miss suggests names");
        assert_eq!(value_lookup(v, miss), None);
    }
}

/// An overlay of just under `limit` bytes: as many distinct, valid sources as fit,
/// each citing nothing else. The loader parses, merges and validates every one.
pub fn max_size_overlay(limit: usize) -> String {
    let mut out = String::from("{\"sources\": [");
    let mut i = 0usize;
    loop {
        let source = format!(
            "{}{{\"id\": \"BENCH-{i}\", \"kind\": \"review\", \"authors\": \"A. Author\", \"title\": \"Title {i}\", \"url\": \"https://example.org/{i}\"}}",
            if i == 0 { "" } else { ", " }
        );
        if out.len() + source.len() + 2 > limit {
            break;
        }
        out.push_str(&source);
        i += 1;
    }
    out.push_str("]}");
    out
}

/// A data file of just under `limit` bytes whose one agent name is a long run of
/// escaped invisible characters (`\u200b`): the loader must read it and refuse it.
pub fn max_size_escaped_name(limit: usize) -> String {
    let head = "{\"agents\": [{\"id\": \"esketamine\", \"name\": \"";
    let tail = "\"}]}";
    let n = (limit - head.len() - tail.len()) / 6;
    format!("{head}{}{tail}", "\\u200b".repeat(n))
}
