//! Narratives: each resource's `text`, an XHTML `div` generated from the same data as
//! its elements (status `generated`), so that a person reading the bundle sees what a
//! program reads. Only `p`, `b`, `i`, `ul`, `li` and `code` are used, all text is
//! escaped, and every narrative has some text (FHIR's txt-1 and txt-2).

use std::fmt::Write as _;

use super::datatypes::{Div, Narrative};

/// Whether `bytes` has a `&`, `<` or `>` (an XHTML escape), and whether it has a
/// quote, a backslash or a control character (a JSON escape): one pass, eight bytes at
/// a time (SWAR zero-byte tests), as most texts have neither.
fn scan(bytes: &[u8]) -> (bool, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let is = |x: u64, b: u8| zero(x ^ (ONES * u64::from(b)));
    let markup = |x: u64| is(x, b'&') | is(x, b'<') | is(x, b'>');
    let json = |x: u64| (x.wrapping_sub(ONES * 0x20) & !x & HIGH) | is(x, b'"') | is(x, b'\\');
    let n = bytes.len();
    if n < 8 {
        let markup = bytes.iter().any(|b| matches!(b, b'&' | b'<' | b'>'));
        let json = bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
        return (markup, json);
    }
    // Words read straight from the slice (an overlapping last word for the tail).
    let word = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let (mut m, mut j) = (0, 0);
    let mut i = 0;
    while i + 8 <= n {
        let x = word(i);
        m |= markup(x);
        j |= json(x);
        i += 8;
    }
    if i < n {
        let x = word(n - 8);
        m |= markup(x);
        j |= json(x);
    }
    (m != 0, j != 0)
}

thread_local! {
    /// A narrative buffer to reuse (see [`Xhtml::new`] and `Narrative`'s `Drop`).
    static SPARE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

impl Drop for Narrative {
    fn drop(&mut self) {
        let div = std::mem::take(&mut self.div.xhtml);
        SPARE.with(|spare| {
            if let Ok(mut spare) = spare.try_borrow_mut() {
                if spare.as_ref().is_none_or(|s| s.capacity() < div.capacity()) {
                    *spare = Some(div);
                }
            }
        });
    }
}

/// An XHTML `div` under construction.
pub(super) struct Xhtml {
    div: String,
    /// Whether some text needs a JSON escape (markup never does).
    json_escape: bool,
}

impl Xhtml {
    /// A div with room for about `hint` bytes of text (and markup, and escapes, so
    /// that it is seldom regrown).
    pub fn new(hint: usize) -> Self {
        // The buffer of the last narrative written and dropped, if any: one buffer
        // serves the whole export instead of an allocation per resource.
        let mut div = SPARE
            .with(|spare| spare.try_borrow_mut().ok().and_then(|mut s| s.take()))
            .unwrap_or_default();
        div.clear();
        div.reserve(hint + hint / 2 + 128);
        // The namespace in single quotes (as XML allows), so that a narrative needs
        // no JSON escape unless its text does.
        div.push_str("<div xmlns='http://www.w3.org/1999/xhtml'>");
        Xhtml {
            div,
            json_escape: false,
        }
    }

    /// Opens an element (`p`, `ul`, `li`, `b`, `i`, `code`).
    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.div.push('<');
        self.div.push_str(tag);
        self.div.push('>');
        self
    }

    /// Closes an element.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.div.push_str("</");
        self.div.push_str(tag);
        self.div.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        let (markup, json) = scan(text.as_bytes());
        self.json_escape |= json;
        if !markup {
            self.div.push_str(text);
            return self;
        }
        for c in text.chars() {
            match c {
                '&' => self.div.push_str("&amp;"),
                '<' => self.div.push_str("&lt;"),
                '>' => self.div.push_str("&gt;"),
                c => self.div.push(c),
            }
        }
        self
    }

    /// Text made by `Display` (numbers, dates, enum names), escaped.
    pub fn display(&mut self, value: impl std::fmt::Display) -> &mut Self {
        let start = self.div.len();
        let _ = write!(self.div, "{value}");
        let (markup, json) = scan(self.div.as_bytes().get(start..).unwrap_or_default());
        self.json_escape |= json;
        if markup {
            let written = self.div.split_off(start);
            self.text(&written);
        }
        self
    }

    /// `<b>label</b>` followed by escaped text.
    pub fn labelled(&mut self, label: &str, text: &str) -> &mut Self {
        self.open("b").text(label).close("b").text(text)
    }

    /// A paragraph of escaped text.
    pub fn para(&mut self, text: &str) -> &mut Self {
        self.open("p").text(text).close("p")
    }

    /// The narrative.
    pub fn finish(&mut self) -> Narrative {
        self.div.push_str("</div>");
        Narrative {
            status: "generated",
            div: Div {
                xhtml: std::mem::take(&mut self.div),
                no_escape: !std::mem::take(&mut self.json_escape),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Xhtml;

    #[test]
    fn text_is_escaped_and_the_div_is_namespaced() {
        let n = Xhtml::new(0)
            .open("p")
            .labelled("A & B", ": <x> 1 > 0 ")
            .display(2.5)
            .close("p")
            .finish();
        assert_eq!(n.status, "generated");
        assert!(n.div.no_escape);
        for b in [b'&', b'<', b'>'] {
            for len in 1..=20 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert!(super::scan(&bytes).0, "{b} at {at} of {len}");
                }
            }
        }
        assert_eq!(
            super::scan(b"plain text, with \"quotes\" and 'apostrophes'"),
            (false, true)
        );
        assert_eq!(
            super::scan(b"plain text, 'apostrophes' only"),
            (false, false)
        );
        for b in (0u8..0x20).chain([b'"', b'\\']) {
            for len in 1..=20 {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    assert_eq!(super::scan(&bytes), (false, true), "{b} at {at} of {len}");
                }
            }
        }
        let quoted = Xhtml::new(0).text("say \"no\"").finish();
        assert!(!quoted.div.no_escape);
        assert_eq!(
            n.div.xhtml,
            "<div xmlns='http://www.w3.org/1999/xhtml'><p><b>A &amp; B</b>: &lt;x&gt; 1 &gt; 0 2.5</p></div>"
        );
    }
}
