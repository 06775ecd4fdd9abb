//! Whole-table invariants of the embedded data: every variant has one record, every
//! citation resolves, every name resolves, relations agree both ways, ranges are
//! valid, and the indexes agree with the records they were built from.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Display};
use std::str::FromStr;

use ketamine_therapy::{
    Agent, Benefit, Condition, ConditionGroup, DATA_VERSION, Entity, Evidence, Jurisdiction,
    KnowledgeBase, Risk, Route, Sourced,
    model::{
        CodeSystem, Contraindication, Course, Monitoring, MonitoringKind, PercentRange,
        PrevalenceLevel, QualificationKind, RegulatoryStatus, SettingKind, SourceKind, Timing,
    },
};
use ketamine_therapy::{
    Interactant,
    model::{Certainty, RiskRecord},
};
use serde::Deserialize;
use strum::{EnumCount, IntoEnumIterator};

mod common;
use common::{first_difference, named_entities, route_timings, sourced_values};

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

/// The embedded data is exactly what the public loader makes of the files in `data/`,
/// and loading it succeeds (which is what the `expect` in the loader relies on).
#[test]
fn embedded_data_loads() {
    let from_dir = KnowledgeBase::from_json_dir(DATA_DIR)
        .unwrap_or_else(|e| panic!("data/ does not load: {e}"));
    if &from_dir != kb() {
        let a = serde_json::to_value(&from_dir).expect("serialises");
        let b = serde_json::to_value(kb()).expect("serialises");
        panic!(
            "the knowledge base loaded from data/ differs from the embedded one (rebuild \
             after editing data/?); first difference: {}",
            first_difference(&a, &b, String::from("$"))
                .unwrap_or_else(|| String::from("none in the serialised form (an index differs)"))
        );
    }
}

/// Every timing of the knowledge base, labelled.
fn timings(kb: &KnowledgeBase) -> Vec<(String, &Timing)> {
    let mut out = Vec::new();
    for r in kb.routes() {
        for (field, t) in route_timings(r) {
            if let Some(t) = t {
                out.push((format!("route {} {field}", r.id().id()), t));
            }
        }
    }
    for b in kb.benefits() {
        if let Some(t) = b.time_scale() {
            out.push((format!("benefit {} time_scale", b.id().id()), t));
        }
    }
    for r in kb.risks() {
        if let Some(t) = r.onset() {
            out.push((format!("risk {} onset", r.id().id()), t));
        }
        if let Some(t) = r.duration() {
            out.push((format!("risk {} duration", r.id().id()), t));
        }
    }
    for agent in Agent::iter() {
        for (i, m) in kb.monitoring(agent).enumerate() {
            if let Some(t) = m.timing() {
                out.push((format!("monitoring {}[{i}] timing", agent.id()), t));
            }
        }
    }
    out
}

/// Counts the objects with a `sources` list in a serialised knowledge base (the
/// top-level bibliography excluded), and collects the ids they cite.
fn count_sourced_json(value: &serde_json::Value, ids: &mut BTreeSet<String>) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            let own = match map.get("sources") {
                Some(serde_json::Value::Array(list)) => {
                    for id in list {
                        ids.insert(id.as_str().expect("source ids are strings").to_owned());
                    }
                    1
                }
                _ => 0,
            };
            own + map
                .iter()
                .filter(|(k, _)| *k != "sources")
                .map(|(_, v)| count_sourced_json(v, ids))
                .sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter().map(|v| count_sourced_json(v, ids)).sum(),
        _ => 0,
    }
}

#[test]
fn every_citation_resolves_and_every_fact_is_sourced() {
    let kb = kb();
    let facts = sourced_values(kb);
    let mut cited: BTreeSet<String> = BTreeSet::new();
    let mut problems = Vec::new();
    for fact in &facts {
        let (label, ids) = (&fact.label, fact.sources);
        if ids.is_empty() {
            problems.push(format!("{label}: empty sources"));
        }
        for id in ids {
            if kb.source(id).is_none() {
                problems.push(format!("{label}: unknown source `{id}`"));
            }
            cited.insert(id.clone());
        }
    }
    for ind in kb.indications() {
        for id in ind.negative_findings() {
            if kb.source(id).is_none() {
                problems.push(format!(
                    "indication {} negative_findings: unknown source `{id}`",
                    ind.key()
                ));
            }
            if !ind.sources().contains(id) {
                problems.push(format!(
                    "indication {} negative_findings: `{id}` not in sources",
                    ind.key()
                ));
            }
            cited.insert(id.clone());
        }
    }
    assert!(
        problems.is_empty(),
        "citation problems:\n{}",
        problems.join("\n")
    );

    // The walk above must see every sourced value there is: compare it with the
    // serialised form, where each one is an object with a `sources` list.
    let json = serde_json::to_value(kb).expect("serialises");
    let mut json_ids = BTreeSet::new();
    let json_count: usize = json
        .as_object()
        .expect("an object")
        .iter()
        .filter(|(k, _)| *k != "sources")
        .map(|(_, v)| count_sourced_json(v, &mut json_ids))
        .sum();
    assert_eq!(
        facts.len(),
        json_count,
        "the typed walk misses sourced values that the serialised form has"
    );
    assert_eq!(cited, json_ids);

    assert!(!cited.is_empty());
    let uncited: Vec<&str> = kb
        .sources()
        .map(|s| s.id())
        .filter(|id| !cited.contains(*id))
        .collect();
    println!(
        "{} of {} sources are cited; {} uncited: {:?}",
        cited.len(),
        kb.sources().len(),
        uncited.len(),
        uncited
    );
    // The bibliography is sorted by id and ids are unique (kb.source binary-searches).
    let ids: Vec<&str> = kb.sources().map(|s| s.id()).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "sources not sorted/unique"
    );
    for id in &ids {
        assert_eq!(kb.source(id).map(|s| s.id()), Some(*id));
    }
}

/// Checks one identity enum: `ALL` and `COUNT` agree with the iterator, and the
/// knowledge base has exactly one record per variant, found under its own id.
fn check_table<E, R>(
    kind: &str,
    all: &[E],
    records: Vec<&R>,
    id: impl Fn(&R) -> E,
    get: impl Fn(E) -> E,
) where
    E: IntoEnumIterator + EnumCount + PartialEq + Debug + Copy,
{
    assert_eq!(all.len(), E::COUNT, "{kind}: ALL.len() != COUNT");
    assert_eq!(
        all,
        E::iter().collect::<Vec<_>>().as_slice(),
        "{kind}: ALL order"
    );
    assert_eq!(records.len(), E::COUNT, "{kind}: record count");
    for v in E::iter() {
        let n = records.iter().filter(|r| id(r) == v).count();
        assert_eq!(n, 1, "{kind} {v:?}: {n} records");
        assert_eq!(get(v), v, "{kind} {v:?}: the record picked has another id");
    }
    // Records come in declaration order.
    let ids: Vec<E> = records.iter().map(|r| id(r)).collect();
    assert_eq!(ids.as_slice(), all, "{kind}: record order");
}

#[test]
fn every_variant_has_exactly_one_record() {
    let kb = kb();
    check_table(
        "agent",
        &Agent::ALL,
        kb.agents().collect(),
        |r| r.id(),
        |v| kb.agent(v).id(),
    );
    check_table(
        "route",
        &Route::ALL,
        kb.routes().collect(),
        |r| r.id(),
        |v| kb.route(v).id(),
    );
    check_table(
        "group",
        &ConditionGroup::ALL,
        kb.groups().collect(),
        |r| r.id(),
        |v| kb.group(v).id(),
    );
    check_table(
        "condition",
        &Condition::ALL,
        kb.conditions().collect(),
        |r| r.id(),
        |v| kb.condition(v).id(),
    );
    check_table(
        "benefit",
        &Benefit::ALL,
        kb.benefits().collect(),
        |r| r.id(),
        |v| kb.benefit(v).id(),
    );
    check_table(
        "risk",
        &Risk::ALL,
        kb.risks().collect(),
        |r: &RiskRecord| r.id(),
        |v| kb.risk(v).id(),
    );
}

/// Names and aliases folded as the lookup folds them: ASCII lower case, runs of
/// '-', '_' and whitespace to one space, trimmed.
fn fold(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    lower
        .split(|c: char| c == '-' || c == '_' || c.is_ascii_whitespace())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses `text` with the `FromStr` of the entity's own enum.
fn parse_as(entity: Entity, text: &str) -> Option<Entity> {
    match entity {
        Entity::Agent(_) => text.parse::<Agent>().ok().map(Entity::Agent),
        Entity::Route(_) => text.parse::<Route>().ok().map(Entity::Route),
        Entity::ConditionGroup(_) => text
            .parse::<ConditionGroup>()
            .ok()
            .map(Entity::ConditionGroup),
        Entity::Condition(_) => text.parse::<Condition>().ok().map(Entity::Condition),
        Entity::Benefit(_) => text.parse::<Benefit>().ok().map(Entity::Benefit),
        Entity::Risk(_) => text.parse::<Risk>().ok().map(Entity::Risk),
        other => panic!("entity kind {} is not covered by this test", other.kind()),
    }
}

#[test]
fn names_and_aliases_are_unique_and_resolve() {
    let kb = kb();
    let mut owners: BTreeMap<String, (Entity, &str)> = BTreeMap::new();
    let mut problems = Vec::new();
    for (entity, name, aliases) in named_entities(kb) {
        for text in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            let key = fold(text);
            if key.is_empty() {
                problems.push(format!("{entity:?}: empty name or alias `{text}`"));
            }
            if let Some((other, other_text)) = owners.insert(key.clone(), (entity, text)) {
                problems.push(format!(
                    "`{text}` of {entity:?} and `{other_text}` of {other:?} fold to `{key}`"
                ));
            }
            match kb.lookup(text) {
                Ok(found) if found == entity => {}
                other => problems.push(format!("lookup(`{text}`) = {other:?}, not {entity:?}")),
            }
            match parse_as(entity, text) {
                Some(found) if found == entity => {}
                other => problems.push(format!(
                    "`{text}`.parse() = {other:?}, not {entity:?} (the enum's FromStr lacks it)"
                )),
            }
            // Lookup ignores case and separators.
            for variant in [
                text.to_ascii_uppercase(),
                text.to_ascii_lowercase(),
                text.replace(' ', "_"),
                format!("  {}  ", text.replace(' ', "-")),
            ] {
                if kb.lookup(&variant).ok() != Some(entity) {
                    problems.push(format!("lookup(`{variant}`) does not find {entity:?}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "name problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn record_names_equal_enum_display() {
    let kb = kb();
    let mut problems = Vec::new();
    for (entity, name, _) in named_entities(kb) {
        if entity.to_string() != name {
            problems.push(format!(
                "{entity:?}: data name `{name}` but Display `{entity}`"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `Display` then `FromStr` gives the variant back, in the original, lower and upper
/// ASCII case.
fn display_round_trip<E>(kind: &str, problems: &mut Vec<String>)
where
    E: IntoEnumIterator + Display + FromStr + PartialEq + Debug + Copy,
{
    for v in E::iter() {
        let shown = v.to_string();
        assert!(!shown.is_empty(), "{kind} {v:?} displays as empty");
        for text in [
            shown.clone(),
            shown.to_ascii_lowercase(),
            shown.to_ascii_uppercase(),
        ] {
            match text.parse::<E>() {
                Ok(back) if back == v => {}
                Ok(back) => {
                    problems.push(format!("{kind}: `{text}` parses to {back:?}, not {v:?}"))
                }
                Err(_) => problems.push(format!(
                    "{kind}: `{text}` (Display of {v:?}) does not parse"
                )),
            }
        }
    }
}

#[test]
fn display_from_str_round_trip() {
    let mut problems = Vec::new();
    display_round_trip::<Agent>("Agent", &mut problems);
    display_round_trip::<Route>("Route", &mut problems);
    display_round_trip::<ConditionGroup>("ConditionGroup", &mut problems);
    display_round_trip::<Condition>("Condition", &mut problems);
    display_round_trip::<Benefit>("Benefit", &mut problems);
    display_round_trip::<Risk>("Risk", &mut problems);
    display_round_trip::<Evidence>("Evidence", &mut problems);
    display_round_trip::<Jurisdiction>("Jurisdiction", &mut problems);
    // The attribute enums follow the same rule.
    display_round_trip::<RegulatoryStatus>("RegulatoryStatus", &mut problems);
    display_round_trip::<SettingKind>("SettingKind", &mut problems);
    display_round_trip::<PrevalenceLevel>("PrevalenceLevel", &mut problems);
    display_round_trip::<Course>("Course", &mut problems);
    display_round_trip::<MonitoringKind>("MonitoringKind", &mut problems);
    display_round_trip::<QualificationKind>("QualificationKind", &mut problems);
    display_round_trip::<Certainty>("Certainty", &mut problems);
    display_round_trip::<SourceKind>("SourceKind", &mut problems);
    display_round_trip::<CodeSystem>("CodeSystem", &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

macro_rules! id_checks {
    ($problems:ident; $($enum:ident),+) => {$(
        let mut seen = BTreeSet::new();
        for v in $enum::iter() {
            let id = v.id();
            if !seen.insert(id) {
                $problems.push(format!("{}: id `{id}` repeats", stringify!($enum)));
            }
            if id.parse::<$enum>().ok() != Some(v) {
                $problems.push(format!("{}: id `{id}` does not parse back to {v:?}", stringify!($enum)));
            }
            let json = serde_json::to_string(&v).expect("serialises");
            if json != format!("\"{id}\"") {
                $problems.push(format!("{}: serde gives {json}, id is `{id}`", stringify!($enum)));
            }
            match serde_json::from_str::<$enum>(&json) {
                Ok(back) if back == v => {}
                other => $problems.push(format!("{}: {json} deserialises to {other:?}", stringify!($enum))),
            }
            if Entity::from(v).id() != id {
                $problems.push(format!("{}: Entity id differs for {v:?}", stringify!($enum)));
            }
            if Entity::from(v).to_string() != v.to_string() {
                $problems.push(format!("{}: Entity Display differs for {v:?}", stringify!($enum)));
            }
        }
    )+};
}

#[test]
fn ids_parse_back_and_match_serde() {
    let mut problems: Vec<String> = Vec::new();
    id_checks!(problems; Agent, Route, ConditionGroup, Condition, Benefit, Risk, Interactant);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn check_percent(label: &str, p: PercentRange, problems: &mut Vec<String>) {
    let ok = p.min().is_finite()
        && p.max().is_finite()
        && (0.0..=100.0).contains(&p.min())
        && (0.0..=100.0).contains(&p.max())
        && p.min() <= p.max();
    if !ok {
        problems.push(format!(
            "{label}: invalid percent range {}..{}",
            p.min(),
            p.max()
        ));
    }
}

#[test]
fn ranges_are_valid() {
    let kb = kb();
    let mut problems = Vec::new();
    for r in kb.routes() {
        if let Some(b) = r.bioavailability() {
            check_percent(
                &format!("route {} bioavailability", r.id().id()),
                b.range(),
                &mut problems,
            );
        }
    }
    for r in kb.risks() {
        for (i, f) in r.frequencies().iter().enumerate() {
            let label = format!("risk {} frequencies[{i}]", r.id().id());
            check_percent(&format!("{label} percent"), f.percent(), &mut problems);
            if let Some(p) = f.placebo_percent() {
                check_percent(&format!("{label} placebo_percent"), p, &mut problems);
            }
            if !r.applies_to(f.agent(), f.route()) {
                problems.push(format!(
                    "{label}: frequency for {}/{} outside the risk's agents/routes",
                    f.agent().id(),
                    f.route().id()
                ));
            }
        }
    }
    let all = timings(kb);
    assert!(!all.is_empty());
    for (label, t) in all {
        if t.min() > t.max() {
            problems.push(format!("{label}: min {} > max {}", t.min(), t.max()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn conditions_for_and_routes_for_agree() {
    let kb = kb();
    for r in Route::iter() {
        let by_route = kb.conditions_for(r);
        // Declaration order, no repeats.
        assert!(
            by_route.windows(2).all(|w| w[0] < w[1]),
            "conditions_for({r:?}) not in declaration order"
        );
        for c in Condition::iter() {
            let has = kb.routes_for(c).iter().any(|i| i.route() == r);
            assert_eq!(
                by_route.contains(&c),
                has,
                "conditions_for({r:?}) and routes_for({c:?}) disagree"
            );
        }
    }
}

#[test]
fn routes_for_is_sorted_and_complete() {
    let kb = kb();
    let mut total = 0;
    for c in Condition::iter() {
        let inds = kb.routes_for(c);
        assert!(!inds.is_empty(), "{c:?} has no indication");
        assert!(
            inds.iter().all(|i| i.condition() == c),
            "{c:?}: foreign indication"
        );
        assert!(
            inds.windows(2).all(|w| w[0].evidence() >= w[1].evidence()),
            "routes_for({c:?}) is not strongest first"
        );
        let triples: BTreeSet<_> = inds.iter().map(|i| (i.agent(), i.route())).collect();
        assert_eq!(triples.len(), inds.len(), "{c:?}: repeated (agent, route)");
        total += inds.len();
    }
    // Every indication is under exactly one condition.
    assert_eq!(total, kb.indications().count());
    let concatenated: Vec<_> = Condition::iter()
        .flat_map(|c| kb.routes_for(c).iter())
        .collect();
    assert_eq!(concatenated, kb.indications().collect::<Vec<_>>());
    // And the data files have exactly these.
    let file: IndicationsFile = read_json("indications.json");
    assert_eq!(file.indications.len(), total);
    for ind in &file.indications {
        assert!(
            kb.routes_for(ind.condition()).contains(ind),
            "{} from the file is missing or differs",
            ind.key()
        );
    }
}

#[test]
fn indications_use_routes_of_their_agent() {
    let kb = kb();
    for ind in kb.indications() {
        let agent = kb.agent(ind.agent());
        assert!(
            agent.routes().iter().any(|r| r.route() == ind.route())
                && agent.is_given_by(ind.route()),
            "{}: {} is not given by {}",
            ind.key(),
            ind.agent(),
            ind.route()
        );
        if ind.evidence() == Evidence::RegulatoryApproval {
            assert!(
                ind.regulatory()
                    .iter()
                    .any(|r| r.status() == RegulatoryStatus::Approved),
                "{}: regulatory_approval without an approved status",
                ind.key()
            );
        }
    }
}

#[test]
fn evidence_orders_strongest_greatest() {
    use Evidence::*;
    assert!(RegulatoryApproval > Strong);
    assert!(Strong > Mixed);
    assert!(Mixed > Limited);
    assert!(Limited > Insufficient);
    // Declaration order is strongest first, strictly.
    let all: Vec<Evidence> = Evidence::iter().collect();
    assert_eq!(all.len(), Evidence::COUNT);
    assert_eq!(
        all,
        [RegulatoryApproval, Strong, Mixed, Limited, Insufficient]
    );
    assert!(all.windows(2).all(|w| w[0] > w[1]));
    for a in Evidence::iter() {
        for b in Evidence::iter() {
            assert_eq!(a.cmp(&b), a.rank().cmp(&b.rank()));
            assert_eq!(a == b, a.cmp(&b).is_eq());
        }
    }
}

#[test]
fn conditions_in_matches_group() {
    let kb = kb();
    let mut covered = Vec::new();
    for g in ConditionGroup::iter() {
        let expected: Vec<Condition> = Condition::iter().filter(|c| c.group() == g).collect();
        assert_eq!(
            kb.conditions_in(g),
            expected.as_slice(),
            "conditions_in({g:?})"
        );
        assert!(!expected.is_empty(), "group {g:?} has no condition");
        covered.extend(expected);
    }
    covered.sort();
    assert_eq!(covered, Condition::iter().collect::<Vec<_>>());
    for c in kb.conditions() {
        assert_eq!(c.group(), c.id().group(), "{:?}: record group", c.id());
    }
}

#[derive(Deserialize)]
struct SafetyFile {
    contraindications: Vec<Contraindication>,
    monitoring: Vec<Monitoring>,
}

#[derive(Deserialize)]
struct IndicationsFile {
    indications: Vec<ketamine_therapy::Indication>,
}

fn read_json<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = format!("{DATA_DIR}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn queries_agree_with_record_fields() {
    let kb = kb();
    for c in Condition::iter() {
        let got: Vec<Benefit> = kb.benefits_for(c).map(|b| b.id()).collect();
        let expected: Vec<Benefit> = kb
            .benefits()
            .filter(|b| b.conditions().contains(&c))
            .map(|b| b.id())
            .collect();
        assert_eq!(got, expected, "benefits_for({c:?})");
    }
    let agents = std::iter::once(None).chain(Agent::iter().map(Some));
    for a in agents {
        let routes = std::iter::once(None).chain(Route::iter().map(Some));
        for r in routes {
            let got: Vec<Risk> = kb.risks_for(a, r).map(|x| x.id()).collect();
            // Recomputed from the scopes and the agents' own routes: each risk with the
            // most serious standing of the scopes that reach (a, r).
            let reach = |x: &ketamine_therapy::model::RiskRecord| {
                x.applies()
                    .iter()
                    .filter(|s| {
                        let given: Vec<Route> = kb
                            .agent(s.agent())
                            .routes()
                            .iter()
                            .map(|g| g.route())
                            .collect();
                        a.is_none_or(|a| s.agent() == a)
                            && given.iter().any(|g| {
                                r.is_none_or(|r| *g == r)
                                    && s.routes().is_none_or(|only| only.contains(g))
                            })
                    })
                    .map(|s| s.basis().standing())
                    .min()
            };
            let mut expected: Vec<(ketamine_therapy::model::Standing, Risk)> = kb
                .risks()
                .filter_map(|x| Some((reach(x)?, x.id())))
                .collect();
            // Most serious standing first, then declaration order.
            expected.sort();
            let expected: Vec<Risk> = expected.into_iter().map(|(_, x)| x).collect();
            assert_eq!(got, expected, "risks_for({a:?}, {r:?})");
            if let (Some(a), Some(r)) = (a, r) {
                let mut applies: Vec<Risk> = kb
                    .risks()
                    .filter(|x| x.applies_to(a, r))
                    .map(|x| x.id())
                    .collect();
                let mut sorted_got = got.clone();
                sorted_got.sort();
                applies.sort();
                assert_eq!(sorted_got, applies, "risks_for({a:?}, {r:?}) vs applies_to");
            }
        }
    }
    assert_eq!(kb.risks_for(None, None).count(), Risk::COUNT);

    // Contraindications and monitoring have no whole-table getter; the data file is
    // the full table.
    let safety: SafetyFile = read_json("safety.json");
    let mut contraindications = 0;
    let mut monitoring = 0;
    for a in Agent::iter() {
        let got: Vec<&Contraindication> = kb.contraindications(a).collect();
        let expected: Vec<&Contraindication> = safety
            .contraindications
            .iter()
            .filter(|c| c.agent() == a)
            .collect();
        assert_eq!(got, expected, "contraindications({a:?})");
        contraindications += got.len();

        let got: Vec<&Monitoring> = kb.monitoring(a).collect();
        let mut expected: Vec<&Monitoring> = safety
            .monitoring
            .iter()
            .filter(|m| m.agent() == a)
            .collect();
        // Most serious standing first; the data's order within a standing.
        expected.sort_by_key(|m| m.standing());
        assert_eq!(got, expected, "monitoring({a:?})");
        monitoring += got.len();

        for r in Route::iter() {
            let got: Vec<&Monitoring> = kb.monitoring_for(a, r).collect();
            // A label requirement holds on every route the agent is given by; a study
            // finding only on the routes it was observed on.
            let mut expected: Vec<&Monitoring> = safety
                .monitoring
                .iter()
                .filter(|m| {
                    m.agent() == a
                        && kb.agent(a).is_given_by(r)
                        && (m.standing().is_label() || m.routes().contains(&r))
                })
                .collect();
            expected.sort_by_key(|m| m.standing());
            assert_eq!(got, expected, "monitoring_for({a:?}, {r:?})");
            for m in &got {
                assert!(
                    kb.agent(a).is_given_by(r),
                    "monitoring for {a:?} by {r:?}, a route the agent is not given by"
                );
                assert!(!m.text().is_empty());
            }
        }
    }
    assert_eq!(contraindications, safety.contraindications.len());
    assert_eq!(monitoring, safety.monitoring.len());
}

#[test]
fn route_orderings_are_documented_permutations() {
    let kb = kb();
    let all: BTreeSet<Route> = Route::iter().collect();

    let by_bio = kb.routes_by_bioavailability();
    assert_eq!(by_bio.len(), Route::COUNT);
    assert_eq!(by_bio.iter().copied().collect::<BTreeSet<_>>(), all);
    // Highest midpoint first; routes without a figure last.
    let key = |r: Route| kb.route(r).bioavailability().map(|b| b.range().midpoint());
    for w in by_bio.windows(2) {
        match (key(w[0]), key(w[1])) {
            (Some(x), Some(y)) => assert!(x >= y, "{:?} ({x}) before {:?} ({y})", w[0], w[1]),
            (None, Some(_)) => panic!(
                "{:?} has no bioavailability but comes before {:?}",
                w[0], w[1]
            ),
            _ => {}
        }
    }

    let by_onset = kb.routes_by_onset();
    assert_eq!(by_onset.len(), Route::COUNT);
    assert_eq!(by_onset.iter().copied().collect::<BTreeSet<_>>(), all);
    // Shortest sourced onset first; routes without one last.
    let key = |r: Route| kb.route(r).acute_onset().map(|t| t.min().seconds());
    for w in by_onset.windows(2) {
        match (key(w[0]), key(w[1])) {
            (Some(x), Some(y)) => assert!(x <= y, "{:?} ({x}s) before {:?} ({y}s)", w[0], w[1]),
            (None, Some(_)) => panic!("{:?} has no onset but comes before {:?}", w[0], w[1]),
            _ => {}
        }
    }
}

#[test]
fn data_version_is_in_changelog() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/CHANGELOG.md");
    let changelog = std::fs::read_to_string(path).expect("CHANGELOG.md is readable");
    assert!(!DATA_VERSION.is_empty());
    assert!(
        changelog.contains(DATA_VERSION),
        "DATA_VERSION {DATA_VERSION} has no entry in CHANGELOG.md"
    );
}
