//! The safety picture as `ClinicalUseDefinition`s, per agent: contraindications,
//! interactions (with their graded severity), undesirable effects (risk × agent, with
//! the basis and frequencies), population guidance and monitoring requirements.

use std::borrow::Cow;
use std::fmt::Write as _;

use strum::IntoEnumIterator;

use crate::model::Sourced as _;

use super::super::SEVERITY_EXTENSION;
use super::super::datatypes::{CodeableReference, Coding, Concept, Extension};
use super::super::ids::{join_key, unique};
use super::super::narrative::Xhtml;
use super::super::resource::Builder;
use super::super::terminology::own_coding;
use super::{
    Common, CudDetail, CudIndication, CudInteraction, CudUndesirableEffect, CudWarning, Interactant,
};
use crate::model::{MonitoringKind, RiskRecord, RiskScope};
use crate::{Agent, Population};

const CUD_CATEGORY: &str = "http://hl7.org/fhir/clinical-use-definition-category";

/// The (key, id) of the agent's safety records, in emission order.
type Keys<'a> = std::slice::Iter<'a, (String, String)>;

/// The next (id, key) of an agent's safety records.
fn next<'a>(keys: &mut Keys<'a>) -> (Cow<'a, str>, &'a str) {
    keys.next().map_or((Cow::Borrowed(""), ""), |(key, id)| {
        (Cow::Borrowed(id.as_str()), key.as_str())
    })
}

/// A narrative of one labelled paragraph (`label (agent): lead`), and more paragraphs,
/// each given as pieces (a paragraph whose pieces are all empty is left out).
fn narrative(label: &str, agent: &str, lead: &[&str], more: &[&[&str]]) -> super::Narrative {
    let size: usize = lead
        .iter()
        .chain(more.iter().copied().flatten())
        .map(|p| p.len())
        .sum();
    let mut x = Xhtml::new(size + 128);
    x.open("p").labelled(label, " (").text(agent).text("): ");
    lead.iter().for_each(|piece| _ = x.text(piece));
    x.close("p");
    for paragraph in more
        .iter()
        .filter(|p| p.iter().any(|piece| !piece.is_empty()))
    {
        x.open("p");
        paragraph.iter().for_each(|piece| _ = x.text(piece));
        x.close("p");
    }
    x.finish()
}

impl<'a> Builder<'a, '_> {
    pub(in super::super) fn safety(&mut self) {
        for agent in Agent::iter() {
            let ids: &'a super::super::ids::Ids = self.ids;
            let keys = &mut agent.pick(&ids.safety).iter();
            self.contraindications(agent, keys);
            self.interactions(agent, keys);
            for risk in self.kb.risks() {
                for scope in risk.applies().iter().filter(|sc| sc.agent() == agent) {
                    self.undesirable_effect(agent, risk, scope, keys);
                }
            }
            self.populations(agent, keys);
            self.monitoring(agent, keys);
        }
    }

    fn contraindications(&mut self, agent: Agent, keys: &mut Keys<'a>) {
        let name = self.kb.agent(agent).name();
        for c in self.kb.contraindications(agent) {
            let (id, key) = next(keys);
            let common = Common {
                id,
                key: join_key(&["contraindication", key], None),
                text: narrative("Contraindication", name, &[c.text()], &[]),
                extension: Vec::new(),
                subject: self.agent_subjects(agent, None),
                category: Vec::new(),
            };
            let detail = CudDetail::Contraindication(CudIndication {
                disease_symptom_procedure: CodeableReference::Concept(Concept::text(c.text())),
            });
            self.clinical_use(common, detail, &unique(c.sources().iter()));
        }
    }

    fn interactions(&mut self, agent: Agent, keys: &mut Keys<'a>) {
        let (kb, s) = (self.kb, self.systems);
        let name = kb.agent(agent).name();
        for x in kb.interactions(agent) {
            let (id, key) = next(keys);
            let interactant = kb.interactant(x.interactant()).name();
            let severity: &str = x.severity().map_or("", Into::into);
            let severity_line: &[&str] = if severity.is_empty() {
                &[]
            } else {
                &["Severity: ", severity, "."]
            };
            let lead = ["with ", interactant, ": ", x.effect()];
            let management = ["Management: ", x.management()];
            let common = Common {
                id,
                key: join_key(&["interaction", key], None),
                text: narrative("Interaction", name, &lead, &[severity_line, &management]),
                extension: x
                    .severity()
                    .map(|sev| Extension::coding(SEVERITY_EXTENSION, own_coding(&s.severity, &sev)))
                    .into_iter()
                    .collect(),
                subject: self.agent_subjects(agent, None),
                category: Vec::new(),
            };
            let detail = CudDetail::Interaction(CudInteraction {
                interactant: [Interactant {
                    item_codeable_concept: Concept::text(interactant),
                }],
                r#type: Concept::text("drug-drug interaction"),
                effect: CodeableReference::Concept(Concept::text(x.effect())),
                management: [Concept::text(x.management())],
            });
            self.clinical_use(common, detail, &unique(x.sources().iter()));
        }
    }

    fn undesirable_effect(
        &mut self,
        agent: Agent,
        risk: &'a RiskRecord,
        scope: &'a RiskScope,
        keys: &mut Keys<'a>,
    ) {
        let (id, key) = next(keys);
        let mut frequency = String::new();
        for f in risk.frequencies().iter().filter(|f| f.agent() == agent) {
            if !frequency.is_empty() {
                frequency.push_str("; ");
            }
            let _ = write!(frequency, "{} {}: {}", f.agent(), f.route(), f.percent());
            if let Some(p) = f.placebo_percent() {
                let _ = write!(frequency, " (placebo {p})");
            }
            let _ = write!(frequency, ", {}", f.context());
        }
        let mut basis = String::from(<&str>::from(scope.basis()));
        if let Some(routes) = scope.routes() {
            let routes: Vec<&str> = routes.iter().map(|r| r.id()).collect();
            let _ = write!(basis, " ({})", routes.join(", "));
        }
        let frequencies = risk.frequencies().iter().filter(|f| f.agent() == agent);
        let sources = unique(
            risk.sources()
                .iter()
                .chain(scope.sources())
                .chain(frequencies.flat_map(|f| f.sources())),
        );
        let name = self.kb.agent(agent).name();
        let common = Common {
            id,
            key: join_key(&["undesirable_effect", key], None),
            text: narrative(
                "Undesirable effect",
                name,
                &[risk.name()],
                &[&[&basis], &[&frequency]],
            ),
            extension: Vec::new(),
            subject: self.agent_subjects(agent, scope.routes()),
            category: Vec::new(),
        };
        let detail = CudDetail::UndesirableEffect(CudUndesirableEffect {
            symptom_condition_effect: CodeableReference::Concept(Concept::text(risk.name())),
            classification: Concept::coded(own_coding(&self.systems.basis, &scope.basis()), basis),
            frequency_of_occurrence: (!frequency.is_empty()).then(|| Concept::text(frequency)),
        });
        self.clinical_use(common, detail, &sources);
    }

    fn populations(&mut self, agent: Agent, keys: &mut Keys<'a>) {
        let (kb, s) = (self.kb, self.systems);
        for p in kb.populations(agent) {
            let (id, key) = next(keys);
            let mut description = String::from(p.text());
            if let Some(j) = p.jurisdiction() {
                let _ = write!(description, " ({j} label)");
            }
            let population: &str = p.population().into();
            let recommendation: &str = p.recommendation().into();
            let mut category = vec![Concept::coded(
                own_coding(&s.population, &p.population()),
                population,
            )];
            if p.population() == Population::Pregnancy {
                let coding = Coding::fixed(CUD_CATEGORY, "Pregnancy", "Pregnancy and Lactation");
                category.push(Concept::coded(coding, "pregnancy"));
            }
            let lead = [population, ": ", recommendation, "."];
            let common = Common {
                id,
                key: join_key(&["population", key], None),
                text: narrative(
                    "Special population",
                    kb.agent(agent).name(),
                    &lead,
                    &[&[&description]],
                ),
                extension: Vec::new(),
                subject: self.agent_subjects(agent, None),
                category,
            };
            let detail = CudDetail::Warning(CudWarning {
                description: Cow::Owned(description),
                code: Concept::coded(
                    own_coding(&s.recommendation, &p.recommendation()),
                    recommendation,
                ),
            });
            self.clinical_use(common, detail, &unique(p.sources().iter()));
        }
    }

    fn monitoring(&mut self, agent: Agent, keys: &mut Keys<'a>) {
        let (kb, s) = (self.kb, self.systems);
        for m in kb.monitoring(agent) {
            let (id, key) = next(keys);
            let description = match m.timing() {
                Some(t) => Cow::Owned(format!("{} ({t})", m.text())),
                None => Cow::Borrowed(m.text()),
            };
            let kind: &str = m.kind().into();
            let mut category = vec![Concept::coded(own_coding(&s.monitoring, &m.kind()), kind)];
            if m.kind() == MonitoringKind::Driving {
                let display = "Effects on Ability to Drive and Use Machines";
                let coding = Coding::fixed(CUD_CATEGORY, "DriveAndMachines", display);
                category.push(Concept::coded(coding, "driving and machines"));
            }
            let common = Common {
                id,
                key: join_key(&["monitoring", key], None),
                text: narrative(
                    "Monitoring",
                    kb.agent(agent).name(),
                    &[kind],
                    &[&[&description]],
                ),
                extension: Vec::new(),
                subject: self.agent_subjects(agent, Some(m.routes())),
                category,
            };
            let detail = CudDetail::Warning(CudWarning {
                description,
                code: Concept::coded(own_coding(&s.monitoring, &m.kind()), "monitoring"),
            });
            self.clinical_use(common, detail, &unique(m.sources().iter()));
        }
    }
}
