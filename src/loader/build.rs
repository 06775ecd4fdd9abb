//! Validation of a draft by record kind, and building the indices.
//!
//! The order of the checks is the order in which errors are reported: sources, the
//! mechanism section, the tables of named records, each kind's own fields, indications,
//! safety facts, then names; a data set with several problems reports the first.

use crate::model::{
    Agent, AgentRecord, AgentRoute, Benefit, BenefitRecord, BrandRecord, Condition, ConditionGroup,
    ConditionRecord, Contraindication, Entity, Frequency, GroupRecord, Indication, Interactant,
    InteractantRecord, Interaction, Mechanism, MedicineRecord, Monitoring, MonitoringKind, Named,
    Population, PopulationGuidance, Regimen, Review, Risk, RiskRecord, Route, RouteRecord, Source,
    Standing, Topic,
};
use crate::text::echo;
use strum::{EnumCount, IntoEnumIterator};

use super::check::{
    Checker, FastMap, Field, Label, SourceIds, check_frequency, check_frequency_scope, check_named,
};
use super::files::Draft;
use super::index::medicines::MedicineIndex;
use super::index::names::NameIndex;
use super::order::sort_by_text;
use super::syntax::{YEARS, doi_problem, pmid_problem, set_id_problem, url_problem};
use super::unique::Names;
use super::vocabulary::{check_vocabulary, take_vocabulary};
use super::{Index, KnowledgeBase, LoadError};
use crate::model::Sourced;
use crate::text::MAX_NAME_BYTES;

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

/// Takes the sources out of the draft, sorted by id, after checking each.
fn take_sources(draft: &mut Draft) -> Result<Vec<Source>, LoadError> {
    // Sorted by id (stable, so the first definition stays first): duplicates are
    // neighbours, and `KnowledgeBase::source` can binary-search the result.
    let sorted = sort_by_text(std::mem::take(&mut draft.sources), Source::id);
    let duplicate = sorted
        .records
        .windows(2)
        .zip(sorted.files.windows(2))
        .find_map(|pair| match pair {
            ([a, b], [first, second]) if a.id() == b.id() => Some((*first, *second, b.id())),
            _ => None,
        });
    if let Some((first, second, id)) = duplicate {
        return Err(LoadError::DuplicateRecord {
            file: draft.file(second).to_owned(),
            record: id.to_owned(),
            first_file: draft.file(first).to_owned(),
        });
    }
    for (source, file) in sorted.records.iter().zip(&sorted.files) {
        check_source(&Checker::new(draft.file(*file), source.id(), None), source)?;
    }
    Ok(sorted.records)
}

/// The checks of one source.
fn check_source(c: &Checker<'_>, source: &Source) -> Result<(), LoadError> {
    if source.id().is_empty()
        || !source
            .id()
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(c.invalid(
            "id",
            format!("`{}` is not a valid source id", echo(source.id())),
            "upper-case letters, digits and hyphens, such as \"KETALAR-PI\"",
        ));
    }
    c.text("authors", source.authors())?;
    c.text("title", source.title())?;
    for (field, value) in [
        ("venue", source.venue()),
        ("url", source.url()),
        ("doi", source.doi()),
        ("pmid", source.pmid()),
        ("spl_set_id", source.spl_set_id()),
        ("document", source.document()),
        ("read_via", source.read_via()),
        ("note", source.note()),
        ("checked", source.checked()),
    ] {
        c.opt_text(field, value)?;
    }
    let syntax = [
        (
            "url",
            source.url().and_then(url_problem),
            "an http(s) link with a host name, such as \"https://www.fda.gov/...\"",
        ),
        (
            "doi",
            source.doi().and_then(doi_problem),
            "a DOI such as \"10.1176/appi.ajp.2018.18020138\", without a doi: or URL prefix",
        ),
        (
            "pmid",
            source.pmid().and_then(pmid_problem),
            "1 to 8 digits, without a leading zero",
        ),
        (
            "read_via",
            source.read_via().and_then(url_problem),
            "an http(s) link with a host name, such as \"https://www.fda.gov/...\"",
        ),
        (
            "spl_set_id",
            source.spl_set_id().and_then(set_id_problem),
            "a UUID such as \"d81a6a79-a74a-44b7-822c-0dfa3036eaed\"",
        ),
    ];
    for (field, problem, expected) in syntax {
        if let Some(problem) = problem {
            return Err(c.invalid(field, problem, expected));
        }
    }
    if source.spl_version() == Some(0) {
        return Err(c.invalid(
            "spl_version",
            String::from("version 0 is not a label version"),
            "the version number of the label that was read, from 1",
        ));
    }
    if let Some(date) = source.effective().filter(|d| !YEARS.contains(&d.year())) {
        return Err(c.invalid(
            "effective",
            format!("the date {date} is not plausible"),
            "a date from 1900 to 2100",
        ));
    }
    if let Some(year) = source.year().filter(|y| !YEARS.contains(y)) {
        return Err(c.invalid(
            "year",
            format!("the year {year} is not plausible"),
            "a year from 1900 to 2100",
        ));
    }
    if !source.has_locator() && source.note().is_none() {
        return Err(c.invalid(
            "url",
            String::from(
                "the source has no URL, DOI, PMID, SPL set id or document number, and no note saying why",
            ),
            "at least one of `url`, `doi`, `pmid`, `spl_set_id`, `document`, or a `note` explaining that none is known",
        ));
    }
    Ok(())
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

fn check_mechanism(c: &Checker<'_>, mechanism: &Mechanism) -> Result<(), LoadError> {
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

fn check_agents(draft: &Draft, ids: &SourceIds<'_>, t: &Tables) -> Result<(), LoadError> {
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

fn check_routes(draft: &Draft, ids: &SourceIds<'_>, t: &Tables) -> Result<(), LoadError> {
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

fn check_conditions(draft: &Draft, ids: &SourceIds<'_>, t: &Tables) -> Result<(), LoadError> {
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

fn check_benefits(draft: &Draft, ids: &SourceIds<'_>, t: &Tables) -> Result<(), LoadError> {
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

fn check_risks(draft: &Draft, ids: &SourceIds<'_>, t: &Tables) -> Result<(), LoadError> {
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
fn check_indications(
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
fn check_safety(
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
fn check_interactions(draft: &Draft, ids: &SourceIds<'_>) -> Result<(), LoadError> {
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

fn check_populations(draft: &Draft, ids: &SourceIds<'_>) -> Result<(), LoadError> {
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
fn check_regimens(
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

/// Names and aliases, unique across all entities after folding, and not alike. All
/// names are indexed before any alias, so a clash is blamed on the alias, not on a
/// name.
fn name_index(draft: &Draft, t: &Tables) -> Result<NameIndex, LoadError> {
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
            return Err(c.invalid(
                name.field,
                format!(
                    "`{}` is empty or longer than {MAX_NAME_BYTES} bytes",
                    echo(name.text)
                ),
                &format!("a name of 1 to {MAX_NAME_BYTES} bytes"),
            ));
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
fn assemble(
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
fn index(
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
    // Each risk's standing for every agent and route (`None` where it does not apply).
    let standings: Vec<Standings> = t
        .risks
        .iter()
        .map(|x| Agent::ALL.map(|a| Route::ALL.map(|r| x.standing_for(a, r))))
        .collect();
    // Most serious standing first (for "any" agent or route, the most serious of the
    // scopes that reach it), then declaration order.
    let risks_by = std::array::from_fn(|a| {
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
    });
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
        codes: super::index::codes::CodeIndex::new(&t.agents, &t.routes, &t.conditions),
        medicines,
        regimens_by_condition: std::array::from_fn(|_| Vec::new()),
    }
}

/// A risk's standing for each agent and route.
type Standings = [[Option<Standing>; Route::COUNT]; Agent::COUNT];

/// The most serious standing of a risk for an agent and a route (`None`: any).
fn risk_standing(standings: &Standings, agent: Option<Agent>, route: Option<Route>) -> Standing {
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
