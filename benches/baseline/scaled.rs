//! A data set about ten times the size of the embedded one, for the `load_10x` group:
//! the embedded files, plus copies of every open-vocabulary section (sources,
//! medicines, brands) and of every list that may repeat (contraindications,
//! monitoring, interactions, population guidance, dosing), with consistently renamed
//! ids, names and citations so that the whole still loads and validates.
//!
//! Records keyed by an identity enum (agents, routes, conditions, indications, risks,
//! ...) exist once per variant, so they are not copied; the number of copies is chosen
//! so that the total is about ten times the embedded bytes. Each copy is its own set of
//! files, so every file stays within `MAX_FILE_BYTES`: the loader merges sections held
//! by several files.

use serde_json::{Map, Value};

/// The sections that a copy repeats.
const COPIED: [&str; 8] = [
    "sources",
    "medicines",
    "brands",
    "contraindications",
    "monitoring",
    "interactions",
    "populations",
    "dosing",
];

/// The files of a data set `factor` times the size of `base` (in bytes, within half a
/// copy), as `(name, text)`.
pub fn scaled(base: &[(&str, &str)], factor: usize) -> Vec<(String, String)> {
    let base_bytes: usize = base.iter().map(|(_, text)| text.len()).sum();
    let target = base_bytes * factor;
    let mut files: Vec<(String, String)> = base
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .collect();
    let parsed: Vec<(&str, Value)> = base
        .iter()
        .map(|(name, text)| (*name, serde_json::from_str(text).expect("the data is JSON")))
        .collect();
    let mut total = base_bytes;
    for copy in 1.. {
        let texts: Vec<(String, String)> = parsed
            .iter()
            .filter_map(|(name, value)| {
                let sections = copied_sections(value, copy)?;
                let text = serde_json::to_string_pretty(&Value::Object(sections))
                    .expect("a Value serialises");
                Some((format!("copy{copy}/{name}"), text))
            })
            .collect();
        let bytes: usize = texts.iter().map(|(_, text)| text.len()).sum();
        // Stop at the copy count that lands nearest the target.
        if total + bytes / 2 > target {
            break;
        }
        total += bytes;
        files.extend(texts);
    }
    files
}

/// The copied sections of one file, renamed for copy `n`; `None` if it has none.
fn copied_sections(file: &Value, n: usize) -> Option<Map<String, Value>> {
    let mut out = Map::new();
    for section in COPIED {
        let Some(Value::Array(records)) = file.get(section) else {
            continue;
        };
        let renamed = records
            .iter()
            .map(|record| {
                let mut record = record.clone();
                rename(&mut record, section, n);
                record
            })
            .collect();
        out.insert(section.to_owned(), Value::Array(renamed));
    }
    (!out.is_empty()).then_some(out)
}

/// Renames one record for copy `n`: its own id or name, and every source id and
/// medicine id it refers to.
fn rename(record: &mut Value, section: &str, n: usize) {
    let Value::Object(fields) = record else {
        return;
    };
    match section {
        "sources" => suffix(fields.get_mut("id"), &format!("-R{n}")),
        "medicines" => {
            suffix(fields.get_mut("id"), &format!("_r{n}"));
            suffix(fields.get_mut("name"), &format!(" r{n}"));
            if let Some(Value::Array(aliases)) = fields.get_mut("aliases") {
                for alias in aliases {
                    suffix(Some(alias), &format!(" r{n}"));
                }
            }
        }
        "brands" => {
            suffix(fields.get_mut("name"), &format!(" r{n}"));
            if let Some(Value::Array(ids)) = fields.get_mut("ingredients") {
                for id in ids {
                    suffix(Some(id), &format!("_r{n}"));
                }
            }
        }
        _ => {}
    }
    rename_citations(record, n);
}

/// Every `sources` list, at any depth, cites the copy's sources.
fn rename_citations(value: &mut Value, n: usize) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields.iter_mut() {
                match (key.as_str(), field) {
                    ("sources", Value::Array(ids)) => {
                        for id in ids {
                            suffix(Some(id), &format!("-R{n}"));
                        }
                    }
                    (_, other) => rename_citations(other, n),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| rename_citations(x, n)),
        _ => {}
    }
}

fn suffix(value: Option<&mut Value>, tail: &str) {
    if let Some(Value::String(text)) = value {
        text.push_str(tail);
    }
}
