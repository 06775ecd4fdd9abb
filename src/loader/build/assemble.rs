//! Building the knowledge base from a checked draft: the name index, the records in
//! their final order, and every query index.

use crate::model::{
    Agent, BenefitRecord, BrandRecord, Condition, ConditionGroup, Contraindication, Indication,
    Interaction, Mechanism, MedicineRecord, Monitoring, PopulationGuidance, Regimen, Risk, Route,
    Source, Standing,
};
use strum::{EnumCount, IntoEnumIterator};

use super::Tables;
use crate::loader::check::Checker;
use crate::loader::files::Draft;
use crate::loader::index::medicines::MedicineIndex;
use crate::loader::index::names::NameIndex;
use crate::loader::unique::Names;
use crate::loader::{Index, KnowledgeBase, LoadError};

/// Names and aliases, unique across all entities after folding, and not alike. All
/// names are indexed before any alias, so a clash is blamed on the alias, not on a
/// name.
pub(super) fn name_index(draft: &Draft, t: &Tables) -> Result<NameIndex, LoadError> {
    let named = t.named();
    let entries = named
        .iter()
        .map(|(file, r)| (*file, r.entity(), "name", r.display_name()))
        .chain(named.iter().flat_map(|(file, r)| {
            r.alias_list()
                .iter()
                .map(move |a| (*file, r.entity(), "aliases", a.as_str()))
        }));
    let mut names = Names::with_capacity(named.len() * 4);
    for (file, entity, field, text) in entries {
        if let Err(name) = names.push(Names::name(file, entity, field, text)) {
            let c = Checker::new(draft.file(name.file), name.value.id(), None);
            return Err(c.name_length(name.field, name.text));
        }
    }
    let index = names
        .index()
        .map_err(|(first, second)| LoadError::AliasConflict {
            file: draft.file(second.file).to_owned(),
            record: second.value.id().to_owned(),
            field: second.field.to_owned(),
            alias: second.text.to_owned(),
            other: format!("{} `{}`", first.value.kind(), first.value.id()),
        })?;
    // Names of different entities must not look alike: `0ral` or `оral` (Cyrillic о)
    // cannot stand for something other than `oral`.
    if let Some((first, second)) = names.lookalike(|a, b| a == b) {
        return Err(LoadError::Confusable {
            file: draft.file(second.file).to_owned(),
            record: second.value.id().to_owned(),
            field: second.field.to_owned(),
            name: second.text.to_owned(),
            other: format!(
                "{} `{}` (`{}`)",
                first.value.kind(),
                first.value.id(),
                first.text
            ),
        });
    }
    Ok(index)
}

/// Builds the knowledge base and its indices from validated records.
pub(super) fn assemble(
    draft: Draft,
    sources: Vec<Source>,
    mechanism: Mechanism,
    t: Tables,
    names: NameIndex,
    (medicines, brands, medicine_index): (Vec<MedicineRecord>, Vec<BrandRecord>, MedicineIndex),
) -> KnowledgeBase {
    // By condition, strongest evidence first.
    let mut indications: Vec<Indication> = draft.indications.into_iter().map(|(_, i)| i).collect();
    indications.sort_by(|a, b| {
        a.condition()
            .cmp(&b.condition())
            .then(b.evidence().cmp(&a.evidence()))
            .then(a.agent().cmp(&b.agent()))
            .then(a.route().cmp(&b.route()))
    });
    let mut contraindications: Vec<Contraindication> = draft
        .contraindications
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    contraindications.sort_by_key(Contraindication::agent);
    // Each table sorted by agent (so that one agent's records are a slice), then most
    // serious standing first; the sorts are stable, so the data's order is kept within.
    let mut monitoring: Vec<Monitoring> = draft.monitoring.into_iter().map(|(_, m)| m).collect();
    monitoring.sort_by_key(|m| (m.agent(), m.standing()));
    let mut interactions: Vec<Interaction> =
        draft.interactions.into_iter().map(|(_, x)| x).collect();
    interactions.sort_by_key(|i| (i.agent(), i.standing()));
    let mut populations: Vec<PopulationGuidance> =
        draft.populations.into_iter().map(|(_, x)| x).collect();
    populations.sort_by_key(|p| (p.agent(), p.standing(), p.population()));
    let mut regimens: Vec<Regimen> = draft.regimens.into_iter().map(|(_, x)| x).collect();
    // Labelled regimens before trial protocols.
    regimens.sort_by_key(|r| {
        (
            r.agent(),
            !r.basis().is_labelled(),
            r.condition(),
            r.route(),
            r.phase(),
        )
    });
    let mut index = index(&indications, &t, names, medicine_index);
    index.regimens_by_condition = Condition::ALL.map(|c| {
        let mut at: Vec<u32> = (0u32..)
            .zip(&regimens)
            .filter(|(_, r)| r.condition() == Some(c))
            .map(|(i, _)| i)
            .collect();
        // Across agents, labelled regimens first; within that, the table's order.
        at.sort_by_key(|i| {
            regimens
                .get(*i as usize)
                .is_none_or(|r| !r.basis().is_labelled())
        });
        at
    });
    KnowledgeBase {
        sources,
        agents: t.agents,
        mechanism,
        routes: t.routes,
        groups: t.groups,
        conditions: t.conditions,
        indications,
        benefits: t.benefits,
        risks: t.risks,
        contraindications,
        monitoring,
        interactants: t.interactants,
        interactions,
        populations,
        regimens,
        medicines,
        brands,
        index,
    }
}

/// Every answer a query needs, precomputed so that queries only borrow.
pub(super) fn index(
    indications: &[Indication],
    t: &Tables,
    names: NameIndex,
    medicines: MedicineIndex,
) -> Index {
    let by_condition = Condition::ALL.map(|c| {
        let start = indications.partition_point(|i| i.condition() < c);
        let end = indications.partition_point(|i| i.condition() <= c);
        (start, end)
    });
    let conditions_by_route = Route::ALL.map(|r| {
        Condition::iter()
            .filter(|c| {
                indications
                    .iter()
                    .any(|i| i.condition() == *c && i.route() == r)
            })
            .collect::<Vec<_>>()
    });
    let conditions_by_group = ConditionGroup::ALL.map(|g| {
        Condition::iter()
            .filter(|c| c.group() == g)
            .collect::<Vec<_>>()
    });
    let (routes_by_bioavailability, routes_by_onset) = route_orders(t);
    let risks_by = risks_by_scope(t);
    let benefits_by_condition = Condition::ALL.map(|c| {
        t.benefits
            .iter()
            .filter(|b| b.conditions().contains(&c))
            .map(BenefitRecord::id)
            .collect()
    });
    Index {
        by_condition,
        conditions_by_route,
        conditions_by_group,
        routes_by_bioavailability,
        routes_by_onset,
        risks_by,
        benefits_by_condition,
        names,
        codes: crate::loader::index::codes::CodeIndex::new(&t.agents, &t.routes, &t.conditions),
        medicines,
        regimens_by_condition: std::array::from_fn(|_| Vec::new()),
    }
}

/// The routes by bioavailability (highest first) and by onset (fastest first); routes
/// with no sourced figure last.
fn route_orders(t: &Tables) -> (Vec<Route>, Vec<Route>) {
    let mut routes_by_bioavailability: Vec<Route> = Route::iter().collect();
    // Highest first; routes with no sourced figure last.
    routes_by_bioavailability.sort_by(|a, b| {
        let key = |r: &Route| {
            r.pick(&t.routes)
                .bioavailability()
                .map(|b| b.range().midpoint())
        };
        match (key(a), key(b)) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
    });
    let mut routes_by_onset: Vec<Route> = Route::iter().collect();
    // Fastest first; routes with no sourced onset last.
    routes_by_onset.sort_by_key(|r| {
        r.pick(&t.routes)
            .acute_onset()
            .map_or(u64::MAX, |t| t.min().seconds())
    });
    (routes_by_bioavailability, routes_by_onset)
}

/// The risks for every agent and route (index 0: any), most serious standing first
/// (for "any" agent or route, the most serious of the scopes that reach it), then
/// declaration order.
fn risks_by_scope(t: &Tables) -> [[Vec<Risk>; Route::COUNT + 1]; Agent::COUNT + 1] {
    // Each risk's standing for every agent and route (`None` where it does not apply).
    let standings: Vec<Standings> = t
        .risks
        .iter()
        .map(|x| Agent::ALL.map(|a| Route::ALL.map(|r| x.standing_for(a, r))))
        .collect();
    std::array::from_fn(|a| {
        std::array::from_fn(|r| {
            let agent = a.checked_sub(1).and_then(|i| Agent::ALL.get(i).copied());
            let route = r.checked_sub(1).and_then(|i| Route::ALL.get(i).copied());
            let mut list: Vec<(Standing, Risk)> = t
                .risks
                .iter()
                .zip(&standings)
                .filter(|(x, _)| match (agent, route) {
                    (Some(a), Some(r)) => x.applies_to(a, r),
                    (Some(a), None) => Route::iter().any(|r| x.applies_to(a, r)),
                    (None, Some(r)) => Agent::iter().any(|a| x.applies_to(a, r)),
                    (None, None) => true,
                })
                .map(|(x, s)| (risk_standing(s, agent, route), x.id()))
                .collect();
            list.sort_unstable();
            list.into_iter().map(|(_, risk)| risk).collect()
        })
    })
}

/// A risk's standing for each agent and route.
type Standings = [[Option<Standing>; Route::COUNT]; Agent::COUNT];

/// The most serious standing of a risk for an agent and a route (`None`: any).
pub(super) fn risk_standing(
    standings: &Standings,
    agent: Option<Agent>,
    route: Option<Route>,
) -> Standing {
    Agent::ALL
        .iter()
        .zip(standings)
        .filter(|(a, _)| agent.is_none_or(|x| x == **a))
        .flat_map(|(_, row)| {
            Route::ALL
                .iter()
                .zip(row)
                .filter(|(r, _)| route.is_none_or(|x| x == **r))
                .filter_map(|(_, s)| *s)
        })
        .min()
        .unwrap_or(Standing::ObservedInStudies)
}
