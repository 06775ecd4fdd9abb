//! The medicine vocabulary at load: the checks of each medicine and brand, and the
//! index of their names.
//!
//! Unlike the named entities, the vocabulary has no per-record alias cap: a formulary
//! may know a medicine by many names. Every name must still be unique once folded, and
//! must not look like another medicine's name (UTS #39 confusable skeletons).

use strum::{EnumCount, IntoEnumIterator};

use crate::model::{BrandRecord, Interactant, MedicineRecord, MembershipBasis};
use crate::text::{MAX_NAME_BYTES, confusable_key, echo, folded_key};

use super::LoadError;
use super::check::{Checker, FastMap, Field, SourceIds};
use super::files::Draft;
use super::index::medicines::{MedicineIndex, MedicineKey};
use super::index::names::NameIndex;

/// Checks every medicine and brand of the draft: ids, text, codes, memberships,
/// ingredients, jurisdictions and sources.
pub(super) fn check_vocabulary(draft: &Draft, ids: &SourceIds<'_>) -> Result<(), LoadError> {
    let mut known: FastMap<&str, usize> = FastMap::default();
    for (file, m) in &draft.medicines {
        let c = Checker::new(
            draft.file(*file),
            format!("medicine {}", echo(m.id())),
            Some(ids),
        );
        if let Some(first) = known.insert(m.id(), *file) {
            return Err(LoadError::DuplicateRecord {
                file: draft.file(*file).to_owned(),
                record: format!("medicine {}", m.id()),
                first_file: draft.file(first).to_owned(),
            });
        }
        check_medicine(&c, m)?;
    }
    for (file, b) in &draft.brands {
        let c = Checker::new(
            draft.file(*file),
            format!("brand {}", echo(b.name())),
            Some(ids),
        );
        check_brand(&c, b, |id| known.contains_key(id))?;
    }
    Ok(())
}

fn check_medicine(c: &Checker<'_>, m: &MedicineRecord) -> Result<(), LoadError> {
    let id_ok = !m.id().is_empty()
        && m.id().len() <= MAX_NAME_BYTES
        && m.id()
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !id_ok {
        return Err(c.invalid(
            "id",
            format!("`{}` is not a medicine id", echo(m.id())),
            "lower-case ASCII letters, digits and `_`, at most 96 bytes",
        ));
    }
    c.text("name", m.name())?;
    for (i, alias) in m.aliases().iter().enumerate() {
        c.text(Field::item("aliases", i), alias)?;
    }
    c.no_repeats("aliases", m.aliases())?;
    c.codes(m.codes())?;
    for (i, class) in m.classes().iter().enumerate() {
        let field = Field::item("classes", i);
        c.opt_text(field.child("group"), class.group())?;
        c.opt_text(field.child("note"), class.note())?;
        if class.basis() == MembershipBasis::Judgement && class.note().is_none() {
            return Err(c.invalid(
                field.child("note"),
                String::from("a judgement does not say whose it is"),
                "a note naming whose judgement the membership is",
            ));
        }
        c.cites(field, class)?;
        let same = m.classes().get(..i).is_some_and(|before| {
            before.iter().any(|b| {
                b.interactant() == class.interactant()
                    && b.basis() == class.basis()
                    && b.group() == class.group()
            })
        });
        if same {
            return Err(c.invalid(
                field,
                format!(
                    "{} ({}) is listed twice",
                    class.interactant(),
                    class.basis()
                ),
                "each membership once",
            ));
        }
    }
    c.cites("", m)
}

fn check_brand(
    c: &Checker<'_>,
    b: &BrandRecord,
    is_medicine: impl Fn(&str) -> bool,
) -> Result<(), LoadError> {
    c.text("name", b.name())?;
    c.non_empty("ingredients", b.ingredients(), "at least one ingredient")?;
    c.no_repeats("ingredients", b.ingredients())?;
    if let Some((i, id)) = b
        .ingredients()
        .iter()
        .enumerate()
        .find(|(_, id)| !is_medicine(id))
    {
        return Err(c.invalid(
            Field::item("ingredients", i),
            format!("`{}` is not the id of a medicine", echo(id)),
            "the id of a record of the `medicines` section",
        ));
    }
    c.non_empty(
        "jurisdictions",
        b.jurisdictions(),
        "at least one jurisdiction",
    )?;
    c.no_repeats("jurisdictions", b.jurisdictions())?;
    c.no_repeats("discontinued_in", b.discontinued_in())?;
    if let Some(j) = b
        .discontinued_in()
        .iter()
        .find(|j| !b.jurisdictions().contains(j))
    {
        return Err(c.invalid(
            "discontinued_in",
            format!("`{j}` is not among the brand's jurisdictions"),
            "a jurisdiction listed in `jurisdictions`",
        ));
    }
    c.opt_text("note", b.note())?;
    c.cites("", b)
}

/// One folded name of the vocabulary, with where it comes from (for errors).
struct Keyed<'a> {
    key: Box<str>,
    seq: usize,
    file: usize,
    target: MedicineKey,
    record: String,
    field: &'static str,
    text: &'a str,
}

/// Takes the medicines and brands out of the draft, sorted (medicines by id, brands by
/// name), and builds their index. Errors: a name that folds to nothing or is too long,
/// two records sharing a folded name, names that look alike.
pub(super) fn take_vocabulary(
    draft: &mut Draft,
) -> Result<(Vec<MedicineRecord>, Vec<BrandRecord>, MedicineIndex), LoadError> {
    draft.medicines.sort_by(|(_, a), (_, b)| a.id().cmp(b.id()));
    draft
        .brands
        .sort_by(|(_, a), (_, b)| a.name().cmp(b.name()));
    let keyed = keys(draft)?;
    check_clashes(draft, &keyed)?;
    let names = NameIndex::new(keyed.into_iter().map(|k| (k.key, k.target)).collect());
    let medicines: Vec<MedicineRecord> = std::mem::take(&mut draft.medicines)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let brands: Vec<BrandRecord> = std::mem::take(&mut draft.brands)
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let position = |id: &str| {
        medicines
            .binary_search_by(|m| m.id().cmp(id))
            .ok()
            .and_then(|i| u32::try_from(i).ok())
    };
    let brand_ingredients = brands
        .iter()
        .map(|b| {
            b.ingredients()
                .iter()
                .filter_map(|id| position(id))
                .collect()
        })
        .collect();
    let members = Interactant::ALL.map(|x| {
        let mut list: Vec<u32> = (0u32..)
            .zip(&medicines)
            .filter(|(_, m)| m.classes().iter().any(|c| c.interactant() == x))
            .map(|(i, _)| i)
            .collect();
        list.sort_by_key(|i| medicines.get(*i as usize).map(MedicineRecord::name));
        list
    });
    debug_assert_eq!(Interactant::iter().count(), Interactant::COUNT);
    let index = MedicineIndex {
        names,
        members,
        brand_ingredients,
    };
    Ok((medicines, brands, index))
}

/// Every folded name, alias and brand name, in data order.
fn keys(draft: &Draft) -> Result<Vec<Keyed<'_>>, LoadError> {
    let ingredients = (0u32..).zip(&draft.medicines).flat_map(|(i, (file, m))| {
        std::iter::once(("name", m.name()))
            .chain(m.aliases().iter().map(|a| ("aliases", a.as_str())))
            .map(move |(field, text)| {
                let record = format!("medicine {}", m.id());
                (*file, MedicineKey::Ingredient(i), record, field, text)
            })
    });
    let brands = (0u32..).zip(&draft.brands).map(|(i, (file, b))| {
        let record = format!("brand {}", b.name());
        (*file, MedicineKey::Brand(i), record, "name", b.name())
    });
    let mut keyed = Vec::new();
    for (seq, (file, target, record, field, text)) in ingredients.chain(brands).enumerate() {
        let Some(key) = folded_key(text) else {
            let c = Checker::new(draft.file(file), echo(&record).to_string(), None);
            return Err(c.invalid(
                field,
                format!(
                    "`{}` is empty or longer than {MAX_NAME_BYTES} bytes",
                    echo(text)
                ),
                &format!("a name of 1 to {MAX_NAME_BYTES} bytes"),
            ));
        };
        keyed.push(Keyed {
            key,
            seq,
            file,
            target,
            record,
            field,
            text,
        });
    }
    Ok(keyed)
}

/// Two records may not share a folded name, nor have names that look alike.
fn check_clashes(draft: &Draft, keyed: &[Keyed<'_>]) -> Result<(), LoadError> {
    let mut by_key: Vec<&Keyed<'_>> = keyed.iter().collect();
    by_key.sort_unstable_by(|a, b| a.key.cmp(&b.key).then(a.seq.cmp(&b.seq)));
    // Of all clashes, the one a reader meets first: the earliest second use.
    let clash = by_key
        .windows(2)
        .filter_map(|pair| match pair {
            [first, second] if first.key == second.key => Some((*first, *second)),
            _ => None,
        })
        .min_by_key(|(_, second)| second.seq);
    if let Some((first, second)) = clash {
        return Err(LoadError::AliasConflict {
            file: draft.file(second.file).to_owned(),
            record: echo(&second.record).to_string(),
            field: second.field.to_owned(),
            alias: second.text.to_owned(),
            other: echo(&first.record).to_string(),
        });
    }
    let mut skeletons: Vec<(Box<str>, &Keyed<'_>)> = keyed
        .iter()
        .filter_map(|k| Some((confusable_key(k.text)?, k)))
        .collect();
    skeletons.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.seq.cmp(&b.1.seq)));
    let lookalike = skeletons
        .windows(2)
        .filter_map(|pair| match pair {
            [(a, first), (b, second)] if a == b && first.target != second.target => {
                Some((*first, *second))
            }
            _ => None,
        })
        .min_by_key(|(_, second)| second.seq);
    match lookalike {
        Some((first, second)) => Err(LoadError::Confusable {
            file: draft.file(second.file).to_owned(),
            record: echo(&second.record).to_string(),
            field: second.field.to_owned(),
            name: second.text.to_owned(),
            other: format!("{} (`{}`)", echo(&first.record), echo(first.text)),
        }),
        None => Ok(()),
    }
}
