//! Source quality over the whole embedded data: every fact rests on a primary source,
//! every source carries the identity of its original document, and no cited source is
//! a page no clinician would cite.

use ketamine_therapy::{
    KnowledgeBase, Source,
    model::{SourceKind, Tier},
};

mod common;
use common::sourced_values;

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

/// Hosts and host patterns that are never a source: AI-generated answer pages,
/// encyclopedias and their mirrors, shortened links, staging and test hosts, clinic
/// marketing pages, and document-sharing copies.
const LOW_TRUST: [&str; 31] = [
    "droracle.ai",
    "wikipedia.org",
    "wiki.",
    "factsnippet.com",
    "primidi.com",
    "ibn.fm",
    "bit.ly",
    "tinyurl.com",
    "goo.gl",
    "t.co",
    ".pages.dev",
    "azurewebsites.net",
    "uat.",
    "staging",
    "dev.",
    "dev2.",
    "test.",
    "build.fhir.org",
    "mdedge9-ma1",
    "scribd.com",
    "docslib.org",
    "pdfslide.net",
    "indyat.com",
    "beinghealth.co",
    "mentalhelpprovider.com",
    "moreblossom.com",
    "destinketaminesolutions.com",
    "ketamine.com",
    "liveagaincoach.com",
    "wcmedicine.com",
    "njxy1.group",
];

/// The host of an http(s) URL, lower-cased.
fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.to_ascii_lowercase())
}

fn low_trust(url: &str) -> Option<&'static str> {
    let host = host(url)?;
    LOW_TRUST.iter().copied().find(|pattern| {
        if let Some(suffix) = pattern.strip_prefix('.') {
            host.ends_with(&format!(".{suffix}"))
        } else if pattern.ends_with('.') {
            host.starts_with(pattern) || host.contains(&format!(".{pattern}"))
        } else if pattern.contains('.') {
            host == *pattern || host.ends_with(&format!(".{pattern}"))
        } else {
            host.contains(pattern)
        }
    })
}

/// Hosts of regulators, whose pages identify a regulator document by themselves.
const REGULATOR_HOSTS: [&str; 9] = [
    "fda.gov",
    "accessdata.fda.gov",
    "ema.europa.eu",
    "ec.europa.eu",
    "canada.ca",
    "hc-sc.gc.ca",
    "tga.gov.au",
    "gov.uk",
    "nice.org.uk",
];

fn on_regulator_site(url: &str) -> bool {
    host(url).is_some_and(|h| {
        REGULATOR_HOSTS
            .iter()
            .any(|r| h == *r || h.ends_with(&format!(".{r}")))
    })
}

fn identity_problem(s: &Source) -> Option<String> {
    let kind = s.kind();
    if kind.is_scholarly() && s.doi().is_none() && s.pmid().is_none() {
        return Some(format!("a {kind} without DOI or PMID"));
    }
    match kind {
        SourceKind::Label => {
            let us =
                s.spl_set_id().is_some() && (s.spl_version().is_some() || s.effective().is_some());
            (!us && s.document().is_none()).then(|| {
                String::from("a label without SPL set id and version/date, or a document number")
            })
        }
        SourceKind::Regulator => (s.document().is_none()
            && !s.url().is_some_and(on_regulator_site))
        .then(|| String::from("a regulator source without a document number or a regulator URL")),
        SourceKind::Guideline => {
            (s.doi().is_none() && s.pmid().is_none() && s.document().is_none())
                .then(|| String::from("a guideline without DOI, PMID or document number"))
        }
        _ => None,
    }
}

#[test]
fn every_source_carries_the_identity_of_its_document() {
    let problems: Vec<String> = kb()
        .sources()
        .filter_map(|s| identity_problem(s).map(|p| format!("{}: {p}", s.id())))
        .collect();
    assert!(
        problems.is_empty(),
        "{} sources:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn no_source_is_a_page_no_clinician_would_cite() {
    let mut problems = Vec::new();
    for s in kb().sources() {
        for (field, url) in [("url", s.url()), ("read_via", s.read_via())] {
            if let Some(pattern) = url.and_then(low_trust) {
                problems.push(format!(
                    "{} {field}: {} ({pattern})",
                    s.id(),
                    url.unwrap_or("")
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} low-trust links:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_fact_rests_on_a_primary_source() {
    let kb = kb();
    let mut problems = Vec::new();
    for fact in sourced_values(kb) {
        let sources: Vec<&Source> = fact.sources.iter().filter_map(|id| kb.source(id)).collect();
        let primary = sources.iter().any(|s| s.tier() == Tier::Primary);
        let reviewed = fact.synthesis
            && sources
                .iter()
                .any(|s| s.tier() == Tier::Secondary && (s.doi().is_some() || s.pmid().is_some()));
        if !primary && !reviewed {
            let ids: Vec<&str> = fact.sources.iter().map(String::as_str).collect();
            problems.push(format!("{}: cites only {}", fact.label, ids.join(", ")));
        }
    }
    assert!(
        problems.is_empty(),
        "{} facts without a primary source:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_low_trust_filter_catches_each_class() {
    for url in [
        "https://www.droracle.ai/articles/1",
        "https://en.wikipedia.org/wiki/Esketamine",
        "https://wiki.av1.space/x",
        "https://ibn.fm/2I6zY",
        "https://abc1.pages.dev/news",
        "https://uat.mims.com/x",
        "https://prdmimsweb.azurewebsites.net/x",
        "https://build.fhir.org/ig/x",
        "https://indyat.com/patient-information/",
    ] {
        assert!(low_trust(url).is_some(), "{url} passed the filter");
    }
    for url in [
        "https://www.fda.gov/drugs/x",
        "https://pubmed.ncbi.nlm.nih.gov/1/",
        "https://www.ema.europa.eu/en/medicines/human/EPAR/spravato",
        "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=x",
    ] {
        assert!(low_trust(url).is_none(), "{url} was caught");
    }
}
