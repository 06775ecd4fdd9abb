//! Terminology: the crate's own code systems (exported as `CodeSystem` resources, two
//! of them with a `ValueSet` that the extensions bind to), the codes of this crate's
//! enums, regions and regulators.

use std::borrow::Cow;

use serde::Serialize;
use strum::IntoEnumIterator;

use super::datatypes::{Coding, Concept, Narrative, Reference};
use super::ids::fhir_id;
use super::narrative::Xhtml;
use super::resource::{Builder, Resource};
use super::{BASE_URL, EVIDENCE_LEVEL_SYSTEM};
use crate::Jurisdiction;
use crate::model::{
    DoseBasis, Evidence, MonitoringKind, Phase, Population, Recommendation, RiskBasis, Severity,
    SourceKind,
};

/// ISO 3166-1 (countries).
pub(super) const ISO_3166: &str = "urn:iso:std:iso:3166";
/// The Country authority table of the Publications Office of the European Union
/// (EU Vocabularies), which defines `EUR`, the European Union; ISO 3166-1 only
/// reserves `EU` exceptionally, as no code of the standard.
pub(super) const EU_COUNTRY: &str = "http://publications.europa.eu/resource/authority/country";

/// The snake-case serde name of an enum value (the code of this crate's code systems).
pub(super) fn code_of<T: Serialize>(value: &T) -> &'static str {
    super::variant::variant_name(value)
}

fn own_system(name: &str) -> String {
    format!("{BASE_URL}/CodeSystem/{name}")
}

/// The URLs of the crate's own code systems, built once per process.
pub(super) struct OwnSystems {
    pub evidence: String,
    pub basis: String,
    pub severity: String,
    pub population: String,
    pub recommendation: String,
    pub monitoring: String,
    pub source_kind: String,
    pub phase: String,
    pub dose_basis: String,
}

impl OwnSystems {
    pub fn get() -> &'static OwnSystems {
        static SYSTEMS: once_cell::sync::Lazy<OwnSystems> =
            once_cell::sync::Lazy::new(|| OwnSystems {
                evidence: String::from(EVIDENCE_LEVEL_SYSTEM),
                basis: own_system("risk-basis"),
                severity: own_system("interaction-severity"),
                population: own_system("population"),
                recommendation: own_system("recommendation"),
                monitoring: own_system("monitoring-kind"),
                source_kind: own_system("source-kind"),
                phase: own_system("dosing-phase"),
                dose_basis: own_system("dose-basis"),
            });
        &SYSTEMS
    }
}

/// A coding from one of this crate's code systems.
pub(super) fn own_coding<'a, T>(system: &'a str, value: &T) -> Coding<'a>
where
    T: Serialize + Copy + Into<&'static str>,
{
    Coding {
        system,
        code: Cow::Borrowed(code_of(value)),
        display: Some(Cow::Borrowed((*value).into())),
    }
}

/// The region of a jurisdiction: (system, code, name).
pub(super) fn region(j: Jurisdiction) -> (&'static str, &'static str, &'static str) {
    match j {
        Jurisdiction::Us => (ISO_3166, "US", "United States"),
        Jurisdiction::Eu => (EU_COUNTRY, "EUR", "European Union"),
        Jurisdiction::Uk => (ISO_3166, "GB", "United Kingdom"),
        Jurisdiction::Ca => (ISO_3166, "CA", "Canada"),
        Jurisdiction::Au => (ISO_3166, "AU", "Australia"),
    }
}

pub(super) fn region_concept<'a>(j: Jurisdiction) -> Concept<'a> {
    let (system, code, name) = region(j);
    Concept::coded(Coding::fixed(system, code, name), name)
}

/// The regulator of a jurisdiction: (id suffix, name, short name).
pub(super) fn regulator(j: Jurisdiction) -> (&'static str, &'static str, &'static str) {
    match j {
        Jurisdiction::Us => ("fda", "US Food and Drug Administration", "FDA"),
        Jurisdiction::Eu => (
            "ema",
            "European Medicines Agency and European Commission",
            "EMA",
        ),
        Jurisdiction::Uk => (
            "mhra",
            "Medicines and Healthcare products Regulatory Agency",
            "MHRA",
        ),
        Jurisdiction::Ca => ("hc", "Health Canada", "Health Canada"),
        Jurisdiction::Au => ("tga", "Therapeutic Goods Administration", "TGA"),
    }
}

/// A reference to the Organization of a jurisdiction's regulator.
pub(super) fn regulator_ref<'a>(j: Jurisdiction) -> Reference<'a> {
    let (suffix, _, alias) = regulator(j);
    Reference::to("Organization", format!("org-{suffix}")).shown(alias)
}

fn evidence_definition(e: Evidence) -> &'static str {
    match e {
        Evidence::RegulatoryApproval => {
            "A regulator approved this agent and route for this condition."
        }
        Evidence::Strong => "Several randomised controlled trials and meta-analyses.",
        Evidence::Mixed => "Several randomised trials with mixed or limited results.",
        Evidence::Limited => "One small randomised trial and/or open-label studies.",
        Evidence::Insufficient => "Case reports, negative or absent evidence.",
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CodeSystem<'a> {
    pub id: String,
    pub text: Narrative,
    pub url: &'a str,
    pub version: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub status: &'static str,
    pub experimental: bool,
    pub description: &'a str,
    pub case_sensitive: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_set: Option<String>,
    pub content: &'static str,
    pub concept: Vec<CodeSystemConcept<'a>>,
}

#[derive(Debug, Serialize)]
pub(super) struct CodeSystemConcept<'a> {
    pub code: &'a str,
    pub display: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<&'a str>,
}

/// A value set of every code of one of the crate's code systems.
#[derive(Debug, Serialize)]
pub(super) struct ValueSet<'a> {
    pub id: String,
    pub text: Narrative,
    pub url: String,
    pub version: &'a str,
    pub name: &'a str,
    pub title: &'a str,
    pub status: &'static str,
    pub experimental: bool,
    pub description: &'a str,
    pub compose: Compose<'a>,
}

#[derive(Debug, Serialize)]
pub(super) struct Compose<'a> {
    pub include: [ComposeInclude<'a>; 1],
}

#[derive(Debug, Serialize)]
pub(super) struct ComposeInclude<'a> {
    pub system: &'a str,
}

/// The URL of the value set of all codes of an own code system.
pub(super) fn value_set_url(system: &str) -> String {
    system.replacen("/CodeSystem/", "/ValueSet/", 1)
}

/// What one own code system says of itself.
struct About {
    name: &'static str,
    title: &'static str,
    description: &'static str,
    /// Whether an extension binds to it (it then gets a ValueSet).
    bound: bool,
}

const EVIDENCE_LEVEL: About = About {
    name: "EvidenceLevel",
    title: "Evidence level of an indication",
    description: "How strong the evidence for a (condition, agent, route) is, strongest first.",
    bound: true,
};

const RISK_BASIS: About = About {
    name: "RiskBasis",
    title: "Basis on which a risk is attached to an agent",
    description: "A label warning, a label adverse reaction or a class effect holds on every route the agent is given by; an observed risk only on the routes where it was seen.",
    bound: false,
};

const INTERACTION_SEVERITY: About = About {
    name: "InteractionSeverity",
    title: "Severity of a drug interaction",
    description: "The severity a cited source grades an interaction with.",
    bound: true,
};

const POPULATION: About = About {
    name: "Population",
    title: "Special population",
    description: "Patient groups with their own label or guideline statements.",
    bound: false,
};

const RECOMMENDATION: About = About {
    name: "Recommendation",
    title: "Recommendation for a special population",
    description: "What the sources recommend for a special population.",
    bound: false,
};

const MONITORING_KIND: About = About {
    name: "MonitoringKind",
    title: "Kind of monitoring requirement",
    description: "What a monitoring requirement watches.",
    bound: false,
};

const SOURCE_KIND: About = About {
    name: "SourceKind",
    title: "Kind of source document",
    description: "What kind of document a cited source is.",
    bound: false,
};

const DOSING_PHASE: About = About {
    name: "DosingPhase",
    title: "Phase of a dosing regimen",
    description: "Single dose, induction, maintenance or a course.",
    bound: false,
};

const DOSE_BASIS: About = About {
    name: "DoseBasis",
    title: "Basis of a dosing regimen",
    description: "Whether a regimen is what a label states, a guideline recommends or a trial used.",
    bound: false,
};

impl<'a> Builder<'a, '_> {
    fn code_system<T>(
        &mut self,
        url: &'a str,
        about: About,
        definition: fn(T) -> Option<&'static str>,
    ) where
        T: IntoEnumIterator + Serialize + Into<&'static str> + Copy,
    {
        let concept: Vec<CodeSystemConcept<'a>> = T::iter()
            .map(|v| CodeSystemConcept {
                code: code_of(&v),
                display: v.into(),
                definition: definition(v),
            })
            .collect();
        let mut x = Xhtml::new(64 * concept.len());
        x.open("p")
            .labelled(about.title, ": ")
            .text(about.description)
            .close("p")
            .open("ul");
        for c in &concept {
            x.open("li")
                .open("code")
                .text(c.code)
                .close("code")
                .text(" ")
                .text(c.display);
            if let Some(d) = c.definition {
                x.text(": ").text(d);
            }
            x.close("li");
        }
        let text = x.close("ul").finish();
        let slug = url.rsplit('/').next().unwrap_or(about.name);
        let value_set = about.bound.then(|| value_set_url(url));
        self.emit(Resource::CodeSystem(CodeSystem {
            id: fhir_id("cs", slug),
            text,
            url,
            version: crate::DATA_VERSION,
            name: about.name,
            title: about.title,
            status: "active",
            experimental: false,
            description: about.description,
            case_sensitive: true,
            value_set,
            content: "complete",
            concept,
        }));
        if about.bound {
            self.value_set(url, slug, &about);
        }
    }

    fn value_set(&mut self, system: &'a str, slug: &str, about: &About) {
        let mut x = Xhtml::new(160);
        x.open("p")
            .labelled(about.title, ": every code of the code system ");
        x.open("code")
            .text(system)
            .close("code")
            .text(".")
            .close("p");
        self.emit(Resource::ValueSet(ValueSet {
            id: fhir_id("vs", slug),
            text: x.finish(),
            url: value_set_url(system),
            version: crate::DATA_VERSION,
            name: about.name,
            title: about.title,
            status: "active",
            experimental: false,
            description: about.description,
            compose: Compose {
                include: [ComposeInclude { system }],
            },
        }));
    }

    /// The crate's own code systems, each complete, with its codes' displays.
    pub(super) fn code_systems(&mut self) {
        let s = self.systems;
        self.code_system::<Evidence>(&s.evidence, EVIDENCE_LEVEL, |e| {
            Some(evidence_definition(e))
        });
        self.code_system::<RiskBasis>(&s.basis, RISK_BASIS, |_| None);
        self.code_system::<Severity>(&s.severity, INTERACTION_SEVERITY, |_| None);
        self.code_system::<Population>(&s.population, POPULATION, |_| None);
        self.code_system::<Recommendation>(&s.recommendation, RECOMMENDATION, |_| None);
        self.code_system::<MonitoringKind>(&s.monitoring, MONITORING_KIND, |_| None);
        self.code_system::<SourceKind>(&s.source_kind, SOURCE_KIND, |_| None);
        self.code_system::<Phase>(&s.phase, DOSING_PHASE, |_| None);
        self.code_system::<DoseBasis>(&s.dose_basis, DOSE_BASIS, |_| None);
    }
}
