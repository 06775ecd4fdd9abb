//! Text that the crate shows back to people: error messages echo at most a short,
//! escaped prefix of any input, so that a huge input cannot make a huge message and
//! an invisible or control character cannot hide in one.

use std::fmt;

use unicode_security::GeneralSecurityProfile;
use unicode_security::general_security_profile::IdentifierType;

/// The most characters of an input an error message echoes.
pub(crate) const ECHO_CHARS: usize = 80;

/// The most bytes an echo of an input takes before its ellipsis: 80 ASCII characters
/// fit, and escapes or wide characters end the echo sooner, so that a message with
/// several echoes stays under 1 KiB.
const ECHO_BYTES: usize = 100;

/// The most bytes a longer text (a whole message, a list of valid values) keeps.
const LONG_BYTES: usize = 300;

/// The most bytes of an input an error value keeps (for its `input()` getter).
pub(crate) const KEPT_INPUT_BYTES: usize = 256;

/// Whether `c` is shown escaped: a control character, a line or paragraph separator,
/// or a default-ignorable character (zero-width characters, bidirectional controls,
/// variation selectors, tags), which displays as nothing or reorders its neighbours.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}')
        || (!c.is_ascii() && c.identifier_type() == Some(IdentifierType::Default_Ignorable))
}

/// Displays at most a bounded prefix of a text, hidden characters escaped as
/// `\u{…}`, with an ellipsis if anything was left out. It allocates nothing.
#[derive(Clone, Copy)]
pub(crate) struct Echo<'a> {
    text: &'a str,
    max_chars: usize,
    max_bytes: usize,
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

/// An echo of user input: at most [`ECHO_CHARS`] characters and [`ECHO_BYTES`] bytes.
pub(crate) fn echo(text: &str) -> Echo<'_> {
    Echo {
        text,
        max_chars: ECHO_CHARS,
        max_bytes: ECHO_BYTES,
    }
}

/// An echo of a longer text, such as a message that already holds short echoes.
pub(crate) fn echo_long(text: &str) -> Echo<'_> {
    Echo {
        text,
        max_chars: LONG_BYTES,
        max_bytes: LONG_BYTES,
    }
}

impl Echo<'_> {
    /// Whether the echo shows the text exactly as it is.
    fn is_verbatim(&self) -> bool {
        self.text.len() <= self.max_bytes
            && self.text.chars().count() <= self.max_chars
            && !self.text.chars().any(is_hidden)
    }
}

impl fmt::Display for Echo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut bytes = 0;
        for (n, c) in self.text.chars().enumerate() {
            let width = escaped_width(c);
            if n >= self.max_chars || bytes + width > self.max_bytes {
                return f.write_str("…");
            }
            bytes += width;
            if is_hidden(c) {
                write!(f, "\\u{{{:x}}}", c as u32)?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

/// Replaces `text` by its short echo, if that differs (allocates only then).
pub(crate) fn clip(text: &mut String) {
    let e = echo(text);
    if !e.is_verbatim() {
        *text = e.to_string();
    }
}

/// Replaces a file name or path by an echo of its end, which names the file: an
/// ellipsis, then at most [`ECHO_CHARS`] characters (and `ECHO_BYTES` bytes).
pub(crate) fn clip_path(text: &mut String) {
    if echo(text).is_verbatim() {
        return;
    }
    // The longest tail whose echo fits, found by walking back from the end.
    let mut start = text.len();
    let mut shown_bytes = 0;
    for (n, (i, c)) in text.char_indices().rev().enumerate() {
        let width = escaped_width(c);
        if n >= ECHO_CHARS - 1 || shown_bytes + width > ECHO_BYTES - 3 {
            break;
        }
        shown_bytes += width;
        start = i;
    }
    let tail = text.get(start..).unwrap_or_default();
    *text = format!("…{}", echo(tail));
}

/// The bytes `c` takes in an echo.
fn escaped_width(c: char) -> usize {
    if is_hidden(c) {
        // `\u{` + up to 6 hex digits + `}`
        4 + (32 - (c as u32 | 1).leading_zeros()).div_ceil(4) as usize
    } else {
        c.len_utf8()
    }
}

/// Replaces `text` by its long echo, if that differs.
pub(crate) fn clip_long(text: &mut String) {
    let e = echo_long(text);
    if !e.is_verbatim() {
        *text = e.to_string();
    }
}

/// The first [`KEPT_INPUT_BYTES`] bytes of `text`, cut at a character boundary.
pub(crate) fn kept(text: &str) -> String {
    let mut end = text.len().min(KEPT_INPUT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default().to_owned()
}

/// Rewrites serde's "invalid type: found, expected X" as "expected X, found Y", and
/// shortens every quoted part of a serde message to an echo.
pub(crate) fn serde_message(message: &str) -> String {
    let reordered = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|prefix| {
            let rest = message.strip_prefix(prefix)?;
            let (found, expected) = rest.rsplit_once(", expected ")?;
            Some(format!(
                "{}expected {}, found {}",
                prefix,
                expected_name(expected),
                found_name(found)
            ))
        });
    shorten_quoted(reordered.as_deref().unwrap_or(message))
}

/// serde names a struct by its Rust type and a list a sequence; a reader of a JSON
/// file knows them as an object and an array.
fn expected_name(expected: &str) -> &str {
    if expected.starts_with("struct ") || expected == "a map" {
        "an object"
    } else if expected == "a sequence" {
        "an array"
    } else {
        expected
    }
}

/// serde's name of what it found, in JSON words.
fn found_name(found: &str) -> &str {
    match found {
        "map" => "an object",
        "sequence" => "an array",
        other => other,
    }
}

/// Replaces each `` `…` `` or `"…"` part longer than an echo by its echo.
fn shorten_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(LONG_BYTES * 2));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest.get(open..=open).unwrap_or("`");
        let (before, after) = (
            rest.get(..=open).unwrap_or_default(),
            rest.get(open + 1..).unwrap_or_default(),
        );
        out.push_str(before);
        // serde escapes a `"` inside a string with a backslash; skip those.
        let close = if quote == "\"" {
            find_unescaped_quote(after)
        } else {
            after.find('`')
        };
        let Some(close) = close else {
            out.push_str(&echo_long(after).to_string());
            return out;
        };
        let inner = after.get(..close).unwrap_or_default();
        out.push_str(&echo(inner).to_string());
        out.push_str(quote);
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

fn find_unescaped_quote(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_is_bounded_and_escaped() {
        assert_eq!(echo("abc").to_string(), "abc");
        let long = "x".repeat(1000);
        let e = echo(&long).to_string();
        assert_eq!(e.chars().count(), ECHO_CHARS + 1);
        assert!(e.ends_with('…'));
        assert_eq!(echo("a\u{1b}[31mb").to_string(), "a\\u{1b}[31mb");
        assert_eq!(
            echo("a\u{202e}b\u{200b}").to_string(),
            "a\\u{202e}b\\u{200b}"
        );
        let hidden = "\u{200b}".repeat(1000);
        assert!(echo(&hidden).to_string().len() <= ECHO_BYTES + 3);
    }

    #[test]
    fn serde_messages_read_expected_then_found() {
        assert_eq!(
            serde_message("invalid type: string \"100\", expected f64"),
            "invalid type: expected f64, found string \"100\""
        );
        let long = format!(
            "unknown variant `{}`, expected one of `a`",
            "q".repeat(5000)
        );
        assert!(serde_message(&long).len() < 200);
    }
}
