//! Dosing as reference data: `MedicationKnowledge.indicationGuideline`, one per
//! indication of the agent (a reference to its `ClinicalUseDefinition`) with the
//! regimens for that (condition, route), then one per regimen that no indication
//! record covers (its condition as a concept). Never a dose to give: what labels,
//! guidelines and trials state.

use std::borrow::Cow;
use std::fmt::Write as _;

use serde::Serialize;

use super::datatypes::{CodeableReference, Concept, Quantity, Range, Reference};
use super::resource::Builder;
use super::terminology::own_coding;
use crate::Agent;
use crate::model::{DoseUnit, Regimen};

const UCUM: &str = "http://unitsofmeasure.org";

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct IndicationGuideline<'a> {
    pub indication: [CodeableReference<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dosing_guideline: Vec<DosingGuideline<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DosingGuideline<'a> {
    pub treatment_intent: Concept<'a>,
    pub dosage: [GuidelineDosage<'a>; 1],
    pub patient_characteristic: [PatientCharacteristic<'a>; 1],
}

#[derive(Debug, Serialize)]
pub(super) struct GuidelineDosage<'a> {
    pub r#type: Concept<'a>,
    pub dosage: [Dosage<'a>; 1],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct PatientCharacteristic<'a> {
    pub r#type: Concept<'a>,
    pub value_codeable_concept: Concept<'a>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Dosage<'a> {
    pub text: String,
    pub route: Concept<'a>,
    pub dose_and_rate: [DoseAndRate<'a>; 1],
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct DoseAndRate<'a> {
    pub r#type: Concept<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose_quantity: Option<Quantity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose_range: Option<Range<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_quantity: Option<Quantity<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_range: Option<Range<'a>>,
}

/// The dose (or rate) of a regimen as FHIR quantities: one value, or a range.
fn dose_and_rate<'a>(r: &Regimen, r#type: Concept<'a>) -> DoseAndRate<'a> {
    let dose = r.dose();
    let (unit, is_rate) = match dose.unit() {
        DoseUnit::Mg => ("mg", false),
        DoseUnit::MgPerKg => ("mg/kg", false),
        DoseUnit::MgPerKgPerH => ("mg/kg/h", true),
        DoseUnit::MgPerH => ("mg/h", true),
    };
    let q = |value: f64| Quantity {
        value,
        unit,
        system: UCUM,
        code: unit,
    };
    let (single, range) = if dose.min() == dose.max() {
        (Some(q(dose.min())), None)
    } else {
        (
            None,
            Some(Range {
                low: q(dose.min()),
                high: q(dose.max()),
            }),
        )
    };
    let (dose_quantity, dose_range, rate_quantity, rate_range) = if is_rate {
        (None, None, single, range)
    } else {
        (single, range, None, None)
    };
    DoseAndRate {
        r#type,
        dose_quantity,
        dose_range,
        rate_quantity,
        rate_range,
    }
}

/// The dosage text: schedule, administration, duration, label, note.
fn dosage_text(r: &Regimen) -> String {
    let mut text = String::with_capacity(r.schedule().len() + r.note().map_or(0, str::len) + 96);
    text.push_str(r.schedule());
    if let Some(t) = r.administration() {
        let _ = write!(text, "; given over {t}");
    }
    if let Some(t) = r.duration() {
        let _ = write!(text, "; for {t}");
    }
    if let Some(j) = r.jurisdiction() {
        let _ = write!(text, "; {j} label");
    }
    if let Some(note) = r.note() {
        let _ = write!(text, ". {note}");
    }
    text
}

impl<'a> Builder<'a, '_> {
    fn dosing_guideline(&self, r: &'a Regimen) -> DosingGuideline<'a> {
        let s = self.systems;
        let phase = || Concept::coded(own_coding(&s.phase, &r.phase()), <&str>::from(r.phase()));
        let basis = Concept::coded(
            own_coding(&s.dose_basis, &r.basis()),
            <&str>::from(r.basis()),
        );
        DosingGuideline {
            treatment_intent: phase(),
            dosage: [GuidelineDosage {
                r#type: phase(),
                dosage: [Dosage {
                    text: dosage_text(r),
                    route: self.route_concept(r.route()),
                    dose_and_rate: [dose_and_rate(r, basis)],
                }],
            }],
            patient_characteristic: [PatientCharacteristic {
                r#type: Concept::text("population"),
                value_codeable_concept: Concept::text(r.population()),
            }],
        }
    }

    pub(super) fn indication_guidelines(&self, agent: Agent) -> Vec<IndicationGuideline<'a>> {
        let kb = self.kb;
        let regimens: Vec<&'a Regimen> = kb.regimens(agent).collect();
        let mut used = vec![false; regimens.len()];
        let mut out: Vec<IndicationGuideline<'a>> = Vec::new();
        let ids: &'a super::ids::Ids = self.ids;
        let of_agent = kb
            .indications()
            .enumerate()
            .filter(|(_, i)| i.agent() == agent);
        for (index, ind) in of_agent {
            let dosing = regimens
                .iter()
                .zip(used.iter_mut())
                .filter(|(r, _)| r.condition() == Some(ind.condition()) && r.route() == ind.route())
                .map(|(r, u)| {
                    *u = true;
                    self.dosing_guideline(r)
                })
                .collect();
            let cud = Reference::to(
                "ClinicalUseDefinition",
                Cow::Borrowed(ids.indication(index).1),
            );
            out.push(IndicationGuideline {
                indication: [CodeableReference::Reference(cud)],
                dosing_guideline: dosing,
            });
        }
        // Regimens with no indication record (anaesthesia, or a use the data has no
        // indication for): a guideline whose indication is a concept.
        for (r, _) in regimens.iter().zip(used).filter(|(_, u)| !u) {
            let concept = match r.condition() {
                Some(c) => {
                    let record = kb.condition(c);
                    Concept::of_codes(record.codes(), record.name(), None)
                }
                None => Concept::text("anaesthesia"),
            };
            out.push(IndicationGuideline {
                indication: [CodeableReference::Concept(concept)],
                dosing_guideline: vec![self.dosing_guideline(r)],
            });
        }
        out
    }
}
