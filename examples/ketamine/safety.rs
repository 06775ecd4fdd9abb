//! Risks, interactions and dosing: `risks`, `interactions`, `dosing`.

use std::io;

use ketamine_therapy::{
    Agent, Documented, Entity, Findings, IntoEnumIterator, KnowledgeBase, Route, Sourced,
    model::{Frequency, Interaction, Regimen, RiskRecord, Timing},
    query::Medicine,
};

use crate::{Failure, Out, Outcome, empty_note, list, wrap, wrong_kind};

/// Which frequencies of a risk to print.
#[derive(Clone, Copy)]
pub(crate) struct Filter {
    agent: Option<Agent>,
    route: Option<Route>,
}

impl Filter {
    fn keeps(self, f: &Frequency) -> bool {
        self.agent.is_none_or(|a| f.agent() == a) && self.route.is_none_or(|r| f.route() == r)
    }
}

pub(crate) fn risks(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
    let filter = match entity {
        Entity::Agent(a) => Filter {
            agent: Some(a),
            route: None,
        },
        Entity::Route(r) => Filter {
            agent: None,
            route: Some(r),
        },
        Entity::Risk(risk) => {
            risk_block(kb.risk(risk), None, out)?;
            return Ok(());
        }
        other => return Err(wrong_kind("risks", "an agent or a route", name, other)),
    };
    let found: Vec<&RiskRecord> = kb.risks_for(filter.agent, filter.route).collect();
    writeln!(out)?;
    wrap(
        out,
        "",
        "",
        &format!(
            "Risks documented for {entity} ({} of the {} risks in the data). \
             Frequencies are the share of patients in the cited studies.",
            found.len(),
            kb.risks().len()
        ),
    )?;
    for risk in found {
        risk_block(risk, Some(filter), out)?;
    }
    Ok(())
}

pub(crate) fn risk_block(risk: &RiskRecord, filter: Option<Filter>, out: Out) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{} ({} course)", risk.name(), risk.course())?;
    wrap(out, "  ", "  ", risk.description())?;
    if let Some(onset) = risk.onset() {
        wrap(out, "  Onset: ", "    ", &timing_text(onset))?;
    }
    if let Some(duration) = risk.duration() {
        wrap(out, "  Duration: ", "    ", &timing_text(duration))?;
    }
    for scope in risk.applies().iter().filter(|s| {
        filter.is_none_or(|x| {
            x.agent.is_none_or(|a| s.agent() == a)
                && x.route.is_none_or(|r| risk.applies_to(s.agent(), r))
        })
    }) {
        let reach = match scope.routes() {
            None => String::from("every route it is given by"),
            Some(routes) => format!("observed on {}", list(routes)),
        };
        let text = format!(
            "{}: {} ({reach}) [{}]",
            scope.agent(),
            scope.basis(),
            scope.sources().join(", ")
        );
        wrap(out, "  Applies: ", "    ", &text)?;
    }
    let all = risk.frequencies();
    let shown: Vec<&Frequency> = all
        .iter()
        .filter(|f| filter.is_none_or(|x| x.keeps(f)))
        .collect();
    if shown.is_empty() {
        writeln!(
            out,
            "  Frequency: no figure recorded{}",
            filter_text(filter)
        )?;
    }
    for f in &shown {
        wrap(out, "  Frequency: ", "    ", &frequency_text(f))?;
    }
    if shown.len() < all.len() {
        let more = all.len() - shown.len();
        let text = format!(
            "({more} more for other agents or routes: `show {}`)",
            risk.name()
        );
        wrap(out, "  ", "  ", &text)?;
    }
    match risk.mitigation() {
        Some(m) => wrap(out, "  Mitigation: ", "    ", m.text())?,
        None => writeln!(out, "  Mitigation: none recorded")?,
    }
    wrap(out, "  Sources: ", "    ", &risk.sources().join(", "))
}

/// ` for esketamine` or ` for intranasal`: what a filter keeps.
pub(crate) fn filter_text(filter: Option<Filter>) -> String {
    match filter {
        Some(Filter { agent: Some(a), .. }) => format!(" for {a}"),
        Some(Filter { route: Some(r), .. }) => format!(" for {r}"),
        _ => String::new(),
    }
}

/// `33.9% (placebo 5.8%), esketamine intranasal: context`.
pub(crate) fn frequency_text(f: &Frequency) -> String {
    let placebo = match f.placebo_percent() {
        Some(p) => format!("placebo {p}"),
        None => "no placebo rate".to_owned(),
    };
    format!(
        "{} ({placebo}), {} {}: {} [{}]",
        f.percent(),
        f.agent(),
        f.route(),
        f.context(),
        f.sources().join(", ")
    )
}

/// `40min-72h (note)`.
pub(crate) fn timing_text(t: &Timing) -> String {
    match t.note() {
        Some(note) => format!("{t} ({note})"),
        None => t.to_string(),
    }
}

pub(crate) fn interaction_lines(found: Findings<'_, Interaction>, out: Out) -> io::Result<()> {
    if let Some(note) = empty_note(found.documented()) {
        writeln!(out, "  {note}")?;
    }
    for i in found {
        let severity = i
            .severity()
            .map(|s| format!(" Severity: {s}."))
            .unwrap_or_default();
        let text = format!(
            "{}: {} Management: {}{severity} [{}]",
            i.interactant(),
            i.effect(),
            i.management(),
            i.sources().join(", ")
        );
        wrap(out, "  - ", "    ", &text)?;
    }
    Ok(())
}

pub(crate) fn interactions(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
    match entity {
        Entity::Agent(agent) => {
            writeln!(out)?;
            writeln!(out, "Drug interactions of {agent}")?;
            interaction_lines(kb.interactions(agent), out)?;
        }
        Entity::Interactant(x) => {
            let record = kb.interactant(x);
            writeln!(out)?;
            writeln!(out, "{}", record.name())?;
            wrap(out, "  ", "  ", record.description())?;
            if !record.examples().is_empty() {
                wrap(out, "  Examples: ", "    ", &record.examples().join(", "))?;
            }
            for agent in Agent::iter() {
                writeln!(out)?;
                writeln!(out, "With {agent}")?;
                let found = kb.interactions(agent);
                let documented = found.documented();
                let with: Vec<&Interaction> = found.filter(|i| i.interactant() == x).collect();
                if with.is_empty() {
                    let note = match documented {
                        Documented::NotRecorded => String::from("not recorded in this data"),
                        _ => String::from("none documented in the sources checked"),
                    };
                    writeln!(out, "  {note}")?;
                }
                for i in with {
                    let text = format!(
                        "{} Management: {} [{}]",
                        i.effect(),
                        i.management(),
                        i.sources().join(", ")
                    );
                    wrap(out, "  - ", "    ", &text)?;
                }
            }
        }
        other => {
            return Err(wrong_kind(
                "interactions",
                "an agent or an interacting drug class",
                name,
                other,
            ));
        }
    }
    Ok(())
}

/// The interactions of a medicine, brand or class with each agent.
pub(crate) fn medicine_interactions(kb: &KnowledgeBase, name: &str, out: Out) -> Outcome {
    // One medicine, or each ingredient of a combination written out ("oxycodone/APAP").
    let medicines: Vec<Medicine> = kb.medicines_in(name).map_err(Failure::Lookup)?.collect();
    writeln!(out)?;
    for medicine in &medicines {
        medicine_classes(medicine, out)?;
    }
    for agent in Agent::iter() {
        writeln!(out)?;
        writeln!(out, "With {agent}")?;
        let mut found: Vec<&Interaction> = Vec::new();
        for i in medicines.iter().flat_map(|m| m.interactions(agent)) {
            let i: &Interaction = i;
            if !found.iter().any(|f| std::ptr::eq(*f, i)) {
                found.push(i);
            }
        }
        if found.is_empty() {
            let note = match kb.documented(agent, ketamine_therapy::Topic::Interactions) {
                Documented::NotRecorded => String::from("not recorded in this data"),
                _ => String::from("no interaction documented in the labels read"),
            };
            writeln!(out, "  {note}")?;
        }
        for i in found {
            let effects: Vec<String> = i.effects().iter().map(ToString::to_string).collect();
            let text = format!(
                "[{}] {}: {} ({}) Management: {} [{}]",
                i.standing(),
                i.interactant(),
                i.effect(),
                effects.join(", "),
                i.management(),
                i.sources().join(", ")
            );
            wrap(out, "  - ", "    ", &text)?;
        }
    }
    Ok(())
}

/// What a medicine name resolved to, and the interacting classes of its ingredients.
pub(crate) fn medicine_classes(medicine: &Medicine, out: Out) -> Outcome {
    let what = match medicine.brand() {
        Some(b) => format!(
            "{} (brand; {}): {}",
            b.name(),
            list(b.jurisdictions()),
            medicine
                .ingredients()
                .map(|i| i.name())
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        None => medicine.name().to_owned(),
    };
    writeln!(out, "{what}")?;
    for (ingredient, m) in medicine.classes_with_ingredients() {
        let group = m.group().map(|g| format!(", {g}")).unwrap_or_default();
        let text = format!(
            "{}: {} ({}{group}) [{}]",
            ingredient.name(),
            m.interactant(),
            m.basis(),
            m.sources().join(", ")
        );
        wrap(out, "  - ", "    ", &text)?;
    }
    if medicine.interactants().next().is_none() {
        writeln!(out, "  in no interacting class of the labels read")?;
    }
    Ok(())
}

pub(crate) fn dosing(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
    let regimens: Vec<&Regimen> = match entity {
        Entity::Agent(a) => kb.regimens(a).collect(),
        Entity::Condition(c) => kb.regimens_for(c).collect(),
        other => return Err(wrong_kind("dosing", "an agent or a condition", name, other)),
    };
    writeln!(out)?;
    wrap(
        out,
        "",
        "",
        &format!(
            "Published regimens for {entity}: reference data from labels, guidelines and \
             trials. No dose here is a dose for any person; this tool computes none."
        ),
    )?;
    if regimens.is_empty() {
        writeln!(out, "  none recorded in this data")?;
    }
    for r in regimens {
        writeln!(out)?;
        let used_for = r
            .condition()
            .map_or_else(|| String::from("anaesthesia"), |c| c.to_string());
        let basis = match r.jurisdiction() {
            Some(j) => format!("{} ({j})", r.basis()),
            None => format!("{}, off-label", r.basis()),
        };
        writeln!(
            out,
            "{} {}, {used_for}, {}: {basis}",
            r.agent(),
            r.route(),
            r.phase()
        )?;
        let mut text = format!("{} {}", r.dose(), r.schedule());
        if let Some(t) = r.administration() {
            text.push_str(&format!("; each given over {t}"));
        }
        if let Some(t) = r.duration() {
            text.push_str(&format!("; for {t}"));
        }
        text.push_str(&format!("; {}", r.population()));
        wrap(out, "  ", "  ", &text)?;
        if let Some(note) = r.note() {
            wrap(out, "  Note: ", "    ", note)?;
        }
        wrap(out, "  Sources: ", "    ", &r.sources().join(", "))?;
    }
    Ok(())
}
