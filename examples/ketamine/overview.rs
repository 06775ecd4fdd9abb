//! The overview and the condition and route tables: `ketamine`, `routes-for`,
//! `conditions-for`.

use std::io;

use ketamine_therapy::{
    Condition, Entity, Evidence, Indication, IntoEnumIterator, Jurisdiction, KnowledgeBase,
    Sourced, model::Regulatory,
};

use crate::{Out, Outcome, wrap, wrong_kind};

/// One line of a table: a heading at some indent, or a row of cells.
pub(crate) enum Line {
    Heading(usize, String),
    Row(Vec<String>),
}

pub(crate) fn overview(kb: &KnowledgeBase, out: Out) -> Outcome {
    writeln!(out)?;
    wrap(
        out,
        "",
        "",
        "Each condition, the agents and routes studied for it (strongest evidence \
         first), and the regulatory status of that use in the US.",
    )?;
    writeln!(out)?;
    let mut lines = Vec::new();
    for group in kb.groups() {
        lines.push(Line::Heading(0, group.name().to_uppercase()));
        for &condition in kb.conditions_in(group.id()) {
            lines.push(Line::Heading(2, condition_heading(kb, condition)));
            let indications = kb.routes_for(condition);
            if indications.is_empty() {
                lines.push(Line::Heading(4, "(no indication recorded)".to_owned()));
            }
            for ind in indications {
                lines.push(Line::Row(vec![
                    ind.agent().to_string(),
                    ind.route().to_string(),
                    ind.evidence().to_string(),
                    us_status(kb, ind),
                ]));
            }
        }
    }
    table(out, 4, &["agent", "route", "evidence", "US status"], &lines)?;
    writeln!(out)?;
    let levels = [
        Evidence::RegulatoryApproval,
        Evidence::Strong,
        Evidence::Mixed,
        Evidence::Limited,
        Evidence::Insufficient,
    ];
    let levels: Vec<String> = levels.iter().map(ToString::to_string).collect();
    writeln!(out, "Evidence levels: {}", levels.join(" > "))?;
    writeln!(out, "{LEGEND}")?;
    Ok(())
}

pub(crate) const LEGEND: &str = "\
US status: approved      FDA-approved for this condition, agent and route
           off-label     an approved product used outside its label
           unapproved    no approved product exists for this use
           not recorded  no source in the data states the US status
EU status, dates, notes and sources: routes-for <condition>.

More: routes-for <condition> | conditions-for <route> | risks <agent|route>
      show <name> | sources | help
e.g.  cargo run --example ketamine -- routes-for TRD";

/// The condition's name, with its abbreviation (an all-capital alias) when it has one.
pub(crate) fn condition_heading(kb: &KnowledgeBase, condition: Condition) -> String {
    let record = kb.condition(condition);
    let abbreviation = record
        .aliases()
        .iter()
        .find(|a| a.len() > 1 && a.bytes().all(|b| b.is_ascii_uppercase()));
    match abbreviation {
        Some(short) => format!("{} ({short})", record.name()),
        None => record.name().to_owned(),
    }
}

/// The US status of an indication: approved, off-label, unapproved or not recorded.
pub(crate) fn us_status(kb: &KnowledgeBase, ind: &Indication) -> String {
    kb.use_status(ind.agent(), ind.route(), ind.condition(), Jurisdiction::Us)
        .status()
        .to_string()
}

/// The status in every jurisdiction that has one: `US approved (2019-03-05); EU ...`.
pub(crate) fn statuses(kb: &KnowledgeBase, ind: &Indication) -> String {
    let recorded: Vec<String> = Jurisdiction::iter()
        .map(|j| kb.use_status(ind.agent(), ind.route(), ind.condition(), j))
        .filter(|s| s.status().is_recorded())
        .map(|s| format!("{} {s}", s.jurisdiction()))
        .collect();
    if recorded.is_empty() {
        "not recorded in the data".to_owned()
    } else {
        recorded.join("; ")
    }
}

/// Prints headings and rows; rows are aligned in columns under `header`, at `indent`.
pub(crate) fn table(out: Out, indent: usize, header: &[&str], lines: &[Line]) -> io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for line in lines {
        if let Line::Row(cells) = line {
            for (width, cell) in widths.iter_mut().zip(cells) {
                *width = (*width).max(cell.chars().count());
            }
        }
    }
    let header: Vec<String> = header.iter().map(|h| (*h).to_owned()).collect();
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    row(out, indent, &header, &widths)?;
    row(out, indent, &rule, &widths)?;
    for line in lines {
        match line {
            Line::Heading(at, text) => writeln!(out, "{:at$}{text}", "")?,
            Line::Row(cells) => row(out, indent, cells, &widths)?,
        }
    }
    Ok(())
}

pub(crate) fn row(out: Out, indent: usize, cells: &[String], widths: &[usize]) -> io::Result<()> {
    let mut line = " ".repeat(indent);
    for (cell, width) in cells.iter().zip(widths) {
        line.push_str(&format!("{cell:<width$}  "));
    }
    writeln!(out, "{}", line.trim_end())
}

// ---------------------------------------------------------------- routes-for

pub(crate) fn routes_for(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
    let conditions = match entity {
        Entity::Condition(c) => vec![c],
        Entity::ConditionGroup(g) => kb.conditions_in(g).to_vec(),
        other => return Err(wrong_kind("routes-for", "a condition", name, other)),
    };
    for condition in conditions {
        condition_routes(kb, condition, out)?;
    }
    writeln!(out)?;
    writeln!(out, "Citations for these ids: `sources`, or `show <ID>`.")?;
    Ok(())
}

pub(crate) fn condition_routes(
    kb: &KnowledgeBase,
    condition: Condition,
    out: Out,
) -> io::Result<()> {
    let record = kb.condition(condition);
    writeln!(out)?;
    writeln!(out, "{} (group: {})", record.name(), record.group())?;
    if !record.aliases().is_empty() {
        writeln!(out, "Also called: {}", record.aliases().join(", "))?;
    }
    wrap(out, "", "", record.description())?;
    writeln!(out)?;
    let indications = kb.routes_for(condition);
    if indications.is_empty() {
        writeln!(out, "No indication recorded.")?;
    } else {
        writeln!(out, "Routes, strongest evidence first:")?;
    }
    for (n, ind) in indications.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{}. {}, {}: {}",
            n + 1,
            ind.agent(),
            ind.route(),
            ind.evidence()
        )?;
        wrap(out, "   Status: ", "           ", &statuses(kb, ind))?;
        for reg in ind.regulatory() {
            wrap(out, "   ", "       ", &regulatory_text(reg))?;
        }
        wrap(out, "   Note: ", "         ", ind.note())?;
        wrap(
            out,
            "   Sources: ",
            "            ",
            &ind.sources().join(", "),
        )?;
        if !ind.negative_findings().is_empty() {
            let ids = ind.negative_findings().join(", ");
            wrap(out, "   Found no benefit: ", "      ", &ids)?;
        }
    }
    Ok(())
}

/// `US approved 2019-03-05: scope` (date and scope when known).
pub(crate) fn regulatory_text(reg: &Regulatory) -> String {
    let mut text = format!("{} {}", reg.jurisdiction(), reg.status());
    if let Some(date) = reg.date() {
        text.push_str(&format!(" {date}"));
    }
    if let Some(scope) = reg.scope() {
        text.push_str(&format!(": {scope}"));
    }
    text
}

// ---------------------------------------------------------------- conditions-for

pub(crate) fn conditions_for(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
    let (what, header, matching): (String, _, Vec<&Indication>) = match entity {
        Entity::Route(route) => (
            format!("by the {route} route"),
            "agent",
            kb.conditions_for(route)
                .iter()
                .flat_map(|&c| kb.routes_for(c))
                .filter(|i| i.route() == route)
                .collect(),
        ),
        Entity::Agent(agent) => (
            format!("with {agent}"),
            "route",
            kb.indications().agent(agent).collect(),
        ),
        other => return Err(wrong_kind("conditions-for", "a route", name, other)),
    };
    writeln!(out)?;
    writeln!(
        out,
        "Conditions studied {what}, with the evidence for each use:"
    )?;
    writeln!(out)?;
    let mut lines = Vec::new();
    let mut previous = None;
    for ind in matching {
        if previous != Some(ind.condition()) {
            previous = Some(ind.condition());
            lines.push(Line::Heading(0, condition_heading(kb, ind.condition())));
        }
        let other = match entity {
            Entity::Route(_) => ind.agent().to_string(),
            _ => ind.route().to_string(),
        };
        lines.push(Line::Row(vec![
            other,
            ind.evidence().to_string(),
            us_status(kb, ind),
        ]));
    }
    if lines.is_empty() {
        writeln!(out, "None recorded.")?;
        return Ok(());
    }
    table(out, 4, &[header, "evidence", "US status"], &lines)?;
    Ok(())
}
