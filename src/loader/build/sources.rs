//! Sources: taken out of the draft first (everything else cites them), sorted by id,
//! each checked for its locators.

use crate::model::Source;
use crate::text::echo;

use crate::loader::LoadError;
use crate::loader::check::Checker;
use crate::loader::files::Draft;
use crate::loader::order::sort_by_text;
use crate::loader::syntax::{YEARS, doi_problem, pmid_problem, set_id_problem, url_problem};

/// Takes the sources out of the draft, sorted by id, after checking each.
pub(super) fn take_sources(draft: &mut Draft) -> Result<Vec<Source>, LoadError> {
    // Sorted by id (stable, so the first definition stays first): duplicates are
    // neighbours, and `KnowledgeBase::source` can binary-search the result.
    let sorted = sort_by_text(std::mem::take(&mut draft.sources), Source::id);
    let duplicate = sorted
        .records
        .windows(2)
        .zip(sorted.files.windows(2))
        .find_map(|pair| match pair {
            ([a, b], [first, second]) if a.id() == b.id() => Some((*first, *second, b.id())),
            _ => None,
        });
    if let Some((first, second, id)) = duplicate {
        return Err(LoadError::DuplicateRecord {
            file: draft.file(second).to_owned(),
            record: id.to_owned(),
            first_file: draft.file(first).to_owned(),
        });
    }
    for (source, file) in sorted.records.iter().zip(&sorted.files) {
        check_source(&Checker::new(draft.file(*file), source.id(), None), source)?;
    }
    Ok(sorted.records)
}

/// The checks of one source.
pub(super) fn check_source(c: &Checker<'_>, source: &Source) -> Result<(), LoadError> {
    if source.id().is_empty()
        || !source
            .id()
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(c.invalid(
            "id",
            format!("`{}` is not a valid source id", echo(source.id())),
            "upper-case letters, digits and hyphens, such as \"KETALAR-PI\"",
        ));
    }
    c.text("authors", source.authors())?;
    c.text("title", source.title())?;
    for (field, value) in [
        ("venue", source.venue()),
        ("url", source.url()),
        ("doi", source.doi()),
        ("pmid", source.pmid()),
        ("spl_set_id", source.spl_set_id()),
        ("document", source.document()),
        ("read_via", source.read_via()),
        ("note", source.note()),
        ("checked", source.checked()),
    ] {
        c.opt_text(field, value)?;
    }
    check_locators(c, source)?;
    check_dates_and_locator(c, source)
}

/// The syntax of a source's locators: URL, DOI, PMID, the URL it was read through, and
/// the SPL set id.
fn check_locators(c: &Checker<'_>, source: &Source) -> Result<(), LoadError> {
    let syntax = [
        (
            "url",
            source.url().and_then(url_problem),
            "an http(s) link with a host name, such as \"https://www.fda.gov/...\"",
        ),
        (
            "doi",
            source.doi().and_then(doi_problem),
            "a DOI such as \"10.1176/appi.ajp.2018.18020138\", without a doi: or URL prefix",
        ),
        (
            "pmid",
            source.pmid().and_then(pmid_problem),
            "1 to 8 digits, without a leading zero",
        ),
        (
            "read_via",
            source.read_via().and_then(url_problem),
            "an http(s) link with a host name, such as \"https://www.fda.gov/...\"",
        ),
        (
            "spl_set_id",
            source.spl_set_id().and_then(set_id_problem),
            "a UUID such as \"d81a6a79-a74a-44b7-822c-0dfa3036eaed\"",
        ),
    ];
    for (field, problem, expected) in syntax {
        if let Some(problem) = problem {
            return Err(c.invalid(field, problem, expected));
        }
    }
    Ok(())
}

/// A source's label version, dates, and that it can be found (a locator, or a note
/// saying why there is none).
fn check_dates_and_locator(c: &Checker<'_>, source: &Source) -> Result<(), LoadError> {
    if source.spl_version() == Some(0) {
        return Err(c.invalid(
            "spl_version",
            String::from("version 0 is not a label version"),
            "the version number of the label that was read, from 1",
        ));
    }
    if let Some(date) = source.effective().filter(|d| !YEARS.contains(&d.year())) {
        return Err(c.invalid(
            "effective",
            format!("the date {date} is not plausible"),
            "a date from 1900 to 2100",
        ));
    }
    if let Some(year) = source.year().filter(|y| !YEARS.contains(y)) {
        return Err(c.invalid(
            "year",
            format!("the year {year} is not plausible"),
            "a year from 1900 to 2100",
        ));
    }
    if !source.has_locator() && source.note().is_none() {
        return Err(c.invalid(
            "url",
            String::from(
                "the source has no URL, DOI, PMID, SPL set id or document number, and no note saying why",
            ),
            "at least one of `url`, `doi`, `pmid`, `spl_set_id`, `document`, or a `note` explaining that none is known",
        ));
    }
    Ok(())
}
