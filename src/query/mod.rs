//! The queries: every question the knowledge base answers. Each borrows from the
//! knowledge base and returns a slice, a reference or a lazy iterator.

mod codes;
mod findings;
mod indications;
mod lookup;
mod records;
mod safety;
mod view;

pub use self::codes::{CodeMatch, CodeMatches, MAX_CODE_BYTES};
pub(crate) use self::findings::ByAgent;
pub use self::findings::{Documented, Findings};
pub use self::indications::Indications;
pub use self::lookup::LookupError;
pub use self::view::{Cited, IndicationView};
