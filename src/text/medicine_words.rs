//! What people type around a medicine's name on a medicine list: the strength and
//! dose ("0.5 mg", "10/325"), how often ("twice daily", "prn"), the form and release
//! ("tablet", "patch", "XR") and the salt ("hydrochloride", "HCl"), and bracketed
//! text ("zolpidem (Ambien)"). Medicine lookup tries the name without them only when
//! the whole text names nothing, so a brand that holds such a word ("Adderall XR")
//! still resolves as itself.
//!
//! Every function works on folded keys (lower case, one space between words; see
//! [`fold`](super::fold)) and writes into a caller's stack buffer: nothing allocates.
//! A salt word is only ever the counter-ion of the active moiety, so dropping it
//! names the same substance ("lithium carbonate" is lithium).

use super::MAX_NAME_BYTES;

/// How much of the text around a name to drop; each level drops what the ones before
/// it drop too, and every level drops bracketed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strip {
    /// Bracketed text only.
    Brackets,
    /// Strengths, doses, units and how often.
    Dose,
    /// And the form and release words.
    Form,
    /// And the salt words.
    Salt,
}

/// Units and how-often words (folded).
const DOSE_WORDS: &[&str] = &[
    "mg", "mcg", "μg", "ug", "gm", "ml", "%", "iu", "unit", "units", "meq", "mg/ml", "mcg/ml",
    "mg/h", "mcg/h", "mcg/hr", "mg/24h", "mg/24hr", "mg/day", "tab/day", "daily", "once", "twice",
    "thrice", "bid", "b.i.d.", "tid", "t.i.d.", "qid", "qd", "od", "qam", "qpm", "qhs", "hs",
    "prn", "nightly", "weekly", "monthly", "needed", "required", "day", "days", "week", "morning",
    "evening", "night", "bedtime", "every", "each", "times", "po", "mouth", "hour", "hours", "hr",
    "hrs",
];

/// Units that may start a rate written with a slash ("mg/24", "mcg/72h"): the word is
/// a dose when what comes before its first slash is one of them.
const RATE_UNITS: &[&str] = &[
    "mg", "mcg", "μg", "ug", "g", "gm", "ml", "mmol", "meq", "unit", "units",
];

/// Short words that only join a dose ("as needed", "1 a day", "by mouth"), dropped
/// only after the first word, which may be a name's own ("A-Poxide").
const FILLER_WORDS: &[&str] = &[
    "a", "as", "at", "by", "in", "per", "the", "to", "up", "x", "h", "g", "l", "u",
];

/// Dosage forms and release words (folded).
const FORM_WORDS: &[&str] = &[
    "tablet",
    "tablets",
    "tab",
    "tabs",
    "capsule",
    "capsules",
    "cap",
    "caps",
    "pill",
    "pills",
    "patch",
    "patches",
    "transdermal",
    "oral",
    "solution",
    "suspension",
    "syrup",
    "liquid",
    "drops",
    "injection",
    "injectable",
    "inj",
    "infusion",
    "spray",
    "nasal",
    "inhaler",
    "inhalation",
    "film",
    "films",
    "sublingual",
    "buccal",
    "chewable",
    "dispersible",
    "orally",
    "disintegrating",
    "odt",
    "er",
    "xr",
    "sr",
    "cr",
    "xl",
    "la",
    "ir",
    "dr",
    "ec",
    "cd",
    "mr",
    "pr",
    "extended",
    "release",
    "released",
    "delayed",
    "immediate",
    "sustained",
    "controlled",
    "modified",
    "prolonged",
    "generic",
    "iv",
    "im",
    "sc",
    "sq",
    "subq",
    "intravenous",
    "intramuscular",
    "subcutaneous",
    "intranasal",
    "rectal",
    "topical",
    "vial",
    "ampoule",
    "pen",
    "autoinjector",
    "gel",
    "lozenge",
    "lozenges",
    "troche",
    "troches",
    "elixir",
    "concentrate",
    "suppository",
    "suppositories",
    "caplet",
    "caplets",
    "softgel",
    "softgels",
    "gelcap",
    "gelcaps",
    "powder",
    "granules",
    "wafer",
    "drip",
    "push",
    "bolus",
];

/// Salt and hydrate words (folded): counter-ions and water, never an active moiety on
/// their own (though a name may hold one: "chloral hydrate").
const SALT_WORDS: &[&str] = &[
    "hydrochloride",
    "hcl",
    "dihydrochloride",
    "sulfate",
    "sulphate",
    "sodium",
    "potassium",
    "calcium",
    "carbonate",
    "citrate",
    "maleate",
    "mesylate",
    "mesilate",
    "dimesylate",
    "besylate",
    "besilate",
    "succinate",
    "fumarate",
    "tartrate",
    "bitartrate",
    "hydrobromide",
    "bromide",
    "acetate",
    "phosphate",
    "hyclate",
    "lactate",
    "gluconate",
    "napsylate",
    "oxalate",
    "monohydrate",
    "dihydrate",
    "trihydrate",
    "anhydrous",
    "hemihydrate",
    "hydrate",
    "pamoate",
    "saccharate",
    "aspartate",
    "dipotassium",
    "salt",
    "salts",
    "mixed",
];

/// Whether a folded word is dropped at `level`; `first` when it starts the text.
fn dropped(word: &[u8], level: Strip, first: bool) -> bool {
    let Ok(word) = std::str::from_utf8(word) else {
        return false;
    };
    // A strength ("10", "0.5mg", ".5", "10/325", "2x"), an interval ("q6h", "q4") or a
    // rate ("mg/24", "mcg/hr"). Not a product number ("#3"): see `product_number`.
    let numeric = match word.as_bytes() {
        [first, ..] if first.is_ascii_digit() => true,
        [b'.' | b'q', second, ..] => second.is_ascii_digit(),
        _ => word
            .split_once('/')
            .is_some_and(|(unit, _)| RATE_UNITS.contains(&unit)),
    };
    if level == Strip::Brackets {
        return false;
    }
    numeric
        || DOSE_WORDS.contains(&word)
        || (!first && FILLER_WORDS.contains(&word))
        || (level >= Strip::Form && FORM_WORDS.contains(&word))
        || (level >= Strip::Salt && SALT_WORDS.contains(&word))
}

/// Appends `word` to `buf` at `len`, a space before it unless first; false if full.
fn push_word(buf: &mut [u8; MAX_NAME_BYTES], len: &mut usize, word: &[u8]) -> bool {
    let start = if *len == 0 { 0 } else { *len + 1 };
    let Some(dst) = buf.get_mut(start..start + word.len()) else {
        return false;
    };
    dst.copy_from_slice(word);
    if let Some(space) = buf.get_mut(*len).filter(|_| start > 0) {
        *space = b' ';
    }
    *len = start + word.len();
    true
}

/// The words of `key` outside brackets that are not dropped at `level`, one space
/// apart, in `buf`. `None` if that is the key itself or nothing is left.
pub(crate) fn without<'b>(
    key: &[u8],
    level: Strip,
    buf: &'b mut [u8; MAX_NAME_BYTES],
) -> Option<&'b [u8]> {
    let mut len = 0;
    let mut depth = 0usize;
    let mut word_start = None;
    // One pass over the bytes; a bracket ends a word as a space does.
    for (i, &b) in key.iter().chain(std::iter::once(&b' ')).enumerate() {
        let boundary = b == b' ' || b == b'(' || b == b')' || b == b'[' || b == b']';
        if boundary {
            if let Some(start) = word_start.take() {
                let word = key.get(start..i).unwrap_or_default();
                if depth == 0
                    && !dropped(word, level, start == 0)
                    && !push_word(buf, &mut len, word)
                {
                    return None;
                }
            }
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    let kept = buf.get(..len)?;
    (!kept.is_empty() && kept != key).then_some(kept)
}

/// Whether a folded word may be passed over between or after the words of a name
/// (a dose, form, salt or filler word).
pub(crate) fn skippable(word: &[u8]) -> bool {
    dropped(word, Strip::Salt, false)
}

/// Whether `word` is part of a product number: "#3", "#", "no." ("Tylenol w/ codeine
/// #3", "no. 4"). In US pharmacy such a number gives the codeine content of a
/// combination, so it is passed over only in a name with codeine: "Fiorinal #3" is
/// Fiorinal with codeine, not Fiorinal.
pub(crate) fn product_number(word: &[u8]) -> bool {
    match word {
        b"#" | b"no." | b"no" => true,
        [b'#', rest @ ..] => !rest.is_empty() && rest.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

/// Up to `N` words of `key` outside brackets, and how many there are (at most `N`).
pub(crate) fn words_outside<const N: usize>(key: &[u8]) -> ([&[u8]; N], usize) {
    let mut out: [&[u8]; N] = [&[]; N];
    let mut count = 0;
    let mut depth = 0usize;
    let mut start = None;
    for (i, &b) in key.iter().chain(std::iter::once(&b' ')).enumerate() {
        if matches!(b, b' ' | b'(' | b')' | b'[' | b']') {
            if let Some(s) = start.take() {
                if depth == 0 {
                    match out.get_mut(count) {
                        Some(slot) => *slot = key.get(s..i).unwrap_or_default(),
                        None => break,
                    }
                    count += 1;
                }
            }
            match b {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    (out, count)
}

/// The first bracketed text of `key`, trimmed ("zolpidem (ambien)" gives "ambien").
pub(crate) fn bracketed(key: &[u8]) -> Option<&[u8]> {
    let open = key.iter().position(|b| *b == b'(' || *b == b'[')?;
    let rest = key.get(open + 1..)?;
    let close = rest
        .iter()
        .position(|b| *b == b')' || *b == b']')
        .unwrap_or(rest.len());
    let inner = rest.get(..close)?.trim_ascii();
    (!inner.is_empty()).then_some(inner)
}

/// The parts of a combination written out: `key` split at `/`, `+`, `&`, the words
/// "and" and "with" and a word starting "w/", each part trimmed; at most `N` parts, or `None` if there
/// are fewer than two or more than `N`.
pub(crate) fn combination_parts<const N: usize>(key: &[u8]) -> Option<[&[u8]; N]> {
    let mut parts: [&[u8]; N] = [&[]; N];
    let mut count = 0;
    let mut start = 0;
    let mut i = 0;
    while i <= key.len() {
        let rest = key.get(i..).unwrap_or_default();
        let sep = match rest.first() {
            None => Some(0),
            Some(b'/' | b'+' | b'&') => Some(1),
            Some(b' ') if rest.starts_with(b" and ") => Some(4),
            Some(b' ') if rest.starts_with(b" with ") => Some(5),
            // "w/" is "with" ("APAP w/codeine").
            Some(b' ') if rest.starts_with(b" w/") => Some(3),
            _ => None,
        };
        match sep {
            Some(skip) => {
                let part = key.get(start..i).unwrap_or_default().trim_ascii();
                if !part.is_empty() {
                    *parts.get_mut(count)? = part;
                    count += 1;
                }
                i += skip.max(1);
                start = i;
            }
            None => i += 1,
        }
    }
    (count >= 2).then_some(parts)
}

/// The words of `key` (split at spaces), when there are two to `N`.
pub(crate) fn words<const N: usize>(key: &[u8]) -> Option<[&[u8]; N]> {
    let mut out: [&[u8]; N] = [&[]; N];
    let mut count = 0;
    for word in key.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
        *out.get_mut(count)? = word;
        count += 1;
    }
    (count >= 2).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_numbers() {
        for word in ["#3", "#", "no.", "no", "#12"] {
            assert!(product_number(word.as_bytes()), "{word}");
        }
        for word in ["3", "#a", "#3a", "#a3", "n", "3mg", ""] {
            assert!(!product_number(word.as_bytes()), "{word}");
        }
    }

    fn strip(key: &str, level: Strip) -> Option<String> {
        let mut buf = [0u8; MAX_NAME_BYTES];
        without(key.as_bytes(), level, &mut buf).map(|b| String::from_utf8_lossy(b).into_owned())
    }

    #[test]
    fn drops_what_surrounds_a_name_level_by_level() {
        let cases = [
            ("alprazolam 0.5 mg", Strip::Dose, Some("alprazolam")),
            ("vyvanse 30mg", Strip::Dose, Some("vyvanse")),
            (
                "sertraline 50 mg once daily",
                Strip::Dose,
                Some("sertraline"),
            ),
            ("lorazepam 1mg prn", Strip::Dose, Some("lorazepam")),
            ("tramadol 50mg q6h prn", Strip::Dose, Some("tramadol")),
            ("zolpidem (ambien) 10 mg", Strip::Dose, Some("zolpidem")),
            ("fentanyl patch", Strip::Dose, None),
            ("fentanyl patch", Strip::Form, Some("fentanyl")),
            (
                "methylphenidate er 36 mg",
                Strip::Form,
                Some("methylphenidate"),
            ),
            ("sertraline hcl", Strip::Form, None),
            ("sertraline hcl", Strip::Salt, Some("sertraline")),
            ("lithium carbonate 300 mg", Strip::Salt, Some("lithium")),
            (
                "tranylcypromine sulfate",
                Strip::Salt,
                Some("tranylcypromine"),
            ),
            ("xanax", Strip::Salt, None),
            ("a poxide 10 mg", Strip::Salt, Some("a poxide")),
            ("lorazepam 1 mg as needed", Strip::Dose, Some("lorazepam")),
            ("500 mg", Strip::Salt, None),
            ("sodium", Strip::Salt, None),
            ("emsam 6 mg/24 hr", Strip::Dose, Some("emsam")),
            ("fentanyl 25 mcg/72h", Strip::Dose, Some("fentanyl")),
            ("diazepam rectal gel", Strip::Form, Some("diazepam")),
            ("phenylephrine iv push", Strip::Form, Some("phenylephrine")),
            ("levophed drip", Strip::Form, Some("levophed")),
            ("hydroxyzine pamoate", Strip::Salt, Some("hydroxyzine")),
            ("clorazepate dipotassium", Strip::Salt, Some("clorazepate")),
            ("10/325", Strip::Dose, None),
            ("a/b", Strip::Dose, None),
        ];
        for (key, level, want) in cases {
            assert_eq!(strip(key, level).as_deref(), want, "{key} at {level:?}");
        }
    }

    #[test]
    fn skippable_words_and_words_outside_brackets() {
        for w in [
            "10", "0.5mg", "mg", "prn", "q6h", "tablet", "xr", "hcl", "salts", "a",
        ] {
            assert!(skippable(w.as_bytes()), "{w}");
        }
        for w in ["xanax", "night", "extra", "d", "hydrate"] {
            assert_eq!(
                skippable(w.as_bytes()),
                w == "night" || w == "hydrate",
                "{w}"
            );
        }
        let (w, n) = words_outside::<4>(b"zolpidem (ambien) 10 mg");
        assert_eq!(&w[..n], [&b"zolpidem"[..], b"10", b"mg"]);
        let (_, n) = words_outside::<2>(b"a b c");
        assert_eq!(n, 2);
    }

    #[test]
    fn brackets_and_combinations() {
        assert_eq!(bracketed(b"zolpidem (ambien)"), Some(&b"ambien"[..]));
        assert_eq!(bracketed(b"zolpidem [ambien"), Some(&b"ambien"[..]));
        assert_eq!(bracketed(b"zolpidem ()"), None);
        assert_eq!(bracketed(b"zolpidem"), None);
        let parts = |k: &str| {
            combination_parts::<4>(k.as_bytes()).map(|p| {
                p.iter()
                    .filter(|s| !s.is_empty())
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            parts("hydrocodone/acetaminophen"),
            Some(vec!["hydrocodone".into(), "acetaminophen".into()])
        );
        assert_eq!(
            parts("buprenorphine and naloxone"),
            Some(vec!["buprenorphine".into(), "naloxone".into()])
        );
        assert_eq!(
            parts("butalbital + apap + caffeine with codeine"),
            Some(vec![
                "butalbital".into(),
                "apap".into(),
                "caffeine".into(),
                "codeine".into()
            ])
        );
        assert_eq!(
            parts("apap w/codeine"),
            Some(vec!["apap".into(), "codeine".into()])
        );
        assert_eq!(
            parts("acetaminophen w/ codeine"),
            Some(vec!["acetaminophen".into(), "codeine".into()])
        );
        assert_eq!(parts("a/b/c/d/e"), None);
        assert_eq!(parts("sertraline"), None);
        assert_eq!(parts("/sertraline/"), None);
        assert_eq!(parts("sandwich"), None);
        assert_eq!(words::<4>(b"a b"), Some([&b"a"[..], b"b", b"", b""]));
        assert_eq!(words::<4>(b"a"), None);
        assert_eq!(words::<4>(b"a b c d e"), None);
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let mut buf = [0u8; MAX_NAME_BYTES];
        for key in [
            "",
            " ",
            "(",
            ")",
            "((a",
            "a)",
            "/",
            "+ +",
            " and ",
            "é 1",
            &"x ".repeat(60),
        ] {
            let _ = without(key.as_bytes(), Strip::Salt, &mut buf);
            let _ = bracketed(key.as_bytes());
            let _ = combination_parts::<4>(key.as_bytes());
            let _ = words_outside::<4>(key.as_bytes());
        }
    }
}
