//! Helpers shared by the integration tests.

use ketamine_therapy::{Entity, KnowledgeBase};
use serde_json::Value;

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
