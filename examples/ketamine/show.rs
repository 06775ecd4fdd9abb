//! One whole record with its sources, the bibliography and the FHIR export: `show`,
//! `sources`, `export`.

use std::io::{self, Write};

use ketamine_therapy::{
    Condition, ConditionGroup, Entity, Interactant, KnowledgeBase, LookupError, Source, Sourced,
    model::{AgentRecord, BenefitRecord, RiskRecord, RouteRecord},
};

use crate::overview::regulatory_text;
use crate::safety::timing_text;
use crate::{Failure, Out, Outcome, field, list, with_note, wrap};

/// The sources cited while printing one record, numbered in order of first citation.
pub(crate) struct Citations<'kb> {
    ids: Vec<&'kb str>,
}

impl<'kb> Citations<'kb> {
    /// Numbers the sources of `fact` and returns the reference, ` [1, 2]`.
    fn cite(&mut self, fact: &'kb dyn Sourced) -> String {
        let numbers: Vec<String> = fact
            .sources()
            .iter()
            .map(|id| {
                let at = match self.ids.iter().position(|known| *known == id.as_str()) {
                    Some(at) => at,
                    None => {
                        self.ids.push(id);
                        self.ids.len() - 1
                    }
                };
                (at + 1).to_string()
            })
            .collect();
        format!(" [{}]", numbers.join(", "))
    }
}

pub(crate) fn show(kb: &KnowledgeBase, name: &str, out: Out) -> Outcome {
    if name.trim().is_empty() {
        return Err(Failure::Usage("`show` needs a name".to_owned()));
    }
    let entity = match kb.lookup(name) {
        Ok(entity) => entity,
        // A source id is not a name, but `show POPOVA-2019` is worth answering.
        Err(error) => match kb.source(&name.trim().to_ascii_uppercase()) {
            Some(source) => return Ok(source_entry(out, None, source)?),
            // Nor is a standard code: `show F33.1`, `show SNOMED 46713006`.
            None => return show_code(kb, name, error, out),
        },
    };
    show_entity(kb, entity, out)
}

/// `show` for a standard code: every record that carries it, saying when it is shared.
pub(crate) fn show_code(kb: &KnowledgeBase, code: &str, error: LookupError, out: Out) -> Outcome {
    let found = kb.by_code_text(code);
    if found.is_empty() {
        return Err(Failure::Lookup(error));
    }
    writeln!(out)?;
    for hit in found.clone() {
        let note = hit
            .code()
            .note()
            .map(|n| format!(": {n}"))
            .unwrap_or_default();
        wrap(
            out,
            "",
            "  ",
            &format!(
                "{} is carried by {} `{}`{note}",
                hit.code(),
                hit.entity().kind(),
                hit.entity()
            ),
        )?;
    }
    if found.is_shared() {
        let n = found.entities().count();
        writeln!(
            out,
            "The code is shared by {n} records; each is shown below."
        )?;
    }
    for entity in found.entities() {
        show_entity(kb, entity, out)?;
    }
    Ok(())
}

/// `export fhir`: the knowledge base as a FHIR R5 Bundle on stdout.
pub(crate) fn export(kb: &KnowledgeBase, format: &str, out: Out) -> Outcome {
    if !format.trim().eq_ignore_ascii_case("fhir") {
        return Err(Failure::Usage(format!(
            "`export` takes `fhir`, not `{format}`"
        )));
    }
    export_fhir(kb, out)
}

#[cfg(feature = "fhir")]
pub(crate) fn export_fhir(kb: &KnowledgeBase, out: Out) -> Outcome {
    out.write_all(kb.fhir_bundle().to_json_pretty().as_bytes())?;
    Ok(writeln!(out)?)
}

#[cfg(not(feature = "fhir"))]
pub(crate) fn export_fhir(_: &KnowledgeBase, _: Out) -> Outcome {
    Err(Failure::Usage(
        "`export fhir` needs the `fhir` feature: cargo run --example ketamine --features fhir -- export fhir".to_owned(),
    ))
}

/// One whole record with its sources.
pub(crate) fn show_entity(kb: &KnowledgeBase, entity: Entity, out: Out) -> Outcome {
    let mut cites = Citations { ids: Vec::new() };
    let mut body = Vec::new();
    match entity {
        Entity::Agent(a) => show_agent(kb, kb.agent(a), &mut cites, &mut body)?,
        Entity::Route(r) => show_route(kb, kb.route(r), &mut cites, &mut body)?,
        Entity::ConditionGroup(g) => show_group(kb, g, &mut cites, &mut body)?,
        Entity::Condition(c) => show_condition(kb, c, &mut cites, &mut body)?,
        Entity::Benefit(b) => show_benefit(kb.benefit(b), &mut cites, &mut body)?,
        Entity::Risk(r) => show_risk(kb.risk(r), &mut cites, &mut body)?,
        Entity::Interactant(x) => show_interactant(kb, x, &mut cites, &mut body)?,
        other => writeln!(body, "{} {other}: no printer for this kind", other.kind())?,
    }
    writeln!(out)?;
    writeln!(out, "{} `{}` (id {})", entity.kind(), entity, entity.id())?;
    out.write_all(&body)?;
    writeln!(out)?;
    writeln!(out, "Sources")?;
    for (n, id) in cites.ids.iter().enumerate() {
        match kb.source(id) {
            Some(source) => source_entry(out, Some(n + 1), source)?,
            None => writeln!(out, "{:>3}. {id} (not in the bibliography)", n + 1)?,
        }
    }
    Ok(())
}

pub(crate) fn show_agent<'kb>(
    kb: &'kb KnowledgeBase,
    a: &'kb AgentRecord,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    field(out, "Also called", list(a.aliases()))?;
    field(
        out,
        "Description",
        format!("{}{}", a.description(), c.cite(a)),
    )?;
    if let Some(parent) = a.enantiomer_of() {
        field(out, "Enantiomer of", parent)?;
    }
    for r in a.routes() {
        let text = with_note(r.route(), r.note());
        field(out, "Route", format!("{text}{}", c.cite(r)))?;
    }
    for code in a.codes() {
        field(
            out,
            "Code",
            format!("{}{}", with_note(code, code.note()), c.cite(code)),
        )?;
    }
    if let Some(cs) = a.controlled_substance() {
        let text = format!("{} schedule {}", cs.jurisdiction(), cs.schedule());
        field(out, "Controlled substance", format!("{text}{}", c.cite(cs)))?;
    }
    for reg in a.regulatory() {
        field(
            out,
            "Regulatory",
            format!("{}{}", regulatory_text(reg), c.cite(reg)),
        )?;
    }
    for x in kb.contraindications(a.id()) {
        field(
            out,
            "Contraindication",
            format!("{}{}", x.text(), c.cite(x)),
        )?;
    }
    for x in kb.interactions(a.id()) {
        let text = format!("{}: {}", x.interactant(), x.effect());
        field(out, "Interaction", format!("{text}{}", c.cite(x)))?;
    }
    for x in kb.populations(a.id()) {
        let text = format!("{} ({}): {}", x.population(), x.recommendation(), x.text());
        field(out, "Population", format!("{text}{}", c.cite(x)))?;
    }
    for r in a.reviewed() {
        let text = format!(
            "{}{}",
            r.topic(),
            r.note().map(|n| format!(": {n}")).unwrap_or_default()
        );
        field(out, "Reviewed", format!("{text}{}", c.cite(r)))?;
    }
    for m in kb.monitoring(a.id()) {
        let timing = m
            .timing()
            .map(|t| format!(" Timing: {t}."))
            .unwrap_or_default();
        let text = format!("{} ({}): {}{timing}", m.kind(), list(m.routes()), m.text());
        field(out, "Monitoring", format!("{text}{}", c.cite(m)))?;
    }
    for step in kb
        .mechanism()
        .steps()
        .iter()
        .filter(|s| s.agents().contains(&a.id()))
    {
        let text = format!("{} ({}){}", step.summary(), step.certainty(), c.cite(step));
        field(out, "Mechanism", text)?;
    }
    Ok(())
}

pub(crate) fn show_route<'kb>(
    kb: &'kb KnowledgeBase,
    r: &'kb RouteRecord,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    field(out, "Also called", list(r.aliases()))?;
    field(
        out,
        "Description",
        format!("{}{}", r.description(), c.cite(r)),
    )?;
    for code in r.codes() {
        field(
            out,
            "Code",
            format!("{}{}", with_note(code, code.note()), c.cite(code)),
        )?;
    }
    match r.bioavailability() {
        Some(b) => {
            let text = with_note(b.range(), b.note());
            field(out, "Bioavailability", format!("{text}{}", c.cite(b)))?;
        }
        None => field(out, "Bioavailability", "not recorded")?,
    }
    let timings = [
        ("Acute onset", r.acute_onset()),
        ("Acute peak", r.acute_peak()),
        ("Acute duration", r.acute_duration()),
        ("Antidepressant onset", r.antidepressant_onset()),
        ("Antidepressant duration", r.antidepressant_duration()),
        ("Session", r.session()),
        ("Observation", r.observation()),
    ];
    for (label, timing) in timings {
        match timing {
            Some(t) => field(out, label, format!("{}{}", timing_text(t), c.cite(t)))?,
            None => field(out, label, "not recorded")?,
        }
    }
    if let Some(p) = r.protocol() {
        field(out, "Protocol", format!("{}{}", p.text(), c.cite(p)))?;
    }
    if let Some(s) = r.setting() {
        field(
            out,
            "Setting",
            format!("{}{}", with_note(s.kind(), s.note()), c.cite(s)),
        )?;
    }
    if let Some(p) = r.prevalence() {
        let text = with_note(p.level(), p.note());
        field(out, "Prevalence", format!("{text}{}", c.cite(p)))?;
    }
    field(out, "Conditions studied", list(kb.conditions_for(r.id())))
}

pub(crate) fn show_group<'kb>(
    kb: &'kb KnowledgeBase,
    g: ConditionGroup,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    let record = kb.group(g);
    field(out, "Also called", list(record.aliases()))?;
    let text = format!("{}{}", record.description(), c.cite(record));
    field(out, "Description", text)?;
    field(out, "Conditions", list(kb.conditions_in(g)))
}

pub(crate) fn show_condition<'kb>(
    kb: &'kb KnowledgeBase,
    condition: Condition,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    let record = kb.condition(condition);
    field(out, "Group", record.group())?;
    field(out, "Also called", list(record.aliases()))?;
    let text = format!("{}{}", record.description(), c.cite(record));
    field(out, "Description", text)?;
    for code in record.codes() {
        field(
            out,
            "Code",
            format!("{}{}", with_note(code, code.note()), c.cite(code)),
        )?;
    }
    for ind in kb.routes_for(condition) {
        let head = format!(
            "{}, {}: {} evidence",
            ind.agent(),
            ind.route(),
            ind.evidence()
        );
        field(
            out,
            "Indication",
            format!("{head}. {}{}", ind.note(), c.cite(ind)),
        )?;
        for reg in ind.regulatory() {
            let text = format!("{}{}", regulatory_text(reg), c.cite(reg));
            wrap(out, "      ", "        ", &text)?;
        }
        if !ind.negative_findings().is_empty() {
            let ids = ind.negative_findings().join(", ");
            wrap(out, "      Found no benefit: ", "        ", &ids)?;
        }
    }
    let benefits = kb.benefits_for(condition).map(|b| b.name());
    field(out, "Benefits", list(benefits))
}

pub(crate) fn show_benefit<'kb>(
    b: &'kb BenefitRecord,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    field(out, "Also called", list(b.aliases()))?;
    field(
        out,
        "Description",
        format!("{}{}", b.description(), c.cite(b)),
    )?;
    if let Some(t) = b.time_scale() {
        field(
            out,
            "Time scale",
            format!("{}{}", timing_text(t), c.cite(t)),
        )?;
    }
    for q in b.qualifications() {
        let text = format!("{}: {}{}", q.kind(), q.text(), c.cite(q));
        field(out, "Qualification", text)?;
    }
    field(out, "Conditions", list(b.conditions()))
}

pub(crate) fn show_interactant<'kb>(
    kb: &'kb KnowledgeBase,
    x: Interactant,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    let record = kb.interactant(x);
    field(out, "Also called", list(record.aliases()))?;
    field(
        out,
        "Description",
        format!("{}{}", record.description(), c.cite(record)),
    )?;
    field(out, "Examples", list(record.examples()))?;
    for i in kb.interactions_with(x) {
        let text = format!(
            "{}: {} Management: {}{}",
            i.agent(),
            i.effect(),
            i.management(),
            c.cite(i)
        );
        field(out, "Interaction", text)?;
    }
    Ok(())
}

pub(crate) fn show_risk<'kb>(
    r: &'kb RiskRecord,
    c: &mut Citations<'kb>,
    out: Out,
) -> io::Result<()> {
    field(out, "Also called", list(r.aliases()))?;
    field(
        out,
        "Description",
        format!("{}{}", r.description(), c.cite(r)),
    )?;
    field(out, "Course", r.course())?;
    for (label, timing) in [("Onset", r.onset()), ("Duration", r.duration())] {
        match timing {
            Some(t) => field(out, label, format!("{}{}", timing_text(t), c.cite(t)))?,
            None => field(out, label, "not recorded")?,
        }
    }
    for s in r.applies() {
        let reach = match s.routes() {
            None => String::from("every route it is given by"),
            Some(routes) => list(routes),
        };
        let text = format!("{}: {} ({reach}){}", s.agent(), s.basis(), c.cite(s));
        field(out, "Applies to", text)?;
    }
    for f in r.frequencies() {
        let placebo = match f.placebo_percent() {
            Some(p) => format!("placebo {p}"),
            None => "no placebo rate".to_owned(),
        };
        let text = format!(
            "{} ({placebo}), {} {}: {}{}",
            f.percent(),
            f.agent(),
            f.route(),
            f.context(),
            c.cite(f)
        );
        field(out, "Frequency", text)?;
    }
    match r.mitigation() {
        Some(m) => field(out, "Mitigation", format!("{}{}", m.text(), c.cite(m))),
        None => field(out, "Mitigation", "none recorded"),
    }
}

// ---------------------------------------------------------------- sources

pub(crate) fn bibliography(kb: &KnowledgeBase, out: Out) -> Outcome {
    writeln!(out)?;
    writeln!(out, "Bibliography: {} sources, by id.", kb.sources().len())?;
    for source in kb.sources() {
        source_entry(out, None, source)?;
    }
    Ok(())
}

/// A source in full: id, kind, citation, link and note, numbered or not.
pub(crate) fn source_entry(out: Out, number: Option<usize>, s: &Source) -> io::Result<()> {
    let (first, rest) = match number {
        Some(n) => (format!("{n:>3}. "), "     "),
        None => (String::new(), "    "),
    };
    if number.is_none() {
        writeln!(out)?;
    }
    writeln!(out, "{first}{} ({})", s.id(), s.kind())?;
    wrap(out, rest, rest, &s.to_string())?;
    match s.link() {
        Some(link) => writeln!(out, "{rest}{link}")?,
        None => writeln!(out, "{rest}no link recorded")?,
    }
    if let Some(note) = s.note() {
        wrap(out, &format!("{rest}Note: "), rest, note)?;
    }
    Ok(())
}
