//! The medicine vocabulary at load: the checks of each medicine and brand, and the
//! index of their names.
//!
//! Unlike the named entities, the vocabulary has no per-record alias cap: a formulary
//! may know a medicine by many names. Every name must still be unique once folded, and
//! must not look like another medicine's name (UTS #39 confusable skeletons).

use strum::{EnumCount, IntoEnumIterator};

use crate::model::{BrandRecord, Interactant, MedicineRecord, MembershipBasis};
use crate::text::{MAX_NAME_BYTES, echo};

use super::LoadError;
use super::check::{Checker, Field, Label};
use super::files::Draft;
use super::index::medicines::{BrandIngredients, MedicineIndex, MedicineKey};
use super::index::names::NameIndex;
use super::order::{Sorted, sort_by_text};
use super::sets::{FastMap, SourceIds};
use super::unique::Names;

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

/// The medicines and brands, sorted (medicines by id, brands by name).
struct Vocabulary {
    medicines: Sorted<MedicineRecord>,
    brands: Sorted<BrandRecord>,
}

/// Takes the medicines and brands out of the draft, sorted (medicines by id, brands by
/// name), and builds their index. Errors: a name that folds to nothing or is too long,
/// two records sharing a folded name, names that look alike.
pub(super) fn take_vocabulary(
    draft: &mut Draft,
    ingredients: &Ingredients,
) -> Result<(Vec<MedicineRecord>, Vec<BrandRecord>, MedicineIndex), LoadError> {
    let v = Vocabulary {
        medicines: sort_by_text(std::mem::take(&mut draft.medicines), MedicineRecord::id),
        brands: sort_by_text(std::mem::take(&mut draft.brands), BrandRecord::name),
    };
    let names = name_index(draft, &v)?;
    let brand_ingredients = brand_ingredients(ingredients, &v.medicines.order, &v.brands.order);
    let medicines = v.medicines.records;
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
        brand_ingredients,
    };
    Ok((medicines, v.brands.records, index))
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

/// The record a vocabulary name belongs to, as errors name it.
fn record_name(v: &Vocabulary, target: MedicineKey) -> String {
    let name = match target {
        MedicineKey::Ingredient(i) => v
            .medicines
            .records
            .get(i as usize)
            .map(|m| format!("medicine {}", m.id())),
        MedicineKey::Brand(i) => v
            .brands
            .records
            .get(i as usize)
            .map(|b| format!("brand {}", b.name())),
    };
    echo(&name.unwrap_or_default()).to_string()
}

/// Every name, alias and brand name, in order of appearance (sorted medicines, then
/// sorted brands), checked: unique once folded, not alike; and their index.
fn name_index(draft: &Draft, v: &Vocabulary) -> Result<NameIndex<MedicineKey>, LoadError> {
    let medicines = &v.medicines;
    let ingredients = (0u32..)
        .zip(medicines.records.iter().zip(&medicines.files))
        .flat_map(|(i, (m, file))| {
            std::iter::once(("name", m.name()))
                .chain(m.aliases().iter().map(|a| ("aliases", a.as_str())))
                .map(move |(field, text)| (*file, MedicineKey::Ingredient(i), field, text))
        });
    let brands = (0u32..)
        .zip(v.brands.records.iter().zip(&v.brands.files))
        .map(|(i, (b, file))| (*file, MedicineKey::Brand(i), "name", b.name()));
    let count = v.brands.records.len()
        + medicines
            .records
            .iter()
            .map(|m| 1 + m.aliases().len())
            .sum::<usize>();
    let mut names = Names::with_capacity(count);
    for (file, target, field, text) in ingredients.chain(brands) {
        if let Err(name) = names.push(Names::name(file, target, field, text)) {
            let c = Checker::new(draft.file(name.file), record_name(v, name.value), None);
            return Err(c.name_length(name.field, name.text));
        }
    }
    let index = names
        .index()
        .map_err(|(first, second)| LoadError::AliasConflict {
            file: draft.file(second.file).to_owned(),
            record: record_name(v, second.value),
            field: second.field.to_owned(),
            alias: second.text.to_owned(),
            other: record_name(v, first.value),
        })?;
    if let Some((first, second)) = names.lookalike(|a, b| a == b) {
        return Err(LoadError::Confusable {
            file: draft.file(second.file).to_owned(),
            record: record_name(v, second.value),
            field: second.field.to_owned(),
            name: second.text.to_owned(),
            other: format!("{} (`{}`)", record_name(v, first.value), echo(first.text)),
        });
    }
    Ok(index)
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
