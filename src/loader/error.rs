//! [`LoadError`]: what was wrong with a data file, and where.

use crate::text::{clip, clip_long, clip_path};

/// Bad data: what was wrong, in which file, record and field, and what would be valid.
///
/// Every variant's `Display` starts with the file name (or directory). Text taken from
/// the input (names, ids, paths) is echoed as a short prefix with control and
/// invisible characters escaped, so a whole message stays under 1 KiB. A record is named by its id
/// (`intravenous`, `KETALAR-PI`, `ptsd/racemic_ketamine/intravenous`), or by its
/// section and index where the record has no readable id.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{KnowledgeBase, LoadError};
///
/// let err = KnowledgeBase::from_json_str("mine.json", "{\"routes\": 3}").unwrap_err();
/// assert!(matches!(err, LoadError::Schema { .. }));
/// assert!(err.to_string().starts_with("mine.json"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The bytes are not UTF-8.
    #[error("{file}: not valid UTF-8 at byte {offset}; data files must be UTF-8 text")]
    InvalidUtf8 {
        /// The file.
        file: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file starts with a UTF-8 byte-order mark.
    #[error("{file}: starts with a byte-order mark; save it as UTF-8 without a BOM")]
    ByteOrderMark {
        /// The file.
        file: String,
    },
    /// The file is larger than the loader accepts.
    #[error(
        "{file}: {size} bytes is over the limit of {limit} bytes for one data file; split it into several files"
    )]
    TooLarge {
        /// The file.
        file: String,
        /// Its size in bytes.
        size: usize,
        /// The limit, [`MAX_FILE_BYTES`](crate::loader::MAX_FILE_BYTES).
        limit: usize,
    },
    /// The text is not JSON (syntax error, trailing characters, too deeply nested).
    #[error("{file}:{line}:{column}: not valid JSON: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser found.
        message: String,
    },
    /// Valid JSON that does not fit the schema: wrong type, unknown or missing field,
    /// `null` where a value is required, unknown enum value, malformed date or span.
    #[error("{file}:{line}:{column}: record {record}, field `{field}`: {message}")]
    Schema {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field (a dotted path within the record).
        field: String,
        /// What was wrong and what was expected.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A required text is empty.
    #[error("{file}: record {record}, field `{field}`: must not be empty; write a short text")]
    EmptyText {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
    },
    /// A text that breaks the text policy: not in Unicode NFC, or holding a control
    /// character (line breaks included), a bidirectional control or another
    /// invisible character.
    #[error(
        "{file}: record {record}, field `{field}`: {problem}; expected NFC text with no control, bidirectional or invisible characters"
    )]
    BadText {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
        /// What is wrong, and where in the text.
        problem: String,
    },
    /// A name or alias that looks like a name or alias of another entity (the same
    /// UTS #39 confusable skeleton once folded), such as `0ral` for `oral`.
    #[error(
        "{file}: record {record}, field `{field}`: `{name}` can be mistaken for {other}; names and aliases of different entities must not look alike"
    )]
    Confusable {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field (`name` or `aliases`).
        field: String,
        /// The name or alias.
        name: String,
        /// The entity, and its name or alias, that it looks like.
        other: String,
    },
    /// A list that must cite at least one source is empty.
    #[error(
        "{file}: record {record}, field `{field}`: cites no source; every fact needs at least one source id from the `sources` section"
    )]
    EmptySources {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
    },
    /// A cited source id is not in the bibliography.
    #[error("{file}: record {record}, field `{field}`: unknown source id `{id}`; cite an id from the `sources` section{}", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownSource {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
        /// The unknown id.
        id: String,
        /// The closest known id, if one is close.
        suggestion: Option<String>,
    },
    /// A percentage outside 0-100, or a number that is not finite.
    #[error(
        "{file}: record {record}, field `{field}`: {value} is not a percentage; expected a number from 0 to 100"
    )]
    PercentOutOfRange {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
        /// The value found.
        value: f64,
    },
    /// A range whose minimum is above its maximum.
    #[error(
        "{file}: record {record}, field `{field}`: min {min} is greater than max {max}; expected min <= max"
    )]
    InvertedRange {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
        /// The minimum found.
        min: String,
        /// The maximum found.
        max: String,
    },
    /// Two records with the same id in the data set.
    #[error(
        "{file}: record {record} is defined twice (first in {first_file}); each id may appear once"
    )]
    DuplicateRecord {
        /// The file of the second definition.
        file: String,
        /// The record.
        record: String,
        /// The file of the first definition.
        first_file: String,
    },
    /// An enum variant with no record.
    #[error(
        "{files}: no record for {kind} `{id}`; every {kind} needs exactly one record in the `{section}` section"
    )]
    MissingRecord {
        /// The files loaded.
        files: String,
        /// The kind of record.
        kind: String,
        /// The id of the variant with no record.
        id: String,
        /// The section where the record belongs.
        section: String,
    },
    /// A section that must appear exactly once is missing or repeated.
    #[error("{files}: section `{section}` {problem}; the data set needs it exactly once")]
    Section {
        /// The files loaded.
        files: String,
        /// The section.
        section: String,
        /// "is missing" or "appears more than once".
        problem: String,
    },
    /// A name or alias that, after folding case and separators, is already taken.
    #[error(
        "{file}: record {record}, field `{field}`: `{alias}` is already a name or alias of {other}; names and aliases must be unique across all entities (ignoring case, spaces, hyphens and underscores)"
    )]
    AliasConflict {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field (`name` or `aliases`).
        field: String,
        /// The name or alias.
        alias: String,
        /// The entity that already has it.
        other: String,
    },
    /// An indication, frequency or monitoring fact pairs an agent with a route the
    /// agent's record does not list.
    #[error(
        "{file}: record {record}, field `{field}`: {agent} is not given by the {route} route in this data set; its routes are: {valid}"
    )]
    RouteNotForAgent {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
        /// The agent.
        agent: String,
        /// The route.
        route: String,
        /// The agent's routes.
        valid: String,
    },
    /// An overlay record with the id of an existing record, without saying so.
    #[error(
        "{file}: record {record} already exists; to replace it on purpose add \"{key}\" to the overlay's `replaces` list"
    )]
    Redefinition {
        /// The overlay file.
        file: String,
        /// The record.
        record: String,
        /// The key to put in `replaces`.
        key: String,
    },
    /// Any other value that breaks a rule of the schema.
    #[error("{file}: record {record}, field `{field}`: {message}; expected {expected}")]
    Invalid {
        /// The file.
        file: String,
        /// The record.
        record: String,
        /// The field.
        field: String,
        /// What was wrong.
        message: String,
        /// What would be valid.
        expected: String,
    },
    /// The files of one load add up to more than
    /// [`MAX_TOTAL_BYTES`](crate::loader::MAX_TOTAL_BYTES).
    #[error(
        "{file}: with this file the load reaches {total} bytes, over the limit of {limit} bytes for one load; load fewer or smaller files"
    )]
    LoadTooLarge {
        /// The file that took the load over the limit.
        file: String,
        /// The bytes of the load up to and including this file (at least).
        total: usize,
        /// The limit, [`MAX_TOTAL_BYTES`](crate::loader::MAX_TOTAL_BYTES).
        limit: usize,
    },
    /// A directory with more `*.json` files than one load reads.
    #[error("{dir}: holds more than {limit} *.json files; one load reads at most {limit}")]
    TooManyFiles {
        /// The directory.
        dir: String,
        /// The most files one directory load reads.
        limit: usize,
    },
    /// A path that names a directory, FIFO, device or socket, not a regular file.
    #[error("{file}: is {found}, not a regular file; give the path of a JSON file")]
    NotAFile {
        /// The path.
        file: String,
        /// What it is instead: `a directory`, `a FIFO`, `a device`, `a socket`.
        found: String,
    },
    /// A file or overlay whose top-level JSON value is not an object.
    #[error("{file}: expected a JSON object at the top level, found {found}")]
    NotAnObject {
        /// The file.
        file: String,
        /// The JSON type found: `an array`, `a string`, `a number`, `a boolean`, `null`.
        found: String,
    },
    /// A directory given to [`KnowledgeBase::from_json_dir`](crate::KnowledgeBase::from_json_dir)
    /// that holds no `*.json` file.
    #[error("{dir}: the directory holds no *.json data file")]
    EmptyDirectory {
        /// The directory.
        dir: String,
    },
    /// A data file could not be read from disk.
    #[error("{file}: could not be read: {message}")]
    Io {
        /// The file.
        file: String,
        /// The operating system's message.
        message: String,
    },
}

impl LoadError {
    /// The same error with every text field bounded: input echoed as a short prefix
    /// with hidden characters escaped, so that the message stays under 1 KiB.
    pub(crate) fn bounded(mut self) -> Self {
        // Three exhaustive matches, one per group of variants: a new variant must be
        // placed in one of them.
        let _ = self.bound_file_fields() || self.bound_record_fields() || self.bound_value_fields();
        self
    }

    /// Bounds the fields of an error about a whole file or data set; `false` (nothing done)
    /// for another kind of error.
    fn bound_file_fields(&mut self) -> bool {
        match self {
            LoadError::InvalidUtf8 { file, .. }
            | LoadError::ByteOrderMark { file }
            | LoadError::TooLarge { file, .. }
            | LoadError::EmptyDirectory { dir: file }
            | LoadError::LoadTooLarge { file, .. }
            | LoadError::TooManyFiles { dir: file, .. } => clip_path(file),
            LoadError::Syntax { file, message, .. } | LoadError::Io { file, message } => {
                clip_path(file);
                clip_long(message);
            }
            LoadError::NotAnObject { file, found } | LoadError::NotAFile { file, found } => {
                clip_path(file);
                clip(found);
            }
            LoadError::DuplicateRecord {
                file,
                record,
                first_file,
            } => {
                clip_path(file);
                clip(record);
                clip_path(first_file);
            }
            LoadError::MissingRecord {
                files,
                kind,
                id,
                section,
            } => {
                clip_long(files);
                clip_all([kind, id, section]);
            }
            LoadError::Section {
                files,
                section,
                problem,
            } => {
                clip_long(files);
                clip_all([section, problem]);
            }
            LoadError::Schema { .. }
            | LoadError::BadText { .. }
            | LoadError::Confusable { .. }
            | LoadError::EmptyText { .. }
            | LoadError::EmptySources { .. }
            | LoadError::PercentOutOfRange { .. }
            | LoadError::UnknownSource { .. }
            | LoadError::InvertedRange { .. }
            | LoadError::AliasConflict { .. }
            | LoadError::RouteNotForAgent { .. }
            | LoadError::Redefinition { .. }
            | LoadError::Invalid { .. } => return false,
        }
        true
    }

    /// Bounds the fields of an error about a record's field, in its text or citations;
    /// `false` (nothing done) for another kind of error.
    fn bound_record_fields(&mut self) -> bool {
        match self {
            LoadError::Schema {
                file,
                record,
                field,
                message,
                ..
            } => {
                clip_path(file);
                clip_all([record, field]);
                clip_long(message);
            }
            LoadError::BadText {
                file,
                record,
                field,
                problem,
            } => {
                clip_path(file);
                clip_all([record, field]);
                clip_long(problem);
            }
            LoadError::Confusable {
                file,
                record,
                field,
                name,
                other,
            } => {
                clip_path(file);
                clip_all([record, field, name, other]);
            }
            LoadError::EmptyText {
                file,
                record,
                field,
            }
            | LoadError::EmptySources {
                file,
                record,
                field,
            }
            | LoadError::PercentOutOfRange {
                file,
                record,
                field,
                ..
            } => {
                clip_path(file);
                clip_all([record, field]);
            }
            LoadError::UnknownSource {
                file,
                record,
                field,
                id,
                suggestion,
            } => {
                clip_path(file);
                clip_all([record, field, id]);
                if let Some(s) = suggestion {
                    clip(s);
                }
            }
            LoadError::InvalidUtf8 { .. }
            | LoadError::ByteOrderMark { .. }
            | LoadError::TooLarge { .. }
            | LoadError::EmptyDirectory { .. }
            | LoadError::LoadTooLarge { .. }
            | LoadError::TooManyFiles { .. }
            | LoadError::Syntax { .. }
            | LoadError::Io { .. }
            | LoadError::NotAnObject { .. }
            | LoadError::NotAFile { .. }
            | LoadError::InvertedRange { .. }
            | LoadError::DuplicateRecord { .. }
            | LoadError::MissingRecord { .. }
            | LoadError::Section { .. }
            | LoadError::AliasConflict { .. }
            | LoadError::RouteNotForAgent { .. }
            | LoadError::Redefinition { .. }
            | LoadError::Invalid { .. } => return false,
        }
        true
    }

    /// Bounds the fields of an error about a record's field, in its values or references;
    /// `false` (nothing done) for another kind of error.
    fn bound_value_fields(&mut self) -> bool {
        match self {
            LoadError::InvertedRange {
                file,
                record,
                field,
                min,
                max,
            } => {
                clip_path(file);
                clip_all([record, field, min, max]);
            }
            LoadError::AliasConflict {
                file,
                record,
                field,
                alias,
                other,
            } => {
                clip_path(file);
                clip_all([record, field, alias, other]);
            }
            LoadError::RouteNotForAgent {
                file,
                record,
                field,
                agent,
                route,
                valid,
            } => {
                clip_path(file);
                clip_all([record, field, agent, route]);
                clip_long(valid);
            }
            LoadError::Redefinition { file, record, key } => {
                clip_path(file);
                clip_all([record, key]);
            }
            LoadError::Invalid {
                file,
                record,
                field,
                message,
                expected,
            } => {
                clip_path(file);
                clip_all([record, field]);
                clip_long(message);
                clip_long(expected);
            }
            LoadError::InvalidUtf8 { .. }
            | LoadError::ByteOrderMark { .. }
            | LoadError::TooLarge { .. }
            | LoadError::EmptyDirectory { .. }
            | LoadError::LoadTooLarge { .. }
            | LoadError::TooManyFiles { .. }
            | LoadError::Syntax { .. }
            | LoadError::Io { .. }
            | LoadError::NotAnObject { .. }
            | LoadError::NotAFile { .. }
            | LoadError::Schema { .. }
            | LoadError::BadText { .. }
            | LoadError::Confusable { .. }
            | LoadError::EmptyText { .. }
            | LoadError::EmptySources { .. }
            | LoadError::PercentOutOfRange { .. }
            | LoadError::UnknownSource { .. }
            | LoadError::DuplicateRecord { .. }
            | LoadError::MissingRecord { .. }
            | LoadError::Section { .. } => return false,
        }
        true
    }
}

fn clip_all<const N: usize>(fields: [&mut String; N]) {
    for field in fields {
        clip(field);
    }
}
