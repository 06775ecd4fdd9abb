//! The FHIR R5 datatypes the export writes, as private serde structs that borrow from
//! the knowledge base, and the small constructors the resource builders share.
//!
//! FHIR's JSON rules hold by construction: every optional element is omitted when
//! absent or empty (never `null`, never `[]`), and the texts come from the loader,
//! which rejects blank ones. `tests/fhir.rs` checks the whole bundle for them.

use std::borrow::Cow;

use serde::Serialize;

use crate::model::Code;

/// Text that is usually borrowed, sometimes built.
pub(super) type Text<'a> = Cow<'a, str>;

#[derive(Debug, Serialize)]
pub(super) struct Coding<'a> {
    pub system: &'a str,
    pub code: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<Text<'a>>,
}

impl<'a> Coding<'a> {
    /// A coding whose code and display are static (HL7 code systems).
    pub fn fixed(system: &'a str, code: &'static str, display: &'static str) -> Self {
        Coding {
            system,
            code: Cow::Borrowed(code),
            display: Some(Cow::Borrowed(display)),
        }
    }
}

/// The codings of a concept. Most concepts have none or one, kept inline: a `Vec`
/// for each would be thousands of allocations per export.
#[derive(Debug, Default)]
pub(super) enum Codings<'a> {
    #[default]
    None,
    One(Coding<'a>),
    Many(Vec<Coding<'a>>),
}

impl<'a> Codings<'a> {
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    pub fn as_slice(&self) -> &[Coding<'a>] {
        match self {
            Codings::None => &[],
            Codings::One(c) => std::slice::from_ref(c),
            Codings::Many(v) => v,
        }
    }
}

impl<'a> FromIterator<Coding<'a>> for Codings<'a> {
    fn from_iter<I: IntoIterator<Item = Coding<'a>>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        match (iter.next(), iter.next()) {
            (None, _) => Codings::None,
            (Some(one), None) => Codings::One(one),
            (Some(a), Some(b)) => {
                let (low, high) = iter.size_hint();
                let mut many = Vec::with_capacity(high.unwrap_or(low) + 2);
                many.extend([a, b]);
                many.extend(iter);
                Codings::Many(many)
            }
        }
    }
}

impl Serialize for Codings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

#[derive(Debug, Default, Serialize)]
pub(super) struct Concept<'a> {
    #[serde(skip_serializing_if = "Codings::is_empty")]
    pub coding: Codings<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text<'a>>,
}

impl<'a> Concept<'a> {
    pub fn text(text: impl Into<Text<'a>>) -> Self {
        Concept {
            coding: Codings::None,
            text: Some(text.into()),
        }
    }

    /// One coding, and the text where it says more than the coding's display.
    pub fn coded(coding: Coding<'a>, text: impl Into<Text<'a>>) -> Self {
        let text = text.into();
        let text = (coding.display.as_deref() != Some(text.as_ref())).then_some(text);
        Concept {
            coding: Codings::One(coding),
            text,
        }
    }

    /// The codes of a record (any system, or only `system`), with its name as the
    /// text.
    pub fn of_codes(codes: &'a [Code], name: &'a str, system: Option<&str>) -> Self {
        Concept {
            coding: codes
                .iter()
                .filter(|c| system.is_none_or(|s| c.system().fhir_uri() == s))
                .map(coding)
                .collect(),
            text: Some(Cow::Borrowed(name)),
        }
    }
}

/// The coding of a record's code, with the FHIR URI of its system.
pub(super) fn coding(c: &Code) -> Coding<'_> {
    Coding {
        system: c.system().fhir_uri(),
        code: Cow::Borrowed(c.code()),
        display: c.display().map(Cow::Borrowed),
    }
}

/// A reference to another entry of the bundle, written `Type/id` (relative to the
/// bundle's base, resolved against the entries' `fullUrl`s).
#[derive(Debug, Clone)]
pub(super) struct Reference<'a> {
    pub resource_type: &'static str,
    /// Written before `id` (`cit-` before a source id), so that an id that is a
    /// prefix and a key needs no string of its own.
    pub id_prefix: &'static str,
    pub id: Text<'a>,
    pub display: Option<&'a str>,
}

impl<'a> Reference<'a> {
    /// A reference to `Type/id`.
    pub fn to(resource_type: &'static str, id: impl Into<Text<'a>>) -> Self {
        Reference {
            resource_type,
            id_prefix: "",
            id: id.into(),
            display: None,
        }
    }

    /// The same reference, with a display.
    pub fn shown(mut self, display: &'a str) -> Self {
        self.display = Some(display);
        self
    }
}

impl Serialize for Reference<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        // Resource types and prefixes are letters and hyphens, and ids are FHIR ids
        // (derived or checked when they are made): nothing in `Type/id` needs an escape.
        debug_assert!(super::ids::is_fhir_id(&[self.id_prefix, &self.id].concat()));
        let mut map = serializer.serialize_map(None)?;
        let parts = [self.resource_type, "/", self.id_prefix, &self.id];
        map.serialize_entry("reference", &Concat::no_escape(&parts))?;
        if let Some(display) = self.display {
            map.serialize_entry("display", display)?;
        }
        map.end()
    }
}

/// Strings serialised one after the other as one JSON string (`Type/id`, a
/// `fullUrl`), joined in a reused buffer rather than a new string each time.
pub(super) struct Concat<'r> {
    parts: &'r [&'r str],
    /// Whether the parts are known to need no JSON escape.
    no_escape: bool,
}

impl<'r> Concat<'r> {
    pub fn new(parts: &'r [&'r str]) -> Self {
        Concat {
            parts,
            no_escape: false,
        }
    }

    /// Parts that need no JSON escape (ids, URLs of this crate, resource types).
    pub fn no_escape(parts: &'r [&'r str]) -> Self {
        Concat {
            parts,
            no_escape: true,
        }
    }
}

impl Serialize for Concat<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        thread_local! {
            static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        let write = |s: S, joined: &str| {
            if self.no_escape {
                s.serialize_newtype_struct(super::json::NO_ESCAPE, joined)
            } else {
                s.serialize_str(joined)
            }
        };
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buf) => {
                buf.clear();
                self.parts.iter().for_each(|part| buf.push_str(part));
                write(serializer, &buf)
            }
            // Only if a serializer re-entered this one: join into a new string.
            Err(_) => write(serializer, &self.parts.concat()),
        })
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum CodeableReference<'a> {
    Concept(Concept<'a>),
    Reference(Reference<'a>),
}

/// An identifier: a value in a system (every identifier of the export has one).
#[derive(Debug, Serialize)]
pub(super) struct Identifier<'a> {
    pub system: &'a str,
    pub value: Text<'a>,
}

/// The record-key identifier of an exported record.
pub(super) fn key_identifier<'a>(key: impl Into<Text<'a>>) -> [Identifier<'a>; 1] {
    [Identifier {
        system: super::RECORD_KEY_SYSTEM,
        value: key.into(),
    }]
}

/// An extension with a `Coding` or a `Reference` value.
#[derive(Debug, Serialize)]
pub(super) struct Extension<'a> {
    pub url: &'a str,
    #[serde(rename = "valueCoding", skip_serializing_if = "Option::is_none")]
    pub value_coding: Option<Coding<'a>>,
    #[serde(rename = "valueReference", skip_serializing_if = "Option::is_none")]
    pub value_reference: Option<Reference<'a>>,
}

impl<'a> Extension<'a> {
    pub fn coding(url: &'a str, value: Coding<'a>) -> Self {
        Extension {
            url,
            value_coding: Some(value),
            value_reference: None,
        }
    }

    pub fn reference(url: &'a str, value: Reference<'a>) -> Self {
        Extension {
            url,
            value_coding: None,
            value_reference: Some(value),
        }
    }
}

/// A resource's narrative: always `generated` from the same data as its elements.
#[derive(Debug, Serialize)]
pub(super) struct Narrative {
    pub status: &'static str,
    pub div: Div,
}

/// The XHTML of a narrative, and whether its builder found nothing in it that JSON
/// escapes (then it is written without looking again).
#[derive(Debug)]
pub(super) struct Div {
    pub xhtml: String,
    pub no_escape: bool,
}

impl Serialize for Div {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.no_escape {
            serializer.serialize_newtype_struct(super::json::NO_ESCAPE, self.xhtml.as_str())
        } else {
            serializer.serialize_str(&self.xhtml)
        }
    }
}

#[derive(Debug, Serialize)]
pub(super) struct Quantity<'a> {
    pub value: f64,
    pub unit: &'a str,
    pub system: &'a str,
    pub code: &'a str,
}

#[derive(Debug, Serialize)]
pub(super) struct Range<'a> {
    pub low: Quantity<'a>,
    pub high: Quantity<'a>,
}
