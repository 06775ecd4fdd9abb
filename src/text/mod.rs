//! Text handling shared by every layer: bounded, escaped echoes of input; the text
//! policy of the data; folding for lookup; and the one edit distance.

mod code;
mod distance;
mod echo;
mod fold;
mod key_hash;
mod medicine_words;
mod policy;

pub use self::code::MAX_CODE_BYTES;
pub(crate) use self::code::normalize_code;
pub(crate) use self::distance::{MAX_PATTERN_BYTES, Pattern};
pub(crate) use self::echo::*;
pub use self::fold::MAX_NAME_BYTES;
pub(crate) use self::fold::{confusable_key, fold, fold_hashed, folded_key, push_name_keys};
pub(crate) use self::key_hash::key_hash;
pub(crate) use self::medicine_words::{
    Strip, bracketed, combination_parts, product_number, skippable, without, words, words_outside,
};
pub(crate) use self::policy::{is_hidden, policy_violation};
