//! Special populations: the groups of people a label or major reference singles out
//! (pregnancy, lactation, children, older adults, organ impairment, ...), with what it
//! recommends for each.

use crate::model::{Agent, Criterion, IdKind, Jurisdiction, ParseIdError, Sourced, Standing};
use serde::{Deserialize, Serialize};
use strum::{Display, EnumCount, EnumIter, EnumMessage, EnumString, IntoStaticStr};

/// A group of people that a label or reference singles out.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::Population;
///
/// assert_eq!("breastfeeding".parse::<Population>()?, Population::Lactation);
/// assert_eq!("older adults".parse::<Population>()?, Population::Geriatric);
/// assert_eq!(Population::HepaticImpairment.to_string(), "hepatic impairment");
/// # Ok::<(), ketamine_therapy::ParseIdError>(())
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(
    ascii_case_insensitive,
    parse_err_ty = ParseIdError,
    parse_err_fn = population_parse_error
)]
#[non_exhaustive]
pub enum Population {
    /// Pregnant people.
    #[strum(to_string = "pregnancy", serialize = "pregnant")]
    Pregnancy,
    /// Breastfeeding.
    #[strum(
        to_string = "lactation",
        serialize = "breastfeeding",
        serialize = "breast-feeding"
    )]
    Lactation,
    /// People who could become pregnant, and their partners.
    #[strum(
        to_string = "reproductive potential",
        serialize = "reproductive_potential",
        serialize = "contraception"
    )]
    ReproductivePotential,
    /// Children and adolescents.
    #[strum(
        to_string = "children and adolescents",
        serialize = "pediatric",
        serialize = "paediatric",
        serialize = "children",
        serialize = "adolescents"
    )]
    Pediatric,
    /// Older adults.
    #[strum(
        to_string = "older adults",
        serialize = "geriatric",
        serialize = "elderly"
    )]
    Geriatric,
    /// Hepatic impairment.
    #[strum(
        to_string = "hepatic impairment",
        serialize = "hepatic_impairment",
        serialize = "liver impairment"
    )]
    HepaticImpairment,
    /// Renal impairment.
    #[strum(
        to_string = "renal impairment",
        serialize = "renal_impairment",
        serialize = "kidney impairment"
    )]
    RenalImpairment,
    /// A history of psychosis.
    #[strum(
        to_string = "history of psychosis",
        serialize = "psychosis_history",
        serialize = "psychosis"
    )]
    PsychosisHistory,
    /// A history of substance use disorder, abuse or misuse.
    #[strum(
        to_string = "history of substance use",
        serialize = "substance_use_history",
        serialize = "substance use disorder"
    )]
    SubstanceUseHistory,
    /// Cardiovascular or cerebrovascular disease, including hypertension.
    #[strum(
        to_string = "cardiovascular or cerebrovascular disease",
        serialize = "cardiovascular_disease",
        serialize = "cardiovascular disease"
    )]
    CardiovascularDisease,
}

fn population_parse_error(input: &str) -> ParseIdError {
    ParseIdError::of::<Population>(IdKind::Population, input)
}

impl Population {
    /// The stable snake-case id, as written in `data/` files.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Population;
    ///
    /// assert_eq!(Population::Pediatric.id(), "pediatric");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Population::Pregnancy => "pregnancy",
            Population::Lactation => "lactation",
            Population::ReproductivePotential => "reproductive_potential",
            Population::Pediatric => "pediatric",
            Population::Geriatric => "geriatric",
            Population::HepaticImpairment => "hepatic_impairment",
            Population::RenalImpairment => "renal_impairment",
            Population::PsychosisHistory => "psychosis_history",
            Population::SubstanceUseHistory => "substance_use_history",
            Population::CardiovascularDisease => "cardiovascular_disease",
        }
    }
}

/// What a source recommends for a population, from the most to the least restrictive.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::model::Recommendation;
///
/// assert!(Recommendation::Contraindicated < Recommendation::UseWithCaution);
/// assert_eq!(Recommendation::NotRecommended.to_string(), "not recommended");
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    EnumIter,
    EnumCount,
    IntoStaticStr,
    EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[strum(parse_err_ty = crate::model::ParseIdError, parse_err_fn = recommendation_parse_error)]
pub enum Recommendation {
    /// The agent must not be used.
    #[strum(to_string = "contraindicated")]
    Contraindicated,
    /// Use is advised against.
    #[strum(to_string = "not recommended", serialize = "not_recommended")]
    NotRecommended,
    /// The dose or the schedule is changed.
    #[strum(to_string = "dose adjustment", serialize = "dose_adjustment")]
    DoseAdjustment,
    /// Use with extra care or monitoring.
    #[strum(to_string = "use with caution", serialize = "use_with_caution")]
    UseWithCaution,
    /// No change is needed.
    #[strum(to_string = "no adjustment", serialize = "no_adjustment")]
    NoAdjustment,
    /// The source says it has no data (safety and effectiveness not established).
    #[strum(to_string = "no data", serialize = "no_data")]
    NoData,
}

/// What a source says about using an agent in one [`Population`].
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Agent, KnowledgeBase, Population};
///
/// let kb = KnowledgeBase::embedded();
/// for p in kb.populations(Agent::Esketamine).filter(|p| p.population() == Population::Pregnancy) {
///     println!("{}: {}", p.recommendation(), p.text());
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationGuidance {
    agent: Agent,
    population: Population,
    recommendation: Recommendation,
    standing: Standing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    jurisdiction: Option<Jurisdiction>,
    text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    criteria: Vec<Criterion>,
    sources: Vec<String>,
}

impl PopulationGuidance {
    /// The agent.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.populations(Agent::RacemicKetamine).all(|p| p.agent() == Agent::RacemicKetamine));
    /// ```
    pub fn agent(&self) -> Agent {
        self.agent
    }

    /// The population.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, Population};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.populations(Agent::Esketamine).any(|p| p.population() == Population::Lactation));
    /// ```
    pub fn population(&self) -> Population {
        self.population
    }

    /// What the source recommends.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{model::Recommendation, Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let strict = kb.populations(Agent::Esketamine).filter(|p| p.recommendation() <= Recommendation::NotRecommended);
    /// assert!(strict.count() > 0);
    /// ```
    pub fn recommendation(&self) -> Recommendation {
        self.recommendation
    }

    /// The regulator whose label says it, where only one does; `None` where it holds
    /// across the sources.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// for p in kb.populations(Agent::Esketamine) {
    ///     println!("{:?}", p.jurisdiction());
    /// }
    /// ```
    pub fn jurisdiction(&self) -> Option<Jurisdiction> {
        self.jurisdiction
    }

    /// What the source says, in the crate's own words.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.populations(Agent::Esketamine).all(|p| !p.text().is_empty()));
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the statement stands: a contraindication, a warning and precaution, or
    /// another label statement (a specific-populations section), or observed in studies.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::Standing;
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.populations(Agent::Esketamine).any(|p| p.standing() == Standing::OtherLabelStatement));
    /// ```
    pub fn standing(&self) -> Standing {
        self.standing
    }

    /// The typed criteria that say which patients the statement concerns
    /// (alternatives): an age band, a Child-Pugh class, pregnancy, a history condition.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::{ChildPugh, Criterion};
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let b = Criterion::ChildPugh { class: ChildPugh::B };
    /// assert!(kb.populations(Agent::Esketamine).any(|p| p.criteria().contains(&b)));
    /// ```
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }
}

impl Sourced for PopulationGuidance {
    fn sources(&self) -> &[String] {
        &self.sources
    }
}

fn recommendation_parse_error(input: &str) -> crate::model::ParseIdError {
    crate::model::ParseIdError::of::<Recommendation>(crate::model::IdKind::Recommendation, input)
}
