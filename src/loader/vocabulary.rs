//! The medicine vocabulary at load: the checks of each medicine and brand, and the
//! index of their names.
//!
//! Unlike the named entities, the vocabulary has no per-record alias cap: a formulary
//! may know a medicine by many names. Every name must still be unique once folded, and
//! must not look like another medicine's name (UTS #39 confusable skeletons).

use strum::{EnumCount, IntoEnumIterator};

use crate::model::{BrandRecord, Interactant, MedicineRecord, MembershipBasis};
use crate::text::{MAX_NAME_BYTES, echo, fold, push_confusable_key};

use super::LoadError;
use super::check::{Checker, FastMap, Field, Label, SourceIds};
use super::files::Draft;
use super::index::medicines::{BrandIngredients, MedicineIndex, MedicineKey};
use super::index::names::{NameIndex, prefix};

/// The ingredients of every brand, resolved by [`check_vocabulary`], in the draft's
/// order: medicine positions in the draft, one list after the other.
pub(super) struct Ingredients {
    medicines: Vec<u32>,
    /// Where each brand's list ends in `medicines`.
    ends: Vec<u32>,
}

/// Checks every medicine and brand of the draft: ids, text, codes, memberships,
/// ingredients, jurisdictions and sources. Returns each brand's ingredients.
pub(super) fn check_vocabulary(
    draft: &Draft,
    ids: &SourceIds<'_>,
) -> Result<Ingredients, LoadError> {
    let mut known: FastMap<&str, u32> =
        FastMap::with_capacity_and_hasher(draft.medicines.len(), Default::default());
    for ((file, m), i) in draft.medicines.iter().zip(0u32..) {
        let label = |f: &mut std::fmt::Formatter<'_>| write!(f, "medicine {}", echo(m.id()));
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        if let Some(first) = known.insert(m.id(), i) {
            let first = draft.medicines.get(first as usize).map_or(0, |(f, _)| *f);
            return Err(LoadError::DuplicateRecord {
                file: draft.file(*file).to_owned(),
                record: format!("medicine {}", m.id()),
                first_file: draft.file(first).to_owned(),
            });
        }
        check_medicine(&c, m)?;
    }
    let mut ingredients = Ingredients {
        medicines: Vec::with_capacity(draft.brands.len() * 2),
        ends: Vec::with_capacity(draft.brands.len()),
    };
    for (file, b) in &draft.brands {
        let label = |f: &mut std::fmt::Formatter<'_>| write!(f, "brand {}", echo(b.name()));
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
        check_brand(
            &c,
            b,
            |id| known.get(id).copied(),
            &mut ingredients.medicines,
        )?;
        ingredients.ends.push(offset(ingredients.medicines.len()));
    }
    Ok(ingredients)
}

/// A position or length as stored in the index. Fewer than 2^32 records fit in the
/// byte limits of a load; a failed conversion is unreachable.
fn offset(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
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

/// The checks of one brand; its ingredients' positions are appended to `found`.
fn check_brand(
    c: &Checker<'_>,
    b: &BrandRecord,
    medicine: impl Fn(&str) -> Option<u32>,
    found: &mut Vec<u32>,
) -> Result<(), LoadError> {
    c.text("name", b.name())?;
    c.non_empty("ingredients", b.ingredients(), "at least one ingredient")?;
    c.no_repeats("ingredients", b.ingredients())?;
    for (i, id) in b.ingredients().iter().enumerate() {
        let Some(position) = medicine(id) else {
            return Err(c.invalid(
                Field::item("ingredients", i),
                format!("`{}` is not the id of a medicine", echo(id)),
                "the id of a record of the `medicines` section",
            ));
        };
        found.push(position);
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

/// One name of the vocabulary (a medicine's name or alias, a brand's name), with
/// where it comes from (for errors). Its place in the list of names is its order of
/// appearance; its folded key is a range of one shared buffer.
struct Name<'a> {
    key: std::ops::Range<usize>,
    file: usize,
    target: MedicineKey,
    field: &'static str,
    text: &'a str,
}

/// Takes the medicines and brands out of the draft, sorted (medicines by id, brands by
/// name), and builds their index. Errors: a name that folds to nothing or is too long,
/// two records sharing a folded name, names that look alike.
pub(super) fn take_vocabulary(
    draft: &mut Draft,
    ingredients: &Ingredients,
) -> Result<(Vec<MedicineRecord>, Vec<BrandRecord>, MedicineIndex), LoadError> {
    let medicine_order = sort_records(&mut draft.medicines, MedicineRecord::id);
    let brand_order = sort_records(&mut draft.brands, BrandRecord::name);
    let (folded, names) = fold_names(draft)?;
    let names = check_clashes(draft, &folded, &names)?;
    let medicines: Vec<MedicineRecord> = std::mem::take(&mut draft.medicines)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    let brands: Vec<BrandRecord> = std::mem::take(&mut draft.brands)
        .into_iter()
        .map(|(_, b)| b)
        .collect();
    let members = Interactant::ALL.map(|x| {
        let mut list: Vec<(&str, u32)> = medicines
            .iter()
            .zip(0u32..)
            .filter(|(m, _)| m.classes().iter().any(|c| c.interactant() == x))
            .map(|(m, i)| (m.name(), i))
            .collect();
        list.sort_by_key(|(name, _)| *name);
        list.into_iter().map(|(_, i)| i).collect()
    });
    debug_assert_eq!(Interactant::iter().count(), Interactant::COUNT);
    let index = MedicineIndex {
        names,
        members,
        brand_ingredients: brand_ingredients(ingredients, &medicine_order, &brand_order),
    };
    Ok((medicines, brands, index))
}

/// Each brand's ingredients as positions in the sorted medicines, in the sorted
/// brands' order; `medicines` and `brands` give each sorted position's place in the
/// draft.
fn brand_ingredients(found: &Ingredients, medicines: &[u32], brands: &[u32]) -> BrandIngredients {
    let mut sorted_at = vec![0u32; medicines.len()];
    for (new, old) in medicines.iter().enumerate() {
        if let Some(slot) = sorted_at.get_mut(*old as usize) {
            *slot = offset(new);
        }
    }
    let mut out = BrandIngredients::with_capacity(brands.len(), found.medicines.len());
    for &old in brands {
        let old = old as usize;
        let start = match old.checked_sub(1) {
            Some(before) => found.ends.get(before).map_or(0, |e| *e as usize),
            None => 0,
        };
        let end = found.ends.get(old).map_or(start, |e| *e as usize);
        let list = found.medicines.get(start..end).unwrap_or_default();
        out.push(
            list.iter()
                .filter_map(|m| sorted_at.get(*m as usize).copied()),
        );
    }
    out
}

/// Sorts records stably by a text key, moving each record once (the records are
/// large; an in-place sort would move each about log n times). Returns, for each
/// sorted position, the record's place before the sort.
fn sort_records<T>(records: &mut Vec<(usize, T)>, key: impl Fn(&T) -> &str) -> Vec<u32> {
    // (prefix, key, place): distinct, so an unstable sort keeps data order for equal
    // keys; most comparisons end at the prefix, without reading the key.
    let mut order: Vec<(u64, &str, u32)> = records
        .iter()
        .zip(0u32..)
        .map(|((_, r), i)| (prefix(key(r).as_bytes()), key(r), i))
        .collect();
    if order.is_sorted() {
        return order.into_iter().map(|(_, _, i)| i).collect();
    }
    order.sort_unstable();
    let order: Vec<u32> = order.into_iter().map(|(_, _, i)| i).collect();
    let mut slots: Vec<Option<(usize, T)>> =
        std::mem::take(records).into_iter().map(Some).collect();
    *records = order
        .iter()
        .filter_map(|i| slots.get_mut(*i as usize).and_then(Option::take))
        .collect();
    order
}

/// The record a vocabulary name belongs to, as errors name it.
fn record_name(draft: &Draft, target: MedicineKey) -> String {
    let name = match target {
        MedicineKey::Ingredient(i) => draft
            .medicines
            .get(i as usize)
            .map(|(_, m)| format!("medicine {}", m.id())),
        MedicineKey::Brand(i) => draft
            .brands
            .get(i as usize)
            .map(|(_, b)| format!("brand {}", b.name())),
    };
    echo(&name.unwrap_or_default()).to_string()
}

/// Every name, alias and brand name, in order of appearance, with its folded key in
/// the returned buffer.
fn fold_names(draft: &Draft) -> Result<(Vec<u8>, Vec<Name<'_>>), LoadError> {
    let ingredients = (0u32..).zip(&draft.medicines).flat_map(|(i, (file, m))| {
        std::iter::once(("name", m.name()))
            .chain(m.aliases().iter().map(|a| ("aliases", a.as_str())))
            .map(move |(field, text)| (*file, MedicineKey::Ingredient(i), field, text))
    });
    let brands = (0u32..)
        .zip(&draft.brands)
        .map(|(i, (file, b))| (*file, MedicineKey::Brand(i), "name", b.name()));
    let count = draft.brands.len()
        + draft
            .medicines
            .iter()
            .map(|(_, m)| 1 + m.aliases().len())
            .sum::<usize>();
    let mut names = Vec::with_capacity(count);
    let mut folded = Vec::with_capacity(count * 16);
    let mut buf = [0u8; MAX_NAME_BYTES];
    for (file, target, field, text) in ingredients.chain(brands) {
        let (key, cut) = fold(text, &mut buf);
        if cut || key.is_empty() {
            let c = Checker::new(draft.file(file), record_name(draft, target), None);
            return Err(c.invalid(
                field,
                format!(
                    "`{}` is empty or longer than {MAX_NAME_BYTES} bytes",
                    echo(text)
                ),
                &format!("a name of 1 to {MAX_NAME_BYTES} bytes"),
            ));
        }
        let start = folded.len();
        folded.extend_from_slice(key);
        names.push(Name {
            key: start..folded.len(),
            file,
            target,
            field,
            text,
        });
    }
    Ok((folded, names))
}

/// Two records may not share a folded name, nor have names that look alike. Of all
/// clashes, the one reported is the one a reader meets first: the earliest second use
/// of a name (then of a look-alike), against the use just before it. Returns the index
/// of the names.
fn check_clashes(
    draft: &Draft,
    folded: &[u8],
    names: &[Name<'_>],
) -> Result<NameIndex<MedicineKey>, LoadError> {
    let key = |n: &Name<'_>| folded.get(n.key.clone()).unwrap_or_default();
    // By key, then order of appearance: a name's uses are neighbours, in order.
    let mut sorted: Vec<(u64, &[u8], u32)> = names
        .iter()
        .zip(0u32..)
        .map(|(n, seq)| (prefix(key(n)), key(n), seq))
        .collect();
    sorted.sort_unstable();
    let clash = sorted
        .windows(2)
        .filter_map(|pair| match pair {
            [(_, a, first), (_, b, second)] if a == b => Some((*first, *second)),
            _ => None,
        })
        .min_by_key(|(_, second)| *second);
    let at = |seq: u32| names.get(seq as usize);
    if let Some((Some(first), Some(second))) = clash.map(|(a, b)| (at(a), at(b))) {
        return Err(LoadError::AliasConflict {
            file: draft.file(second.file).to_owned(),
            record: record_name(draft, second.target),
            field: second.field.to_owned(),
            alias: second.text.to_owned(),
            other: record_name(draft, first.target),
        });
    }
    check_lookalikes(draft, names)?;
    let target = |seq: u32| at(seq).map_or(MedicineKey::Ingredient(0), |n| n.target);
    Ok(NameIndex::from_sorted(
        sorted.iter().map(|(_, key, seq)| (*key, target(*seq))),
    ))
}

/// Names of different records must not look alike (UTS #39 skeletons, folded).
fn check_lookalikes(draft: &Draft, names: &[Name<'_>]) -> Result<(), LoadError> {
    // The skeletons, one after the other in one buffer.
    let mut skeletons = Vec::with_capacity(names.len() * 16);
    let mut ends: Vec<Option<usize>> = Vec::with_capacity(names.len());
    for n in names {
        let pushed = push_confusable_key(n.text, &mut skeletons);
        ends.push(pushed.then_some(skeletons.len()));
    }
    let mut last: FastMap<&[u8], usize> =
        FastMap::with_capacity_and_hasher(names.len(), Default::default());
    let mut start = 0;
    for (seq, (second, end)) in names.iter().zip(ends).enumerate() {
        let Some(end) = end else { continue };
        let skeleton = skeletons.get(start..end).unwrap_or_default();
        start = end;
        let Some(first) = last.insert(skeleton, seq).and_then(|i| names.get(i)) else {
            continue;
        };
        if first.target != second.target {
            return Err(LoadError::Confusable {
                file: draft.file(second.file).to_owned(),
                record: record_name(draft, second.target),
                field: second.field.to_owned(),
                name: second.text.to_owned(),
                other: format!(
                    "{} (`{}`)",
                    record_name(draft, first.target),
                    echo(first.text)
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::KnowledgeBase;

    fn medicine(id: &str, name: &str, aliases: &[&str]) -> String {
        format!(
            r#"{{"id": "{id}", "name": "{name}", "aliases": {aliases:?}, "sources": ["WHO-ATC-DDD-INDEX"]}}"#
        )
    }

    fn brand(name: &str, ingredient: &str) -> String {
        format!(
            r#"{{"name": "{name}", "ingredients": ["{ingredient}"], "jurisdictions": ["us"], "sources": ["WHO-ATC-DDD-INDEX"]}}"#
        )
    }

    /// The embedded data plus `extra.json`: the error, or "ok".
    fn load_with(extra: &str) -> String {
        let mut files = KnowledgeBase::embedded_files().to_vec();
        files.push(("extra.json", extra));
        match KnowledgeBase::from_json_files(files) {
            Ok(_) => String::from("ok"),
            Err(e) => e.to_string(),
        }
    }

    /// Which clash is reported, and against what: the earliest second use of a folded
    /// name (then of a look-alike) in the order of the sorted vocabulary (medicines by
    /// id, then brands by name), against the use just before it.
    #[test]
    fn clashes_name_the_earliest_second_use() {
        const UNIQUE: &str = "names and aliases must be unique across all entities (ignoring case, spaces, hyphens and underscores)";
        const ALIKE: &str = "names and aliases of different entities must not look alike";
        let cases = [
            (
                format!(
                    r#"{{"medicines": [{}]}}"#,
                    medicine("zz_a", "diazepam", &[])
                ),
                format!(
                    "extra.json: record medicine zz_a, field `name`: `diazepam` is already a name or alias of medicine diazepam; {UNIQUE}"
                ),
            ),
            (
                format!(
                    r#"{{"medicines": [{}]}}"#,
                    medicine("aa_first", "diazepam", &[])
                ),
                format!(
                    "data/medicines.json: record medicine diazepam, field `name`: `diazepam` is already a name or alias of medicine aa_first; {UNIQUE}"
                ),
            ),
            (
                format!(r#"{{"brands": [{}]}}"#, brand("Lorazepam", "lorazepam")),
                format!(
                    "extra.json: record brand Lorazepam, field `name`: `Lorazepam` is already a name or alias of medicine lorazepam; {UNIQUE}"
                ),
            ),
            (
                format!(
                    r#"{{"medicines": [{}, {}]}}"#,
                    medicine("zz_f", "qux name", &["qux-name"]),
                    medicine("zz_g", "qux_name", &[])
                ),
                format!(
                    "extra.json: record medicine zz_f, field `aliases`: `qux-name` is already a name or alias of medicine zz_f; {UNIQUE}"
                ),
            ),
            (
                format!(
                    r#"{{"medicines": [{}]}}"#,
                    medicine("zz_b", "diazeparn", &[])
                ),
                format!(
                    "extra.json: record medicine zz_b, field `name`: `diazeparn` can be mistaken for medicine diazepam (`diazepam`); {ALIKE}"
                ),
            ),
            (
                format!(
                    r#"{{"medicines": [{}]}}"#,
                    medicine("aa_b", "diazeparn", &[])
                ),
                format!(
                    "data/medicines.json: record medicine diazepam, field `name`: `diazepam` can be mistaken for medicine aa_b (`diazeparn`); {ALIKE}"
                ),
            ),
            (
                format!(
                    r#"{{"brands": [{}, {}]}}"#,
                    brand("Zorbax", "lorazepam"),
                    brand("Z0rbax", "diazepam")
                ),
                format!(
                    "extra.json: record brand Zorbax, field `name`: `Zorbax` can be mistaken for brand Z0rbax (`Z0rbax`); {ALIKE}"
                ),
            ),
            (
                format!(r#"{{"medicines": [{}]}}"#, medicine("zz_e", "---", &[])),
                String::from(
                    "extra.json: record medicine zz_e, field `name`: `---` is empty or longer than 96 bytes; expected a name of 1 to 96 bytes",
                ),
            ),
            // Look-alike names of one medicine are allowed.
            (
                format!(
                    r#"{{"medicines": [{}]}}"#,
                    medicine("zz_c", "foo test", &["f0o test"])
                ),
                String::from("ok"),
            ),
        ];
        for (extra, expected) in cases {
            assert_eq!(load_with(&extra), expected, "{extra}");
        }
    }
}
