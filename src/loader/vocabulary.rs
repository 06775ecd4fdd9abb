//! The medicine vocabulary at load: the checks of each medicine and brand, and the
//! index of their names.
//!
//! Unlike the named entities, the vocabulary has no per-record alias cap: a formulary
//! may know a medicine by many names. Every name must still be unique once folded, and
//! must not look like another medicine's name (UTS #39 confusable skeletons).

use strum::{EnumCount, IntoEnumIterator};

use crate::model::{BrandRecord, Interactant, MedicineRecord, MembershipBasis};
use crate::text::{MAX_NAME_BYTES, echo, folded_key};

use super::LoadError;
use super::check::{Checker, FastMap, Field, Label, SourceIds};
use super::files::Draft;
use super::index::medicines::{MedicineIndex, MedicineKey};
use super::index::names::NameIndex;

/// Checks every medicine and brand of the draft: ids, text, codes, memberships,
/// ingredients, jurisdictions and sources.
pub(super) fn check_vocabulary(draft: &Draft, ids: &SourceIds<'_>) -> Result<(), LoadError> {
    let mut known: FastMap<&str, usize> = FastMap::default();
    for (file, m) in &draft.medicines {
        let label = |f: &mut std::fmt::Formatter<'_>| write!(f, "medicine {}", echo(m.id()));
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
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
        let label = |f: &mut std::fmt::Formatter<'_>| write!(f, "brand {}", echo(b.name()));
        let c = Checker::new(draft.file(*file), &label as &Label<'_>, Some(ids));
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

/// One folded name of the vocabulary, with where it comes from (for errors). Its
/// place in the list of keys is its order of appearance.
struct Keyed<'a> {
    key: Box<str>,
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
) -> Result<(Vec<MedicineRecord>, Vec<BrandRecord>, MedicineIndex), LoadError> {
    sort_records(&mut draft.medicines, MedicineRecord::id);
    sort_records(&mut draft.brands, BrandRecord::name);
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

/// Sorts records stably by a text key, moving each record once: the records are
/// large, and an in-place sort would move each about log n times.
fn sort_records<T>(records: &mut Vec<(usize, T)>, key: impl Fn(&T) -> &str) {
    let mut order: Vec<(&str, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, (_, r))| (key(r), i))
        .collect();
    if order.is_sorted() {
        return;
    }
    // (key, position) pairs are distinct, so an unstable sort keeps data order.
    order.sort_unstable();
    let order: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    let mut slots: Vec<Option<(usize, T)>> =
        std::mem::take(records).into_iter().map(Some).collect();
    *records = order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect();
}

/// The record a vocabulary key belongs to, as errors name it.
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

/// Every folded name, alias and brand name, in data order.
fn keys(draft: &Draft) -> Result<Vec<Keyed<'_>>, LoadError> {
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
    let mut keyed = Vec::with_capacity(count);
    for (file, target, field, text) in ingredients.chain(brands) {
        let Some(key) = folded_key(text) else {
            let c = Checker::new(draft.file(file), record_name(draft, target), None);
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
            file,
            target,
            field,
            text,
        });
    }
    Ok(keyed)
}

/// Two records may not share a folded name, nor have names that look alike. Of all
/// clashes, the one reported is the one a reader meets first: the earliest second use
/// of a name (then of a look-alike), against the use just before it.
fn check_clashes(draft: &Draft, keyed: &[Keyed<'_>]) -> Result<(), LoadError> {
    let mut seen: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(keyed.len(), Default::default());
    for (seq, second) in keyed.iter().enumerate() {
        let Some(first) = seen.insert(&second.key, seq).and_then(|i| keyed.get(i)) else {
            continue;
        };
        return Err(LoadError::AliasConflict {
            file: draft.file(second.file).to_owned(),
            record: record_name(draft, second.target),
            field: second.field.to_owned(),
            alias: second.text.to_owned(),
            other: record_name(draft, first.target),
        });
    }
    // The skeletons, one after the other in one buffer.
    let mut skeletons = Vec::with_capacity(keyed.len() * 16);
    let mut ends: Vec<Option<usize>> = Vec::with_capacity(keyed.len());
    for k in keyed {
        let pushed = crate::text::push_confusable_key(k.text, &mut skeletons);
        ends.push(pushed.then_some(skeletons.len()));
    }
    let mut last: FastMap<&[u8], usize> =
        FastMap::with_capacity_and_hasher(keyed.len(), Default::default());
    let mut start = 0;
    for (seq, (second, end)) in keyed.iter().zip(ends).enumerate() {
        let Some(end) = end else { continue };
        let skeleton = skeletons.get(start..end).unwrap_or_default();
        start = end;
        let Some(first) = last.insert(skeleton, seq).and_then(|i| keyed.get(i)) else {
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
