//! Text that the crate shows back to people: error messages echo at most a short,
//! escaped prefix of any input, so that a huge input cannot make a huge message and
//! an invisible or control character cannot hide in one.

use crate::text::is_hidden;
use std::fmt;

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

/// Displays at most a bounded prefix of a text, hidden characters escaped as
/// `\u{…}`, with an ellipsis if anything was left out. It allocates nothing.
#[derive(Clone, Copy)]
pub(crate) struct Echo<'a> {
    text: &'a str,
    max_chars: usize,
    max_bytes: usize,
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

/// Writes `items` separated by commas.
pub(crate) fn join<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = T>,
) -> fmt::Result {
    for (i, item) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
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
