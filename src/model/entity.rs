//! [`Entity`]: any named thing of the knowledge base (agent, route, condition, ...),
//! and the records that carry names and aliases.

use crate::model::{
    Agent, AgentRecord, Benefit, BenefitRecord, Condition, ConditionGroup, ConditionRecord,
    GroupRecord, IdKind, Interactant, InteractantRecord, Risk, RiskRecord, Route, RouteRecord,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most aliases one entity may have, so that a "did you mean" search, which ranks
/// every name and alias, has a bounded number of candidates.
pub(crate) const MAX_ALIASES: usize = 32;

/// Any named entity of the knowledge base: what [`KnowledgeBase::lookup`](crate::KnowledgeBase::lookup) finds.
///
/// `Display` gives the canonical name of the entity.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Condition, Entity, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let e = kb.lookup("trd")?;
/// assert_eq!(e, Entity::Condition(Condition::TreatmentResistantDepression));
/// assert_eq!(e.kind(), "condition");
/// assert_eq!(e.to_string(), "treatment-resistant depression");
/// # Ok::<(), ketamine_therapy::LookupError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "entity", content = "id", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Entity {
    /// An agent.
    Agent(Agent),
    /// A route of administration.
    Route(Route),
    /// A condition group.
    #[serde(rename = "group")]
    ConditionGroup(ConditionGroup),
    /// A condition.
    Condition(Condition),
    /// A benefit.
    Benefit(Benefit),
    /// A risk.
    Risk(Risk),
    /// A drug or drug class that interacts with an agent.
    Interactant(Interactant),
}

impl Entity {
    /// The kind of entity: `agent`, `route`, `group`, `condition`, `benefit`, `risk` or
    /// `interactant`.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Entity, Route};
    ///
    /// assert_eq!(Entity::Route(Route::Oral).kind(), "route");
    /// ```
    pub fn kind(self) -> &'static str {
        match self {
            Entity::Agent(_) => "agent",
            Entity::Route(_) => "route",
            Entity::ConditionGroup(_) => "group",
            Entity::Condition(_) => "condition",
            Entity::Benefit(_) => "benefit",
            Entity::Risk(_) => "risk",
            Entity::Interactant(_) => "interactant",
        }
    }

    /// The snake-case id of the entity, as written in `data/` files.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Condition, Entity};
    ///
    /// assert_eq!(Entity::Condition(Condition::Ptsd).id(), "ptsd");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Entity::Agent(x) => x.id(),
            Entity::Route(x) => x.id(),
            Entity::ConditionGroup(x) => x.id(),
            Entity::Condition(x) => x.id(),
            Entity::Benefit(x) => x.id(),
            Entity::Risk(x) => x.id(),
            Entity::Interactant(x) => x.id(),
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Entity::Agent(x) => x.fmt(f),
            Entity::Route(x) => x.fmt(f),
            Entity::ConditionGroup(x) => x.fmt(f),
            Entity::Condition(x) => x.fmt(f),
            Entity::Benefit(x) => x.fmt(f),
            Entity::Risk(x) => x.fmt(f),
            Entity::Interactant(x) => x.fmt(f),
        }
    }
}

impl Entity {
    /// The [`IdKind`] of the entity.
    pub(crate) fn id_kind(self) -> IdKind {
        match self {
            Entity::Agent(_) => IdKind::Agent,
            Entity::Route(_) => IdKind::Route,
            Entity::ConditionGroup(_) => IdKind::ConditionGroup,
            Entity::Condition(_) => IdKind::Condition,
            Entity::Benefit(_) => IdKind::Benefit,
            Entity::Risk(_) => IdKind::Risk,
            Entity::Interactant(_) => IdKind::Interactant,
        }
    }
}

mod sealed {
    pub trait Sealed {}
}

/// An identity enum that a lookup can be restricted to: [`Agent`], [`Route`],
/// [`ConditionGroup`], [`Condition`], [`Benefit`], [`Risk`] or [`Interactant`]. See
/// [`KnowledgeBase::lookup_as`](crate::KnowledgeBase::lookup_as).
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{model::{EntityKind, IdKind}, Condition, Entity, Route};
///
/// assert_eq!(Condition::KIND, IdKind::Condition);
/// assert_eq!(Route::from_entity(Entity::Route(Route::Oral)), Some(Route::Oral));
/// assert_eq!(Condition::from_entity(Entity::Route(Route::Oral)), None);
/// ```
pub trait EntityKind: Copy + Into<Entity> + sealed::Sealed {
    /// The kind, as parse errors and lookup errors name it.
    const KIND: IdKind;

    /// The variant an entity holds, if the entity is of this kind.
    fn from_entity(entity: Entity) -> Option<Self>;
}

macro_rules! entity_kind {
    ($($t:ident => $kind:ident),+ $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl EntityKind for $t {
            const KIND: IdKind = IdKind::$kind;
            fn from_entity(entity: Entity) -> Option<Self> {
                match entity {
                    Entity::$t(x) => Some(x),
                    _ => None,
                }
            }
        }
    )+};
}

entity_kind!(
    Agent => Agent,
    Route => Route,
    ConditionGroup => ConditionGroup,
    Condition => Condition,
    Benefit => Benefit,
    Risk => Risk,
    Interactant => Interactant,
);

/// A record that has a name and aliases, and so takes part in lookup.
pub(crate) trait Named {
    fn entity(&self) -> Entity;
    fn display_name(&self) -> &str;
    fn alias_list(&self) -> &[String];
    fn alias_list_mut(&mut self) -> &mut Vec<String>;
}

macro_rules! impl_named {
    ($($record:ident => $variant:ident),+ $(,)?) => {$(
        impl Named for $record {
            fn entity(&self) -> Entity {
                Entity::$variant(self.id())
            }
            fn display_name(&self) -> &str {
                self.name()
            }
            fn alias_list(&self) -> &[String] {
                self.aliases()
            }
            fn alias_list_mut(&mut self) -> &mut Vec<String> {
                self.aliases_mut()
            }
        }
    )+};
}

impl_named!(
    AgentRecord => Agent,
    RouteRecord => Route,
    GroupRecord => ConditionGroup,
    ConditionRecord => Condition,
    BenefitRecord => Benefit,
    RiskRecord => Risk,
    InteractantRecord => Interactant,
);

macro_rules! entity_from {
    ($($t:ident),+) => {$(
        impl From<$t> for Entity {
            fn from(value: $t) -> Self {
                Entity::$t(value)
            }
        }
    )+};
}

entity_from!(
    Agent,
    Route,
    ConditionGroup,
    Condition,
    Benefit,
    Risk,
    Interactant
);
