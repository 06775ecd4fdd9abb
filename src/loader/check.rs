//! Field checks: every error names the file, record and field.

use crate::loader::LoadError;
use crate::model::{
    AgentRecord, Code, Criterion, Frequency, MAX_ALIASES, Named, PercentRange, Regulatory,
    RiskRecord, Route, Sourced, Standing, Timing,
};
use crate::text::{MAX_NAME_BYTES, echo, policy_violation};
use strum::IntoEnumIterator;

use super::sets::{FastSet, SourceIds};
use super::syntax::YEARS;
/// A path to a field inside a record, such as `codes[0].sources`. It is only printed
/// when a check fails, so checking a valid record builds no strings.
#[derive(Clone, Copy)]
pub(super) struct Field<'a> {
    parent: Option<&'a Field<'a>>,
    name: &'a str,
    index: Option<usize>,
}

impl<'a> Field<'a> {
    /// `name[index]`.
    pub(super) fn item(name: &'a str, index: usize) -> Self {
        Field {
            parent: None,
            name,
            index: Some(index),
        }
    }

    /// `self.name`.
    /// The `index`th item of the list `name` under this field.
    pub(super) fn child_item(&'a self, name: &'a str, index: usize) -> Field<'a> {
        Field {
            parent: Some(self),
            name,
            index: Some(index),
        }
    }

    pub(super) fn child(&'a self, name: &'a str) -> Field<'a> {
        Field {
            parent: Some(self),
            name,
            index: None,
        }
    }

    fn is_empty(&self) -> bool {
        self.name.is_empty() && self.index.is_none() && self.parent.is_none_or(Field::is_empty)
    }
}

impl<'a> From<&'a str> for Field<'a> {
    fn from(name: &'a str) -> Self {
        Field {
            parent: None,
            name,
            index: None,
        }
    }
}

impl std::fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(parent) = self.parent.filter(|p| !p.is_empty()) {
            parent.fmt(f)?;
            if !self.name.is_empty() {
                f.write_str(".")?;
            }
        }
        f.write_str(self.name)?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        Ok(())
    }
}

/// Writes a record's name (see [`Record`]).
pub(super) type Label<'a> = dyn Fn(&mut std::fmt::Formatter<'_>) -> std::fmt::Result + 'a;

/// The name of a record in errors. Written out only when a check fails, so that a
/// valid record formats nothing: most names are composed (`medicine diazepam`,
/// `regimen esketamine/intranasal/...`), and a load checks thousands of records.
pub(super) enum Record<'a> {
    Text(std::borrow::Cow<'a, str>),
    Lazy(&'a Label<'a>),
}

impl std::fmt::Display for Record<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Record::Text(text) => f.write_str(text),
            Record::Lazy(write) => write(f),
        }
    }
}

impl<'a> From<&'a str> for Record<'a> {
    fn from(text: &'a str) -> Self {
        Record::Text(text.into())
    }
}

impl From<String> for Record<'_> {
    fn from(text: String) -> Self {
        Record::Text(text.into())
    }
}

impl<'a> From<&'a Label<'a>> for Record<'a> {
    fn from(write: &'a Label<'a>) -> Self {
        Record::Lazy(write)
    }
}

/// Checks the fields of one record; every error names the file, record and field.
pub(super) struct Checker<'a> {
    file: &'a str,
    record: Record<'a>,
    sources: Option<&'a SourceIds<'a>>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(
        file: &'a str,
        record: impl Into<Record<'a>>,
        sources: Option<&'a SourceIds<'a>>,
    ) -> Self {
        Checker {
            file,
            record: record.into(),
            sources,
        }
    }

    pub(super) fn text<'f>(
        &self,
        field: impl Into<Field<'f>>,
        text: &str,
    ) -> Result<(), LoadError> {
        let field = field.into();
        // A text that starts with a visible ASCII character is not blank: no trim.
        let blank =
            !text.as_bytes().first().is_some_and(u8::is_ascii_graphic) && text.trim().is_empty();
        if blank {
            return Err(LoadError::EmptyText {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.to_string(),
            });
        }
        if let Some(problem) = policy_violation(text) {
            return Err(LoadError::BadText {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.to_string(),
                problem,
            });
        }
        Ok(())
    }

    pub(super) fn opt_text<'f>(
        &self,
        field: impl Into<Field<'f>>,
        text: Option<&str>,
    ) -> Result<(), LoadError> {
        text.map_or(Ok(()), |t| self.text(field, t))
    }

    pub(super) fn cites<'f>(
        &self,
        field: impl Into<Field<'f>>,
        fact: &dyn Sourced,
    ) -> Result<(), LoadError> {
        let field = field.into();
        let field = field.child("sources");
        if fact.sources().is_empty() {
            return Err(LoadError::EmptySources {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.to_string(),
            });
        }
        self.source_ids(field, fact.sources())?;
        self.no_repeats(field, fact.sources())
    }

    /// A list names each item once: a repeat is a copy-and-paste slip, or two
    /// entries that contradict each other.
    pub(super) fn no_repeats<'f, T: PartialEq + std::hash::Hash + Eq + std::fmt::Display>(
        &self,
        field: impl Into<Field<'f>>,
        items: &[T],
    ) -> Result<(), LoadError> {
        let repeat = if items.len() <= 16 {
            // Short lists (nearly all): no allocation.
            items
                .iter()
                .enumerate()
                .find(|(i, x)| items.get(..*i).is_some_and(|before| before.contains(x)))
                .map(|(_, x)| x)
        } else {
            let mut seen: FastSet<&T> = FastSet::default();
            items.iter().find(|x| !seen.insert(*x))
        };
        match repeat {
            Some(x) => Err(self.invalid(
                field,
                format!("`{}` is listed twice", echo(&x.to_string())),
                "each item once",
            )),
            None => Ok(()),
        }
    }

    pub(super) fn source_ids<'f>(
        &self,
        field: impl Into<Field<'f>>,
        ids: &[String],
    ) -> Result<(), LoadError> {
        let Some(known) = self.sources else {
            return Ok(());
        };
        match ids.iter().find(|id| !known.contains(id)) {
            None => Ok(()),
            Some(id) => Err(LoadError::UnknownSource {
                file: self.file.to_owned(),
                record: self.record.to_string(),
                field: field.into().to_string(),
                id: id.clone(),
                suggestion: known.closest(id),
            }),
        }
    }

    pub(super) fn percent<'f>(
        &self,
        field: impl Into<Field<'f>>,
        range: PercentRange,
    ) -> Result<(), LoadError> {
        let field = field.into();
        for (end, value) in [("min", range.min()), ("max", range.max())] {
            // A signed zero (-0) is refused with the negatives: it would serialise as
            // "-0.0", which reads as a negative figure.
            if !(value.is_finite() && (0.0..=100.0).contains(&value)) || value.is_sign_negative() {
                return Err(LoadError::PercentOutOfRange {
                    file: self.file.to_owned(),
                    record: self.record.to_string(),
                    field: field.child(end).to_string(),
                    value,
                });
            }
        }
        if range.min() > range.max() {
            return Err(self.inverted(field, range.min(), range.max()));
        }
        Ok(())
    }

    pub(super) fn inverted(
        &self,
        field: Field<'_>,
        min: impl ToString,
        max: impl ToString,
    ) -> LoadError {
        LoadError::InvertedRange {
            file: self.file.to_owned(),
            record: self.record.to_string(),
            field: field.to_string(),
            min: min.to_string(),
            max: max.to_string(),
        }
    }

    pub(super) fn timing<'f>(
        &self,
        field: impl Into<Field<'f>>,
        timing: Option<&Timing>,
    ) -> Result<(), LoadError> {
        let field = field.into();
        let Some(timing) = timing else {
            return Ok(());
        };
        if timing.min() > timing.max() {
            return Err(self.inverted(field, timing.min(), timing.max()));
        }
        self.opt_text(field.child("note"), timing.note())?;
        self.cites(field, timing)
    }

    pub(super) fn codes(&self, codes: &[Code]) -> Result<(), LoadError> {
        for (i, code) in codes.iter().enumerate() {
            let field = Field::item("codes", i);
            self.text(field.child("code"), code.code())?;
            self.opt_text(field.child("display"), code.display())?;
            self.opt_text(field.child("note"), code.note())?;
            self.cites(field, code)?;
            let same = |c: &&Code| c.system() == code.system() && c.code() == code.code();
            if codes
                .get(..i)
                .is_some_and(|before| before.iter().any(|c| same(&c)))
            {
                return Err(self.invalid(
                    field.child("code"),
                    format!("{} {} is listed twice", code.system(), echo(code.code())),
                    "each code once per record",
                ));
            }
        }
        Ok(())
    }

    pub(super) fn regulatory(&self, items: &[Regulatory]) -> Result<(), LoadError> {
        for (i, item) in items.iter().enumerate() {
            let field = Field::item("regulatory", i);
            self.opt_text(field.child("scope"), item.scope())?;
            if let Some(date) = item.date() {
                if !YEARS.contains(&date.year()) {
                    return Err(self.invalid(
                        field.child("date"),
                        format!("the year {} is not plausible", date.year()),
                        "a year from 1900 to 2100",
                    ));
                }
            }
            if item.date().is_some() && item.status() != crate::model::RegulatoryStatus::Approved {
                return Err(self.invalid(
                    field.child("date"),
                    format!("a date is given for status `{}`", item.status()),
                    "a date only on an `approved` status",
                ));
            }
            self.cites(field, item)?;
        }
        Ok(())
    }

    /// A statement with a label standing cites a label or a regulator document; one
    /// observed in studies is free to cite anything. (Skipped where only ids are known.)
    pub(super) fn standing(&self, standing: Standing, fact: &dyn Sourced) -> Result<(), LoadError> {
        let Some(known) = self.sources.filter(|k| k.knows_labels()) else {
            return Ok(());
        };
        if !standing.is_label() || fact.sources().iter().any(|id| known.is_label(id)) {
            return Ok(());
        }
        Err(self.invalid(
            "standing",
            format!("`{standing}` but no cited source is a label or regulator document"),
            "a label or regulator source among `sources`, or the standing `observed_in_studies`",
        ))
    }

    /// Typed criteria are plausible: a blood-pressure threshold from 1 to 400 mmHg with
    /// at least one end, an age band that is not empty, a time window longer than zero.
    pub(super) fn criteria(&self, criteria: &[Criterion]) -> Result<(), LoadError> {
        for (i, criterion) in criteria.iter().enumerate() {
            let field = Field::item("criteria", i);
            let problem = match *criterion {
                Criterion::BloodPressure {
                    systolic_above,
                    diastolic_above,
                    age_from,
                    age_below,
                } => {
                    let plausible = |v: Option<u16>| v.is_none_or(|v| (1..=400).contains(&v));
                    if systolic_above.is_none() && diastolic_above.is_none() {
                        Some((
                            String::from("no threshold is given"),
                            "`systolic_above` and/or `diastolic_above`",
                        ))
                    } else if !plausible(systolic_above) || !plausible(diastolic_above) {
                        Some((
                            String::from("a threshold is outside 1-400 mmHg"),
                            "thresholds from 1 to 400 mmHg",
                        ))
                    } else if let Some((a, b)) = age_from.zip(age_below).filter(|(a, b)| a >= b) {
                        Some((
                            format!("the age band {a} to under {b} is empty"),
                            "`age_from` less than `age_below`",
                        ))
                    } else {
                        None
                    }
                }
                Criterion::Age { from, below } => match (from, below) {
                    (None, None) => Some((
                        String::from("neither `from` nor `below` is given"),
                        "`from` and/or `below`, in years",
                    )),
                    (Some(a), Some(b)) if a >= b => Some((
                        format!("the band {a} to under {b} is empty"),
                        "`from` less than `below`",
                    )),
                    _ => None,
                },
                Criterion::History {
                    within: Some(w), ..
                } if w.seconds() == 0 => Some((
                    String::from("the window `within` is zero"),
                    "a window longer than zero, such as \"6wk\"",
                )),
                _ => None,
            };
            if let Some((message, expected)) = problem {
                return Err(self.invalid(field, message, expected));
            }
        }
        self.no_repeats("criteria", criteria)
    }

    /// The error for a name that is empty or too long to index.
    pub(super) fn name_length<'f>(&self, field: impl Into<Field<'f>>, name: &str) -> LoadError {
        self.invalid(
            field,
            format!(
                "`{}` is empty or longer than {MAX_NAME_BYTES} bytes",
                echo(name)
            ),
            &format!("a name of 1 to {MAX_NAME_BYTES} bytes"),
        )
    }

    pub(super) fn invalid<'f>(
        &self,
        field: impl Into<Field<'f>>,
        message: String,
        expected: &str,
    ) -> LoadError {
        LoadError::Invalid {
            file: self.file.to_owned(),
            record: self.record.to_string(),
            field: field.into().to_string(),
            message,
            expected: expected.to_owned(),
        }
    }

    pub(super) fn non_empty<'f, T>(
        &self,
        field: impl Into<Field<'f>>,
        items: &[T],
        what: &str,
    ) -> Result<(), LoadError> {
        if items.is_empty() {
            return Err(self.invalid(field, String::from("the list is empty"), what));
        }
        Ok(())
    }

    pub(super) fn route_for_agent<'f>(
        &self,
        field: impl Into<Field<'f>>,
        record: &AgentRecord,
        route: Route,
    ) -> Result<(), LoadError> {
        let agent = record.id();
        if record.is_given_by(route) {
            return Ok(());
        }
        let valid: Vec<&str> = record.routes().iter().map(|r| r.route().id()).collect();
        Err(LoadError::RouteNotForAgent {
            file: self.file.to_owned(),
            record: self.record.to_string(),
            field: field.into().to_string(),
            agent: agent.id().to_owned(),
            route: route.id().to_owned(),
            valid: valid.join(", "),
        })
    }
}

/// A frequency must concern an agent and a route the risk itself is documented for,
/// so that `RiskRecord::applies_to` agrees with the frequencies.
pub(super) fn check_frequency_scope(
    c: &Checker<'_>,
    prefix: Field<'_>,
    risk: &RiskRecord,
    f: &Frequency,
) -> Result<(), LoadError> {
    if risk.applies_to(f.agent(), f.route()) {
        return Ok(());
    }
    let routes: Vec<&str> = Route::iter()
        .filter(|r| risk.applies_to(f.agent(), *r))
        .map(|r| r.id())
        .collect();
    let (field, value, valid) = if routes.is_empty() {
        let agents: Vec<&str> = risk.applies().iter().map(|s| s.agent().id()).collect();
        ("agent", f.agent().id(), agents)
    } else {
        ("route", f.route().id(), routes)
    };
    Err(c.invalid(
        prefix.child(field),
        format!("`{value}` is outside the risk's reach (its `applies`)"),
        &format!(
            "one of: {} (or add a scope for it to the risk's `applies`)",
            valid.join(", ")
        ),
    ))
}

pub(super) fn check_frequency(
    c: &Checker<'_>,
    prefix: Field<'_>,
    f: &Frequency,
) -> Result<(), LoadError> {
    c.percent(prefix.child("percent"), f.percent())?;
    if let Some(placebo) = f.placebo_percent() {
        c.percent(prefix.child("placebo_percent"), placebo)?;
    }
    c.text(prefix.child("context"), f.context())?;
    c.cites(prefix, f)
}

/// The checks every named record shares.
pub(super) fn check_named(
    c: &Checker<'_>,
    named: &dyn Named,
    description: &str,
    sourced: &dyn Sourced,
) -> Result<(), LoadError> {
    c.text("name", named.display_name())?;
    let aliases = named.alias_list().len();
    if aliases > MAX_ALIASES {
        return Err(c.invalid(
            "aliases",
            format!("{aliases} aliases"),
            &format!("at most {MAX_ALIASES} aliases"),
        ));
    }
    for (i, alias) in named.alias_list().iter().enumerate() {
        c.text(Field::item("aliases", i), alias)?;
    }
    c.no_repeats("aliases", named.alias_list())?;
    c.text("description", description)?;
    c.cites("", sourced)
}
