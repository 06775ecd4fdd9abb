//! The name within what people type on a medicine list: "alprazolam 0.5 mg prn",
//! "Adhansia XR tablet", "sertraline HCl", "zolpidem (Ambien)". Used by
//! [`KnowledgeBase::medicine`] when the whole text names nothing.
//!
//! A name is found, never guessed: it is a medicine, brand or alias whose every word
//! appears in the text in order, and every word of the text it does not use is a dose,
//! form, salt or filler word. The longest such name wins, so "Benylin ... Cold Relief
//! Night (as prescribed)" is the night product, not the day one whose name it holds.

use crate::loader::KnowledgeBase;
use crate::loader::index::medicines::MedicineKey;
use crate::model::Entity;
use crate::query::medicines::Kind;
use crate::text::{
    MAX_NAME_BYTES, Strip, bracketed, product_number, skippable, without, words_outside,
};

/// The most words of a text that a name is fitted to.
const MAX_WORDS: usize = 24;

/// Counter-ions that may start a medicine's name and be left out when it is typed.
const LEADING_IONS: [&str; 4] = ["potassium", "sodium", "calcium", "magnesium"];

impl KnowledgeBase {
    /// The medicine, brand or class a folded key names exactly.
    pub(super) fn medicine_exact(&self, key: &[u8]) -> Option<Kind> {
        if let Some(hit) = self.index.medicines.names.get(key) {
            return Some(match hit {
                MedicineKey::Ingredient(i) => Kind::Ingredient(i),
                MedicineKey::Brand(b) => Kind::Brand(b),
            });
        }
        match self.index.names.get(key) {
            Some(Entity::Interactant(x)) => Some(Kind::Class(x)),
            _ => None,
        }
    }

    /// The medicine a folded key names: exactly; else the longest medicine or brand
    /// name fitted to its words outside brackets; else to the bracketed words; else a
    /// class named once dose, form and salt words are dropped ("opioids prn").
    pub(super) fn medicine_within(&self, key: &[u8]) -> Option<Kind> {
        if let Some(kind) = self.medicine_exact(key) {
            return Some(kind);
        }
        if let Some(kind) = self.fitted(key) {
            return Some(kind);
        }
        if let Some(inner) = bracketed(key) {
            if let Some(kind) = self.medicine_exact(inner).or_else(|| self.fitted(inner)) {
                return Some(kind);
            }
        }
        if let Some(kind) = self.with_counter_ion(key) {
            return Some(kind);
        }
        let mut buf = [0u8; MAX_NAME_BYTES];
        match without(key, Strip::Salt, &mut buf).map(|k| self.index.names.get(k)) {
            Some(Some(Entity::Interactant(x))) => Some(Kind::Class(x)),
            _ => None,
        }
    }

    /// The medicine whose name starts with a counter-ion that the text leaves out
    /// ("clorazepate" for "potassium clorazepate", "oxybate 4.5 g" for "sodium
    /// oxybate"): dropping a salt word names the same substance. `None` unless
    /// exactly one medicine fits.
    fn with_counter_ion(&self, key: &[u8]) -> Option<Kind> {
        let mut found = None;
        for ion in LEADING_IONS {
            let mut buf = [0u8; MAX_NAME_BYTES];
            let len = ion.len() + 1 + key.len();
            let Some(dst) = buf.get_mut(..len) else {
                continue;
            };
            let (head, tail) = dst.split_at_mut(ion.len() + 1);
            let (name, space) = head.split_at_mut(ion.len());
            name.copy_from_slice(ion.as_bytes());
            space.fill(b' ');
            tail.copy_from_slice(key);
            let prefixed = buf.get(..len).unwrap_or_default();
            let Some(kind) = self
                .medicine_exact(prefixed)
                .filter(|k| !matches!(k, Kind::Class(_)))
                .or_else(|| self.fitted(prefixed))
            else {
                continue;
            };
            match found {
                Some(other) if other != kind => return None,
                _ => found = Some(kind),
            }
        }
        found
    }

    /// The longest medicine or brand name fitted to the words of `key` outside
    /// brackets, starting at its first word or at its first word that is not
    /// skippable ("oral ketamine").
    fn fitted(&self, key: &[u8]) -> Option<Kind> {
        let (words, count) = words_outside::<MAX_WORDS>(key);
        let words = words.get(..count)?;
        let first_kept = words.iter().position(|w| !skippable(w))?;
        let mut best: Option<(usize, MedicineKey)> = None;
        for start in [0, first_kept] {
            let Some(head) = words.get(start) else {
                continue;
            };
            for (name, value) in self.names_starting_with(head) {
                let Some(used) = fit(name.as_bytes(), words.get(start..).unwrap_or_default())
                else {
                    continue;
                };
                if best.is_none_or(|(n, _)| used > n) {
                    best = Some((used, value));
                }
            }
            if first_kept == 0 {
                break;
            }
        }
        best.map(|(_, hit)| match hit {
            MedicineKey::Ingredient(i) => Kind::Ingredient(i),
            MedicineKey::Brand(b) => Kind::Brand(b),
        })
    }

    /// The medicine and brand keys whose first word is `head`, in key order.
    fn names_starting_with<'a>(
        &'a self,
        head: &'a [u8],
    ) -> impl Iterator<Item = (&'a str, MedicineKey)> + 'a {
        self.index
            .medicines
            .names
            .starting_with(head)
            .filter(move |(k, _)| {
                // A whole first word: "xanax" or "xanax ...", not "xanaxol".
                matches!(k.as_bytes().get(head.len()), None | Some(b' '))
            })
    }
}

/// How many words of `name` fit `words`: every word of the name, in order, matching a
/// word of the text (the first matching the first), and every word of the text not
/// matched skippable. `None` if it does not fit.
fn fit(name: &[u8], words: &[&[u8]]) -> Option<usize> {
    // A product number ("#3") is passed over only in a name with codeine (see
    // `product_number`).
    let codeine = name
        .split(|b| *b == b' ')
        .any(|w| w == b"codeine" || w.ends_with(b"/codeine"));
    let passable = |word: &[u8]| skippable(word) || (codeine && product_number(word));
    let mut text = words.iter();
    let mut used = 0;
    // What follows "w/" in a text word ("w/codeine") is the name's next word.
    let mut joined: Option<&[u8]> = None;
    for (n, part) in name.split(|b| *b == b' ').enumerate() {
        if let Some(rest) = joined.take() {
            if rest != part {
                return None;
            }
            used += 1;
            continue;
        }
        loop {
            let word = text.next()?;
            // "with" is how "w/" of a name ("Tylenol W/ Codeine") is written out.
            if *word == part || (part == b"w/" && *word == b"with") {
                break;
            }
            if part == b"w/" {
                if let Some(rest) = word.strip_prefix(b"w/").filter(|r| !r.is_empty()) {
                    joined = Some(rest);
                    break;
                }
            }
            // The first word must match; between words only skippable ones are passed.
            if n == 0 || !passable(word) {
                return None;
            }
        }
        used += 1;
    }
    (joined.is_none() && text.all(|w| passable(w))).then_some(used)
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn a_name_fits_when_only_skippable_words_are_left_over() {
        let words = |s: &'static str| s.split(' ').map(str::as_bytes).collect::<Vec<_>>();
        assert_eq!(fit(b"alprazolam", &words("alprazolam 0.5 mg prn")), Some(1));
        assert_eq!(fit(b"adhansia xr", &words("adhansia xr tablet")), Some(2));
        assert_eq!(fit(b"adhansia", &words("adhansia xr tablet")), Some(1));
        assert_eq!(
            fit(b"benylin cold night", &words("benylin cold night")),
            Some(3)
        );
        assert_eq!(fit(b"benylin cold", &words("benylin cold night")), Some(2));
        assert_eq!(fit(b"benylin cold", &words("benylin extra cold")), None);
        assert_eq!(fit(b"xanax xr", &words("xanax")), None);
        assert_eq!(fit(b"xanax", &words("mg xanax")), None);
        // "with" written out for a name's "w/", never the other way round.
        let name = b"tylenol w/ codeine";
        assert_eq!(fit(name, &words("tylenol with codeine #3")), Some(3));
        assert_eq!(fit(name, &words("tylenol w/ codeine")), Some(3));
        assert_eq!(fit(b"a with b", &words("a w/ b")), None);
        assert_eq!(fit(name, &words("tylenol w/codeine no. 3")), Some(3));
        assert_eq!(fit(name, &words("tylenol w/caffeine")), None);
        // A product number is the codeine content: passed over only in a codeine name.
        assert_eq!(fit(name, &words("tylenol w/ codeine # 3")), Some(3));
        assert_eq!(fit(b"fiorinal", &words("fiorinal #3")), None);
        assert_eq!(fit(b"fiorinal", &words("fiorinal no. 3")), None);
        assert_eq!(
            fit(b"fiorinal w/codeine", &words("fiorinal w/codeine #3")),
            Some(2)
        );
        assert_eq!(fit(b"a w/", &words("a w/b")), None);
    }
}
