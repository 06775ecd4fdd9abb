//! Whole-table invariants of the safety picture: every agent's label topics are
//! reviewed and recorded, no risk is under-reported for any agent and route it is given
//! by, label-based facts cite a label, and the new record kinds agree with the rest.

use std::collections::BTreeSet;

use ketamine_therapy::{
    Agent, Documented, Interactant, IntoEnumIterator, Jurisdiction, KnowledgeBase, Risk, Route,
    Sourced, Topic,
    model::{DoseBasis, RiskBasis, SourceKind},
};

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

fn routes_of(agent: Agent) -> Vec<Route> {
    kb().agent(agent)
        .routes()
        .iter()
        .map(|r| r.route())
        .collect()
}

fn cites_kind(fact: &dyn Sourced, kind: SourceKind) -> bool {
    fact.sources()
        .iter()
        .filter_map(|id| kb().source(id))
        .any(|s| s.kind() == kind)
}

#[test]
fn every_agent_has_every_topic_reviewed_and_documented() {
    let mut problems = Vec::new();
    for agent in Agent::iter() {
        for topic in Topic::iter() {
            let review = kb().agent(agent).review(topic);
            if review.is_none() {
                problems.push(format!("{agent}: {topic} not reviewed"));
            }
            if let Some(r) = review {
                if !cites_kind(r, SourceKind::Label) {
                    problems.push(format!("{agent}: the {topic} review cites no label"));
                }
            }
            if !kb().documented(agent, topic).is_known() {
                problems.push(format!("{agent}: {topic} not recorded"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_agent_has_its_labels_contraindications_interactions_and_populations() {
    for agent in Agent::iter() {
        for (what, documented) in [
            (
                "contraindications",
                kb().contraindications(agent).documented(),
            ),
            ("interactions", kb().interactions(agent).documented()),
            ("populations", kb().populations(agent).documented()),
        ] {
            assert!(
                matches!(documented, Documented::Recorded(n) if n > 0),
                "{agent} has no {what}: {documented}"
            );
        }
        for c in kb().contraindications(agent) {
            assert!(
                cites_kind(c, SourceKind::Label),
                "{agent} contraindication `{}` cites no label",
                c.text()
            );
        }
        for i in kb().interactions(agent) {
            assert!(
                cites_kind(i, SourceKind::Label),
                "{agent} interaction with {} cites no label",
                i.interactant()
            );
        }
    }
}

/// A label warning, label adverse reaction or class effect holds on every route the
/// agent is given by: `risks_for` never under-reports one.
#[test]
fn no_risk_is_under_reported_for_any_agent_and_route() {
    let mut problems = Vec::new();
    for risk in kb().risks() {
        for scope in risk.applies() {
            let given = routes_of(scope.agent());
            if let Some(routes) = scope.routes() {
                for r in routes {
                    if !given.contains(r) {
                        problems.push(format!(
                            "{}: observed on {r}, not a route of {}",
                            risk.name(),
                            scope.agent()
                        ));
                    }
                }
            }
            // A regulator's decision that amends the label (an EU periodic safety
            // review adding adverse reactions) counts as the label's statement.
            if scope.basis() != RiskBasis::Observed
                && scope.basis() != RiskBasis::ClassEffect
                && !cites_kind(scope, SourceKind::Label)
                && !cites_kind(scope, SourceKind::Regulator)
            {
                problems.push(format!(
                    "{}: {} of {} cites no label",
                    risk.name(),
                    scope.basis(),
                    scope.agent()
                ));
            }
            let reach: Vec<Route> = scope
                .routes()
                .map_or_else(|| given.clone(), <[Route]>::to_vec);
            for route in reach {
                if !kb()
                    .risks_for(scope.agent(), route)
                    .any(|r| r.id() == risk.id())
                {
                    problems.push(format!(
                        "{}: missing from risks_for({}, {route})",
                        risk.name(),
                        scope.agent()
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn oral_ketamine_carries_the_label_warnings_of_racemic_ketamine() {
    let oral: BTreeSet<Risk> = kb()
        .risks_for(Agent::RacemicKetamine, Route::Oral)
        .map(|r| r.id())
        .collect();
    let warned: BTreeSet<Risk> = kb()
        .risks()
        .filter(|r| {
            r.applies().iter().any(|s| {
                s.agent() == Agent::RacemicKetamine && s.basis() == RiskBasis::LabelWarning
            })
        })
        .map(|r| r.id())
        .collect();
    assert!(!warned.is_empty(), "racemic ketamine has no label warnings");
    assert!(
        warned.is_subset(&oral),
        "missing on oral: {:?}",
        warned.difference(&oral)
    );
    assert!(oral.contains(&Risk::RespiratoryDepression));
}

#[test]
fn interactants_all_interact_and_resolve_by_their_members() {
    for x in Interactant::iter() {
        assert!(
            kb().interactions_with(x).count() > 0,
            "{x} has no interaction"
        );
        for alias in kb().interactant(x).aliases() {
            assert_eq!(alias.parse::<Interactant>().ok(), Some(x), "{alias}");
        }
    }
    for (name, x) in [
        ("benzodiazepines", Interactant::CnsDepressants),
        ("opioids", Interactant::CnsDepressants),
        ("alcohol", Interactant::CnsDepressants),
        ("psychostimulants", Interactant::Psychostimulants),
        ("MAOIs", Interactant::Maois),
        ("theophylline", Interactant::Theophylline),
    ] {
        assert_eq!(
            kb().lookup(name).ok(),
            Some(ketamine_therapy::Entity::Interactant(x)),
            "{name}"
        );
    }
}

#[test]
fn regimens_are_reference_data_with_their_basis() {
    let mut problems = Vec::new();
    for agent in Agent::iter() {
        for r in kb().regimens(agent) {
            let label = format!("{} {} {:?} {}", agent, r.route(), r.condition(), r.phase());
            if r.basis().is_labelled() != r.jurisdiction().is_some() {
                problems.push(format!("{label}: jurisdiction does not match basis"));
            }
            let kind = match r.basis() {
                DoseBasis::Label => SourceKind::Label,
                DoseBasis::Guideline => SourceKind::Guideline,
                _ => SourceKind::Trial,
            };
            if r.basis() != DoseBasis::TrialProtocol && !cites_kind(r, kind) {
                problems.push(format!("{label}: a {} regimen cites no {kind}", r.basis()));
            }
            if !routes_of(agent).contains(&r.route()) {
                problems.push(format!("{label}: route not given"));
            }
            if r.dose().min() > r.dose().max() || r.dose().min() <= 0.0 {
                problems.push(format!("{label}: bad dose {}", r.dose()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A jurisdiction variant exists only with sourced facts.
#[test]
fn every_jurisdiction_has_regulatory_facts() {
    for j in Jurisdiction::iter() {
        let on_agents = kb()
            .agents()
            .flat_map(|a| a.regulatory())
            .filter(|r| r.jurisdiction() == j)
            .count();
        let on_indications = kb().indications().flat_map(|i| i.regulatory_in(j)).count();
        assert!(on_agents + on_indications > 0, "{j} has no regulatory fact");
    }
}

/// An overlay may add local interactions, population guidance and regimens; they are
/// validated like the embedded ones and show up in the queries.
#[test]
fn an_overlay_adds_interactions_populations_and_regimens() {
    let overlay = r#"{
        "interactions": [{"agent": "esketamine", "interactant": "theophylline",
            "standing": "other_label_statement", "effects": ["lowered_seizure_threshold"],
            "effect": "Local note on combined use.", "management": "Local protocol.",
            "sources": ["SPRAVATO-PI-2019"]}],
        "populations": [{"agent": "racemic_ketamine", "population": "renal_impairment",
            "recommendation": "no_data", "standing": "other_label_statement",
            "text": "Local note.", "sources": ["KETALAR-PI"]}],
        "dosing": [{"agent": "racemic_ketamine", "route": "intravenous",
            "condition": "ptsd", "phase": "course",
            "dose": {"min": 0.5, "max": 0.5, "unit": "mg_per_kg"},
            "schedule": "local protocol", "population": "adults",
            "basis": "trial_protocol", "sources": ["FEDER-2021"]}]
    }"#;
    let base = kb();
    let kb = base
        .with_overlay("local.json", overlay)
        .expect("the overlay loads");
    assert_eq!(
        kb.interactions(Agent::Esketamine).count(),
        base.interactions(Agent::Esketamine).count() + 1
    );
    assert_eq!(
        kb.populations(Agent::RacemicKetamine).count(),
        base.populations(Agent::RacemicKetamine).count() + 1
    );
    assert_eq!(
        kb.regimens(Agent::RacemicKetamine).count(),
        base.regimens(Agent::RacemicKetamine).count() + 1
    );
    // A regimen on a route its agent is not given by is refused.
    let wrong_route = overlay.replace(
        "\"agent\": \"racemic_ketamine\", \"route\": \"intravenous\"",
        "\"agent\": \"esketamine\", \"route\": \"oral\"",
    );
    assert!(base.with_overlay("local.json", &wrong_route).is_err());
}
