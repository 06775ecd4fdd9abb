//! A small command-line browser of the knowledge base: the first thing to run.
//!
//! ```text
//! cargo run --example ketamine                          # overview of every condition
//! cargo run --example ketamine -- routes-for TRD        # routes for a condition, with evidence
//! cargo run --example ketamine -- conditions-for nasal  # conditions studied for a route
//! cargo run --example ketamine -- risks Spravato        # risks of an agent or a route
//! cargo run --example ketamine -- risks oral            # everything that applies to oral ketamine
//! cargo run --example ketamine -- checklist Spravato --meds "Xanax, sertraline" --bp 165/100
//! cargo run --example ketamine -- interactions ketamine # drug interactions of an agent
//! cargo run --example ketamine -- dosing TRD            # published regimens (reference only)
//! cargo run --example ketamine -- show ptsd             # one whole record and its sources
//! cargo run --example ketamine -- show F33.1            # the records that carry a code
//! cargo run --example ketamine --features fhir -- export fhir  # FHIR R5 Bundle on stdout
//! cargo run --example ketamine -- sources               # the bibliography
//! ```
//!
//! Names resolve with [`KnowledgeBase::lookup`]: any name or alias, in any case. An
//! unknown name prints the lookup error, with its suggestions, to stderr and exits
//! with status 2, as does bad usage.
//!
//! The output is information for developers, not medical advice, and says so on its
//! first line.

mod checklist;

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

use ketamine_therapy::{
    Agent, Condition, ConditionGroup, DATA_VERSION, Documented, Entity, Evidence, Findings,
    Indication, Interactant, IntoEnumIterator, Jurisdiction, KnowledgeBase, LookupError, Route,
    Source, Sourced,
    model::{
        AgentRecord, BenefitRecord, Frequency, Interaction, Regimen, Regulatory, RiskRecord,
        RouteRecord, Timing,
    },
    query::Medicine,
};

const USAGE: &str = "\
usage: ketamine [COMMAND [NAME]]

With no command, prints an overview of every condition with its routes,
evidence and US status.

commands:
  routes-for <condition>      routes for a condition (or group), strongest evidence first
  conditions-for <route>      conditions studied for a route (or an agent)
  risks <agent|route>         risks, frequencies against placebo and mitigation
  checklist <agent> [options] screening of one patient, most serious first:
                              --route R  --meds \"Xanax, Adderall\"  --bp 165/100
                              --age N  --pregnant  --breastfeeding  --child-pugh B
                              --history aneurysm,psychosis  --full (everything)
  interactions <agent|medicine>  drug interactions of an agent, or of a medicine,
                              brand or class (Xanax, lorazepam, opioids)
  dosing <agent|condition>    published regimens: reference data, never a dose
                              for a person
  show <name|code>            one whole record with its sources (or a source id,
                              or a standard code: F33.1, SNOMED 46713006, N06AX27)
  export fhir                 the whole knowledge base as a FHIR R5 Bundle (JSON)
                              on stdout; needs --features fhir
  sources                     the bibliography
  help                        this text

A name is any name or alias in any case: TRD, Spravato, IV, nasal, ptsd.
Example: cargo run --example ketamine -- routes-for TRD";

/// Lines are wrapped to this many characters.
const WIDTH: usize = 80;

/// Why the program stopped early.
enum Failure {
    /// Bad usage: the message is printed before the usage text.
    Usage(String),
    /// A name that resolves to nothing.
    Lookup(LookupError),
    /// Writing the output failed.
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

type Out<'a> = &'a mut dyn Write;
type Outcome = Result<(), Failure>;

fn main() -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let args = arguments();
    // `export` writes a machine-readable document: its stdout is that document alone,
    // and the disclaimer goes to stderr.
    let exporting = matches!(&args, Ok(a) if a.first().is_some_and(|c| c == "export"));
    let header = if exporting {
        writeln!(io::stderr(), "{}", disclaimer())
    } else {
        writeln!(out, "{}", disclaimer())
    };
    let result = header
        .map_err(Failure::from)
        .and_then(|()| run(&args?, &mut out))
        .and_then(|()| out.flush().map_err(Failure::from));
    // Whatever went wrong, what was printed so far comes before the error.
    let _ = out.flush();
    let mut stderr = io::stderr();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => {
            let _ = writeln!(stderr, "ketamine: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Lookup(error)) => {
            let _ = writeln!(stderr, "ketamine: {error}");
            ExitCode::from(2)
        }
        // A closed pipe (`... | head`) is the reader's choice, not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Io(e)) => {
            let _ = writeln!(stderr, "ketamine: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn disclaimer() -> String {
    format!("ketamine-therapy data {DATA_VERSION}: information for developers, not medical advice.")
}

/// The command-line arguments, which must be UTF-8.
fn arguments() -> Result<Vec<String>, Failure> {
    std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string()
                .map_err(|_| Failure::Usage("arguments must be UTF-8 text".to_owned()))
        })
        .collect()
}

fn run(args: &[String], out: Out) -> Outcome {
    let kb = KnowledgeBase::embedded();
    let Some((command, rest)) = args.split_first() else {
        return overview(kb, out);
    };
    // A name may be given in several words: `routes-for treatment resistant depression`.
    let name = rest.join(" ");
    match command.as_str() {
        "help" | "-h" | "--help" => no_name(&name).and_then(|()| help(out)),
        "sources" => no_name(&name).and_then(|()| bibliography(kb, out)),
        "routes-for" => routes_for(kb, resolve(kb, &name)?, &name, out),
        "conditions-for" => conditions_for(kb, resolve(kb, &name)?, &name, out),
        "risks" => risks(kb, resolve(kb, &name)?, &name, out),
        "checklist" => checklist(kb, rest, out),
        "interactions" => match kb.lookup(&name) {
            Ok(entity) => interactions(kb, entity, &name, out),
            // Not an agent or class: a medicine or brand as people type it.
            Err(_) if !name.trim().is_empty() => medicine_interactions(kb, &name, out),
            Err(_) => Err(Failure::Usage("this command needs a name".to_owned())),
        },
        "dosing" => dosing(kb, resolve(kb, &name)?, &name, out),
        "show" => show(kb, &name, out),
        "export" => export(kb, &name, out),
        other => Err(Failure::Usage(format!("unknown command `{other}`"))),
    }
}

fn no_name(name: &str) -> Outcome {
    if name.is_empty() {
        Ok(())
    } else {
        Err(Failure::Usage(format!("unexpected argument `{name}`")))
    }
}

fn resolve(kb: &KnowledgeBase, name: &str) -> Result<Entity, Failure> {
    if name.trim().is_empty() {
        return Err(Failure::Usage("this command needs a name".to_owned()));
    }
    kb.lookup(name).map_err(Failure::Lookup)
}

/// The error for a name that resolved to the wrong kind of entity.
fn wrong_kind(command: &str, wanted: &str, name: &str, entity: Entity) -> Failure {
    Failure::Usage(format!(
        "`{command}` takes {wanted}; `{name}` is the {} `{entity}`",
        entity.kind()
    ))
}

fn help(out: Out) -> Outcome {
    writeln!(out, "\n{USAGE}")?;
    Ok(())
}

// ---------------------------------------------------------------- overview

/// One line of a table: a heading at some indent, or a row of cells.
enum Line {
    Heading(usize, String),
    Row(Vec<String>),
}

fn overview(kb: &KnowledgeBase, out: Out) -> Outcome {
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

const LEGEND: &str = "\
US status: approved      FDA-approved for this condition, agent and route
           off-label     an approved product used outside its label
           unapproved    no approved product exists for this use
           not recorded  no source in the data states the US status
EU status, dates, notes and sources: routes-for <condition>.

More: routes-for <condition> | conditions-for <route> | risks <agent|route>
      show <name> | sources | help
e.g.  cargo run --example ketamine -- routes-for TRD";

/// The condition's name, with its abbreviation (an all-capital alias) when it has one.
fn condition_heading(kb: &KnowledgeBase, condition: Condition) -> String {
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
fn us_status(kb: &KnowledgeBase, ind: &Indication) -> String {
    kb.use_status(ind.agent(), ind.route(), ind.condition(), Jurisdiction::Us)
        .status()
        .to_string()
}

/// The status in every jurisdiction that has one: `US approved (2019-03-05); EU ...`.
fn statuses(kb: &KnowledgeBase, ind: &Indication) -> String {
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
fn table(out: Out, indent: usize, header: &[&str], lines: &[Line]) -> io::Result<()> {
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

fn row(out: Out, indent: usize, cells: &[String], widths: &[usize]) -> io::Result<()> {
    let mut line = " ".repeat(indent);
    for (cell, width) in cells.iter().zip(widths) {
        line.push_str(&format!("{cell:<width$}  "));
    }
    writeln!(out, "{}", line.trim_end())
}

// ---------------------------------------------------------------- routes-for

fn routes_for(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
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

fn condition_routes(kb: &KnowledgeBase, condition: Condition, out: Out) -> io::Result<()> {
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
fn regulatory_text(reg: &Regulatory) -> String {
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

fn conditions_for(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
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

// ---------------------------------------------------------------- risks

/// Which frequencies of a risk to print.
#[derive(Clone, Copy)]
struct Filter {
    agent: Option<Agent>,
    route: Option<Route>,
}

impl Filter {
    fn keeps(self, f: &Frequency) -> bool {
        self.agent.is_none_or(|a| f.agent() == a) && self.route.is_none_or(|r| f.route() == r)
    }
}

fn risks(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
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

fn risk_block(risk: &RiskRecord, filter: Option<Filter>, out: Out) -> io::Result<()> {
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
fn filter_text(filter: Option<Filter>) -> String {
    match filter {
        Some(Filter { agent: Some(a), .. }) => format!(" for {a}"),
        Some(Filter { route: Some(r), .. }) => format!(" for {r}"),
        _ => String::new(),
    }
}

/// `33.9% (placebo 5.8%), esketamine intranasal: context`.
fn frequency_text(f: &Frequency) -> String {
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
fn timing_text(t: &Timing) -> String {
    match t.note() {
        Some(note) => format!("{t} ({note})"),
        None => t.to_string(),
    }
}

// ---------------------------------------------------------------- checklist

/// The agent a name stands for, or the usage error saying what was wanted.
fn agent_of(command: &str, entity: Entity, name: &str) -> Result<Agent, Failure> {
    match entity {
        Entity::Agent(a) => Ok(a),
        other => Err(wrong_kind(command, "an agent", name, other)),
    }
}

/// `documented: none (checked: KETALAR-PI)` or `not recorded in this data` when a
/// list is empty; nothing when it has records.
fn empty_note(documented: Documented<'_>) -> Option<String> {
    match documented {
        Documented::Recorded(_) => None,
        Documented::NoneDocumented(review) => Some(format!(
            "documented: none (checked: {})",
            review.sources().join(", ")
        )),
        _ => Some(documented.to_string()),
    }
}

fn checklist(kb: &KnowledgeBase, args: &[String], out: Out) -> Outcome {
    let options = checklist::parse(kb, args)?;
    let entity = resolve(kb, &options.agent_name)?;
    let agent = agent_of("checklist", entity, &options.agent_name)?;
    checklist::print(kb, agent, &options, out)
}

fn interaction_lines(found: Findings<'_, Interaction>, out: Out) -> io::Result<()> {
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

fn interactions(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
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
fn medicine_interactions(kb: &KnowledgeBase, name: &str, out: Out) -> Outcome {
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
fn medicine_classes(medicine: &Medicine, out: Out) -> Outcome {
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

fn dosing(kb: &KnowledgeBase, entity: Entity, name: &str, out: Out) -> Outcome {
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

// ---------------------------------------------------------------- show

/// The sources cited while printing one record, numbered in order of first citation.
struct Citations<'kb> {
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

fn show(kb: &KnowledgeBase, name: &str, out: Out) -> Outcome {
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
fn show_code(kb: &KnowledgeBase, code: &str, error: LookupError, out: Out) -> Outcome {
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
fn export(kb: &KnowledgeBase, format: &str, out: Out) -> Outcome {
    if !format.trim().eq_ignore_ascii_case("fhir") {
        return Err(Failure::Usage(format!(
            "`export` takes `fhir`, not `{format}`"
        )));
    }
    export_fhir(kb, out)
}

#[cfg(feature = "fhir")]
fn export_fhir(kb: &KnowledgeBase, out: Out) -> Outcome {
    out.write_all(kb.fhir_bundle().to_json_pretty().as_bytes())?;
    Ok(writeln!(out)?)
}

#[cfg(not(feature = "fhir"))]
fn export_fhir(_: &KnowledgeBase, _: Out) -> Outcome {
    Err(Failure::Usage(
        "`export fhir` needs the `fhir` feature: cargo run --example ketamine --features fhir -- export fhir".to_owned(),
    ))
}

/// One whole record with its sources.
fn show_entity(kb: &KnowledgeBase, entity: Entity, out: Out) -> Outcome {
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

/// One field: `  label: text [1, 2]`, wrapped.
fn field(out: Out, label: &str, text: impl Display) -> io::Result<()> {
    wrap(out, &format!("  {label}: "), "      ", &text.to_string())
}

fn list<T: Display>(items: impl IntoIterator<Item = T>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| i.to_string()).collect();
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

fn with_note(value: impl Display, note: Option<&str>) -> String {
    match note {
        Some(note) => format!("{value} ({note})"),
        None => value.to_string(),
    }
}

fn show_agent<'kb>(
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

fn show_route<'kb>(
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

fn show_group<'kb>(
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

fn show_condition<'kb>(
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

fn show_benefit<'kb>(b: &'kb BenefitRecord, c: &mut Citations<'kb>, out: Out) -> io::Result<()> {
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

fn show_interactant<'kb>(
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

fn show_risk<'kb>(r: &'kb RiskRecord, c: &mut Citations<'kb>, out: Out) -> io::Result<()> {
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

fn bibliography(kb: &KnowledgeBase, out: Out) -> Outcome {
    writeln!(out)?;
    writeln!(out, "Bibliography: {} sources, by id.", kb.sources().len())?;
    for source in kb.sources() {
        source_entry(out, None, source)?;
    }
    Ok(())
}

/// A source in full: id, kind, citation, link and note, numbered or not.
fn source_entry(out: Out, number: Option<usize>, s: &Source) -> io::Result<()> {
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

// ---------------------------------------------------------------- text

/// Prints `text` wrapped at [`WIDTH`], the first line after `first` and the others
/// after `rest`. A word longer than a line (a URL) gets a line of its own.
fn wrap(out: Out, first: &str, rest: &str, text: &str) -> io::Result<()> {
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        let fits = line.chars().count() + 1 + word.chars().count() <= WIDTH;
        if !empty && !fits {
            writeln!(out, "{line}")?;
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    writeln!(out, "{}", line.trim_end())
}
