//! Folding text for lookup: case, Unicode forms, diacritics and separators, into a
//! bounded stack buffer; and the confusable skeletons that keep names distinct.

use super::key_hash::{finish, step};

/// The longest name or alias the loader accepts, in bytes after folding.
pub const MAX_NAME_BYTES: usize = 96;

/// The most input bytes a lookup reads: a name folds to at most [`MAX_NAME_BYTES`], so
/// a longer input (however many separators it holds) names nothing, and the lookup
/// of a huge input costs no more than that of a short one.
pub(crate) const MAX_INPUT_BYTES: usize = 4 * MAX_NAME_BYTES;

/// Folds `text` into `buf`: lower case, compatibility forms (full-width letters,
/// ligatures) to their plain letters, diacritics and invisible characters dropped,
/// and runs of separators (any white space, hyphens and other dashes, underscores)
/// collapsed to one space, trimmed. Returns the folded bytes, cut at the buffer's end
/// if the text is longer, and whether it was cut. ASCII text takes a byte loop; other
/// text a character loop; neither allocates.
pub(crate) fn fold<'b>(text: &str, buf: &'b mut [u8; MAX_NAME_BYTES]) -> (&'b [u8], bool) {
    // Only a bounded prefix is read (at a character boundary).
    let mut end = text.len().min(MAX_INPUT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or_default();
    let (len, cut) = if head.is_ascii() {
        fold_ascii(head, buf)
    } else {
        fold_unicode(head, buf)
    };
    (buf.get(..len).unwrap_or_default(), cut || end < text.len())
}

/// [`fold`], with the key's [`key_hash`](super::key_hash::key_hash), for a lookup in
/// the name index: computed as the key is written for a short ASCII text (most of
/// them), from the key otherwise.
pub(crate) fn fold_hashed<'b>(
    text: &str,
    buf: &'b mut [u8; MAX_NAME_BYTES],
) -> (&'b [u8], bool, u64) {
    if text.len() <= MAX_NAME_BYTES && text.is_ascii() {
        let (len, hash) = fold_short_ascii(text.as_bytes(), buf);
        return (buf.get(..len).unwrap_or_default(), false, hash);
    }
    let (key, cut) = fold(text, buf);
    let hash = super::key_hash::key_hash(key);
    (key, cut, hash)
}

/// The folded bytes of `text` into `buf`, and whether the text was cut.
fn fold_unicode(text: &str, buf: &mut [u8; MAX_NAME_BYTES]) -> (usize, bool) {
    let mut out = Folded {
        buf,
        len: 0,
        pending_space: false,
        cut: false,
    };
    for c in text.chars() {
        // Lower case, then the compatibility decomposition (Ｔ to T, é to e + accent),
        // then lower case again (a decomposition can hold capitals, such as Å to A +
        // ring): the same key for every spelling, and idempotent.
        for lower in c.to_lowercase() {
            unicode_normalization::char::decompose_compatible(lower, |d| {
                d.to_lowercase().for_each(|l| out.push(l));
            });
        }
        if out.cut {
            break;
        }
    }
    (out.len, out.cut)
}

/// A fold in progress into a fixed buffer.
struct Folded<'b> {
    buf: &'b mut [u8; MAX_NAME_BYTES],
    len: usize,
    pending_space: bool,
    cut: bool,
}

impl Folded<'_> {
    fn push(&mut self, c: char) {
        if self.cut {
            return;
        }
        // Cheap tests first: marks and invisible characters are dropped before the
        // (costlier) separator test looks at them.
        if !c.is_ascii()
            && (unicode_normalization::char::is_combining_mark(c) || crate::text::is_hidden(c))
        {
            return;
        }
        if is_separator(c) {
            self.pending_space = self.len > 0;
            return;
        }
        let mut utf8 = [0u8; 4];
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        let space = usize::from(self.pending_space);
        let Some(slots) = self.buf.get_mut(self.len..self.len + space + bytes.len()) else {
            self.cut = true;
            return;
        };
        let (first, rest) = slots.split_at_mut(space);
        if let Some(s) = first.first_mut() {
            *s = b' ';
        }
        rest.copy_from_slice(bytes);
        self.len += space + bytes.len();
        self.pending_space = false;
    }
}

/// A separator: white space (including no-break and other typographic spaces), a
/// hyphen or underscore, or a dash (en dash, minus sign, …: any character whose
/// UTS #39 confusable skeleton is a hyphen).
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return c == '-' || c == '_' || c.is_ascii_whitespace();
    }
    if c.is_whitespace() {
        return true;
    }
    if c.is_alphanumeric() {
        // Letters and digits are never dashes: skip the skeleton (most non-ASCII text).
        return false;
    }
    let mut utf8 = [0u8; 4];
    let mut skeleton = unicode_security::skeleton(c.encode_utf8(&mut utf8));
    skeleton.next() == Some('-') && skeleton.next().is_none()
}

/// The folded bytes of ASCII `text` into `buf`, and whether the text was cut.
fn fold_ascii(text: &str, buf: &mut [u8; MAX_NAME_BYTES]) -> (usize, bool) {
    if text.len() <= MAX_NAME_BYTES {
        return (fold_short_ascii(text.as_bytes(), buf).0, false);
    }
    let mut out = AsciiFold::new(buf);
    for &byte in text.as_bytes() {
        if !out.push(byte) {
            return (out.len, true);
        }
    }
    (out.len, false)
}

/// [`fold_ascii`] of a text no longer than the buffer, which cannot be cut (the key is
/// never longer than the text), with the key's [`key_hash`](super::key_hash::key_hash):
/// every byte is written where the key ends, and kept unless it is a separator after a
/// separator (or at the start); a trailing separator is dropped at the end. No branch
/// per byte (names are looked up often).
fn fold_short_ascii(text: &[u8], buf: &mut [u8; MAX_NAME_BYTES]) -> (usize, u64) {
    let mut len = 0;
    let mut after_space = true;
    let mut h = 0;
    for &byte in text {
        let separator = matches!(byte, b'-' | b'_' | b' ' | b'\t' | b'\n' | b'\x0c' | b'\r');
        let out = if separator {
            b' '
        } else {
            byte.to_ascii_lowercase()
        };
        if let Some(slot) = buf.get_mut(len) {
            *slot = out;
        }
        let keep = !(separator && after_space);
        len += usize::from(keep);
        if keep {
            h = step(h, out);
        }
        after_space = separator;
    }
    if len > 0 && after_space {
        // A trailing separator (rare): dropped, and the hash taken again without it.
        len -= 1;
        let key = buf.get(..len).unwrap_or_default();
        h = key.iter().fold(0, |h, b| step(h, *b));
    }
    (len, finish(h, len))
}

/// An ASCII fold in progress into a fixed buffer, one byte at a time.
struct AsciiFold<'b> {
    buf: &'b mut [u8; MAX_NAME_BYTES],
    len: usize,
    pending_space: bool,
}

impl<'b> AsciiFold<'b> {
    fn new(buf: &'b mut [u8; MAX_NAME_BYTES]) -> Self {
        AsciiFold {
            buf,
            len: 0,
            pending_space: false,
        }
    }

    /// Folds in one ASCII byte; `false` if the buffer is full (the text is cut).
    #[inline]
    fn push(&mut self, byte: u8) -> bool {
        if byte == b'-' || byte == b'_' || byte.is_ascii_whitespace() {
            self.pending_space = self.len > 0;
            return true;
        }
        let needed = if self.pending_space { 2 } else { 1 };
        if self.len + needed > MAX_NAME_BYTES {
            return false;
        }
        if self.pending_space {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b' ';
            }
            self.len += 1;
            self.pending_space = false;
        }
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = byte.to_ascii_lowercase();
        }
        self.len += 1;
        true
    }
}

/// The folded key of a name or alias, for the index; `None` if it is empty or too long.
pub(crate) fn folded_key(text: &str) -> Option<Box<str>> {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (bytes, cut) = fold(text, &mut buf);
    if cut || bytes.is_empty() {
        return None;
    }
    // The fold writes whole characters, so the folded bytes are UTF-8.
    std::str::from_utf8(bytes).ok().map(Box::from)
}

/// The key under which two names look alike: the UTS #39 confusable skeleton of the
/// text as written (where `I` and `l` are one letter), then folded like a lookup key.
/// `None` if it is empty or too long.
pub(crate) fn confusable_key(text: &str) -> Option<Box<str>> {
    let mut key = Vec::new();
    push_confusable_key(text, &mut key)
        .then(|| String::from_utf8(key).ok())
        .flatten()
        .map(String::into_boxed_str)
}

/// [`confusable_key`] appended to `out` (UTF-8), without allocating for ASCII text;
/// `false` (and `out` unchanged) if the key is empty or too long. The loader keeps the
/// keys of a whole vocabulary in one buffer.
fn push_confusable_key(text: &str, out: &mut Vec<u8>) -> bool {
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (bytes, cut) = match fold_ascii_skeleton(text, &mut buf) {
        Some((len, cut)) => (buf.get(..len).unwrap_or_default(), cut),
        None => fold(
            &unicode_security::skeleton(text).collect::<String>(),
            &mut buf,
        ),
    };
    if cut || bytes.is_empty() {
        return false;
    }
    out.extend_from_slice(bytes);
    true
}

/// Both keys of a name, appended: its folded key (as [`folded_key`]) to `keys`, and its
/// confusable key (as [`confusable_key`]) to `skeletons`; for each, whether it exists
/// (`false`, and nothing appended, if it is empty or too long). For ASCII text whose
/// characters are all their own skeletons (most names), the two keys are one.
pub(crate) fn push_name_keys(
    text: &str,
    keys: &mut Vec<u8>,
    skeletons: &mut Vec<u8>,
) -> (bool, bool) {
    if let Some(found) = push_ascii_name_keys(text, keys, skeletons) {
        return found;
    }
    let mut buf = [0u8; MAX_NAME_BYTES];
    let (key, cut) = fold(text, &mut buf);
    let has_key = !cut && !key.is_empty();
    if has_key {
        keys.extend_from_slice(key);
    }
    let table = &*ASCII_SKELETONS;
    let own_skeleton = text.bytes().all(|b| {
        table
            .get(usize::from(b))
            .is_some_and(|p| *p == 1 | u32::from(b) << 8)
    });
    if !own_skeleton {
        return (has_key, push_confusable_key(text, skeletons));
    }
    // The skeleton is the text itself, so its fold is the key.
    if has_key {
        skeletons.extend_from_slice(key);
    }
    (has_key, has_key)
}

/// [`push_name_keys`] for ASCII text that a fold reads whole (most names): the key in
/// one pass, which also finds whether every character is its own skeleton. `None`
/// (and nothing appended) for other text.
fn push_ascii_name_keys(
    text: &str,
    keys: &mut Vec<u8>,
    skeletons: &mut Vec<u8>,
) -> Option<(bool, bool)> {
    if text.len() > MAX_INPUT_BYTES {
        return None;
    }
    let table = &*ASCII_SKELETONS;
    let mut buf = [0u8; MAX_NAME_BYTES];
    let mut out = AsciiFold::new(&mut buf);
    let mut cut = false;
    let mut own_skeleton = true;
    for byte in text.bytes() {
        // Past ASCII: the general path.
        let piece = *table.get(usize::from(byte))?;
        own_skeleton &= piece == 1 | u32::from(byte) << 8;
        cut = cut || !out.push(byte);
    }
    let len = out.len;
    let key = buf.get(..len).unwrap_or_default();
    let has_key = !cut && !key.is_empty();
    if has_key {
        keys.extend_from_slice(key);
    }
    if !own_skeleton {
        return Some((has_key, push_confusable_key(text, skeletons)));
    }
    // The skeleton is the text itself, so its fold is the key.
    if has_key {
        skeletons.extend_from_slice(key);
    }
    Some((has_key, has_key))
}

/// The per-character skeletons of the ASCII characters, computed once by the same
/// crate as the full skeleton, each packed as its length (low byte) and up to three
/// bytes; 0 for a character whose prototype is not ASCII (or is longer).
static ASCII_SKELETONS: once_cell::sync::Lazy<[u32; 128]> = once_cell::sync::Lazy::new(|| {
    std::array::from_fn(|b| {
        let mut utf8 = [0u8; 4];
        let c = char::from(u8::try_from(b).unwrap_or(0));
        let skeleton: String = unicode_security::skeleton(c.encode_utf8(&mut utf8)).collect();
        if !skeleton.is_ascii() || skeleton.is_empty() || skeleton.len() > 3 {
            return 0;
        }
        skeleton
            .bytes()
            .enumerate()
            .fold(skeleton.len() as u32, |packed, (i, byte)| {
                packed | u32::from(byte) << (8 * (i + 1))
            })
    })
});

/// The fold of the UTS #39 skeleton of ASCII `text` into `buf`, as [`fold`] would
/// return it (length, cut), computed in one pass; `None` for other text. The skeleton
/// maps each character to its prototype (between two NFD passes, which change no
/// ASCII text), so for ASCII text whose characters all have ASCII prototypes it is the
/// concatenation of per-character skeletons: this keeps the check off the load's
/// critical path. (A few ASCII characters have non-ASCII prototypes; a text holding
/// one takes the full path.)
fn fold_ascii_skeleton(text: &str, buf: &mut [u8; MAX_NAME_BYTES]) -> Option<(usize, bool)> {
    let table = &*ASCII_SKELETONS;
    let mut out = AsciiFold::new(buf);
    // Like `fold`, read at most MAX_INPUT_BYTES of the skeleton: a longer one is cut.
    let mut read = 0;
    let mut cut = false;
    for byte in text.bytes() {
        // Past ASCII, or a prototype that is not ASCII: the full path.
        let piece = table.get(usize::from(byte)).copied().filter(|p| *p != 0)?;
        let len = (piece & 0xff) as usize;
        read += len;
        // Keep reading after a cut: a later character may still need the full path.
        cut =
            cut || read > MAX_INPUT_BYTES || (1..=len).any(|i| !out.push((piece >> (8 * i)) as u8));
    }
    Some((out.len, cut))
}

/// The UTS #39 skeleton of `text`, as a string, from the table where it applies (what
/// the tests compare with the crate's).
#[cfg(test)]
fn skeleton(text: &str) -> String {
    let table = &*ASCII_SKELETONS;
    let pieces: Option<Vec<u32>> = text
        .bytes()
        .map(|b| table.get(usize::from(b)).copied().filter(|p| *p != 0))
        .collect();
    match pieces {
        Some(pieces) => pieces
            .iter()
            .flat_map(|p| (1..=(p & 0xff)).map(move |i| char::from((p >> (8 * i)) as u8)))
            .collect(),
        None => unicode_security::skeleton(text).collect(),
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn folded(text: &str) -> (String, bool) {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (bytes, cut) = fold(text, &mut buf);
        (String::from_utf8_lossy(bytes).into_owned(), cut)
    }

    proptest! {
        /// Folding a folded key changes nothing, and a key does not depend on the
        /// normalisation form the text came in.
        #[test]
        fn fold_is_idempotent_and_form_blind(s in "\\PC{0,60}") {
            let (once, cut) = folded(&s);
            prop_assume!(!cut);
            prop_assert_eq!(&folded(&once).0, &once);
            for form in [s.nfc().collect::<String>(), s.nfd().collect(), s.nfkd().collect()] {
                prop_assert_eq!(&folded(&form).0, &once, "{:?}", form);
            }
        }
    }

    proptest! {
        /// Both keys of a name at once are the keys one at a time.
        #[test]
        fn name_keys_are_the_keys(
            s in prop_oneof!["[ -~]{0,40}", "[a-z]{0,20}", "[A-Za-z0-9 m|%_-]{80,400}", "\\PC{0,30}"]
        ) {
            let (mut keys, mut skeletons) = (vec![b'x'], vec![b'y']);
            let (has_key, has_skeleton) = push_name_keys(&s, &mut keys, &mut skeletons);
            let key = folded_key(&s);
            let skeleton = confusable_key(&s);
            prop_assert_eq!(has_key, key.is_some());
            prop_assert_eq!(has_skeleton, skeleton.is_some());
            prop_assert_eq!(&keys[1..], key.as_deref().unwrap_or_default().as_bytes());
            prop_assert_eq!(&skeletons[1..], skeleton.as_deref().unwrap_or_default().as_bytes());
        }

        /// The one-pass key is the fold of the crate's full skeleton, for ASCII text
        /// of any length (long skeletons are cut as a fold cuts them) and any other.
        #[test]
        fn confusable_key_is_the_folded_skeleton(
            s in prop_oneof!["[ -~]{0,120}", "[a-zA-Z0-9 m|%_-]{80,400}", "\\PC{0,60}"]
        ) {
            let reference: String = unicode_security::skeleton(&s).collect();
            prop_assert_eq!(confusable_key(&s), folded_key(&reference));
        }
    }

    proptest! {
        /// The short-text fold (one pass, with its hash) is the byte-at-a-time fold,
        /// and the hash it gives is the key's hash, for ASCII text up to the buffer
        /// and just past it, separators of every kind included.
        #[test]
        fn short_ascii_fold_is_the_fold(
            s in prop_oneof!["[ -~]{0,40}", "[a-z \t\n\r\x0b\x0c_-]{0,97}", "[A-Z -]{90,100}"]
        ) {
            let mut reference = [0u8; MAX_NAME_BYTES];
            let mut out = AsciiFold::new(&mut reference);
            let cut = !s.bytes().all(|b| out.push(b));
            let len = out.len;
            let mut buf = [0u8; MAX_NAME_BYTES];
            let (key, was_cut, hash) = fold_hashed(&s, &mut buf);
            prop_assert_eq!(was_cut, cut);
            prop_assert_eq!(key, &reference[..len]);
            prop_assert_eq!(hash, super::super::key_hash::key_hash(key));
        }
    }

    /// At the edge of what a fold reads: separators pad a short key past the bound.
    #[test]
    fn confusable_key_reads_what_a_fold_reads() {
        for pad in MAX_INPUT_BYTES - 4..MAX_INPUT_BYTES + 4 {
            for text in [
                format!("a{}b", " ".repeat(pad)),
                format!("m{}", "-".repeat(pad)),
                format!("{}mm", "_".repeat(pad)),
            ] {
                let reference: String = unicode_security::skeleton(&text).collect();
                assert_eq!(confusable_key(&text), folded_key(&reference), "{pad}");
            }
        }
    }

    #[test]
    fn ascii_skeleton_is_the_crates() {
        for text in [
            "oral",
            "0ral",
            "IV",
            "lV",
            "rn",
            "m",
            "Ketalar 1|l",
            "a-b_c d",
        ] {
            let expected: String = unicode_security::skeleton(text).collect();
            assert_eq!(skeleton(text), expected, "{text:?}");
        }
    }

    #[test]
    fn people_spellings_fold_to_the_name() {
        for (typed, name) in [
            ("ÉSKETAMINE", "esketamine"),
            ("\u{ff34}\u{ff32}\u{ff24}", "trd"),
            ("trd\u{a0}", "trd"),
            (
                "treatment\u{2013}resistant depression",
                "treatment resistant depression",
            ),
            ("keta\u{200b}mine", "ketamine"),
        ] {
            assert_eq!(folded(typed).0, name, "{typed:?}");
        }
    }
}
