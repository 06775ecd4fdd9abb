//! Normalising a standard code for matching: `F33.1`, `f331` and `F33 1` are one code.

use unicode_normalization::UnicodeNormalization;

use crate::text::{MAX_NAME_BYTES, is_hidden};

/// The longest code a query can match, in bytes after normalisation; longer input
/// matches nothing.
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{query::MAX_CODE_BYTES, KnowledgeBase};
///
/// let long = "F".repeat(MAX_CODE_BYTES + 1);
/// assert_eq!(KnowledgeBase::embedded().by_any_code(&long).count(), 0);
/// ```
pub const MAX_CODE_BYTES: usize = 48;

// A normalised code fits the buffers of name lookup.
const _: () = assert!(MAX_CODE_BYTES <= MAX_NAME_BYTES);

/// Normalises a code into `buf`: folded as name lookup folds (compatibility forms
/// such as full-width letters to their plain letters, invisible characters dropped),
/// then ASCII upper case, without `.`, `-`, `_`, dashes, spaces and a leading
/// `CHEBI:`. `None` when the result is empty, does not fit, or is not ASCII.
pub(crate) fn normalize_code<'b>(
    code: &str,
    buf: &'b mut [u8; MAX_CODE_BYTES],
) -> Option<&'b [u8]> {
    let trimmed = code.trim();
    let mut len = 0;
    let mut push = |c: char| -> Option<()> {
        if c.is_whitespace()
            || matches!(c, '.' | '-' | '_' | '\u{2010}'..='\u{2015}')
            || is_hidden(c)
        {
            return Some(());
        }
        let b = u8::try_from(u32::from(c)).ok().filter(u8::is_ascii)?;
        *buf.get_mut(len)? = b.to_ascii_uppercase();
        len += 1;
        Some(())
    };
    if trimmed.is_ascii() {
        // The common case: no normalisation needed.
        for c in trimmed.chars() {
            push(c)?;
        }
    } else {
        for c in trimmed.nfkc() {
            push(c)?;
        }
    }
    let key = buf.get(..len)?;
    let key = match key.get(..6) {
        Some(prefix) if prefix == b"CHEBI:" => key.get(6..)?,
        _ => key,
    };
    (!key.is_empty()).then_some(key)
}
