//! Normalising a standard code for matching: `F33.1`, `f331` and `F33 1` are one code.

use crate::text::MAX_NAME_BYTES;

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

/// Normalises a code into `buf`: ASCII upper case, without `.`, `-`, `_`, spaces and
/// a leading `CHEBI:`. `None` when the result is empty or does not fit.
pub(crate) fn normalize_code<'b>(
    code: &str,
    buf: &'b mut [u8; MAX_CODE_BYTES],
) -> Option<&'b [u8]> {
    let trimmed = code.trim();
    let bytes = trimmed.as_bytes();
    let bytes = match bytes.get(..6) {
        Some(prefix) if prefix.eq_ignore_ascii_case(b"CHEBI:") => bytes.get(6..)?,
        _ => bytes,
    };
    let mut len = 0;
    for &b in bytes {
        if matches!(b, b'.' | b'-' | b'_' | b' ' | b'\t') {
            continue;
        }
        *buf.get_mut(len)? = b.to_ascii_uppercase();
        len += 1;
    }
    match buf.get(..len) {
        Some(key) if !key.is_empty() => Some(key),
        _ => None,
    }
}
