//! A citation-resolved JSON view of query results, for web APIs.
//!
//! The records serialise with their sources as ids (`"sources": ["LI-2010"]`), which
//! is what a data file needs. A web client needs the title, authors, year and link
//! instead. [`KnowledgeBase::cited`] wraps any serialisable result (a record, a slice
//! of records, an [`IndicationView`]) so that every list of source ids in it, at any
//! depth (`sources`, `negative_findings`), serialises as a list of source objects:
//!
//! ```json
//! {"id": "LI-2010", "kind": "preclinical", "tier": "primary", "authors": "...",
//!  "title": "...", "venue": "...", "year": 2010, "doi": "...",
//!  "link": "https://doi.org/..."}
//! ```
//!
//! The view is built when it is serialised; it allocates (it is meant for responses,
//! not for hot query paths).

use crate::loader::KnowledgeBase;
use crate::model::{Indication, Jurisdiction, JurisdictionStatus, Source};
use serde::ser::Error as _;
use serde::{Serialize, Serializer};
use strum::IntoEnumIterator;

use serde_json::{Map, Value};

/// The keys whose values are lists of source ids.
const SOURCE_ID_KEYS: [&str; 2] = ["sources", "negative_findings"];

/// A query result whose source ids serialise as source objects (title, authors, year,
/// link, kind, tier); from [`KnowledgeBase::cited`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let json = serde_json::to_value(kb.cited(kb.routes_for(Condition::Ptsd)))?;
/// let first_source = &json[0]["sources"][0];
/// assert!(first_source["title"].is_string());
/// assert!(first_source["link"].is_string());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Cited<'a, T: ?Sized> {
    kb: &'a KnowledgeBase,
    value: &'a T,
    compact: bool,
}

impl<'a, T: ?Sized> Cited<'a, T> {
    /// The compact form for apps: each source as its title, year and link only (and
    /// its id), not the whole bibliographic record with notes.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let risks: Vec<_> = kb.risks_of(Agent::RacemicKetamine, Route::Oral)?.collect();
    /// let full = serde_json::to_string(&kb.cited(&risks))?;
    /// let compact = serde_json::to_string(&kb.cited(&risks).compact())?;
    /// assert!(compact.len() * 2 < full.len());
    /// let json: serde_json::Value = serde_json::from_str(&compact)?;
    /// let source = &json[0]["sources"][0];
    /// assert!(source["title"].is_string() && source.get("note").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compact(self) -> Self {
        Cited {
            compact: true,
            ..self
        }
    }
}

impl<T: Serialize + ?Sized> Serialize for Cited<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut value = serde_json::to_value(self.value).map_err(S::Error::custom)?;
        resolve(self.kb, &mut value, self.compact);
        value.serialize(serializer)
    }
}

/// Replaces every list of source ids under a [`SOURCE_ID_KEYS`] key with source objects.
fn resolve(kb: &KnowledgeBase, value: &mut Value, compact: bool) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                match child {
                    Value::Array(items) if SOURCE_ID_KEYS.contains(&key.as_str()) => {
                        for item in items.iter_mut() {
                            if let Some(source) = item.as_str().and_then(|id| kb.source(id)) {
                                *item = if compact {
                                    compact_object(source)
                                } else {
                                    source_object(source)
                                };
                            }
                        }
                    }
                    _ => resolve(kb, child, compact),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| resolve(kb, item, compact)),
        _ => {}
    }
}

/// One source as a web client wants it.
fn source_object(source: &Source) -> Value {
    let mut map = match serde_json::to_value(source) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    };
    map.insert(
        String::from("tier"),
        Value::String(source.tier().to_string()),
    );
    if let Some(link) = source.link() {
        map.insert(String::from("link"), Value::String(link));
    }
    Value::Object(map)
}

/// One source as an app shows it in a list: id, title, year and link.
fn compact_object(source: &Source) -> Value {
    let mut map = Map::new();
    map.insert(String::from("id"), Value::String(source.id().to_owned()));
    map.insert(
        String::from("title"),
        Value::String(source.title().to_owned()),
    );
    if let Some(year) = source.year() {
        map.insert(String::from("year"), Value::from(year));
    }
    if let Some(link) = source.link() {
        map.insert(String::from("link"), Value::String(link));
    }
    Value::Object(map)
}

/// An indication with its names, its key and its status in every jurisdiction, for a
/// web API; from [`KnowledgeBase::indication_view`]. Wrap it in
/// [`KnowledgeBase::cited`] to resolve its sources too.
///
/// It serialises as the indication's own fields plus `key`, `condition_name`,
/// `agent_name`, `route_name` and `status` (an object from jurisdiction id to
/// [`JurisdictionStatus`], every jurisdiction included, "not recorded" ones too).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, IntoEnumIterator, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let ind = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
/// let json = serde_json::to_value(kb.cited(&kb.indication_view(ind)))?;
/// assert_eq!(json["status"]["us"]["status"], "approved");
/// // Every jurisdiction is present, "not_recorded" where the data has no fact.
/// assert_eq!(json["status"].as_object().unwrap().len(), ketamine_therapy::Jurisdiction::iter().count());
/// assert!(json["sources"][0]["title"].is_string());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct IndicationView<'a> {
    kb: &'a KnowledgeBase,
    indication: &'a Indication,
}

impl Serialize for IndicationView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;

        struct Statuses<'a>(&'a KnowledgeBase, &'a Indication);
        impl Serialize for Statuses<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let Statuses(kb, i) = *self;
                serializer.collect_map(Jurisdiction::iter().map(|j| {
                    let status: JurisdictionStatus<'_> =
                        kb.use_status(i.agent(), i.route(), i.condition(), j);
                    (j, status)
                }))
            }
        }

        let ind = self.indication;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("key", &ind.key())?;
        map.serialize_entry("condition", &ind.condition())?;
        map.serialize_entry("condition_name", self.kb.condition(ind.condition()).name())?;
        map.serialize_entry("agent", &ind.agent())?;
        map.serialize_entry("agent_name", self.kb.agent(ind.agent()).name())?;
        map.serialize_entry("route", &ind.route())?;
        map.serialize_entry("route_name", self.kb.route(ind.route()).name())?;
        map.serialize_entry("evidence", &ind.evidence())?;
        map.serialize_entry("status", &Statuses(self.kb, ind))?;
        map.serialize_entry("regulatory", ind.regulatory())?;
        map.serialize_entry("note", ind.note())?;
        map.serialize_entry("sources", crate::Sourced::sources(ind))?;
        if !ind.negative_findings().is_empty() {
            map.serialize_entry("negative_findings", ind.negative_findings())?;
        }
        map.end()
    }
}

impl KnowledgeBase {
    /// Wraps a query result so that its source ids serialise as source objects with
    /// title, authors, year, link, kind and tier: the JSON a web API returns. Works on
    /// any serialisable result: a record, a slice of records, a `Vec` of references,
    /// an [`IndicationView`].
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Risk};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let risk = serde_json::to_value(kb.cited(kb.risk(Risk::Dissociation)))?;
    /// assert!(risk["sources"].as_array().unwrap().iter().all(|s| s["title"].is_string()));
    ///
    /// let interactions: Vec<_> = kb.interactions(Agent::Esketamine).collect();
    /// let json = serde_json::to_string(&kb.cited(&interactions))?;
    /// assert!(json.starts_with('['));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn cited<'a, T: Serialize + ?Sized>(&'a self, value: &'a T) -> Cited<'a, T> {
        Cited {
            kb: self,
            value,
            compact: false,
        }
    }

    /// An indication with its names, key and status in every jurisdiction, for a web
    /// API (see [`IndicationView`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let views: Vec<_> = kb.routes_for(Condition::Ptsd).iter().map(|i| kb.indication_view(i)).collect();
    /// let json = serde_json::to_value(kb.cited(&views))?;
    /// assert_eq!(json[0]["condition_name"], "post-traumatic stress disorder");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn indication_view<'a>(&'a self, indication: &'a Indication) -> IndicationView<'a> {
        IndicationView {
            kb: self,
            indication,
        }
    }
}
