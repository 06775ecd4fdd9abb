//! The safety picture of one product: esketamine nasal spray (Spravato).
//!
//! ```text
//! cargo run --example risks_and_monitoring
//! ```
//!
//! Its documented risks with how often they occurred against placebo, its
//! contraindications, and the monitoring its label and REMS require.

use ketamine_therapy::{Agent, DATA_VERSION, KnowledgeBase, Route, Sourced};

fn main() {
    println!(
        "ketamine-therapy data {DATA_VERSION}: information for developers, not medical advice."
    );
    let kb = KnowledgeBase::embedded();
    let (agent, route) = (Agent::Esketamine, Route::Intranasal);

    println!("\nRisks of {agent} by the {route} route (share of patients in the cited studies):");
    for risk in kb.risks_for(agent, route) {
        println!("\n- {} ({} course)", risk.name(), risk.course());
        let mut frequencies = risk
            .frequencies()
            .iter()
            .filter(|f| f.agent() == agent && f.route() == route)
            .peekable();
        if frequencies.peek().is_none() {
            println!("    no frequency recorded for this agent and route");
        }
        for f in frequencies {
            let placebo = f.placebo_percent().map_or_else(
                || "placebo not reported".to_owned(),
                |p| format!("placebo {p}"),
            );
            println!(
                "    {} ({placebo}): {} [{}]",
                f.percent(),
                f.context(),
                f.sources().join(", ")
            );
        }
    }

    println!("\nContraindications of {agent}:");
    for c in kb.contraindications(agent) {
        println!("- {} [{}]", c.text(), c.sources().join(", "));
    }

    println!("\nMonitoring for {agent} by the {route} route:");
    for m in kb.monitoring_for(agent, route) {
        let timing = m
            .timing()
            .map(|t| format!(" (timing: {t})"))
            .unwrap_or_default();
        let kind = m.kind().to_string().replace('_', " ");
        println!(
            "- {kind}{timing}: {} [{}]",
            m.text(),
            m.sources().join(", ")
        );
    }
    println!("\nCitations for the ids in brackets: cargo run --example ketamine -- sources");
}
