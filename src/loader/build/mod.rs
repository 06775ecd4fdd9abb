//! Validation of a draft by record kind, and building the indices.
//!
//! The order of the checks is the order in which errors are reported: sources, the
//! mechanism section, the tables of named records, each kind's own fields, indications,
//! safety facts, then names; a data set with several problems reports the first.

use crate::model::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord, Entity,
    GroupRecord, Interactant, InteractantRecord, Mechanism, Named, Risk, RiskRecord, Route,
    RouteRecord,
};
use strum::EnumCount;

use super::check::{Checker, Field, check_named};
use super::files::Draft;
use super::sets::SourceIds;
use super::vocabulary::{check_vocabulary, take_vocabulary};
use super::{KnowledgeBase, LoadError};

mod assemble;
mod records;
mod sources;

use self::assemble::{assemble, name_index};
use self::records::{
    check_agents, check_benefits, check_conditions, check_indications, check_interactions,
    check_mechanism, check_populations, check_regimens, check_risks, check_routes, check_safety,
};
use self::sources::take_sources;

/// Validates a draft and builds the knowledge base with all its indices.
pub(super) fn build(mut draft: Draft) -> Result<KnowledgeBase, LoadError> {
    // Sources first: everything else cites them.
    let sources = take_sources(&mut draft)?;
    let ids = SourceIds::new(&sources);
    let (mech_file, mechanism) = take_mechanism(&mut draft)?;
    let mut t = Tables::take(&mut draft)?;
    for risk in &mut t.risks {
        risk.resolve(&t.agents);
    }
    check_mechanism(
        &Checker::new(
            draft.file(mech_file),
            String::from("`mechanism`"),
            Some(&ids),
        ),
        &mechanism,
    )?;
    check_agents(&draft, &ids, &t)?;
    check_routes(&draft, &ids, &t)?;
    for (record, file) in t.groups.iter().zip(t.group_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
    }
    check_conditions(&draft, &ids, &t)?;
    check_benefits(&draft, &ids, &t)?;
    check_risks(&draft, &ids, &t)?;
    check_indications(&draft, &ids, &t.agents)?;
    check_safety(&draft, &ids, &t.agents)?;
    for (record, file) in t.interactants.iter().zip(t.interactant_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(&ids));
        check_named(&c, record, record.description(), record)?;
        for (i, example) in record.examples().iter().enumerate() {
            c.text(Field::item("examples", i), example)?;
        }
    }
    check_interactions(&draft, &ids)?;
    check_populations(&draft, &ids)?;
    check_regimens(&draft, &ids, &t.agents)?;
    let ingredients = check_vocabulary(&draft, &ids)?;
    let names = name_index(&draft, &t)?;
    drop(ids);
    let vocabulary = take_vocabulary(&mut draft, &ingredients)?;
    Ok(assemble(draft, sources, mechanism, t, names, vocabulary))
}

/// The single mechanism section, with the index of its file.
fn take_mechanism(draft: &mut Draft) -> Result<(usize, Mechanism), LoadError> {
    let mut mechanisms = std::mem::take(&mut draft.mechanism);
    match (mechanisms.pop(), mechanisms.is_empty()) {
        (Some(m), true) => Ok(m),
        (found, _) => Err(LoadError::Section {
            files: draft.file_list(),
            section: String::from("mechanism"),
            problem: String::from(if found.is_some() {
                "appears more than once"
            } else {
                "is missing"
            }),
        }),
    }
}

/// The tables of named records, one record per variant, with the file of each.
struct Tables {
    agents: [AgentRecord; Agent::COUNT],
    agent_files: [usize; Agent::COUNT],
    routes: [RouteRecord; Route::COUNT],
    route_files: [usize; Route::COUNT],
    groups: [GroupRecord; ConditionGroup::COUNT],
    group_files: [usize; ConditionGroup::COUNT],
    conditions: [ConditionRecord; Condition::COUNT],
    condition_files: [usize; Condition::COUNT],
    benefits: [BenefitRecord; Benefit::COUNT],
    benefit_files: [usize; Benefit::COUNT],
    risks: [RiskRecord; Risk::COUNT],
    risk_files: [usize; Risk::COUNT],
    interactants: [InteractantRecord; Interactant::COUNT],
    interactant_files: [usize; Interactant::COUNT],
}

impl Tables {
    fn take(draft: &mut Draft) -> Result<Self, LoadError> {
        let agents = std::mem::take(&mut draft.agents);
        let routes = std::mem::take(&mut draft.routes);
        let groups = std::mem::take(&mut draft.groups);
        let conditions = std::mem::take(&mut draft.conditions);
        let benefits = std::mem::take(&mut draft.benefits);
        let risks = std::mem::take(&mut draft.risks);
        let interactants = std::mem::take(&mut draft.interactants);
        let (agents, agent_files) = table(
            draft,
            Agent::ALL,
            agents,
            AgentRecord::id,
            "agent",
            "agents",
        )?;
        let (routes, route_files) = table(
            draft,
            Route::ALL,
            routes,
            RouteRecord::id,
            "route",
            "routes",
        )?;
        let (groups, group_files) = table(
            draft,
            ConditionGroup::ALL,
            groups,
            GroupRecord::id,
            "condition group",
            "groups",
        )?;
        let (conditions, condition_files) = table(
            draft,
            Condition::ALL,
            conditions,
            ConditionRecord::id,
            "condition",
            "conditions",
        )?;
        let (benefits, benefit_files) = table(
            draft,
            Benefit::ALL,
            benefits,
            BenefitRecord::id,
            "benefit",
            "benefits",
        )?;
        let (risks, risk_files) = table(draft, Risk::ALL, risks, RiskRecord::id, "risk", "risks")?;
        let (interactants, interactant_files) = table(
            draft,
            Interactant::ALL,
            interactants,
            InteractantRecord::id,
            "interactant",
            "interactants",
        )?;
        Ok(Tables {
            agents,
            agent_files,
            routes,
            route_files,
            groups,
            group_files,
            conditions,
            condition_files,
            benefits,
            benefit_files,
            risks,
            risk_files,
            interactants,
            interactant_files,
        })
    }

    /// Every named record, with its file, names before aliases are read from them.
    fn named(&self) -> Vec<(usize, &dyn Named)> {
        let mut named: Vec<(usize, &dyn Named)> = Vec::new();
        named.extend(with_files(&self.agent_files, &self.agents));
        named.extend(with_files(&self.route_files, &self.routes));
        named.extend(with_files(&self.group_files, &self.groups));
        named.extend(with_files(&self.condition_files, &self.conditions));
        named.extend(with_files(&self.benefit_files, &self.benefits));
        named.extend(with_files(&self.risk_files, &self.risks));
        named.extend(with_files(&self.interactant_files, &self.interactants));
        named
    }
}

/// Places the records of one identity enum into its table: one record per variant.
fn table<E, T, const N: usize>(
    draft_files: &Draft,
    all: [E; N],
    records: Vec<(usize, T)>,
    id: impl Fn(&T) -> E,
    kind: &str,
    section: &str,
) -> Result<([T; N], [usize; N]), LoadError>
where
    E: Copy + PartialEq + Into<Entity>,
{
    let mut slots: [Option<(usize, T)>; N] = std::array::from_fn(|_| None);
    for (file, record) in records {
        let variant = id(&record);
        let Some(slot) = all
            .iter()
            .position(|v| *v == variant)
            .and_then(|i| slots.get_mut(i))
        else {
            continue;
        };
        if let Some((first, _)) = slot {
            return Err(LoadError::DuplicateRecord {
                file: draft_files.file(file).to_owned(),
                record: variant.into().id().to_owned(),
                first_file: draft_files.file(*first).to_owned(),
            });
        }
        *slot = Some((file, record));
    }
    let mut origins = [0usize; N];
    let mut out = Vec::with_capacity(N);
    for ((slot, variant), origin) in slots.into_iter().zip(all).zip(origins.iter_mut()) {
        let Some((file, record)) = slot else {
            return Err(LoadError::MissingRecord {
                files: draft_files.file_list(),
                kind: kind.to_owned(),
                id: variant.into().id().to_owned(),
                section: section.to_owned(),
            });
        };
        *origin = file;
        out.push(record);
    }
    let out: [T; N] = out.try_into().map_err(|_| LoadError::MissingRecord {
        files: draft_files.file_list(),
        kind: kind.to_owned(),
        id: String::from("?"),
        section: section.to_owned(),
    })?;
    Ok((out, origins))
}

/// Named records paired with the index of the file each came from.
fn with_files<'r, T: Named>(
    files: &'r [usize],
    records: &'r [T],
) -> impl Iterator<Item = (usize, &'r dyn Named)> {
    files
        .iter()
        .copied()
        .zip(records.iter().map(|r| r as &dyn Named))
}
