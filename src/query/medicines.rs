//! Medicine names as patients and clinics type them: an ingredient ("lorazepam"), a
//! brand ("Xanax", "Adderall") or a class the labels name ("benzodiazepines",
//! "MAOIs"), resolved to the interactant classes that the labels' interaction
//! statements are about.
//!
//! Lookup folds case, Unicode forms, diacritics and separators exactly as entity lookup
//! does (`LORAZEPAM`, `Lorazépam`, full-width letters), allocates nothing on a hit, and
//! on a miss suggests only medicine and class names close to what was typed.

use std::fmt;

use crate::loader::KnowledgeBase;
use crate::loader::index::medicines::MedicineKey;
use crate::model::{
    Agent, BrandRecord, Entity, IdKind, Interactant, Interaction, MedicineRecord, Membership,
};
use crate::query::LookupError;
use crate::query::lookup::{insert_best, suggest_scored};
use crate::text::{MAX_NAME_BYTES, Strip, combination_parts, fold, product_number, without, words};

/// The most ingredients [`KnowledgeBase::medicines_in`] reads from one entry.
const MAX_PARTS: usize = 4;

/// What a medicine name resolved to: an ingredient, a brand (with its ingredients) or
/// an interactant class named directly ("opioids").
///
/// # Examples
///
/// ```
/// use ketamine_therapy::{Interactant, KnowledgeBase};
///
/// let kb = KnowledgeBase::embedded();
/// let xanax = kb.medicine("XANAX")?;
/// assert_eq!(xanax.name(), "Xanax");
/// assert_eq!(xanax.ingredients().map(|m| m.name()).collect::<Vec<_>>(), ["alprazolam"]);
/// assert!(xanax.interactants().any(|i| i == Interactant::CnsDepressants));
///
/// let class = kb.medicine("benzodiazepines")?;
/// assert_eq!(class.class(), Some(Interactant::CnsDepressants));
/// # Ok::<(), ketamine_therapy::LookupError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Medicine<'a> {
    kb: &'a KnowledgeBase,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Ingredient(u32),
    Brand(u32),
    Class(Interactant),
}

impl PartialEq for Medicine<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.kb, other.kb) && self.kind == other.kind
    }
}

impl Eq for Medicine<'_> {}

impl<'a> Medicine<'a> {
    /// The canonical name: the ingredient's, the brand's as marketed, or the class's.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.medicine("Lorazépam")?.name(), "lorazepam");
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn name(&self) -> &'a str {
        match self.kind {
            Kind::Ingredient(i) => self.kb.medicine_at(i).map_or("", MedicineRecord::name),
            Kind::Brand(b) => self.kb.brand_at(b).map_or("", BrandRecord::name),
            Kind::Class(x) => self.kb.interactant(x).name(),
        }
    }

    /// The brand, when the name was a brand.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.medicine("Adderall")?.brand().is_some());
    /// assert!(kb.medicine("sertraline")?.brand().is_none());
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn brand(&self) -> Option<&'a BrandRecord> {
        match self.kind {
            Kind::Brand(b) => self.kb.brand_at(b),
            _ => None,
        }
    }

    /// The interactant class, when the name was a class the labels name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Interactant;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.medicine("MAOIs")?.class(), Some(Interactant::Maois));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn class(&self) -> Option<Interactant> {
        match self.kind {
            Kind::Class(x) => Some(x),
            _ => None,
        }
    }

    /// The ingredients: the medicine itself, a brand's ingredients (each of a
    /// combination product), none for a class.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// let names: Vec<&str> = kb.medicine("Suboxone")?.ingredients().map(|m| m.name()).collect();
    /// assert!(names.contains(&"buprenorphine") && names.contains(&"naloxone"));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn ingredients(&self) -> impl Iterator<Item = &'a MedicineRecord> + 'a {
        let kb = self.kb;
        let positions: &'a [u32] = match self.kind {
            Kind::Brand(b) => kb.index.medicines.brand_ingredients.of(b),
            _ => &[],
        };
        let own = match self.kind {
            Kind::Ingredient(i) => kb.medicine_at(i),
            _ => None,
        };
        own.into_iter()
            .chain(positions.iter().filter_map(move |i| kb.medicine_at(*i)))
    }

    /// Every class membership of the ingredients, with the ingredient it belongs to.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// for (ingredient, m) in kb.medicine("Percocet")?.classes_with_ingredients() {
    ///     println!("{}: {} ({})", ingredient.name(), m.interactant(), m.basis());
    /// }
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn classes_with_ingredients(
        &self,
    ) -> impl Iterator<Item = (&'a MedicineRecord, &'a Membership)> + 'a {
        self.ingredients()
            .flat_map(|m| m.classes().iter().map(move |c| (m, c)))
    }

    /// Every class membership of the ingredients.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Interactant;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.medicine("Nardil")?.classes().any(|c| c.interactant() == Interactant::Maois));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn classes(&self) -> impl Iterator<Item = &'a Membership> + 'a {
        self.classes_with_ingredients().map(|(_, c)| c)
    }

    /// The interactant classes the name belongs to, each once, in declaration order:
    /// the class itself, or those of its ingredients.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::Interactant;
    ///
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// let classes: Vec<Interactant> = kb.medicine("tramadol")?.interactants().collect();
    /// assert!(classes.contains(&Interactant::CnsDepressants));
    /// assert_eq!(kb.medicine("sertraline")?.interactants().count(), 0);
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn interactants(&self) -> impl Iterator<Item = Interactant> + 'a {
        let bits = self.class_bits();
        Interactant::ALL
            .into_iter()
            .filter(move |x| bits & (1 << *x as u32) != 0)
    }

    /// The interactant classes as a bit set (bit `x as u32` for class `x`).
    fn class_bits(&self) -> u64 {
        let direct = self.class().map_or(0, |x| 1u64 << x as u32);
        self.classes()
            .fold(direct, |bits, c| bits | 1 << c.interactant() as u32)
    }

    /// The label interactions of `agent` that this medicine takes part in, through
    /// its classes, most serious first.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::model::InteractionEffect;
    /// use ketamine_therapy::{Agent, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let found: Vec<_> = kb.medicine("Adderall")?.interactions(Agent::Esketamine).collect();
    /// assert!(found.iter().any(|i| i.effects().contains(&InteractionEffect::BloodPressureIncrease)));
    /// # Ok::<(), ketamine_therapy::LookupError>(())
    /// ```
    pub fn interactions(&self, agent: Agent) -> impl Iterator<Item = &'a Interaction> + 'a {
        let bits = self.class_bits();
        self.kb
            .interactions(agent)
            .filter(move |i| bits & (1 << i.interactant() as u32) != 0)
    }
}

impl fmt::Display for Medicine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl KnowledgeBase {
    pub(crate) fn medicine_at(&self, i: u32) -> Option<&MedicineRecord> {
        self.medicines.get(i as usize)
    }

    pub(crate) fn brand_at(&self, i: u32) -> Option<&BrandRecord> {
        self.brands.get(i as usize)
    }

    /// Resolves a medicine name as people type it: an ingredient or one of its other
    /// names, a brand, or a class that the labels name ("benzodiazepines", "opioids",
    /// "MAOIs", "alcohol"). Ingredients and brands come first.
    ///
    /// When the whole text names nothing, the name within it is tried: without the
    /// strength, dose and how often ("alprazolam 0.5 mg twice daily"), then also
    /// without the form and release ("fentanyl patch", "methylphenidate ER"), then
    /// also without the salt ("sertraline HCl", "lithium carbonate"), then the
    /// bracketed name ("Ambien" in "zolpidem (Ambien)" when "zolpidem" is unknown). A
    /// product number ("#3", "no. 4") gives a combination's codeine content, so it is
    /// passed over only in a name with codeine ("Tylenol w/ codeine #3"), never after
    /// a brand without it ("Fiorinal #3" names nothing). A combination written out
    /// ("hydrocodone/acetaminophen") is more than one medicine: see
    /// [`medicines_in`](Self::medicines_in).
    ///
    /// # Errors
    ///
    /// [`LookupError::Blank`] for an empty text; [`LookupError::NoMedicine`] with up to
    /// three medicine or class names close to the name within the text otherwise.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{KnowledgeBase, LookupError};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert_eq!(kb.medicine("ADDERALL")?.name(), "Adderall");
    /// assert_eq!(kb.medicine("Adderall XR 20 mg")?.name(), "Adderall XR");
    /// assert_eq!(kb.medicine("alprazolam 0.5 mg prn")?.name(), "alprazolam");
    /// assert_eq!(kb.medicine("sertraline HCl 50mg tablet")?.name(), "sertraline");
    /// assert_eq!(kb.medicine("Tylenol w/ codeine #3")?.name(), "Tylenol W/ Codeine");
    /// assert!(kb.medicine("Fiorinal #3").is_err()); // not Fiorinal without codeine
    /// let err = kb.medicine("lorazapam 1 mg").unwrap_err();
    /// assert_eq!(err.medicine_suggestions().next(), Some("lorazepam"));
    /// assert!(kb.medicine("intranasal").is_err()); // a route is not a medicine
    /// # Ok::<(), LookupError>(())
    /// ```
    pub fn medicine(&self, text: &str) -> Result<Medicine<'_>, LookupError> {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (key, cut) = fold(text, &mut buf);
        if cut {
            return Err(LookupError::no_medicine(
                text,
                self.medicine_suggestions(key),
            ));
        }
        if key.is_empty() {
            return Err(LookupError::Blank);
        }
        match self.medicine_within(key) {
            Some(kind) => Ok(Medicine { kb: self, kind }),
            None => Err(self.no_medicine(text, key)),
        }
    }

    /// The medicines a typed entry of a medicine list names: one, or each ingredient
    /// of a combination written out ("hydrocodone/acetaminophen 10/325",
    /// "buprenorphine and naloxone", "butalbital + APAP + caffeine"), at most four.
    /// Each part resolves as [`medicine`](Self::medicine) resolves a name. Nothing
    /// allocates unless the text names nothing.
    ///
    /// # Errors
    ///
    /// As [`medicine`](Self::medicine) for the whole text; for a combination whose
    /// part names nothing, the error of that part, with its suggestions.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Agent, KnowledgeBase, LookupError};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// let names: Vec<&str> = kb.medicines_in("oxycodone/APAP 5/325")?.map(|m| m.name()).collect();
    /// assert_eq!(names, ["oxycodone", "paracetamol"]);
    /// assert_eq!(kb.medicines_in("Percocet")?.count(), 1); // a brand is one medicine
    /// let err = kb.medicines_in("oxycodone/acetaminofen").unwrap_err();
    /// assert_eq!(err.input(), "acetaminofen");
    /// # Ok::<(), LookupError>(())
    /// ```
    pub fn medicines_in(
        &self,
        text: &str,
    ) -> Result<impl Iterator<Item = Medicine<'_>> + fmt::Debug + '_, LookupError> {
        let mut found: [Option<Medicine<'_>>; MAX_PARTS] = [None; MAX_PARTS];
        let mut buf = [0u8; MAX_NAME_BYTES];
        let (key, cut) = fold(text, &mut buf);
        if cut || key.is_empty() {
            return Err(self.medicine(text).err().unwrap_or(LookupError::Blank));
        }
        if let Some(kind) = self.medicine_within(key) {
            found[0] = Some(Medicine { kb: self, kind });
            return Ok(found.into_iter().flatten());
        }
        let mut doses = [0u8; MAX_NAME_BYTES];
        // Strengths such as "10/325" hold a separator: drop them before splitting.
        let doseless = without(key, Strip::Dose, &mut doses).unwrap_or(key);
        if let Some(parts) = combination_parts::<MAX_PARTS>(doseless) {
            for (slot, part) in found.iter_mut().zip(parts) {
                if part.is_empty() {
                    break;
                }
                let Some(kind) = self.medicine_within(part) else {
                    let shown = std::str::from_utf8(part).unwrap_or_default();
                    return Err(self.no_medicine(shown, part));
                };
                *slot = Some(Medicine { kb: self, kind });
            }
            return Ok(found.into_iter().flatten());
        }
        // Hyphens fold to spaces, so "buprenorphine-naloxone" arrives as two words:
        // a combination when every word is an ingredient's name, once the form and
        // salt words are dropped ("promethazine-codeine syrup").
        let mut bare = [0u8; MAX_NAME_BYTES];
        let saltless = without(doseless, Strip::Salt, &mut bare).unwrap_or(doseless);
        let parts = words::<MAX_PARTS>(saltless).unwrap_or_default();
        // A product number ("acetaminophen-codeine #3") only with codeine among them.
        let mut numbered = false;
        let mut slots = found.iter_mut();
        for part in parts.into_iter().take_while(|p| !p.is_empty()) {
            if product_number(part) {
                numbered = true;
                continue;
            }
            match (self.medicine_exact(part), slots.next()) {
                (Some(kind @ Kind::Ingredient(_)), Some(slot)) => {
                    *slot = Some(Medicine { kb: self, kind });
                }
                _ => return Err(self.no_medicine(text, key)),
            }
        }
        let codeine = found.iter().flatten().any(|m| m.name() == "codeine");
        if found[0].is_none() || (numbered && !codeine) {
            return Err(self.no_medicine(text, key));
        }
        Ok(found.into_iter().flatten())
    }

    /// The error for a text that names no medicine, with suggestions close to the
    /// name within it.
    fn no_medicine(&self, text: &str, key: &[u8]) -> LookupError {
        let mut buf = [0u8; MAX_NAME_BYTES];
        let core = without(key, Strip::Salt, &mut buf).unwrap_or(key);
        let mut suggestions = self.medicine_suggestions(core);
        // Words the data does not know ("... prn anxiety") can hide a known first one.
        if suggestions.is_empty() {
            if let Some(first) = core
                .split(|b| *b == b' ')
                .next()
                .filter(|w| w.len() < core.len())
            {
                suggestions = self.medicine_suggestions(first);
            }
        }
        LookupError::no_medicine(text, suggestions)
    }

    /// The medicine and class names closest to a folded input: within a quarter of
    /// its length in edits (at least one, at most three), or starting with it.
    fn medicine_suggestions(&self, key: &[u8]) -> Vec<String> {
        let limit = 2 * (key.len() / 4).clamp(1, 3);
        let meds = suggest_scored(&self.index.medicines.names, key, |_| true, limit, 4);
        let classes = suggest_scored(
            &self.index.names,
            key,
            |e| e.id_kind() == IdKind::Interactant,
            limit,
            4,
        );
        let mut best: [Option<(usize, Name)>; 3] = [None; 3];
        for (score, m) in meds.into_iter().flatten() {
            insert_best(&mut best, score, Name::Medicine(m));
        }
        for (score, e) in classes.into_iter().flatten() {
            insert_best(&mut best, score, Name::Entity(e));
        }
        let mut names: Vec<String> = Vec::with_capacity(3);
        let found = best
            .into_iter()
            .flatten()
            .filter_map(|(_, name)| match name {
                Name::Medicine(MedicineKey::Ingredient(i)) => {
                    self.medicine_at(i).map(|m| m.name().to_owned())
                }
                Name::Medicine(MedicineKey::Brand(b)) => {
                    self.brand_at(b).map(|b| b.name().to_owned())
                }
                // The class's own name or alias closest to what was typed
                // ("benzodiazepine" rather than "CNS depressants").
                Name::Entity(e) => self.closest_key(key, e).or_else(|| Some(e.to_string())),
            });
        // A medicine and a class may share a name ("modafinil"): say it once.
        for name in found {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The folded name or alias of `entity` closest to the folded `input`.
    fn closest_key(&self, input: &[u8], entity: Entity) -> Option<String> {
        let pattern = crate::text::Pattern::new(input);
        self.index
            .names
            .entries()
            .filter(|(_, e)| *e == entity)
            // A key the input starts ("benzo" of "benzodiazepine") before any other, as
            // it was the prefix that made the class a suggestion.
            .filter_map(|(k, _)| {
                let prefixed = k.as_bytes().starts_with(input);
                Some((
                    !prefixed,
                    pattern.distance(k.as_bytes(), MAX_NAME_BYTES)?,
                    k,
                ))
            })
            .min()
            .map(|(_, _, k)| k.to_string())
    }

    /// A medicine by its id (`"lorazepam"`), in O(log n).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.medicine_by_id("alprazolam").unwrap().name(), "alprazolam");
    /// assert!(kb.medicine_by_id("Alprazolam").is_none()); // ids are exact
    /// ```
    pub fn medicine_by_id(&self, id: &str) -> Option<&MedicineRecord> {
        self.medicines
            .binary_search_by(|m| m.id().cmp(id))
            .ok()
            .and_then(|i| self.medicines.get(i))
    }

    /// A brand by its name, folded as lookup folds (`"xanax"` finds Xanax).
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert_eq!(kb.brand("XANAX").unwrap().name(), "Xanax");
    /// assert!(kb.brand("alprazolam").is_none()); // an ingredient, not a brand
    /// ```
    pub fn brand(&self, name: &str) -> Option<&BrandRecord> {
        self.medicine(name).ok().and_then(|m| m.brand())
    }

    /// Every medicine of the vocabulary, by id.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.medicines().count() > 300);
    /// ```
    pub fn medicines(&self) -> impl ExactSizeIterator<Item = &MedicineRecord> {
        self.medicines.iter()
    }

    /// Every brand, by name.
    ///
    /// # Examples
    ///
    /// ```
    /// let kb = ketamine_therapy::KnowledgeBase::embedded();
    /// assert!(kb.brands().any(|b| b.name() == "Adderall"));
    /// ```
    pub fn brands(&self) -> impl ExactSizeIterator<Item = &BrandRecord> {
        self.brands.iter()
    }

    /// The medicines that belong to an interactant class, by name.
    ///
    /// # Examples
    ///
    /// ```
    /// use ketamine_therapy::{Interactant, KnowledgeBase};
    ///
    /// let kb = KnowledgeBase::embedded();
    /// assert!(kb.members(Interactant::Maois).any(|m| m.name() == "phenelzine"));
    /// ```
    pub fn members(&self, interactant: Interactant) -> impl Iterator<Item = &MedicineRecord> {
        interactant
            .pick(&self.index.medicines.members)
            .iter()
            .filter_map(|i| self.medicine_at(*i))
    }
}

/// A suggestion from either index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Medicine(MedicineKey),
    Entity(Entity),
}
