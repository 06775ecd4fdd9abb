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
mod overview;
mod safety;
mod show;

use overview::{conditions_for, overview, routes_for};
use safety::{dosing, interactions, medicine_interactions, risks};
use show::{bibliography, export, show};

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

use ketamine_therapy::{
    Agent, DATA_VERSION, Documented, Entity, KnowledgeBase, LookupError, Sourced,
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
        "checklist" => checklist::run(kb, rest, out),
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

// ---------------------------------------------------------------- shared text helpers

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
