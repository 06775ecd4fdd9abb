//! All routes of administration side by side, highest bioavailability first.
//!
//! ```text
//! cargo run --example compare_routes
//! ```
//!
//! The order comes from [`KnowledgeBase::routes_by_bioavailability`]. A dash marks a
//! value no source gives; the crate leaves such gaps visible rather than guessing.

use std::fmt::Display;
use std::iter::once;

use ketamine_therapy::{DATA_VERSION, KnowledgeBase, model::RouteRecord};

/// A column: its header, and how to print a route's value.
type Column = (&'static str, fn(&RouteRecord) -> String);

const PHARMACOLOGY: [Column; 3] = [
    ("bioavailability", |r| {
        show(r.bioavailability().map(|b| b.range()))
    }),
    ("acute onset", |r| show(r.acute_onset())),
    ("antidepressant onset", |r| show(r.antidepressant_onset())),
];

const PRACTICE: [Column; 4] = [
    ("session", |r| show(r.session())),
    ("observation", |r| show(r.observation())),
    ("setting", |r| show(r.setting().map(|s| s.kind()))),
    ("prevalence", |r| show(r.prevalence().map(|p| p.level()))),
];

fn main() {
    println!(
        "ketamine-therapy data {DATA_VERSION}: information for developers, not medical advice."
    );
    let kb = KnowledgeBase::embedded();
    println!("\nPharmacology (acute = psychoactive effect, antidepressant = mood effect)\n");
    table(kb, &PHARMACOLOGY);
    println!("\nPractice\n");
    table(kb, &PRACTICE);
    println!("\nNotes and sources of a route: cargo run --example ketamine -- show intravenous");
}

fn show(value: Option<impl Display>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// Prints one row per route, in bioavailability order, aligned under a header.
fn table(kb: &KnowledgeBase, columns: &[Column]) {
    let header = once("route").chain(columns.iter().map(|(name, _)| *name));
    let mut rows: Vec<Vec<String>> = vec![header.map(str::to_owned).collect()];
    for &route in kb.routes_by_bioavailability() {
        let record = kb.route(route);
        let values = columns.iter().map(|(_, value)| value(record));
        rows.push(once(route.to_string()).chain(values).collect());
    }
    let mut widths = vec![0; columns.len() + 1];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    rows.insert(1, widths.iter().map(|w| "-".repeat(*w)).collect());
    for row in rows {
        let line: String = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}  "))
            .collect();
        println!("  {}", line.trim_end());
    }
}
