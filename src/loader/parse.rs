//! Parsing one file, and locating the record and field behind a parse error.

use crate::text::{echo, serde_message};
use serde::de::DeserializeOwned;

use serde_json::Value;

use super::files::{DataFile, Draft};
use super::stream::DataFileSeed;
use super::{LoadError, MAX_FILE_BYTES};
use serde::de::DeserializeSeed;

/// A file's content as given: text (UTF-8 by type) or bytes (checked here).
#[derive(Clone, Copy)]
pub(super) enum Input<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

impl<'a> Input<'a> {
    pub(super) fn len(self) -> usize {
        match self {
            Input::Text(text) => text.len(),
            Input::Bytes(bytes) => bytes.len(),
        }
    }

    /// The text of the file after the checks that come before parsing: its size, no
    /// byte-order mark, UTF-8, and an object at the top level.
    fn text(self, file: &str) -> Result<&'a str, LoadError> {
        if self.len() > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: file.to_owned(),
                size: self.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        let text = match self {
            Input::Text(text) if text.starts_with('\u{feff}') => None,
            Input::Text(text) => Some(text),
            Input::Bytes(bytes) if bytes.starts_with(b"\xEF\xBB\xBF") => None,
            Input::Bytes(bytes) => {
                Some(
                    std::str::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8 {
                        file: file.to_owned(),
                        offset: e.valid_up_to(),
                    })?,
                )
            }
        };
        let Some(text) = text else {
            return Err(LoadError::ByteOrderMark {
                file: file.to_owned(),
            });
        };
        if !text
            .trim_start_matches([' ', '\t', '\n', '\r'])
            .starts_with('{')
        {
            // Only valid JSON of another type is reported as such; anything else is left
            // to the parser, which reports the syntax error. (serde would read an empty
            // array as a file with no sections.)
            if let Ok(value) = serde_json::from_str::<Value>(text) {
                return Err(LoadError::NotAnObject {
                    file: file.to_owned(),
                    found: json_type(&value).to_owned(),
                });
            }
        }
        Ok(text)
    }
}

/// Parses one file into `T`, turning every failure into a located [`LoadError`].
pub(super) fn parse<T: DeserializeOwned>(file: &str, input: Input<'_>) -> Result<T, LoadError> {
    let text = input.text(file)?;
    serde_json::from_str(text).map_err(|e| locate::<T>(file, text, e))
}

/// Parses one data file straight into `draft`, as its next file.
pub(super) fn parse_into(draft: &mut Draft, file: &str, input: Input<'_>) -> Result<(), LoadError> {
    let text = input.text(file)?;
    let index = draft.files.len();
    draft.files.push(file.to_owned());
    let mut de = serde_json::Deserializer::from_str(text);
    DataFileSeed { draft, file: index }
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| locate::<DataFile>(file, text, e))
}

/// The JSON type of a value, as a reader names it.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value as an error message shows it: its type, and a short echo of a scalar.
fn describe(value: &Value) -> String {
    match value {
        Value::Null | Value::Array(_) | Value::Object(_) => json_type(value).to_owned(),
        Value::Bool(b) => format!("a boolean `{b}`"),
        Value::Number(n) => format!("a number `{}`", echo(&n.to_string())),
        Value::String(s) => format!("a string \"{}\"", echo(s)),
    }
}

/// The value at a serde path, if the path leads to one.
fn value_at<'v>(value: &'v Value, path: &serde_path_to_error::Path) -> Option<&'v Value> {
    use serde_path_to_error::Segment;
    path.iter().try_fold(value, |v, segment| match segment {
        Segment::Seq { index } => v.get(index),
        Segment::Map { key } => v.get(key),
        Segment::Enum { .. } | Segment::Unknown => Some(v),
    })
}

/// Finds the record and field behind a parse error (the slow path).
fn locate<T: DeserializeOwned>(file: &str, text: &str, error: serde_json::Error) -> LoadError {
    let syntax = |e: &serde_json::Error| LoadError::Syntax {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    };
    if error.is_eof() || error.is_io() {
        return syntax(&error);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return syntax(&e),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let (path, inner, found) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) => {
            let found = value_at(&value, e.path()).map(describe);
            (e.path().to_string(), e.into_inner(), found)
        }
        Ok(_) => (String::from("."), error, None),
    };
    let message = if inner.is_syntax() {
        // The text is valid JSON, so this is serde_json's report of a value of the
        // wrong type where an id (an enum) belongs: a schema error, not a syntax one.
        format!(
            "invalid type: expected a string id, found {}",
            found.as_deref().unwrap_or("another type")
        )
    } else {
        serde_message(&strip_position(&inner.to_string()))
    };
    let (record, mut field) = record_and_field(&value, &path);
    if field.is_empty() || field == "?" {
        // A missing or unknown field is reported at the record itself; take its name
        // from the message.
        field = if message.starts_with("missing field") || message.starts_with("unknown field") {
            quoted_name(&message)
        } else {
            None
        }
        .unwrap_or_else(|| String::from("(the whole value)"));
    }
    LoadError::Schema {
        file: file.to_owned(),
        record,
        field,
        message,
        line: inner.line(),
        column: inner.column(),
    }
}

/// serde_json appends " at line L column C"; the error carries them separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// The first `` `name` `` in a serde message.
fn quoted_name(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let rest = message.get(start..)?;
    let end = rest.find('`')?;
    rest.get(..end).map(str::to_owned)
}

/// Splits a serde path such as `routes[2].bioavailability.min` into a readable record
/// name (`routes[2] "intravenous"`) and the field within it (`bioavailability.min`).
fn record_and_field(value: &serde_json::Value, path: &str) -> (String, String) {
    let path = path.trim_start_matches('.');
    let (section, rest) = match path.find(['[', '.']) {
        Some(i) => (path.get(..i).unwrap_or(path), path.get(i..).unwrap_or("")),
        None => (path, ""),
    };
    if section.is_empty() || section == "?" {
        return (String::from("(file)"), String::new());
    }
    if rest.is_empty() && value.get(section).is_some() && !is_section(section) {
        // An unknown top-level key: the "record" is the file's top level.
        return (String::from("(top level)"), section.to_owned());
    }
    let Some(rest_after_index) = rest.strip_prefix('[') else {
        // A section that is not a list (`mechanism`), or the section itself.
        return (
            format!("`{section}`"),
            rest.trim_start_matches('.').to_owned(),
        );
    };
    let close = rest_after_index.find(']').unwrap_or(rest_after_index.len());
    let index_text = rest_after_index.get(..close).unwrap_or("");
    let field = rest_after_index
        .get(close + 1..)
        .unwrap_or("")
        .trim_start_matches('.')
        .to_owned();
    let record = index_text
        .parse::<usize>()
        .ok()
        .and_then(|i| value.get(section)?.get(i))
        .and_then(record_label);
    let name = match record {
        Some(label) => format!("{section}[{index_text}] ({})", echo(&label)),
        None => format!("{section}[{index_text}]"),
    };
    (name, field)
}

/// Whether `name` is a section of a data or overlay file.
fn is_section(name: &str) -> bool {
    const SECTIONS: [&str; 18] = [
        "sources",
        "agents",
        "mechanism",
        "routes",
        "groups",
        "conditions",
        "indications",
        "benefits",
        "risks",
        "contraindications",
        "monitoring",
        "interactants",
        "interactions",
        "populations",
        "dosing",
        "risk_frequencies",
        "aliases",
        "replaces",
    ];
    SECTIONS.contains(&name)
}

/// The readable id of a record in raw JSON, when it has one.
fn record_label(record: &serde_json::Value) -> Option<String> {
    let text = |key: &str| record.get(key).and_then(serde_json::Value::as_str);
    if let Some(id) = text("id") {
        return Some(id.to_owned());
    }
    match (text("condition"), text("agent"), text("route")) {
        (Some(c), Some(a), Some(r)) => Some(format!("{c}/{a}/{r}")),
        _ => text("risk").or(text("agent")).map(str::to_owned),
    }
}
