//! Helpers shared by the integration tests.

use ketamine_therapy::{Agent, Entity, KnowledgeBase, Sourced, model::Timing};
use serde_json::Value;
use strum::IntoEnumIterator;

/// The path of the first difference between two JSON values, with both sides, so a
/// failed equality says where the two differ.
#[allow(dead_code)] // each test binary uses its own subset of the helpers
pub fn first_difference(a: &Value, b: &Value, path: String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(p), Some(q)) => first_difference(p, q, format!("{path}.{k}")),
                (p, q) => Some(format!("{path}.{k}: {p:?} vs {q:?}")),
            })
        }
        (Value::Array(x), Value::Array(y)) => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, format!("{path}[{i}]")))
            .or_else(|| {
                (x.len() != y.len()).then(|| format!("{path}: {} vs {} items", x.len(), y.len()))
            }),
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

/// Every entity with its canonical name and aliases.
#[allow(dead_code)]
pub fn named_entities(kb: &KnowledgeBase) -> Vec<(Entity, &str, &[String])> {
    let mut out: Vec<(Entity, &str, &[String])> = Vec::new();
    out.extend(
        kb.agents()
            .map(|r| (Entity::Agent(r.id()), r.name(), r.aliases())),
    );
    out.extend(
        kb.routes()
            .map(|r| (Entity::Route(r.id()), r.name(), r.aliases())),
    );
    out.extend(
        kb.groups()
            .map(|r| (Entity::ConditionGroup(r.id()), r.name(), r.aliases())),
    );
    out.extend(
        kb.conditions()
            .map(|r| (Entity::Condition(r.id()), r.name(), r.aliases())),
    );
    out.extend(
        kb.benefits()
            .map(|r| (Entity::Benefit(r.id()), r.name(), r.aliases())),
    );
    out.extend(
        kb.risks()
            .map(|r| (Entity::Risk(r.id()), r.name(), r.aliases())),
    );
    out
}

/// Every name and alias, each with the entity it belongs to.
#[allow(dead_code)]
pub fn names_and_aliases(kb: &KnowledgeBase) -> Vec<(&str, Entity)> {
    named_entities(kb)
        .into_iter()
        .flat_map(|(entity, name, aliases)| {
            std::iter::once(name)
                .chain(aliases.iter().map(String::as_str))
                .map(move |text| (text, entity))
        })
        .collect()
}

/// One sourced value: a label saying where it is, its source ids, and whether it is a
/// synthesis (a description or the mechanism) that may rest on a peer-reviewed review.
#[allow(dead_code)]
pub struct Fact<'a> {
    pub label: String,
    pub sources: &'a [String],
    pub synthesis: bool,
}

/// Every sourced value of the knowledge base, labelled, found through the public API.
/// Record-level citations of named records (their descriptions) and the mechanism are
/// marked as syntheses.
#[allow(dead_code)]
pub fn sourced_values<'a>(kb: &'a KnowledgeBase) -> Vec<Fact<'a>> {
    let mut out: Vec<Fact<'a>> = Vec::new();
    let mut push = |label: String, ids: &'a [String]| {
        out.push(Fact {
            label,
            sources: ids,
            synthesis: false,
        })
    };

    for a in kb.agents() {
        let id = a.id().id();
        push(format!("agent {id}"), a.sources());
        for r in a.routes() {
            push(
                format!("agent {id} routes[{}]", r.route().id()),
                r.sources(),
            );
        }
        for (i, c) in a.codes().iter().enumerate() {
            push(format!("agent {id} codes[{i}]"), c.sources());
        }
        if let Some(cs) = a.controlled_substance() {
            push(format!("agent {id} controlled_substance"), cs.sources());
        }
        for (i, r) in a.regulatory().iter().enumerate() {
            push(format!("agent {id} regulatory[{i}]"), r.sources());
        }
        for r in a.reviewed() {
            push(format!("agent {id} reviewed {}", r.topic()), r.sources());
        }
    }
    let m = kb.mechanism();
    push(
        String::from("mechanism qualification"),
        m.qualification().sources(),
    );
    for s in m.steps() {
        push(format!("mechanism step {}", s.id()), s.sources());
    }
    for r in kb.routes() {
        let id = r.id().id();
        push(format!("route {id}"), r.sources());
        for (i, c) in r.codes().iter().enumerate() {
            push(format!("route {id} codes[{i}]"), c.sources());
        }
        if let Some(b) = r.bioavailability() {
            push(format!("route {id} bioavailability"), b.sources());
        }
        for (field, t) in route_timings(r) {
            if let Some(t) = t {
                push(format!("route {id} {field}"), t.sources());
            }
        }
        if let Some(p) = r.protocol() {
            push(format!("route {id} protocol"), p.sources());
        }
        if let Some(s) = r.setting() {
            push(format!("route {id} setting"), s.sources());
        }
        if let Some(p) = r.prevalence() {
            push(format!("route {id} prevalence"), p.sources());
        }
    }
    for g in kb.groups() {
        push(format!("group {}", g.id().id()), g.sources());
    }
    for c in kb.conditions() {
        let id = c.id().id();
        push(format!("condition {id}"), c.sources());
        for (i, code) in c.codes().iter().enumerate() {
            push(format!("condition {id} codes[{i}]"), code.sources());
        }
    }
    for ind in kb.indications() {
        let key = ind.key();
        push(format!("indication {key}"), ind.sources());
        for (i, r) in ind.regulatory().iter().enumerate() {
            push(format!("indication {key} regulatory[{i}]"), r.sources());
        }
    }
    for b in kb.benefits() {
        let id = b.id().id();
        push(format!("benefit {id}"), b.sources());
        if let Some(t) = b.time_scale() {
            push(format!("benefit {id} time_scale"), t.sources());
        }
        for (i, q) in b.qualifications().iter().enumerate() {
            push(format!("benefit {id} qualifications[{i}]"), q.sources());
        }
    }
    for r in kb.risks() {
        let id = r.id().id();
        push(format!("risk {id}"), r.sources());
        if let Some(t) = r.onset() {
            push(format!("risk {id} onset"), t.sources());
        }
        if let Some(t) = r.duration() {
            push(format!("risk {id} duration"), t.sources());
        }
        for (i, f) in r.frequencies().iter().enumerate() {
            push(format!("risk {id} frequencies[{i}]"), f.sources());
        }
        for (i, a) in r.applies().iter().enumerate() {
            push(
                format!("risk {id} applies[{i}] ({})", a.agent().id()),
                a.sources(),
            );
        }
        if let Some(m) = r.mitigation() {
            push(format!("risk {id} mitigation"), m.sources());
        }
    }
    for x in kb.interactants() {
        push(format!("interactant {}", x.id().id()), x.sources());
    }
    for agent in Agent::iter() {
        for (i, x) in kb.interactions(agent).enumerate() {
            push(
                format!("interaction {}[{i}] ({})", agent.id(), x.interactant().id()),
                x.sources(),
            );
        }
        for (i, x) in kb.populations(agent).enumerate() {
            push(
                format!("population {}[{i}] ({})", agent.id(), x.population().id()),
                x.sources(),
            );
        }
        for (i, x) in kb.regimens(agent).enumerate() {
            push(
                format!("regimen {}[{i}] ({})", agent.id(), x.route().id()),
                x.sources(),
            );
            for (field, t) in [
                ("administration", x.administration()),
                ("duration", x.duration()),
            ] {
                if let Some(t) = t {
                    push(format!("regimen {}[{i}] {field}", agent.id()), t.sources());
                }
            }
        }
        for (i, c) in kb.contraindications(agent).enumerate() {
            push(format!("contraindication {}[{i}]", agent.id()), c.sources());
        }
        for (i, m) in kb.monitoring(agent).enumerate() {
            push(
                format!("monitoring {}[{i}] ({})", agent.id(), m.kind()),
                m.sources(),
            );
            if let Some(t) = m.timing() {
                push(
                    format!("monitoring {}[{i}] timing", agent.id()),
                    t.sources(),
                );
            }
        }
    }
    for m in kb.medicines() {
        let id = m.id();
        push(format!("medicine {id}"), m.sources());
        for (i, c) in m.codes().iter().enumerate() {
            push(format!("medicine {id} codes[{i}]"), c.sources());
        }
        for (i, c) in m.classes().iter().enumerate() {
            push(format!("medicine {id} classes[{i}]"), c.sources());
        }
    }
    for b in kb.brands() {
        push(format!("brand {}", b.name()), b.sources());
    }
    let syntheses = [
        "agent ",
        "route ",
        "group ",
        "condition ",
        "benefit ",
        "risk ",
        "interactant ",
    ];
    for fact in &mut out {
        let record_level = syntheses.iter().any(|p| {
            fact.label
                .strip_prefix(p)
                .is_some_and(|rest| !rest.contains(' '))
        });
        fact.synthesis = record_level || fact.label.starts_with("mechanism");
    }
    out
}

#[allow(dead_code)]
pub fn route_timings(
    r: &ketamine_therapy::model::RouteRecord,
) -> [(&'static str, Option<&Timing>); 7] {
    [
        ("acute_onset", r.acute_onset()),
        ("acute_peak", r.acute_peak()),
        ("acute_duration", r.acute_duration()),
        ("antidepressant_onset", r.antidepressant_onset()),
        ("antidepressant_duration", r.antidepressant_duration()),
        ("session", r.session()),
        ("observation", r.observation()),
    ]
}
