//! The text policy of the data: NFC, one paragraph, nothing invisible.

use unicode_security::GeneralSecurityProfile;
use unicode_security::general_security_profile::IdentifierType;

/// Whether `c` is shown escaped: a control character, a line or paragraph separator,
/// or a default-ignorable character (zero-width characters, bidirectional controls,
/// variation selectors, tags), which displays as nothing or reorders its neighbours.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}')
        || (!c.is_ascii() && c.identifier_type() == Some(IdentifierType::Default_Ignorable))
}

/// What is wrong with a human-readable text of the data, if anything: the text policy.
///
/// Data text is in Unicode NFC, and holds no control character (no line break either:
/// every text is one paragraph), no line or paragraph separator, no bidirectional
/// control and no other invisible (default-ignorable) character, since each can make
/// a text display as something it is not.
pub(crate) fn policy_violation(text: &str) -> Option<String> {
    // The common case, ASCII without control characters, in one branch-free pass over
    // the bytes (which the compiler vectorises); nothing to normalise.
    let (high, control) = text.bytes().fold((0u8, false), |(high, control), b| {
        (high | b, control | (b < 0x20) | (b == 0x7f))
    });
    if high < 0x80 {
        if !control {
            return None;
        }
        let (at, b) = text
            .bytes()
            .enumerate()
            .find(|(_, b)| b.is_ascii_control())?;
        return Some(format!(
            "holds the control character U+{b:04X} at byte {at}"
        ));
    }
    for (at, c) in text.char_indices() {
        let what = if c.is_ascii() {
            // Most characters of mixed text: one comparison, no table.
            if !c.is_ascii_control() {
                continue;
            }
            "control character"
        } else if c.is_control() {
            "control character"
        } else if matches!(c, '\u{2028}' | '\u{2029}') {
            "line or paragraph separator"
        } else if matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        ) {
            "bidirectional control"
        } else if is_hidden(c) {
            "invisible character"
        } else {
            continue;
        };
        return Some(format!("holds the {what} U+{:04X} at byte {at}", c as u32));
    }
    // The quick check answers most texts without normalising them.
    let nfc = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => true,
        unicode_normalization::IsNormalized::No => false,
        unicode_normalization::IsNormalized::Maybe => unicode_normalization::is_nfc(text),
    };
    if !nfc {
        return Some(String::from(
            "is not in Unicode normalization form NFC (write each accented letter as one character)",
        ));
    }
    None
}
