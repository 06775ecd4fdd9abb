//! Regulatory status by one rule, over every agent, route, condition and jurisdiction.

use ketamine_therapy::model::{RegulatoryStatus, UseStatus};
use ketamine_therapy::{Agent, Condition, Jurisdiction, KnowledgeBase, Route};
use strum::IntoEnumIterator;

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

fn has_label(agent: Agent, j: Jurisdiction) -> bool {
    kb().agent(agent)
        .regulatory()
        .iter()
        .any(|r| r.jurisdiction() == j && r.status() == RegulatoryStatus::Approved)
}

#[test]
fn every_use_answers_by_the_same_rule_for_both_agents() {
    let mut problems = Vec::new();
    for agent in Agent::iter() {
        for route in Route::iter().filter(|r| kb().agent(agent).is_given_by(*r)) {
            for condition in Condition::iter() {
                for j in Jurisdiction::iter() {
                    let got = kb().use_status(agent, route, condition, j);
                    let stated = kb()
                        .routes_for(condition)
                        .iter()
                        .find(|i| i.agent() == agent && i.route() == route)
                        .map(|i| i.status_in(j))
                        .filter(|s| s.status().is_recorded());
                    let want = match stated {
                        // A fact about the use itself decides.
                        Some(s) => s.status(),
                        // Otherwise: a label in the jurisdiction makes it off-label.
                        None if has_label(agent, j) => UseStatus::OffLabel,
                        None => UseStatus::NotRecorded,
                    };
                    if got.status() != want {
                        problems.push(format!(
                            "{agent} {route} {condition} {j}: {} (want {want})",
                            got.status()
                        ));
                    }
                    if got.by_rule() == stated.is_some() && got.status().is_recorded() {
                        problems.push(format!("{agent} {route} {condition} {j}: by_rule wrong"));
                    }
                    // Never "not recorded" where the agent has a label there.
                    if has_label(agent, j) && !got.status().is_recorded() {
                        problems.push(format!("{agent} {route} {condition} {j}: not recorded"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn questions_clinics_ask_get_a_status() {
    use Condition::*;
    let cases = [
        (
            Agent::RacemicKetamine,
            Route::Intravenous,
            Ptsd,
            Jurisdiction::Uk,
            UseStatus::OffLabel,
        ),
        (
            Agent::RacemicKetamine,
            Route::Intravenous,
            TreatmentResistantDepression,
            Jurisdiction::Us,
            UseStatus::OffLabel,
        ),
        (
            Agent::Esketamine,
            Route::Intranasal,
            TreatmentResistantDepression,
            Jurisdiction::Eu,
            UseStatus::Approved,
        ),
        (
            Agent::Esketamine,
            Route::Intranasal,
            Ptsd,
            Jurisdiction::Us,
            UseStatus::OffLabel,
        ),
        (
            Agent::RacemicKetamine,
            Route::Oral,
            TreatmentResistantDepression,
            Jurisdiction::Us,
            UseStatus::Unapproved,
        ),
    ];
    for (agent, route, condition, j, want) in cases {
        assert_eq!(
            kb().use_status(agent, route, condition, j).status(),
            want,
            "{agent} {route} {condition} {j}"
        );
    }
}
