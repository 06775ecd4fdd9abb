//! Look-up by standard code: which agents, routes and conditions carry a code.
//!
//! Codes are matched after normalisation, so that the spellings clinicians and
//! systems actually use find the same record: ASCII letters in upper case, and the
//! separators `.`, `-`, `_` and spaces dropped (`F33.1`, `f331` and `F33 1` are one
//! code), with ChEBI's `CHEBI:` prefix optional. The normalised keys are built once, at
//! load, and sorted; a query normalises its input into a stack buffer and
//! binary-searches, so [`KnowledgeBase::by_code`] allocates nothing.

use crate::loader::KnowledgeBase;
use crate::loader::index::codes::CodeEntry;
use crate::model::{Code, CodeSystem, Entity};
use crate::text::{MAX_CODE_BYTES, normalize_code};
use std::fmt;

/// One record that carries a code: the entity and the code as the data has it (with
/// its note and sources).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::CodeSystem, Entity, KnowledgeBase, Route};
///
/// let kb = KnowledgeBase::embedded();
/// let hit = kb.by_code(CodeSystem::SnomedCt, "46713006").next().unwrap();
/// assert_eq!(hit.entity(), Entity::Route(Route::Intranasal));
/// assert_eq!(hit.code().code(), "46713006");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeMatch<'a> {
    entity: Entity,
    code: &'a Code,
}

impl<'a> CodeMatch<'a> {
    /// The agent, route or condition that carries the code.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, Agent, Entity, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let hit = kb.by_code(CodeSystem::Atc, "N06AX27").next().unwrap();
    /// assert_eq!(hit.entity(), Entity::Agent(Agent::Esketamine));
    /// ```
    pub fn entity(&self) -> Entity {
        self.entity
    }

    /// The code as recorded: exact spelling, system, note and sources.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, KnowledgeBase, Sourced};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let hit = kb.by_code(CodeSystem::Atc, "n06ax27").next().unwrap();
    /// assert_eq!(hit.code().code(), "N06AX27");
    /// assert!(!hit.code().sources().is_empty());
    /// ```
    pub fn code(&self) -> &'a Code {
        self.code
    }
}

impl fmt::Display for CodeMatch<'_> {
    /// `ICD-10-CM F33.9: condition treatment-resistant depression`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} {}", self.code, self.entity.kind(), self.entity)
    }
}

/// The records that carry a code, from [`KnowledgeBase::by_code`]: an iterator of
/// [`CodeMatch`], in (system, entity) order, that also says whether the code is shared
/// by several records. It borrows; it allocates nothing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::CodeSystem, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let found = kb.by_code(CodeSystem::Icd10Cm, "F33.9");
/// if found.is_shared() {
///     println!("F33.9 is carried by {} records:", found.len());
/// }
/// for hit in found {
///     println!("  {hit}");
/// }
/// ```
#[derive(Debug, Clone)]
pub struct CodeMatches<'a> {
    kb: &'a KnowledgeBase,
    entries: std::slice::Iter<'a, CodeEntry>,
}

impl<'a> CodeMatches<'a> {
    /// Whether more than one record carries the code (e.g. an ICD-10-CM depression code
    /// that several conditions map to). Each such code's note says so too.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(!kb.by_code(CodeSystem::SnomedCt, "47625008").is_shared());
    /// ```
    pub fn is_shared(&self) -> bool {
        let slice = self.entries.as_slice();
        match slice.first() {
            Some(first) => slice.iter().any(|e| e.entity != first.entity),
            None => false,
        }
    }

    /// Whether no record carries the code.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.by_code(CodeSystem::Icd10Cm, "Z99.99").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.as_slice().is_empty()
    }

    /// The entities that carry the code, each once.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let entities: Vec<Entity> = kb.by_code(CodeSystem::SnomedCt, "47625008").entities().collect();
    /// assert_eq!(entities, [Entity::Route(Route::Intravenous)]);
    /// ```
    pub fn entities(&self) -> impl Iterator<Item = Entity> + 'a {
        let slice: &'a [CodeEntry] = self.entries.as_slice();
        slice.iter().enumerate().filter_map(move |(i, e)| {
            let seen = slice
                .get(..i)
                .is_some_and(|before| before.iter().any(|b| b.entity == e.entity));
            (!seen).then_some(e.entity)
        })
    }
}

impl<'a> Iterator for CodeMatches<'a> {
    type Item = CodeMatch<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        for e in self.entries.by_ref() {
            if let Some(code) = codes_of(self.kb, e.entity).get(e.position) {
                return Some(CodeMatch {
                    entity: e.entity,
                    code,
                });
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl ExactSizeIterator for CodeMatches<'_> {}

/// The codes an entity carries (none for the kinds of records without codes).
fn codes_of(kb: &KnowledgeBase, entity: Entity) -> &[Code] {
    match entity {
        Entity::Agent(a) => kb.agent(a).codes(),
        Entity::Route(r) => kb.route(r).codes(),
        Entity::Condition(c) => kb.condition(c).codes(),
        _ => &[],
    }
}

impl KnowledgeBase {
    /// Every agent, route and condition that carries `code` in `system`.
    ///
    /// The code is matched after normalisation (ASCII case, `.`, `-`, `_` and spaces
    /// ignored), so `F33.1`, `f331` and `F33 1` are the same ICD-10-CM code. The
    /// system's common spellings parse with [`str::parse`] (`"snomed"`, `"SCT"`,
    /// `"icd10"`, `"ICD-10-CM"`, or the FHIR URI). Several records come back where a
    /// code is shared, and [`CodeMatches::is_shared`] says so. Allocates nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let system: CodeSystem = "SCT".parse()?;
    /// let hits: Vec<Entity> = kb.by_code(system, "46713006").map(|m| m.entity()).collect();
    /// assert_eq!(hits, [Entity::Route(Route::Intranasal)]);
    /// assert!(kb.by_code(CodeSystem::Icd10Cm, "no-such-code").is_empty());
    /// # Ok::<(), ketamine_therapy::ParseIdError>(())
    /// ```
    pub fn by_code(&self, system: CodeSystem, code: &str) -> CodeMatches<'_> {
        let mut buf = [0u8; MAX_CODE_BYTES];
        let entries = match normalize_code(code, &mut buf) {
            Some(key) => self.index.codes.range(key, Some(system)),
            None => &[],
        };
        CodeMatches {
            kb: self,
            entries: entries.iter(),
        }
    }

    /// Every record that carries `code` in any code system: for a bare code such as
    /// `F33.1` or `N06AX27` when the system is not known. Numeric codes can exist in
    /// several systems; each match names its system. Allocates nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::CodeSystem, Agent, Entity, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let hit = kb.by_any_code("n06ax27").next().unwrap();
    /// assert_eq!(hit.entity(), Entity::Agent(Agent::Esketamine));
    /// assert_eq!(hit.code().system(), CodeSystem::Atc);
    /// ```
    pub fn by_any_code(&self, code: &str) -> CodeMatches<'_> {
        let mut buf = [0u8; MAX_CODE_BYTES];
        let entries = match normalize_code(code, &mut buf) {
            Some(key) => self.index.codes.range(key, None),
            None => &[],
        };
        CodeMatches {
            kb: self,
            entries: entries.iter(),
        }
    }

    /// Every record that carries the code written in `text`, in any of the forms
    /// people and systems write: a bare code (`F33.1`), the system then the code
    /// (`ICD-10-CM F33.1`, `snomed 46713006`, `CHEBI:6121`), or FHIR token syntax
    /// (`http://snomed.info/sct|46713006`). A prefix that is not a known system is
    /// taken as part of a bare code. Allocates nothing.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Entity, KnowledgeBase, Route};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let nasal = Entity::Route(Route::Intranasal);
    /// assert_eq!(kb.by_code_text("SNOMED CT 46713006").next().map(|m| m.entity()), Some(nasal));
    /// assert_eq!(kb.by_code_text("http://snomed.info/sct|46713006").next().map(|m| m.entity()), Some(nasal));
    /// assert_eq!(kb.by_code_text("sct:46713006").next().map(|m| m.entity()), Some(nasal));
    /// assert_eq!(kb.by_code_text("46713006").next().map(|m| m.entity()), Some(nasal));
    /// // Folded as name lookup folds: full-width forms and invisible marks.
    /// assert_eq!(kb.by_code_text("Ｆ３３．１").count(), kb.by_code_text("F33.1").count());
    /// assert_eq!(kb.by_code_text("F33\u{200b}.1").count(), kb.by_code_text("F33.1").count());
    /// ```
    pub fn by_code_text(&self, text: &str) -> CodeMatches<'_> {
        let text = text.trim();
        let split = text
            .rfind('|')
            .or_else(|| text.rfind(char::is_whitespace))
            .or_else(|| text.find(':'));
        if let Some(at) = split {
            let (system, code) = (text.get(..at), text.get(at + 1..));
            if let (Some(system), Some(code)) = (system, code) {
                if let Ok(system) = system.trim().parse::<CodeSystem>() {
                    return self.by_code(system, code);
                }
            }
        }
        self.by_any_code(text)
    }
}

// The name buffer and the code buffer are both small stack arrays; keep the code one
// no larger than the name one so that a look-up never needs more stack than `lookup`.

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(code: &str) -> Option<String> {
        let mut buf = [0u8; MAX_CODE_BYTES];
        normalize_code(code, &mut buf).map(|k| String::from_utf8_lossy(k).into_owned())
    }

    #[test]
    fn normalisation_ignores_case_and_separators() {
        assert_eq!(norm("F33.1").as_deref(), Some("F331"));
        assert_eq!(norm(" f33 1 ").as_deref(), Some("F331"));
        assert_eq!(norm("6740-88-1").as_deref(), Some("6740881"));
        assert_eq!(norm("CHEBI:6121").as_deref(), Some("6121"));
        assert_eq!(norm("chebi:6121").as_deref(), Some("6121"));
        assert_eq!(norm("...").as_deref(), None);
        assert_eq!(norm(&"9".repeat(MAX_CODE_BYTES + 1)), None);
    }
}
