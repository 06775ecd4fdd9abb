//! Loads a local overlay onto the embedded knowledge base with
//! [`KnowledgeBase::with_overlay`] and shows what it changed.
//!
//! ```text
//! cargo run --example overlay                          # examples/overlay.json
//! cargo run --example overlay -- path/to/overlay.json  # your own overlay
//! ```
//!
//! The bundled `examples/overlay.json` is fictional and illustrative: a made-up clinic
//! adds its local alias "drip" for the intravenous route, cites its own (made-up)
//! protocol, and attaches a placeholder risk frequency (0-100 %, which states nothing)
//! to that source. It shows the shape of an overlay, not a clinical fact.
//!
//! An overlay that cannot be read or does not validate prints the error to stderr and
//! exits with status 2. The output is information, not medical advice, and says so on
//! its first line.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use ketamine_therapy::{Agent, DATA_VERSION, KnowledgeBase, Risk, Sourced};

/// A name, its aliases and the kind of entity, for comparing two knowledge bases.
type Names<'a> = Vec<(&'static str, &'a str, &'a [String])>;

fn names(kb: &KnowledgeBase) -> Names<'_> {
    let mut out: Names<'_> = Vec::new();
    out.extend(kb.agents().map(|r| ("agent", r.name(), r.aliases())));
    out.extend(kb.routes().map(|r| ("route", r.name(), r.aliases())));
    out.extend(kb.groups().map(|r| ("group", r.name(), r.aliases())));
    out.extend(
        kb.conditions()
            .map(|r| ("condition", r.name(), r.aliases())),
    );
    out.extend(kb.benefits().map(|r| ("benefit", r.name(), r.aliases())));
    out.extend(kb.risks().map(|r| ("risk", r.name(), r.aliases())));
    out
}

/// Ends a section: says "(none)" if it listed nothing.
fn none_if_empty(out: &mut impl Write, listed: usize) -> io::Result<usize> {
    if listed == 0 {
        writeln!(out, "  (none)")?;
    }
    Ok(listed)
}

/// Prints everything the overlay added or replaced, section by section.
fn report(out: &mut impl Write, base: &KnowledgeBase, kb: &KnowledgeBase) -> io::Result<()> {
    let mut changes = 0;
    writeln!(out, "\nAliases added:")?;
    let listed = aliases_added(out, base, kb)?;
    changes += none_if_empty(out, listed)?;
    writeln!(out, "\nSources added or replaced:")?;
    let listed = sources_changed(out, base, kb)?;
    changes += none_if_empty(out, listed)?;
    writeln!(out, "\nIndications added or replaced:")?;
    let listed = indications_changed(out, base, kb)?;
    changes += none_if_empty(out, listed)?;
    writeln!(out, "\nRisk frequencies added:")?;
    let listed = frequencies_added(out, base, kb)?;
    changes += none_if_empty(out, listed)?;
    writeln!(out, "\nContraindications and monitoring added:")?;
    let listed = safety_added(out, base, kb)?;
    changes += none_if_empty(out, listed)?;
    writeln!(
        out,
        "\n{changes} change(s); the embedded knowledge base itself is unchanged ({} sources before, {} with the overlay).",
        base.sources().len(),
        kb.sources().len()
    )
}

/// Aliases the overlay added, with what each looked up before and looks up now.
fn aliases_added(
    out: &mut impl Write,
    base: &KnowledgeBase,
    kb: &KnowledgeBase,
) -> io::Result<usize> {
    let mut changes = 0;
    for ((kind, name, old), (_, _, new)) in names(base).into_iter().zip(names(kb)) {
        for alias in new.iter().filter(|a| !old.contains(a)) {
            changes += 1;
            let before = match base.lookup(alias) {
                Ok(entity) => format!("{} {entity}", entity.kind()),
                Err(e) => format!("not found ({e})"),
            };
            let after = match kb.lookup(alias) {
                Ok(entity) => format!("{} {entity}", entity.kind()),
                Err(e) => format!("not found ({e})"),
            };
            writeln!(out, "  {kind} \"{name}\": \"{alias}\"")?;
            writeln!(out, "    lookup(\"{alias}\") before: {before}")?;
            writeln!(out, "    lookup(\"{alias}\") now:    {after}")?;
        }
    }
    Ok(changes)
}

/// Sources the overlay added or replaced.
fn sources_changed(
    out: &mut impl Write,
    base: &KnowledgeBase,
    kb: &KnowledgeBase,
) -> io::Result<usize> {
    let mut changes = 0;
    for source in kb.sources() {
        let tag = match base.source(source.id()) {
            None => "added",
            Some(old) if old != source => "replaced",
            Some(_) => continue,
        };
        changes += 1;
        writeln!(out, "  [{}] {tag}: {source}", source.id())?;
        if let Some(link) = source.link() {
            writeln!(out, "    {link}")?;
        }
        if let Some(note) = source.note() {
            writeln!(out, "    note: {note}")?;
        }
    }
    Ok(changes)
}

/// Indications the overlay added or replaced.
fn indications_changed(
    out: &mut impl Write,
    base: &KnowledgeBase,
    kb: &KnowledgeBase,
) -> io::Result<usize> {
    let mut changes = 0;
    for ind in kb.indications() {
        let tag = match base.indications().find(|i| i.key() == ind.key()) {
            None => "added",
            Some(old) if old != ind => "replaced",
            Some(_) => continue,
        };
        changes += 1;
        writeln!(
            out,
            "  {tag}: {} by {} for {}: {} evidence [{}]",
            ind.agent(),
            ind.route(),
            ind.condition(),
            ind.evidence(),
            ind.sources().join(", ")
        )?;
    }
    Ok(changes)
}

/// Risk frequencies the overlay added.
fn frequencies_added(
    out: &mut impl Write,
    base: &KnowledgeBase,
    kb: &KnowledgeBase,
) -> io::Result<usize> {
    let mut changes = 0;
    for risk in Risk::ALL {
        let old = base.risk(risk).frequencies();
        for f in kb.risk(risk).frequencies() {
            if old.contains(f) {
                continue;
            }
            changes += 1;
            writeln!(
                out,
                "  {} with {} by the {} route: {} [{}]",
                risk,
                f.agent(),
                f.route(),
                f.percent(),
                f.sources().join(", ")
            )?;
            writeln!(out, "    {}", f.context())?;
        }
    }
    Ok(changes)
}

/// Contraindications and monitoring steps the overlay added.
fn safety_added(
    out: &mut impl Write,
    base: &KnowledgeBase,
    kb: &KnowledgeBase,
) -> io::Result<usize> {
    let mut changes = 0;
    for agent in Agent::ALL {
        let old: Vec<_> = base.contraindications(agent).collect();
        for c in kb.contraindications(agent).filter(|c| !old.contains(c)) {
            changes += 1;
            writeln!(out, "  contraindication for {agent}: {}", c.text())?;
        }
        let old: Vec<_> = base.monitoring(agent).collect();
        for m in kb.monitoring(agent).filter(|m| !old.contains(m)) {
            changes += 1;
            writeln!(out, "  monitoring for {agent} ({}): {}", m.kind(), m.text())?;
        }
    }
    Ok(changes)
}

fn main() -> ExitCode {
    println!(
        "ketamine-therapy data {DATA_VERSION}: information for developers, not medical advice."
    );
    println!(
        "This program shows how an overlay changes the knowledge base; the bundled overlay is fictional and illustrative."
    );
    let path = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/overlay.json"),
        PathBuf::from,
    );
    let name = path.display().to_string();
    let base = KnowledgeBase::embedded();
    // The same validating loader as the embedded data; a bad file is a LoadError that
    // names the file, the record and the field.
    let kb = match base.with_overlay_file(&path) {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    println!("Overlay: {name}");
    let mut out = io::stdout().lock();
    match report(&mut out, base, &kb).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("overlay: could not write the output: {e}");
            ExitCode::FAILURE
        }
    }
}
