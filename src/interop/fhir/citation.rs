//! `Citation`: one per source, with its title, authors, venue, date, identifiers
//! (DOI, PMID, the issuer's document number, a US label's SPL set id), links and the
//! kind of source.

use std::borrow::Cow;

use serde::Serialize;

use super::datatypes::{Coding, Concept, Identifier, Narrative, Text};
use super::ids::citation_ref;
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::terminology::own_coding;
use crate::model::Source;

const DOI_SYSTEM: &str = "https://doi.org";
const PMID_SYSTEM: &str = "https://pubmed.ncbi.nlm.nih.gov";
/// The issuer's own number of a document (`NDA 211243`, `EMEA/H/C/004535`).
const DOCUMENT_NUMBER_SYSTEM: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/NamingSystem/document-number"
);
/// The set id of a US Structured Product Label (DailyMed).
const SPL_SET_ID_SYSTEM: &str = concat!(
    env!("CARGO_PKG_REPOSITORY"),
    "/fhir/NamingSystem/spl-set-id"
);
const URL_CLASSIFIER: &str = "http://hl7.org/fhir/artifact-url-classifier";
const CLASSIFICATION_TYPE: &str = "http://hl7.org/fhir/cited-artifact-classification-type";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Citation<'a> {
    pub id: String,
    pub text: Narrative,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier<'a>>,
    pub status: &'static str,
    pub cited_artifact: CitedArtifact<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CitedArtifact<'a> {
    pub title: [ArtifactTitle<'a>; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication_form: Option<[PublicationForm<'a>; 1]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub web_location: Vec<WebLocation<'a>>,
    pub classification: [ArtifactClassification<'a>; 1],
    pub contributorship: Contributorship<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ArtifactTitle<'a> {
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PublicationForm<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_in: Option<PublishedIn<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_date: Option<String>,
}

#[derive(Debug, Serialize)]
pub(super) struct PublishedIn<'a> {
    pub title: &'a str,
}

#[derive(Debug, Serialize)]
pub(super) struct WebLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub classifier: Option<[Concept<'a>; 1]>,
    pub url: Text<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct ArtifactClassification<'a> {
    pub r#type: Concept<'a>,
    pub classifier: [Concept<'a>; 1],
}

#[derive(Debug, Serialize)]
pub(super) struct Contributorship<'a> {
    pub summary: [ContributorshipSummary<'a>; 1],
}

#[derive(Debug, Serialize)]
pub(super) struct ContributorshipSummary<'a> {
    pub value: &'a str,
}

/// The identifiers of a source: DOI, PMID, the issuer's document number, SPL set id.
fn identifiers(source: &Source) -> Vec<Identifier<'_>> {
    let ids = [
        (DOI_SYSTEM, source.doi()),
        (PMID_SYSTEM, source.pmid()),
        (DOCUMENT_NUMBER_SYSTEM, source.document()),
        (SPL_SET_ID_SYSTEM, source.spl_set_id()),
    ];
    let mut out = Vec::with_capacity(ids.len());
    out.extend(ids.into_iter().filter_map(|(system, value)| {
        value.map(|v| Identifier {
            system,
            value: Cow::Borrowed(v),
        })
    }));
    out
}

/// What the narrative calls an identifier of a citation.
fn label(system: &str) -> &'static str {
    match system {
        DOI_SYSTEM => "DOI",
        PMID_SYSTEM => "PMID",
        DOCUMENT_NUMBER_SYSTEM => "Document",
        _ => "SPL set id",
    }
}

/// The links of a source: its best link (DOI-based when it is the DOI resolver), and
/// the copy the text was read from (full text).
fn web_locations(source: &Source) -> Vec<WebLocation<'_>> {
    let classified = |code, display, text| {
        Some([Concept::coded(
            Coding::fixed(URL_CLASSIFIER, code, display),
            text,
        )])
    };
    let mut out: Vec<WebLocation<'_>> = Vec::with_capacity(2);
    if let Some(url) = source.link() {
        let doi = url.starts_with("https://doi.org/");
        out.push(WebLocation {
            classifier: if doi {
                classified("doi-based", "DOI Based", "DOI Based")
            } else {
                None
            },
            url: Cow::Owned(url),
        });
    }
    if let Some(via) = source.read_via() {
        out.push(WebLocation {
            classifier: classified("full-text", "Full-Text", "copy read"),
            url: Cow::Borrowed(via),
        });
    }
    out
}

/// The narrative of a source: authors, title, venue, date, identifiers.
fn citation_narrative(
    source: &Source,
    date: Option<&str>,
    identifier: &[Identifier<'_>],
) -> Narrative {
    let mut x = Xhtml::new(source.title().len() + source.authors().len() + 160);
    x.open("p")
        .text(source.authors())
        .text(". ")
        .open("i")
        .text(source.title())
        .close("i")
        .text(".");
    if let Some(venue) = source.venue() {
        x.text(" ").text(venue).text(".");
    }
    if let Some(date) = date {
        x.text(" ").text(date).text(".");
    }
    x.text(" (").display(source.kind()).text(")").close("p");
    for id in identifier {
        x.open("p")
            .text(label(id.system))
            .text(": ")
            .text(&id.value)
            .close("p");
    }
    x.finish()
}

impl<'a> Builder<'a, '_> {
    fn citation(&mut self, source: &'a Source) {
        let identifier = identifiers(source);
        let date = source
            .effective()
            .map(|d| d.to_string())
            .or_else(|| source.year().map(|y| format!("{y:04}")));
        let text = citation_narrative(source, date.as_deref(), &identifier);
        let publication_form = (source.venue().is_some() || date.is_some()).then(|| {
            [PublicationForm {
                published_in: source.venue().map(|title| PublishedIn { title }),
                article_date: date,
            }]
        });
        let reference = citation_ref(source.id());
        let kind = Concept::coded(
            own_coding(&self.systems.source_kind, &source.kind()),
            <&str>::from(source.kind()),
        );
        self.emit(Resource::Citation(Citation {
            id: [reference.id_prefix, &reference.id].concat(),
            text,
            identifier,
            status: "active",
            cited_artifact: CitedArtifact {
                title: [ArtifactTitle {
                    text: source.title(),
                }],
                publication_form,
                web_location: web_locations(source),
                classification: [ArtifactClassification {
                    r#type: Concept::coded(
                        Coding::fixed(CLASSIFICATION_TYPE, "publication-type", "Publication type"),
                        "source kind",
                    ),
                    classifier: [kind],
                }],
                contributorship: Contributorship {
                    summary: [ContributorshipSummary {
                        value: source.authors(),
                    }],
                },
            },
        }));
    }

    pub(super) fn citations(&mut self) {
        for source in self.kb.sources() {
            self.citation(source);
        }
    }
}
