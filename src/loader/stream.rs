//! Parsing a data file straight into the draft: each record is appended to its
//! section as it is read, with no list per file to copy afterwards.
//!
//! It accepts exactly what [`DataFile`](super::files::DataFile) accepts (any subset of
//! the sections, each at most once, nothing else); when it fails, the caller parses
//! again as a `DataFile` to name the record and the field.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::files::Draft;

/// Declares the sections of a data file: the key, and the draft list each record goes
/// to.
macro_rules! sections {
    ($($key:literal => $field:ident,)*) => {
        /// The top-level keys of a data file.
        const KEYS: &[&str] = &[$($key,)* "mechanism"];

        /// Reads one top-level value into the draft; `false` if the key is unknown.
        fn read_section<'de, A: MapAccess<'de>>(
            map: &mut A,
            key: &str,
            draft: &mut Draft,
            file: usize,
        ) -> Result<bool, A::Error> {
            match key {
                $($key => map.next_value_seed(Append { out: &mut draft.$field, file })?,)*
                "mechanism" => {
                    if let Some(m) = map.next_value()? {
                        draft.mechanism.push((file, m));
                    }
                }
                _ => return Ok(false),
            }
            Ok(true)
        }
    };
}

sections! {
    "sources" => sources,
    "agents" => agents,
    "routes" => routes,
    "groups" => groups,
    "conditions" => conditions,
    "indications" => indications,
    "benefits" => benefits,
    "risks" => risks,
    "contraindications" => contraindications,
    "monitoring" => monitoring,
    "interactants" => interactants,
    "interactions" => interactions,
    "populations" => populations,
    "dosing" => regimens,
    "medicines" => medicines,
    "brands" => brands,
}

/// The records of one data file, appended to a draft; the file is the draft's
/// `file`th.
pub(super) struct DataFileSeed<'d> {
    pub(super) draft: &'d mut Draft,
    pub(super) file: usize,
}

impl<'de> DeserializeSeed<'de> for DataFileSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DataFileSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a data file (a JSON object of sections)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // Each section once, as for any struct field.
        let mut seen = [false; KEYS.len()];
        while let Some(key) = map.next_key_seed(Key)? {
            let Some(first) = KEYS
                .iter()
                .position(|k| *k == key.as_str())
                .and_then(|i| seen.get_mut(i))
            else {
                return Err(de::Error::unknown_field(key.as_str(), KEYS));
            };
            if std::mem::replace(first, true) {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}`",
                    key.as_str()
                )));
            }
            read_section(&mut map, key.as_str(), self.draft, self.file)?;
        }
        Ok(())
    }
}

/// A top-level key, escapes resolved, without allocating for the usual short keys.
struct Key;

/// A key of at most 24 bytes (longer keys are unknown keys: kept only to name them).
enum KeyText {
    Short([u8; 24], usize),
    Long(String),
}

impl KeyText {
    fn as_str(&self) -> &str {
        match self {
            KeyText::Short(bytes, len) => bytes
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            KeyText::Long(text) => text,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Key {
    type Value = KeyText;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<KeyText, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = KeyText;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a section name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<KeyText, E> {
        let mut bytes = [0u8; 24];
        Ok(match bytes.get_mut(..key.len()) {
            Some(head) => {
                head.copy_from_slice(key.as_bytes());
                KeyText::Short(bytes, key.len())
            }
            None => KeyText::Long(key.to_owned()),
        })
    }
}

/// Appends the records of one section to a draft list, tagged with their file.
struct Append<'d, T> {
    out: &'d mut Vec<(usize, T)>,
    file: usize,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Append<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Append<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element()? {
            self.out.push((self.file, record));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::files::DataFile;

    fn streamed(text: &str) -> bool {
        let mut draft = Draft::default();
        let mut de = serde_json::Deserializer::from_str(text);
        DataFileSeed {
            draft: &mut draft,
            file: 0,
        }
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .is_ok()
    }

    /// The stream accepts exactly what the `DataFile` schema accepts. (Valid JSON that
    /// is not an object, such as `[]`, which the schema would read as a struct, never
    /// reaches either: the loader refuses it first.)
    #[test]
    fn accepts_what_the_schema_accepts() {
        let mut cases: Vec<String> = [
            "{}",
            " { } ",
            r#"{"sources": []}"#,
            r#"{"sources": [], "sources": []}"#,
            r#"{"sour\u0063es": []}"#,
            r#"{"mechanism": null}"#,
            r#"{"mechanism": null, "mechanism": null}"#,
            r#"{"sources": null}"#,
            r#"{"sources": {}}"#,
            r#"{"unknown": 1}"#,
            r#"{"dosing": []}"#,
            r#"{"regimens": []}"#,
            r#"{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": []}"#,
            r#"{"brands": [], "medicines": [], "dosing": []}"#,
            r#"{"sources": [1]}"#,
            r#"{"sources": []} x"#,
            r#"{"sources": [],}"#,
            r#"{"sources": ["#,
            "[{",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        cases.extend(
            crate::KnowledgeBase::embedded_files()
                .iter()
                .map(|(_, text)| (*text).to_owned()),
        );
        for text in &cases {
            let schema = serde_json::from_str::<DataFile>(text).is_ok();
            assert_eq!(streamed(text), schema, "{}", text.get(..60).unwrap_or(text));
        }
    }
}
