//! The queries: every question the knowledge base answers, as methods of
//! [`KnowledgeBase`](crate::KnowledgeBase).
//!
//! Each borrows from the knowledge base and returns a slice, a reference or a lazy
//! iterator; none allocates on a hit. By question:
//!
//! * **records**: [`agent`](crate::KnowledgeBase::agent),
//!   [`route`](crate::KnowledgeBase::route), [`source`](crate::KnowledgeBase::source), ...
//! * **indications**: which routes suit a condition and on what evidence
//!   ([`routes_for`](crate::KnowledgeBase::routes_for),
//!   [`indications`](crate::KnowledgeBase::indications) with its [`Indications`] filters);
//! * **safety**: [`risks_for`](crate::KnowledgeBase::risks_for),
//!   [`contraindications`](crate::KnowledgeBase::contraindications),
//!   [`interactions`](crate::KnowledgeBase::interactions),
//!   [`populations`](crate::KnowledgeBase::populations),
//!   [`monitoring_for`](crate::KnowledgeBase::monitoring_for),
//!   [`regimens`](crate::KnowledgeBase::regimens); lists come as [`Findings`], which
//!   tell "the sources document none" ([`Documented`]) from "not recorded";
//! * **text lookup**: [`lookup`](crate::KnowledgeBase::lookup) folds case, Unicode forms
//!   and diacritics, and a miss is a [`LookupError`] with suggestions;
//! * **codes**: [`by_code`](crate::KnowledgeBase::by_code) and friends ([`CodeMatch`]);
//! * **views**: [`Cited`] and [`IndicationView`], results with their sources resolved,
//!   for JSON APIs.
//!
//! # Examples
//!
//! ```
//! use ketamine_therapy::query::Documented;
//! use ketamine_therapy::{Agent, Condition, KnowledgeBase};
//!
//! let kb = KnowledgeBase::embedded();
//! let best = &kb.routes_for(Condition::TreatmentResistantDepression)[0];
//! println!("{} by {}: {}", best.agent(), best.route(), best.evidence());
//!
//! let found = kb.contraindications(Agent::Esketamine);
//! assert!(matches!(found.documented(), Documented::Recorded(n) if n > 0));
//! ```

mod agent_risk;
mod codes;
mod findings;
mod indications;
mod lookup;
mod medicine_text;
mod medicines;
mod records;
mod safety;
mod screen;
mod view;

pub use self::agent_risk::{AgentRisk, NotGivenBy};
pub use self::codes::{CodeMatch, CodeMatches};
pub(crate) use self::findings::ByAgent;
pub use self::findings::{Documented, Findings};
pub use self::indications::Indications;
pub use self::lookup::LookupError;
pub use self::medicines::Medicine;
pub use self::safety::ReviewItem;
pub use self::screen::{
    Finding, Item, MAX_MEDICINE_BYTES, MAX_MEDICINES, Matched, MedicineOutcome, NotAssessed,
    ScreenError, Screening, ToCheck, split_medicine_list,
};
pub use self::view::{Cited, IndicationView};
pub use crate::text::{MAX_CODE_BYTES, MAX_NAME_BYTES};
