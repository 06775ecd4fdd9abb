//! Resource ids: derived from record keys, valid FHIR ids (`[A-Za-z0-9-.]{1,64}`),
//! the same for the same data; and the ids many references share, computed once.

use std::borrow::Cow;

use strum::EnumCount;

use super::datatypes::Reference;
use super::terminology::code_of;
use crate::{Agent, KnowledgeBase, Route};

/// A 128-bit FNV-1a hash.
fn fnv128(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut hash = OFFSET;
    for part in parts {
        for &b in part.as_bytes().iter().chain(b"\x1f") {
            hash ^= u128::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// A FHIR id derived from a prefix and a record key: the key's letters, digits and
/// dots kept, anything else a hyphen; a hash of the key ends an id that would be
/// longer than 64 characters.
pub(super) fn fhir_id(prefix: &str, key: &str) -> String {
    let mut bytes = Vec::with_capacity(prefix.len() + key.len() + 1);
    bytes.extend_from_slice(prefix.as_bytes());
    bytes.push(b'-');
    bytes.extend(key.bytes().map(|b| {
        if b.is_ascii_alphanumeric() || b == b'.' {
            b
        } else {
            b'-'
        }
    }));
    if bytes.len() > 64 {
        let hash = fnv128(&[prefix, key]);
        bytes.truncate(47);
        bytes.push(b'-');
        let hex = (hash >> 64) as u64;
        for shift in (0..16).rev() {
            let nibble = ((hex >> (shift * 4)) & 0xf) as u8;
            bytes.push(if nibble < 10 {
                b'0' + nibble
            } else {
                b'a' + nibble - 10
            });
        }
    }
    // Every byte is ASCII by construction.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether `id` is a FHIR id: 1 to 64 letters, digits, hyphens and dots (so nothing
/// in it needs a JSON escape).
pub(super) fn is_fhir_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// A reference to the Citation of a source: `Citation/cit-<source id>`, borrowed
/// from the source id where that is a valid FHIR id.
pub(super) fn citation_ref(source: &str) -> Reference<'_> {
    let plain = source.len() <= 60
        && source
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if plain {
        Reference {
            resource_type: "Citation",
            id_prefix: "cit-",
            id: Cow::Borrowed(source),
            display: None,
        }
    } else {
        Reference::to("Citation", fhir_id("cit", source))
    }
}

/// `parts` joined by `/`, then `/n` (a 1-based position) when given: record keys,
/// built without the formatting machinery (thousands per export).
pub(super) fn join_key(parts: &[&str], n: Option<usize>) -> String {
    let mut key = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum::<usize>() + 4);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            key.push('/');
        }
        key.push_str(part);
    }
    if let Some(mut n) = n {
        key.push('/');
        let mut digits = [0u8; 20];
        let mut len = 0;
        loop {
            if let Some(d) = digits.get_mut(len) {
                *d = b'0' + (n % 10) as u8;
            }
            len += 1;
            n /= 10;
            if n == 0 || len == digits.len() {
                break;
            }
        }
        digits
            .iter()
            .take(len)
            .rev()
            .for_each(|&d| key.push(char::from(d)));
    }
    key
}

/// The distinct ids of an iterator, in first-seen order.
pub(super) fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    // Room for the usual number of sources, so that the list is not regrown.
    let mut out: Vec<&'a str> = Vec::with_capacity(ids.size_hint().0.max(16));
    for id in ids {
        if !out.contains(&id.as_str()) {
            out.push(id);
        }
    }
    out
}

/// The (key, id) of an agent's non-indication ClinicalUseDefinitions, in the order
/// the builder emits them (contraindications, interactions, undesirable effects,
/// populations, monitoring). Records without a key of their own are numbered in data
/// order within their agent.
fn safety_keys(kb: &KnowledgeBase, agent: Agent) -> Vec<(String, String)> {
    let a = agent.id();
    let mut keys: Vec<(&'static str, String)> = Vec::new();
    for (i, _) in kb.contraindications(agent).enumerate() {
        keys.push(("ci", join_key(&[a], Some(i + 1))));
    }
    for (i, x) in kb.interactions(agent).enumerate() {
        keys.push(("ia", join_key(&[a, x.interactant().id()], Some(i + 1))));
    }
    for risk in kb.risks() {
        for (i, scope) in risk.applies().iter().enumerate() {
            if scope.agent() == agent {
                keys.push(("ae", join_key(&[risk.id().id(), a], Some(i + 1))));
            }
        }
    }
    for (i, p) in kb.populations(agent).enumerate() {
        keys.push(("pop", join_key(&[a, p.population().id()], Some(i + 1))));
    }
    for (i, m) in kb.monitoring(agent).enumerate() {
        keys.push(("mon", join_key(&[a, code_of(&m.kind())], Some(i + 1))));
    }
    keys.into_iter()
        .map(|(prefix, key)| {
            let id = fhir_id(prefix, &key);
            (key, id)
        })
        .collect()
}

/// The ids that many references share, computed once per export.
pub(super) struct Ids {
    /// The (key, id) of every agent's non-indication ClinicalUseDefinitions.
    pub safety: [Vec<(String, String)>; Agent::COUNT],
    /// The MedicinalProductDefinition id of every (agent, route).
    mpd: [[String; Route::COUNT]; Agent::COUNT],
    /// The (key, id) of every indication, in data order (each is used by its
    /// ClinicalUseDefinition, its agent's guideline and its authorisations).
    pub indications: Vec<(String, String)>,
}

impl Ids {
    pub fn new(kb: &KnowledgeBase) -> Self {
        Ids {
            safety: Agent::ALL.map(|a| safety_keys(kb, a)),
            indications: kb
                .indications()
                .map(|i| {
                    let key = i.key();
                    let id = fhir_id("ind", &key);
                    (key, id)
                })
                .collect(),
            mpd: std::array::from_fn(|a| {
                std::array::from_fn(|r| match (Agent::ALL.get(a), Route::ALL.get(r)) {
                    (Some(a), Some(r)) => fhir_id("mpd", &join_key(&[a.id(), r.id()], None)),
                    _ => String::new(),
                })
            }),
        }
    }

    /// The (key, id) of the indication at `index` in data order.
    pub fn indication(&self, index: usize) -> (&str, &str) {
        self.indications
            .get(index)
            .map_or(("", ""), |(key, id)| (key.as_str(), id.as_str()))
    }

    /// The MedicinalProductDefinition id of an (agent, route).
    pub fn mpd(&self, agent: Agent, route: Route) -> &str {
        agent
            .pick(&self.mpd)
            .get(route as usize)
            .map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_url_needs_no_json_escape() {
        // fullUrls are written without an escape check (see `resource.rs`).
        assert!(!super::super::json::needs_escape(
            super::super::BASE_URL.as_bytes()
        ));
    }

    #[test]
    fn keys_join_parts_and_a_position() {
        assert_eq!(join_key(&["a", "b"], None), "a/b");
        assert_eq!(join_key(&["a"], Some(1)), "a/1");
        assert_eq!(join_key(&["x", "y"], Some(1203)), "x/y/1203");
        assert_eq!(join_key(&[], Some(0)), "/0");
    }

    #[test]
    fn ids_are_valid_and_bounded() {
        let long = "depression_with_suicidal_ideation/racemic_ketamine/intravenous/us/1";
        let id = fhir_id("ra", long);
        assert!(id.len() <= 64, "{id}");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        );
        assert_ne!(
            fhir_id("ra", long),
            fhir_id("ra", &long.replace("/1", "/2"))
        );
    }
}
