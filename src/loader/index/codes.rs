//! The code index: every code of every agent, route and condition, normalised and sorted.

use crate::model::{
    Agent, AgentRecord, CodeSystem, Condition, ConditionRecord, Entity, Route, RouteRecord,
};
use crate::text::{MAX_CODE_BYTES, normalize_code};
use strum::EnumCount;

/// One indexed code: its normalised key, system, the entity carrying it and the
/// position of the code in that entity's `codes()`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct CodeEntry {
    pub(crate) key: Box<str>,
    pub(crate) system: CodeSystem,
    pub(crate) entity: Entity,
    pub(crate) position: usize,
}

/// Every code of every agent, route and condition, sorted by (normalised code,
/// system, entity), built at load.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct CodeIndex {
    entries: Vec<CodeEntry>,
}

impl CodeIndex {
    /// Indexes the codes of the named records that carry codes.
    pub(crate) fn new(
        agents: &[AgentRecord; Agent::COUNT],
        routes: &[RouteRecord; Route::COUNT],
        conditions: &[ConditionRecord; Condition::COUNT],
    ) -> Self {
        let agents = agents.iter().map(|r| (Entity::Agent(r.id()), r.codes()));
        let routes = routes.iter().map(|r| (Entity::Route(r.id()), r.codes()));
        let conditions = conditions
            .iter()
            .map(|r| (Entity::Condition(r.id()), r.codes()));
        let mut entries: Vec<CodeEntry> = agents
            .chain(routes)
            .chain(conditions)
            .flat_map(|(entity, codes)| {
                codes.iter().enumerate().map(move |(position, code)| {
                    let mut buf = [0u8; MAX_CODE_BYTES];
                    let key = match normalize_code(code.code(), &mut buf) {
                        Some(key) => String::from_utf8_lossy(key).into_owned(),
                        // Too long to be queried through the buffer: keep a key no
                        // query can produce, so the code is simply never matched.
                        None => String::new(),
                    };
                    CodeEntry {
                        key: key.into_boxed_str(),
                        system: code.system(),
                        entity,
                        position,
                    }
                })
            })
            .filter(|e| !e.key.is_empty())
            .collect();
        entries.sort_unstable();
        entries.dedup_by(|a, b| a.key == b.key && a.system == b.system && a.entity == b.entity);
        CodeIndex { entries }
    }

    /// The entries whose key equals `key` and, when given, whose system is `system`.
    pub(crate) fn range(&self, key: &[u8], system: Option<CodeSystem>) -> &[CodeEntry] {
        let cmp = |e: &CodeEntry| {
            e.key.as_bytes().cmp(key).then_with(|| match system {
                Some(s) => e.system.cmp(&s),
                None => std::cmp::Ordering::Equal,
            })
        };
        let start = self.entries.partition_point(|e| cmp(e).is_lt());
        let end = self.entries.partition_point(|e| cmp(e).is_le());
        self.entries.get(start..end).unwrap_or_default()
    }
}
