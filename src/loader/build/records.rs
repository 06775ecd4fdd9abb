//! Checks of each record kind's own fields and references, in the order errors are
//! reported.

use crate::model::{
    Agent, AgentRecord, AgentRoute, Condition, Frequency, Interactant, Mechanism, MonitoringKind,
    Population, Review, Risk, RiskRecord, Route, Topic,
};
use crate::text::echo;
use strum::{EnumCount, IntoEnumIterator};

use super::Tables;
use crate::loader::LoadError;
use crate::loader::check::{
    Checker, Field, Label, check_frequency, check_frequency_scope, check_named,
};
use crate::loader::files::Draft;
use crate::loader::sets::{FastMap, SourceIds};
use crate::model::Sourced;

/// The mechanism section: its texts and sources.
pub(super) fn check_mechanism(c: &Checker<'_>, mechanism: &Mechanism) -> Result<(), LoadError> {
    c.text("qualification.text", mechanism.qualification().text())?;
    c.cites("qualification", mechanism.qualification())?;
    c.non_empty("steps", mechanism.steps(), "at least one step")?;
    for (i, step) in mechanism.steps().iter().enumerate() {
        let field = Field::item("steps", i);
        c.text(field.child("id"), step.id())?;
        c.text(field.child("summary"), step.summary())?;
        c.non_empty(field.child("agents"), step.agents(), "at least one agent")?;
        c.no_repeats(field.child("agents"), step.agents())?;
        c.cites(field, step)?;
    }
    Ok(())
}

/// Agents: names, texts, routes and their sources.
pub(super) fn check_agents(
    draft: &Draft,
    ids: &SourceIds<'_>,
    t: &Tables,
) -> Result<(), LoadError> {
    for (record, file) in t.agents.iter().zip(t.agent_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(ids));
        check_named(&c, record, record.description(), record)?;
        c.non_empty("routes", record.routes(), "at least one route")?;
        let ids: Vec<Route> = record.routes().iter().map(AgentRoute::route).collect();
        c.no_repeats("routes", &ids)?;
        for (i, route) in record.routes().iter().enumerate() {
            let field = Field::item("routes", i);
            c.opt_text(field.child("note"), route.note())?;
            c.cites(field, route)?;
        }
        if record.enantiomer_of() == Some(record.id()) {
            return Err(c.invalid(
                "enantiomer_of",
                String::from("an agent cannot be its own enantiomer"),
                "another agent",
            ));
        }
        c.codes(record.codes())?;
        if let Some(cs) = record.controlled_substance() {
            c.text("controlled_substance.schedule", cs.schedule())?;
            c.cites("controlled_substance", cs)?;
        }
        c.regulatory(record.regulatory())?;
        for (i, review) in record.reviewed().iter().enumerate() {
            let field = Field::item("reviewed", i);
            c.opt_text(field.child("note"), review.note())?;
            check_gaps(&c, field, review)?;
            c.cites(field, review)?;
            if record
                .reviewed()
                .iter()
                .take(i)
                .any(|r| r.topic() == review.topic())
            {
                return Err(c.invalid(
                    field.child("topic"),
                    format!("topic `{}` is reviewed twice", review.topic()),
                    "each topic at most once per agent",
                ));
            }
        }
    }
    Ok(())
}

/// Routes: names, texts, codes, and their figures with sources.
pub(super) fn check_routes(
    draft: &Draft,
    ids: &SourceIds<'_>,
    t: &Tables,
) -> Result<(), LoadError> {
    for (record, file) in t.routes.iter().zip(t.route_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(ids));
        check_named(&c, record, record.description(), record)?;
        c.codes(record.codes())?;
        if let Some(b) = record.bioavailability() {
            c.percent("bioavailability", b.range())?;
            c.opt_text("bioavailability.note", b.note())?;
            c.cites("bioavailability", b)?;
        }
        for (field, timing) in record.timings() {
            c.timing(field, timing)?;
        }
        if let Some(p) = record.protocol() {
            c.text("protocol.text", p.text())?;
            c.cites("protocol", p)?;
        }
        if let Some(s) = record.setting() {
            c.opt_text("setting.note", s.note())?;
            c.cites("setting", s)?;
        }
        if let Some(p) = record.prevalence() {
            c.opt_text("prevalence.note", p.note())?;
            c.cites("prevalence", p)?;
        }
    }
    Ok(())
}

/// Conditions: names, texts, and their group.
pub(super) fn check_conditions(
    draft: &Draft,
    ids: &SourceIds<'_>,
    t: &Tables,
) -> Result<(), LoadError> {
    for (record, file) in t.conditions.iter().zip(t.condition_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(ids));
        check_named(&c, record, record.description(), record)?;
        if record.group() != record.id().group() {
            return Err(c.invalid(
                "group",
                format!(
                    "`{}` is not the group of {}",
                    record.group().id(),
                    record.id()
                ),
                &format!("\"{}\"", record.id().group().id()),
            ));
        }
        c.codes(record.codes())?;
    }
    Ok(())
}

/// Benefits: names, texts, the conditions they name, and sources.
pub(super) fn check_benefits(
    draft: &Draft,
    ids: &SourceIds<'_>,
    t: &Tables,
) -> Result<(), LoadError> {
    for (record, file) in t.benefits.iter().zip(t.benefit_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(ids));
        check_named(&c, record, record.description(), record)?;
        c.timing("time_scale", record.time_scale())?;
        for (i, q) in record.qualifications().iter().enumerate() {
            let field = Field::item("qualifications", i);
            c.text(field.child("text"), q.text())?;
            c.cites(field, q)?;
        }
        c.non_empty("conditions", record.conditions(), "at least one condition")?;
        c.no_repeats("conditions", record.conditions())?;
    }
    Ok(())
}

/// A review's gaps name items of its topic's kind, each once.
fn check_gaps(c: &Checker<'_>, field: Field<'_>, review: &Review) -> Result<(), LoadError> {
    fn known<E: IntoEnumIterator + Into<&'static str>>(
        id: &str,
        ids: impl Fn(E) -> &'static str,
    ) -> bool {
        E::iter().any(|e| ids(e) == id)
    }
    for (g, gap) in review.gaps().iter().enumerate() {
        let at = field.child_item("gaps", g);
        c.text(at.child("item"), gap.item())?;
        c.opt_text(at.child("note"), gap.note())?;
        let (ok, expected) = match review.topic() {
            Topic::Populations => (
                known::<Population>(gap.item(), Population::id),
                "a population id, such as \"renal_impairment\"",
            ),
            Topic::Risks => (
                known::<Risk>(gap.item(), Risk::id),
                "a risk id, such as \"dissociation\"",
            ),
            Topic::Interactions => (
                known::<Interactant>(gap.item(), Interactant::id),
                "an interactant id, such as \"maois\"",
            ),
            Topic::Monitoring => (
                known::<MonitoringKind>(gap.item(), MonitoringKind::id),
                "a monitoring kind, such as \"laboratory\"",
            ),
            _ => (true, ""),
        };
        if !ok {
            return Err(c.invalid(
                at.child("item"),
                format!(
                    "`{}` is not an item of topic `{}`",
                    echo(gap.item()),
                    review.topic()
                ),
                expected,
            ));
        }
        if review
            .gaps()
            .get(..g)
            .is_some_and(|before| before.iter().any(|b| b.item() == gap.item()))
        {
            return Err(c.invalid(
                at.child("item"),
                format!("`{}` is listed twice", echo(gap.item())),
                "each item once",
            ));
        }
    }
    Ok(())
}

/// Risks: names, texts, frequencies with their scopes, standings and sources.
pub(super) fn check_risks(draft: &Draft, ids: &SourceIds<'_>, t: &Tables) -> Result<(), LoadError> {
    for (record, file) in t.risks.iter().zip(t.risk_files) {
        let c = Checker::new(draft.file(file), record.id().id(), Some(ids));
        check_named(&c, record, record.description(), record)?;
        c.timing("onset", record.onset())?;
        c.timing("duration", record.duration())?;
        check_scopes(&c, record)?;
        for (i, f) in record.frequencies().iter().enumerate() {
            let field = Field::item("frequencies", i);
            check_frequency(&c, field, f)?;
            c.route_for_agent(field, f.agent().pick(&t.agents), f.route())?;
            check_frequency_scope(&c, field, record, f)?;
            check_supersession(&c, field, record, f)?;
        }
        if let Some(m) = record.mitigation() {
            c.text("mitigation.text", m.text())?;
            c.cites("mitigation", m)?;
        }
    }
    Ok(())
}

/// Indications: unique per (condition, agent, route), routes the agent is given by.
pub(super) fn check_indications(
    draft: &Draft,
    ids: &SourceIds<'_>,
    agents: &[AgentRecord; Agent::COUNT],
) -> Result<(), LoadError> {
    let mut first_seen: FastMap<(Condition, Agent, Route), usize> = FastMap::default();
    for (file, ind) in &draft.indications {
        let label = |f: &mut std::fmt::Formatter<'_>| f.write_str(&ind.key());
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        if let Some(first) = first_seen.insert(ind.triple(), *file) {
            return Err(LoadError::DuplicateRecord {
                file: draft.file(*file).to_owned(),
                record: ind.key(),
                first_file: draft.file(first).to_owned(),
            });
        }
        c.route_for_agent("route", ind.agent().pick(agents), ind.route())?;
        c.text("note", ind.note())?;
        c.regulatory(ind.regulatory())?;
        c.cites("", ind)?;
        c.source_ids("negative_findings", ind.negative_findings())?;
        c.no_repeats("negative_findings", ind.negative_findings())?;
        if let Some(stray) = ind
            .negative_findings()
            .iter()
            .find(|id| !ind.sources().contains(id))
        {
            return Err(c.invalid(
                "negative_findings",
                format!("`{}` is not also listed in `sources`", echo(stray)),
                "every negative finding to be one of the record's sources",
            ));
        }
        if ind.evidence() == crate::Evidence::RegulatoryApproval
            && !ind
                .regulatory()
                .iter()
                .any(|r| r.status() == crate::model::RegulatoryStatus::Approved)
        {
            return Err(c.invalid(
                "evidence",
                String::from("`regulatory_approval` without an `approved` regulatory entry"),
                "an approved status in `regulatory`, or a lower evidence level",
            ));
        }
    }
    Ok(())
}

/// Contraindications and monitoring.
pub(super) fn check_safety(
    draft: &Draft,
    ids: &SourceIds<'_>,
    agents: &[AgentRecord; Agent::COUNT],
) -> Result<(), LoadError> {
    for (file, item) in &draft.contraindications {
        let label = |f: &mut std::fmt::Formatter<'_>| {
            write!(f, "contraindication for {}", item.agent().id())
        };
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        c.text("text", item.text())?;
        c.criteria(item.criteria())?;
        c.cites("", item)?;
        c.standing(item.standing(), item)?;
    }
    for (file, item) in &draft.monitoring {
        let label = |f: &mut std::fmt::Formatter<'_>| {
            write!(f, "monitoring ({}, {})", item.agent().id(), item.kind())
        };
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        c.text("text", item.text())?;
        c.non_empty("routes", item.routes(), "at least one route")?;
        c.no_repeats("routes", item.routes())?;
        for route in item.routes() {
            c.route_for_agent("routes", item.agent().pick(agents), *route)?;
        }
        c.timing("timing", item.timing())?;
        c.criteria(item.criteria())?;
        c.cites("", item)?;
        c.standing(item.standing(), item)?;
    }
    Ok(())
}

/// A risk's scopes: at least one; routes only, and then non-empty, for an observed risk.
/// A figure superseded by a newer source's: that source gives another figure of the
/// same risk for the same agent, and is not the superseded figure's own.
fn check_supersession(
    c: &Checker<'_>,
    field: Field<'_>,
    record: &RiskRecord,
    f: &Frequency,
) -> Result<(), LoadError> {
    let Some(newer) = f.superseded_by() else {
        return Ok(());
    };
    let current = record.frequencies().iter().any(|other| {
        other.agent() == f.agent()
            && !other.is_superseded()
            && other.sources().iter().any(|s| s == newer)
    });
    if f.sources().iter().any(|s| s == newer) || !current {
        return Err(c.invalid(
            field.child("superseded_by"),
            format!("`{}` gives no current figure of this risk for {}", echo(newer), f.agent()),
            "the id of the newer source, cited by a current (not superseded) figure of the same risk and agent",
        ));
    }
    Ok(())
}

/// A risk's agent and route scopes: agents that exist, routes each agent is given by.
fn check_scopes(c: &Checker<'_>, record: &RiskRecord) -> Result<(), LoadError> {
    c.non_empty("applies", record.applies(), "at least one agent scope")?;
    for (i, scope) in record.applies().iter().enumerate() {
        let field = Field::item("applies", i);
        match (scope.basis().holds_on_every_route(), scope.routes()) {
            (true, Some(_)) => {
                return Err(c.invalid(
                    field.child("routes"),
                    format!("a `{}` lists routes", scope.basis()),
                    "no `routes` for a label warning, label adverse reaction, other label statement or class effect: it holds on every route of the agent",
                ));
            }
            (false, None) => {
                return Err(c.invalid(
                    field.child("routes"),
                    String::from("an observed risk names no route"),
                    "the routes on which the risk was observed",
                ));
            }
            (false, Some(routes)) => {
                c.non_empty(field.child("routes"), routes, "at least one route")?;
                c.no_repeats(field.child("routes"), routes)?;
            }
            (true, None) => {}
        }
        c.cites(field, scope)?;
    }
    Ok(())
}

/// Interactions: the agent and interactant exist by type; texts and sources.
pub(super) fn check_interactions(draft: &Draft, ids: &SourceIds<'_>) -> Result<(), LoadError> {
    for (file, item) in &draft.interactions {
        let label = |f: &mut std::fmt::Formatter<'_>| {
            let (agent, interactant) = (item.agent().id(), item.interactant().id());
            write!(f, "interaction {agent}/{interactant}")
        };
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        c.text("effect", item.effect())?;
        c.text("management", item.management())?;
        c.non_empty("effects", item.effects(), "at least one effect")?;
        c.no_repeats("effects", item.effects())?;
        c.cites("", item)?;
        c.standing(item.standing(), item)?;
    }
    Ok(())
}

/// Population guidance: texts, typed criteria, standings and sources.
pub(super) fn check_populations(draft: &Draft, ids: &SourceIds<'_>) -> Result<(), LoadError> {
    for (file, item) in &draft.populations {
        let label = |f: &mut std::fmt::Formatter<'_>| {
            let (agent, population) = (item.agent().id(), item.population().id());
            write!(f, "population {agent}/{population}")
        };
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        c.text("text", item.text())?;
        c.criteria(item.criteria())?;
        c.cites("", item)?;
        c.standing(item.standing(), item)?;
    }
    Ok(())
}

/// Regimens: a route the agent is given by, a valid dose range, a jurisdiction exactly
/// when the regimen is labelled.
pub(super) fn check_regimens(
    draft: &Draft,
    ids: &SourceIds<'_>,
    agents: &[AgentRecord; Agent::COUNT],
) -> Result<(), LoadError> {
    for (file, item) in &draft.regimens {
        let label = |f: &mut std::fmt::Formatter<'_>| {
            let (agent, route) = (item.agent().id(), item.route().id());
            let condition = item.condition().map_or("anaesthesia", |x| x.id());
            write!(f, "regimen {agent}/{route}/{condition}")
        };
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        c.route_for_agent("route", item.agent().pick(agents), item.route())?;
        let dose = item.dose();
        for (end, value) in [("min", dose.min()), ("max", dose.max())] {
            if !(value.is_finite() && value > 0.0) {
                return Err(c.invalid(
                    Field::from("dose").child(end),
                    format!("{value} is not a dose"),
                    "a positive, finite number",
                ));
            }
        }
        if dose.min() > dose.max() {
            return Err(c.inverted(Field::from("dose"), dose.min(), dose.max()));
        }
        c.text("schedule", item.schedule())?;
        c.text("population", item.population())?;
        c.opt_text("note", item.note())?;
        c.timing("administration", item.administration())?;
        c.timing("duration", item.duration())?;
        if item.basis().is_labelled() != item.jurisdiction().is_some() {
            return Err(c.invalid(
                "jurisdiction",
                format!(
                    "a `{}` regimen {} a jurisdiction",
                    item.basis(),
                    if item.jurisdiction().is_some() {
                        "has"
                    } else {
                        "lacks"
                    }
                ),
                "a jurisdiction exactly when the basis is `label`",
            ));
        }
        c.cites("", item)?;
    }
    Ok(())
}
