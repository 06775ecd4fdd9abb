//! Which routes suit a condition, on what evidence, and which sources say so.
//!
//! ```text
//! cargo run --example routes_for_condition             # treatment-resistant depression
//! cargo run --example routes_for_condition -- PTSD     # any condition name or alias
//! ```
//!
//! For each agent and route studied for the condition, strongest evidence first: the
//! evidence level, the regulatory status in each jurisdiction, and the citations of
//! the sources behind the indication, resolved in the bibliography.

use std::process::ExitCode;

use ketamine_therapy::{DATA_VERSION, Entity, KnowledgeBase};

fn main() -> ExitCode {
    println!(
        "ketamine-therapy data {DATA_VERSION}: information for developers, not medical advice."
    );
    let kb = KnowledgeBase::embedded();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let name = if args.is_empty() {
        "TRD".to_owned()
    } else {
        args.join(" ")
    };

    let condition = match kb.lookup(&name) {
        Ok(Entity::Condition(condition)) => condition,
        Ok(other) => {
            eprintln!(
                "`{name}` is the {} `{other}`, not a condition",
                other.kind()
            );
            return ExitCode::from(2);
        }
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::from(2);
        }
    };

    println!("\nRoutes studied for {condition}, strongest evidence first:");
    for (n, ind) in kb.routes_for(condition).iter().enumerate() {
        println!(
            "\n{}. {} by the {} route: {} evidence",
            n + 1,
            ind.agent(),
            ind.route(),
            ind.evidence()
        );
        if ind.regulatory().is_empty() {
            println!("   regulatory status: not recorded");
        }
        for reg in ind.regulatory() {
            let date = reg.date().map(|d| format!(" {d}")).unwrap_or_default();
            println!("   {}: {}{date}", reg.jurisdiction(), reg.status());
        }
        println!("   sources:");
        for source in kb.sources_of(ind) {
            println!("   - [{}] {source}", source.id());
        }
    }
    ExitCode::SUCCESS
}
