//! The catalogue of malformed data: every directory under `tests/fixtures/malformed/`
//! is one case, built from the real `data/` files by a small, documented mutation (or,
//! where the case is about bytes, generated in memory), and each case states the exact
//! [`LoadError`] variant it must produce and what its message must say.
//!
//! A case directory holds `case.json`:
//!
//! ```json
//! {
//!   "about": "what is wrong, in words",
//!   "load": "files | bundle | overlay | generated | dir",
//!   "edits": [ ... ],
//!   "expect": {
//!     "variant": "PercentOutOfRange",
//!     "file": "data/routes.json",
//!     "record": "intravenous",
//!     "field": "bioavailability.min",
//!     "display_contains": ["expected a number from 0 to 100"]
//!   }
//! }
//! ```
//!
//! * `files`: copies of the `data/*.json` files, named `data/<name>` as in the
//!   embedded set, edited in memory and loaded with `KnowledgeBase::from_json_files`.
//!   Edits: `{"file", "pointer", "set": value}` (replace, add an object key, or append
//!   with `/-`), `{"file", "pointer", "remove": true}`,
//!   `{"file", "pointer", "copy_from": pointer, "from_file"?}` and
//!   `{"file", "replace_text": {"find", "with"}}` (first occurrence, on the text).
//! * `bundle`: all data files merged into one JSON object, serialised, edited as bytes
//!   (`{"prepend_hex"}`, `{"append_text"}`, `{"replace_text": {"find", "with" | "with_hex"}}`)
//!   and loaded with `KnowledgeBase::from_json_bytes("bundle.json", ..)`.
//! * `overlay`: the case's own `overlay.json`, applied with
//!   `KnowledgeBase::embedded().with_overlay("overlay.json", ..)`.
//! * `generated`: input made in memory (`"generate": "nested_arrays"` with `depth`, or
//!   `"oversize"`: the bundle padded to one byte over `MAX_FILE_BYTES`), loaded with
//!   `from_json_bytes`; nothing big is committed. Also `"over_total"`: five files of
//!   `MAX_FILE_BYTES` each, loaded with `from_json_files`; `"over_total_dir"`: the same
//!   as a temporary directory, loaded with `from_json_dir`; `"many_files"`: a temporary
//!   directory of 257 `{}` files, loaded with `from_json_dir`; `"fifo"`: a temporary
//!   FIFO named `overlay.json`, given to `with_overlay_file` (Unix only).
//! * `dir`: `KnowledgeBase::from_json_dir` on `path` (relative to the case directory).
//! * `overlay_file`: `KnowledgeBase::embedded().with_overlay_file(path)`, `path`
//!   absolute or relative to the case directory.
//!
//! `expect.file` is the file the error names (for `MissingRecord` and `Section`, the
//! list of files); `record` and `field` are compared exactly when given;
//! `display_contains` must include the text that says what would be valid.
//!
//! `expect` states the right behaviour; a case that falls short of it fails.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use ketamine_therapy::{Entity, KnowledgeBase, LoadError, Route, Sourced, loader::MAX_FILE_BYTES};
use serde_json::Value;

/// The data files in the embedded load order.
/// The data files in the embedded load order, without their `data/` prefix.
fn data_files() -> impl Iterator<Item = &'static str> {
    KnowledgeBase::embedded_files()
        .iter()
        .map(|(name, _)| name.strip_prefix("data/").unwrap_or(name))
}

/// The cases the catalogue must hold (issue 3); more may be added freely.
const REQUIRED_CASES: [&str; 32] = [
    "json-syntax-error",
    "wrong-type",
    "unknown-enum-id",
    "duplicate-route",
    "missing-route-record",
    "dangling-source-id",
    "empty-sources",
    "percent-above-100",
    "negative-percent",
    "inverted-percent-range",
    "inverted-timing",
    "empty-name",
    "alias-shared-by-two-entities",
    "alias-equals-other-name",
    "unknown-field",
    "null-required-value",
    "malformed-date",
    "malformed-span",
    "unknown-evidence-level",
    "invalid-utf8",
    "byte-order-mark",
    "trailing-garbage",
    "deeply-nested",
    "too-large",
    "overlay-redefines-source",
    "overlay-redefines-indication",
    "overlay-replaces-nothing",
    "route-not-for-agent",
    "negative-findings-not-in-sources",
    "missing-mechanism",
    "regulatory-approval-without-approved",
    "date-on-non-approved-status",
];

/// Every variant of [`LoadError`]; the catalogue must exercise each one.
const ALL_VARIANTS: [&str; 25] = [
    "InvalidUtf8",
    "ByteOrderMark",
    "TooLarge",
    "Syntax",
    "Schema",
    "EmptyText",
    "EmptySources",
    "UnknownSource",
    "PercentOutOfRange",
    "InvertedRange",
    "DuplicateRecord",
    "MissingRecord",
    "Section",
    "AliasConflict",
    "RouteNotForAgent",
    "Redefinition",
    "Invalid",
    "NotAnObject",
    "EmptyDirectory",
    "LoadTooLarge",
    "TooManyFiles",
    "NotAFile",
    "BadText",
    "Confusable",
    "Io",
];

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cases_dir() -> PathBuf {
    manifest().join("tests/fixtures/malformed")
}

fn data_text(name: &str) -> String {
    let path = manifest().join("data").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The data files merged into one document (a section in several files, such as
/// `sources`, is concatenated).
fn bundle() -> Vec<u8> {
    let mut all = serde_json::Map::new();
    for name in data_files() {
        let Value::Object(sections) = serde_json::from_str(&data_text(name)).unwrap() else {
            panic!("{name} is not a JSON object");
        };
        for (section, value) in sections {
            match (all.get_mut(&section), value) {
                (Some(Value::Array(items)), Value::Array(more)) => items.extend(more),
                (None, value) => {
                    all.insert(section, value);
                }
                _ => panic!("{section} twice"),
            }
        }
    }
    serde_json::to_vec_pretty(&Value::Object(all)).unwrap()
}

/// The name, as written in `case.json`, of a [`LoadError`] variant.
fn variant_name(err: &LoadError) -> &'static str {
    match err {
        LoadError::InvalidUtf8 { .. } => "InvalidUtf8",
        LoadError::ByteOrderMark { .. } => "ByteOrderMark",
        LoadError::TooLarge { .. } => "TooLarge",
        LoadError::Syntax { .. } => "Syntax",
        LoadError::Schema { .. } => "Schema",
        LoadError::EmptyText { .. } => "EmptyText",
        LoadError::EmptySources { .. } => "EmptySources",
        LoadError::UnknownSource { .. } => "UnknownSource",
        LoadError::PercentOutOfRange { .. } => "PercentOutOfRange",
        LoadError::InvertedRange { .. } => "InvertedRange",
        LoadError::DuplicateRecord { .. } => "DuplicateRecord",
        LoadError::MissingRecord { .. } => "MissingRecord",
        LoadError::Section { .. } => "Section",
        LoadError::AliasConflict { .. } => "AliasConflict",
        LoadError::RouteNotForAgent { .. } => "RouteNotForAgent",
        LoadError::Redefinition { .. } => "Redefinition",
        LoadError::Invalid { .. } => "Invalid",
        LoadError::NotAnObject { .. } => "NotAnObject",
        LoadError::LoadTooLarge { .. } => "LoadTooLarge",
        LoadError::TooManyFiles { .. } => "TooManyFiles",
        LoadError::NotAFile { .. } => "NotAFile",
        LoadError::BadText { .. } => "BadText",
        LoadError::Confusable { .. } => "Confusable",
        LoadError::EmptyDirectory { .. } => "EmptyDirectory",
        LoadError::Io { .. } => "Io",
        _ => "(a variant this test does not know yet)",
    }
}

/// The file (or file list), record and field an error names, where it has them.
fn located(err: &LoadError) -> (&str, Option<&str>, Option<&str>) {
    match err {
        LoadError::InvalidUtf8 { file, .. }
        | LoadError::ByteOrderMark { file }
        | LoadError::TooLarge { file, .. }
        | LoadError::Syntax { file, .. }
        | LoadError::NotAnObject { file, .. }
        | LoadError::LoadTooLarge { file, .. }
        | LoadError::TooManyFiles { dir: file, .. }
        | LoadError::NotAFile { file, .. }
        | LoadError::EmptyDirectory { dir: file }
        | LoadError::Io { file, .. } => (file, None, None),
        LoadError::Schema {
            file,
            record,
            field,
            ..
        }
        | LoadError::EmptyText {
            file,
            record,
            field,
        }
        | LoadError::EmptySources {
            file,
            record,
            field,
        }
        | LoadError::UnknownSource {
            file,
            record,
            field,
            ..
        }
        | LoadError::PercentOutOfRange {
            file,
            record,
            field,
            ..
        }
        | LoadError::InvertedRange {
            file,
            record,
            field,
            ..
        }
        | LoadError::AliasConflict {
            file,
            record,
            field,
            ..
        }
        | LoadError::RouteNotForAgent {
            file,
            record,
            field,
            ..
        }
        | LoadError::Invalid {
            file,
            record,
            field,
            ..
        }
        | LoadError::BadText {
            file,
            record,
            field,
            ..
        }
        | LoadError::Confusable {
            file,
            record,
            field,
            ..
        } => (file, Some(record), Some(field)),
        LoadError::DuplicateRecord { file, record, .. }
        | LoadError::Redefinition { file, record, .. } => (file, Some(record), None),
        LoadError::MissingRecord { files, id, .. } => (files, Some(id), None),
        LoadError::Section { files, section, .. } => (files, None, Some(section)),
        _ => panic!("a LoadError variant this test does not know yet: {err:?}"),
    }
}

/// One file of a `files` case, as text or as parsed JSON while being edited.
enum Doc {
    Text(String),
    Json(Value),
}

impl Doc {
    fn json(&mut self) -> &mut Value {
        if let Doc::Text(text) = self {
            *self = Doc::Json(serde_json::from_str(text).unwrap());
        }
        match self {
            Doc::Json(value) => value,
            Doc::Text(_) => unreachable!(),
        }
    }

    fn text(&mut self) -> &mut String {
        if let Doc::Json(value) = self {
            *self = Doc::Text(serde_json::to_string_pretty(value).unwrap());
        }
        match self {
            Doc::Text(text) => text,
            Doc::Json(_) => unreachable!(),
        }
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Sets `pointer` in `root`: replaces a value, adds an object key, or appends (`/-`).
fn set_at(root: &mut Value, pointer: &str, value: Value) {
    let (parent, last) = pointer.rsplit_once('/').expect("a JSON pointer");
    let last = unescape(last);
    match root.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.insert(last, value);
        }
        Some(Value::Array(items)) if last == "-" => items.push(value),
        Some(Value::Array(items)) => {
            let i: usize = last.parse().expect("an array index");
            items[i] = value;
        }
        _ => panic!("no object or array at `{parent}`"),
    }
}

fn remove_at(root: &mut Value, pointer: &str) {
    let (parent, last) = pointer.rsplit_once('/').expect("a JSON pointer");
    let last = unescape(last);
    match root.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            assert!(map.remove(&last).is_some(), "nothing at `{pointer}`");
        }
        Some(Value::Array(items)) => {
            items.remove(last.parse::<usize>().expect("an array index"));
        }
        _ => panic!("no object or array at `{parent}`"),
    }
}

fn str_of<'a>(edit: &'a Value, key: &str) -> &'a str {
    edit[key]
        .as_str()
        .unwrap_or_else(|| panic!("edit {edit} needs a string `{key}`"))
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

/// Replaces the first occurrence of `find` in `bytes`.
fn replace_first(bytes: &mut Vec<u8>, find: &[u8], with: &[u8]) {
    let at = bytes
        .windows(find.len())
        .position(|w| w == find)
        .unwrap_or_else(|| panic!("`{}` not found", String::from_utf8_lossy(find)));
    bytes.splice(at..at + find.len(), with.iter().copied());
}

/// Applies the edits of a `files` case and loads the result.
fn load_files(case: &Value) -> (Result<KnowledgeBase, LoadError>, Vec<u8>) {
    let mut docs: Vec<(String, Doc)> = data_files()
        .map(|name| (format!("data/{name}"), Doc::Text(data_text(name))))
        .collect();
    let index = |name: &str| {
        data_files()
            .position(|f| f == name)
            .unwrap_or_else(|| panic!("no data file `{name}`"))
    };
    for edit in case["edits"].as_array().expect("`edits` list") {
        let i = index(str_of(edit, "file"));
        if let Some(replace) = edit.get("replace_text") {
            let text = docs[i].1.text();
            let find = str_of(replace, "find");
            assert!(text.contains(find), "`{find}` not found");
            *text = text.replacen(find, str_of(replace, "with"), 1);
            continue;
        }
        let pointer = str_of(edit, "pointer");
        if let Some(value) = edit.get("set") {
            set_at(docs[i].1.json(), pointer, value.clone());
        } else if edit.get("remove") == Some(&Value::Bool(true)) {
            remove_at(docs[i].1.json(), pointer);
        } else if let Some(from) = edit.get("copy_from") {
            let from = from.as_str().expect("`copy_from` pointer");
            let j = edit
                .get("from_file")
                .map_or(i, |f| index(f.as_str().expect("`from_file` name")));
            let value = docs[j]
                .1
                .json()
                .pointer(from)
                .unwrap_or_else(|| panic!("nothing at `{from}`"))
                .clone();
            set_at(docs[i].1.json(), pointer, value);
        } else {
            panic!("unknown edit {edit}");
        }
    }
    let texts: Vec<(String, String)> = docs
        .into_iter()
        .map(|(name, mut doc)| (name, doc.text().clone()))
        .collect();
    let result =
        KnowledgeBase::from_json_files(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    let all = texts.iter().flat_map(|(_, t)| t.bytes()).collect();
    (result, all)
}

/// Applies the byte edits of a `bundle` case and loads the result.
fn load_bundle(case: &Value) -> (Result<KnowledgeBase, LoadError>, Vec<u8>) {
    let mut bytes = bundle();
    for edit in case["edits"].as_array().expect("`edits` list") {
        if let Some(prefix) = edit.get("prepend_hex") {
            let prefix = hex(prefix.as_str().expect("hex string"));
            bytes.splice(0..0, prefix);
        } else if let Some(tail) = edit.get("append_text") {
            bytes.extend_from_slice(tail.as_str().expect("text").as_bytes());
        } else if let Some(replace) = edit.get("replace_text") {
            let with = match replace.get("with_hex") {
                Some(h) => hex(h.as_str().expect("hex string")),
                None => str_of(replace, "with").as_bytes().to_vec(),
            };
            replace_first(&mut bytes, str_of(replace, "find").as_bytes(), &with);
        } else {
            panic!("unknown bundle edit {edit}");
        }
    }
    (KnowledgeBase::from_json_bytes("bundle.json", &bytes), bytes)
}

/// A fresh, empty temporary directory for one generated case.
fn temp_dir(name: &str) -> PathBuf {
    // Unique per call: tests that run the cases may run at once.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("kt-malformed-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn load_generated(case: &Value) -> (Result<KnowledgeBase, LoadError>, Vec<u8>) {
    let bytes = match str_of(case, "generate") {
        "over_total" => {
            let big = " ".repeat(MAX_FILE_BYTES);
            let files = vec![(str_of(case, "name"), big.as_str()); 5];
            return (KnowledgeBase::from_json_files(files), Vec::new());
        }
        "over_total_dir" => {
            // Sparse files: their length counts, and nothing big is written to disk.
            let dir = temp_dir("over-total");
            for i in 0..5 {
                let f = std::fs::File::create(dir.join(format!("{i}.json"))).unwrap();
                f.set_len(MAX_FILE_BYTES as u64).unwrap();
            }
            let result = KnowledgeBase::from_json_dir(&dir);
            std::fs::remove_dir_all(&dir).unwrap();
            return (result, Vec::new());
        }
        "many_files" => {
            let dir = temp_dir("many-files");
            for i in 0..257 {
                std::fs::write(dir.join(format!("{i:03}.json")), "{}").unwrap();
            }
            let result = KnowledgeBase::from_json_dir(&dir);
            std::fs::remove_dir_all(&dir).unwrap();
            return (result, Vec::new());
        }
        "fifo" => {
            let dir = temp_dir("fifo");
            let path = dir.join("overlay.json");
            let made = std::process::Command::new("mkfifo").arg(&path).status();
            assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
            let result = KnowledgeBase::embedded().with_overlay_file(&path);
            std::fs::remove_dir_all(&dir).unwrap();
            return (result, Vec::new());
        }
        "nested_arrays" => {
            let depth = case["depth"].as_u64().expect("`depth`") as usize;
            format!(
                "{{\"sources\": {}{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            )
            .into_bytes()
        }
        "oversize" => {
            let mut bytes = bundle();
            bytes.resize(MAX_FILE_BYTES + 1, b' ');
            bytes
        }
        other => panic!("unknown generator `{other}`"),
    };
    (
        KnowledgeBase::from_json_bytes(str_of(case, "name"), &bytes),
        bytes,
    )
}

/// Runs one case directory: its `case.json`, the bytes it loaded, and the error (`None`
/// if it loaded).
fn run(dir: &Path) -> (Value, Vec<u8>, Option<LoadError>) {
    let path = dir.join("case.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: every case needs a case.json ({e})", dir.display()));
    let case: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        case["about"].as_str().is_some_and(|s| !s.is_empty()),
        "{}: `about` must describe the mutation",
        path.display()
    );
    let expect = &case["expect"];
    assert!(
        expect["variant"].is_string(),
        "{}: no expectation (`expect.variant`)",
        path.display()
    );
    let (result, input) = match str_of(&case, "load") {
        "files" => load_files(&case),
        "bundle" => load_bundle(&case),
        "generated" => load_generated(&case),
        "overlay" => {
            let overlay = std::fs::read_to_string(dir.join("overlay.json")).unwrap();
            let result = KnowledgeBase::embedded().with_overlay("overlay.json", &overlay);
            (result, overlay.into_bytes())
        }
        "dir" => {
            let target = dir.join(str_of(&case, "path"));
            (KnowledgeBase::from_json_dir(&target), Vec::new())
        }
        "overlay_file" => {
            let target = dir.join(str_of(&case, "path"));
            (
                KnowledgeBase::embedded().with_overlay_file(&target),
                Vec::new(),
            )
        }
        other => panic!("{}: unknown load kind `{other}`", path.display()),
    };
    (case, input, result.err())
}

fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Checks one error against its case; returns the failures, so that every case is
/// reported at once.
fn check(dir: &Path, err: Option<&LoadError>, case: &Value, input: &[u8]) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    let expect = &case["expect"];
    let Some(err) = err else {
        return vec![format!(
            "{name}: loaded without error, expected LoadError::{}",
            str_of(expect, "variant")
        )];
    };
    let shown = err.to_string();
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{name}: {what}\n    error: {shown}"));

    let variant = variant_name(err);
    if variant != str_of(expect, "variant") {
        fail(format!(
            "expected LoadError::{}, got LoadError::{variant} ({err:?})",
            str_of(expect, "variant")
        ));
        return problems;
    }
    // Every message is short and shows no raw control or invisible character.
    if shown.len() >= 1024 {
        fail(format!(
            "Display is {} bytes, expected under 1 KiB",
            shown.len()
        ));
    }
    if let Some(c) = shown.chars().find(|c| {
        c.is_control()
            || ('\u{200b}'..='\u{200f}').contains(c)
            || ('\u{202a}'..='\u{202e}').contains(c)
    }) {
        fail(format!("Display holds the raw character {c:?}"));
    }
    let (file, record, field) = located(err);
    if !shown.starts_with(file) || file.is_empty() {
        fail(format!("Display does not start with the file `{file}`"));
    }
    if let Some(want) = expect.get("file") {
        if want.as_str() != Some(file) {
            fail(format!("file is `{file}`, expected {want}"));
        }
    }
    for (key, got) in [("record", record), ("field", field)] {
        if let Some(got) = got {
            if got.is_empty() {
                fail(format!("{key} is empty"));
            }
            if !shown.contains(got) {
                fail(format!("Display does not name the {key} `{got}`"));
            }
        }
        match (expect.get(key), got) {
            (Some(want), Some(got)) if want.as_str() != Some(got) => {
                fail(format!("{key} is `{got}`, expected {want}"));
            }
            (Some(want), None) => fail(format!("expected {key} {want}, but the error has none")),
            _ => {}
        }
    }
    let contains = expect["display_contains"].as_array();
    if contains.is_none_or(Vec::is_empty) {
        fail(String::from(
            "`display_contains` must list the text that says what would be valid",
        ));
    }
    for want in contains.into_iter().flatten() {
        let want = want.as_str().expect("strings in display_contains");
        if !shown.contains(want) {
            fail(format!("Display lacks `{want}`"));
        }
    }
    // Variant-specific facts that follow from the input.
    match err {
        LoadError::InvalidUtf8 { offset, .. } => {
            let valid_up_to = std::str::from_utf8(input).unwrap_err().valid_up_to();
            if *offset != valid_up_to {
                fail(format!(
                    "offset {offset}, but the first bad byte is at {valid_up_to}"
                ));
            }
        }
        LoadError::TooLarge { size, limit, .. }
            if *size != input.len() || *limit != MAX_FILE_BYTES =>
        {
            fail(format!(
                "size {size} / limit {limit} do not match the input"
            ));
        }
        LoadError::Syntax { line, column, .. } | LoadError::Schema { line, column, .. } => {
            let lines = input.split(|b| *b == b'\n').count();
            if *line == 0 || *column == 0 || *line > lines {
                fail(format!("position {line}:{column} is outside the input"));
            }
            if !shown.contains(&format!(":{line}:{column}:")) {
                fail(String::from("Display lacks the line and column"));
            }
        }
        _ => {}
    }
    problems
}

#[test]
fn every_case_produces_its_error() {
    let dirs = case_dirs();
    assert!(
        dirs.len() >= 28,
        "the catalogue has {} cases, expected at least 28",
        dirs.len()
    );
    let names: BTreeSet<String> = dirs
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for required in REQUIRED_CASES {
        assert!(names.contains(required), "missing case `{required}`");
    }
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for dir in &dirs {
        let (case, input, err) = run(dir);
        if std::env::var_os("MALFORMED_PRINT").is_some() {
            let (variant, shown) = err.as_ref().map_or(("(loaded)", String::new()), |e| {
                (variant_name(e), e.to_string())
            });
            let name = dir.file_name().unwrap().to_string_lossy();
            println!("{name:40} {variant:18} {shown}");
        }
        seen.extend(err.as_ref().map(variant_name));
        problems.extend(check(dir, err.as_ref(), &case, &input));
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
    let missing: Vec<&str> = ALL_VARIANTS
        .iter()
        .filter(|v| !seen.contains(*v))
        .copied()
        .collect();
    assert!(missing.is_empty(), "no case produces {missing:?}");
}

/// The unmutated inputs load: each failure above comes from its mutation.
#[test]
fn unmutated_inputs_load() {
    let files: Vec<(String, String)> = data_files()
        .map(|n| (format!("data/{n}"), data_text(n)))
        .collect();
    let kb = KnowledgeBase::from_json_files(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .unwrap();
    assert_eq!(&kb, KnowledgeBase::embedded());
    let kb = KnowledgeBase::from_json_bytes("bundle.json", &bundle()).unwrap();
    assert_eq!(&kb, KnowledgeBase::embedded());
}

/// Compiles only if `T` has every trait a library error should have.
fn assert_error_traits<
    T: Clone + PartialEq + std::fmt::Debug + std::error::Error + Send + Sync + 'static,
>() {
}

#[test]
fn every_load_error_is_clone_and_partial_eq() {
    assert_error_traits::<LoadError>();
    for dir in case_dirs() {
        let (_, _, Some(err)) = run(&dir) else {
            continue;
        };
        let copy = err.clone();
        assert_eq!(copy, err, "{}", dir.display());
        assert_eq!(copy.to_string(), err.to_string());
    }
}

/// The example overlay (examples/overlay.json) is valid and changes what it says.
#[test]
fn example_overlay_loads() {
    let path = manifest().join("examples/overlay.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let kb = KnowledgeBase::embedded()
        .with_overlay("examples/overlay.json", &text)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_ne!(&kb, KnowledgeBase::embedded());
    assert_eq!(
        kb.lookup("drip").unwrap(),
        Entity::Route(Route::Intravenous)
    );
    assert!(KnowledgeBase::embedded().lookup("drip").is_err());
    let added: Vec<_> = kb
        .sources()
        .filter(|s| KnowledgeBase::embedded().source(s.id()).is_none())
        .collect();
    assert_eq!(added.len(), 1, "the overlay adds one source");
    let source = added[0];
    assert!(source.authors().contains("fictional"));
    assert!(source.title().contains("illustrative"));
    assert!(
        source
            .url()
            .is_some_and(|u| u.starts_with("https://example.org/"))
    );
    let cited = kb
        .risks()
        .flat_map(|r| r.frequencies())
        .filter(|f| f.sources().iter().any(|s| s == source.id()))
        .count();
    assert_eq!(
        cited, 1,
        "the overlay adds one risk frequency citing its source"
    );
    // Every text the overlay adds says it is illustrative.
    let overlay: Value = serde_json::from_str(&text).unwrap();
    let mut texts = Vec::new();
    collect_texts(&overlay, "", &mut texts);
    for (key, t) in texts {
        if ["context", "title", "note", "venue"].contains(&key.as_str()) {
            assert!(t.to_lowercase().contains("illustrative"), "{key}: {t}");
        }
    }
}

fn collect_texts(value: &Value, key: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::String(s) => out.push((key.to_owned(), s.clone())),
        Value::Array(items) => items.iter().for_each(|v| collect_texts(v, key, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| collect_texts(v, k, out)),
        _ => {}
    }
}

/// Every place in `value` where a list of source ids is written (a `sources` array of
/// strings), once per shape of path (indices read as 0), at its first occurrence.
fn source_lists(value: &Value, here: &str, shape: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let key_escaped = key.replace('~', "~0").replace('/', "~1");
                let path = format!("{here}/{key_escaped}");
                let shape = format!("{shape}/{key_escaped}");
                let ids = v.as_array().filter(|a| a.iter().all(Value::is_string));
                if key == "sources" && ids.is_some_and(|a| !a.is_empty()) {
                    if !out.iter().any(|(_, s)| *s == shape) {
                        out.push((path, shape));
                    }
                } else {
                    source_lists(v, &path, &shape, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                source_lists(v, &format!("{here}/{i}"), &format!("{shape}/0"), out);
            }
        }
        _ => {}
    }
}

/// Every kind of record that cites sources, in every data file, is checked: an unknown
/// id in its first `sources` list is an `UnknownSource` naming that file (issue 15:
/// interactions and populations once accepted any id). The kinds are read from the
/// data, so a new section is covered without a test edit.
#[test]
fn every_citing_record_kind_rejects_an_unknown_source() {
    let mut checked = 0;
    for file in data_files() {
        let original: Value = serde_json::from_str(&data_text(file)).unwrap();
        let mut lists = Vec::new();
        source_lists(&original, "", "", &mut lists);
        for (pointer, shape) in lists {
            let mut edited = original.clone();
            set_at(
                &mut edited,
                &format!("{pointer}/0"),
                Value::from("NO-SUCH-SOURCE-ID"),
            );
            let texts: Vec<(String, String)> = data_files()
                .map(|f| {
                    let text = if f == file {
                        edited.to_string()
                    } else {
                        data_text(f)
                    };
                    (format!("data/{f}"), text)
                })
                .collect();
            let result =
                KnowledgeBase::from_json_files(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
            match result {
                Err(LoadError::UnknownSource {
                    file: named, id, ..
                }) => {
                    assert_eq!(named, format!("data/{file}"), "{file} {shape}");
                    assert_eq!(id, "NO-SUCH-SOURCE-ID", "{file} {shape}");
                }
                other => panic!("{file} {shape}: an unknown source id gave {other:?}"),
            }
            checked += 1;
        }
    }
    // Sources are cited throughout the data; the sweep must have found them.
    assert!(checked >= data_files().count(), "{checked} source lists");
}
