//! Merging an overlay into a draft of an existing knowledge base.

use crate::loader::LoadError;
use crate::model::{
    Agent, Benefit, Condition, ConditionGroup, Entity, Frequency, MAX_ALIASES, Risk, Route,
};
use crate::text::{confusable_key, echo, folded_key};
use std::collections::HashMap;

use super::check::{Checker, Field, check_frequency, check_frequency_scope};
use super::files::{AliasAddition, Draft, OverlayFile, RiskFrequency, tagged};
use super::sets::SourceIds;
use crate::text::MAX_NAME_BYTES;

/// The entity an overlay alias names, if its kind and id exist.
fn resolve_entity(kind: &str, id: &str) -> Option<Entity> {
    fn find<E: Copy + Into<Entity>, const N: usize>(all: [E; N], id: &str) -> Option<Entity> {
        all.into_iter()
            .map(Into::into)
            .find(|e: &Entity| e.id() == id)
    }
    match kind {
        "agent" => find(Agent::ALL, id),
        "route" => find(Route::ALL, id),
        "group" => find(ConditionGroup::ALL, id),
        "condition" => find(Condition::ALL, id),
        "benefit" => find(Benefit::ALL, id),
        "risk" => find(Risk::ALL, id),
        "interactant" => find(crate::Interactant::ALL, id),
        _ => None,
    }
}

/// Merges an overlay into a draft, refusing silent redefinitions. What the overlay adds
/// to existing records (risk frequencies, aliases) is checked here, where the overlay
/// file and entry are known; everything else is checked by
/// [`build`](super::build::build) like any data.
pub(super) fn apply_overlay(
    draft: &mut Draft,
    file: &str,
    overlay: OverlayFile,
) -> Result<(), LoadError> {
    let f = draft.files.len();
    draft.files.push(file.to_owned());
    let OverlayFile {
        sources,
        indications,
        contraindications,
        monitoring,
        interactions,
        populations,
        dosing,
        medicines,
        brands,
        risk_frequencies,
        aliases,
        replaces,
    } = overlay;
    let mut replaced = vec![false; replaces.len()];
    // The first position of each key; a repeated key is reported as replacing nothing.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(replaces.len());
    for (i, key) in replaces.iter().enumerate() {
        first.entry(key.as_str()).or_insert(i);
    }
    let mut allow = |key: &str| match first.get(key).copied() {
        Some(i) => {
            if let Some(flag) = replaced.get_mut(i) {
                *flag = true;
            }
            true
        }
        None => false,
    };
    merge_sources(draft, f, file, sources, &mut allow)?;
    merge_indications(draft, f, file, indications, &mut allow)?;
    draft.contraindications.extend(tagged(f, contraindications));
    draft.monitoring.extend(tagged(f, monitoring));
    draft.interactions.extend(tagged(f, interactions));
    draft.populations.extend(tagged(f, populations));
    draft.regimens.extend(tagged(f, dosing));
    merge_vocabulary(draft, f, file, medicines, brands, &mut allow)?;
    add_risk_frequencies(draft, file, risk_frequencies)?;
    let (medicine_aliases, aliases): (Vec<_>, Vec<_>) =
        aliases.into_iter().partition(|a| a.entity == "medicine");
    add_aliases(draft, file, aliases)?;
    add_medicine_aliases(draft, file, medicine_aliases)?;
    if let Some(i) = replaced.iter().position(|used| !used) {
        let key = replaces.get(i).cloned().unwrap_or_default();
        return Err(LoadError::Invalid {
            file: file.to_owned(),
            record: String::from("`replaces`"),
            field: format!("replaces[{i}]"),
            message: format!(
                "`{}` names no record that this overlay redefines",
                echo(&key)
            ),
            expected: String::from(
                "\"source:ID\", \"indication:condition/agent/route\", \"medicine:ID\" or \"brand:NAME\" of a record the overlay also defines",
            ),
        });
    }
    Ok(())
}

/// Adds the overlay's sources (file index `f`); `allow` says whether a key is replaced.
fn merge_sources(
    draft: &mut Draft,
    f: usize,
    file: &str,
    sources: Vec<crate::Source>,
    allow: &mut impl FnMut(&str) -> bool,
) -> Result<(), LoadError> {
    let keys = Keys {
        key: |s: &crate::Source| s.id().to_owned(),
        record: |s: &crate::Source| s.id().to_owned(),
        replace: |s: &crate::Source| format!("source:{}", s.id()),
    };
    merge(&mut draft.sources, f, file, sources, &keys, allow)
}

/// Adds the overlay's indications, as [`merge_sources`] adds sources.
fn merge_indications(
    draft: &mut Draft,
    f: usize,
    file: &str,
    indications: Vec<crate::Indication>,
    allow: &mut impl FnMut(&str) -> bool,
) -> Result<(), LoadError> {
    let keys = Keys {
        key: crate::Indication::triple,
        record: crate::Indication::key,
        replace: |i: &crate::Indication| format!("indication:{}", i.key()),
    };
    merge(&mut draft.indications, f, file, indications, &keys, allow)
}

/// Adds the overlay's medicines and brands (local formulary names), as
/// [`merge_sources`] adds sources: `"medicine:ID"` and `"brand:NAME"` replace.
fn merge_vocabulary(
    draft: &mut Draft,
    f: usize,
    file: &str,
    medicines: Vec<crate::model::MedicineRecord>,
    brands: Vec<crate::model::BrandRecord>,
    allow: &mut impl FnMut(&str) -> bool,
) -> Result<(), LoadError> {
    let keys = Keys {
        key: |m: &crate::model::MedicineRecord| m.id().to_owned(),
        record: |m: &crate::model::MedicineRecord| format!("medicine {}", m.id()),
        replace: |m: &crate::model::MedicineRecord| format!("medicine:{}", m.id()),
    };
    merge(&mut draft.medicines, f, file, medicines, &keys, allow)?;
    let keys = Keys {
        key: |b: &crate::model::BrandRecord| folded_key(b.name()),
        record: |b: &crate::model::BrandRecord| format!("brand {}", b.name()),
        replace: |b: &crate::model::BrandRecord| format!("brand:{}", b.name()),
    };
    merge(&mut draft.brands, f, file, brands, &keys, allow)
}

/// The vocabulary's names, folded (to the record that holds each, for a clash), and
/// their look-alike keys (to the medicine and its name).
fn vocabulary_names(draft: &Draft) -> (TakenNames, LookalikeNames) {
    let names = |m: &crate::model::MedicineRecord| {
        std::iter::once(m.name().to_owned())
            .chain(m.aliases().iter().cloned())
            .collect::<Vec<_>>()
    };
    let mut taken = HashMap::new();
    let mut lookalikes = HashMap::new();
    for (_, m) in &draft.medicines {
        for name in names(m) {
            if let Some(k) = folded_key(&name) {
                taken.insert(k, format!("medicine `{}`", m.id()));
            }
            if let Some(k) = confusable_key(&name) {
                lookalikes.insert(k, (m.id().to_owned(), name));
            }
        }
    }
    for (_, b) in &draft.brands {
        if let Some(k) = folded_key(b.name()) {
            taken.insert(k, format!("brand `{}`", b.name()));
        }
    }
    (taken, lookalikes)
}

/// Folded names of the vocabulary, each to the record that holds it.
type TakenNames = HashMap<Box<str>, String>;
/// Look-alike keys of medicine names, each to the medicine's id and the name.
type LookalikeNames = HashMap<Box<str>, (String, String)>;

/// Adds local names to existing medicines. The name must be new to the whole
/// vocabulary and must not look like another medicine's name; there is no cap per
/// medicine.
fn add_medicine_aliases(
    draft: &mut Draft,
    file: &str,
    aliases: Vec<AliasAddition>,
) -> Result<(), LoadError> {
    if aliases.is_empty() {
        return Ok(());
    }
    let (mut taken, lookalikes) = vocabulary_names(draft);
    for (n, addition) in aliases.into_iter().enumerate() {
        let record = format!("aliases[{n}]");
        let c = Checker::new(file, record.clone(), None);
        let key = alias_key(&c, &addition.alias)?;
        if let Some(other) = taken.get(&key) {
            return Err(LoadError::AliasConflict {
                file: file.to_owned(),
                record,
                field: String::from("alias"),
                alias: addition.alias,
                other: other.clone(),
            });
        }
        if let Some((other, text)) = confusable_key(&addition.alias)
            .and_then(|look| lookalikes.get(&look))
            .filter(|(other, _)| *other != addition.id)
        {
            return Err(LoadError::Confusable {
                file: file.to_owned(),
                record,
                field: String::from("alias"),
                name: addition.alias,
                other: format!("medicine `{other}` (`{text}`)"),
            });
        }
        let Some((_, target)) = draft
            .medicines
            .iter_mut()
            .find(|(_, m)| m.id() == addition.id)
        else {
            return Err(c.invalid(
                "id",
                format!("no medicine has the id `{}`", echo(&addition.id)),
                "the id of a medicine of the vocabulary, such as \"lorazepam\"",
            ));
        };
        taken.insert(key, format!("medicine `{}`", target.id()));
        target.aliases_mut().push(addition.alias);
    }
    Ok(())
}

/// How [`merge`] names a record: its identity, its name in errors, its `replaces` key.
struct Keys<K, R, P> {
    key: K,
    record: R,
    replace: P,
}

/// Appends `items` (from file `f`) to `list`: an item whose key is already in `list`
/// replaces it if `allow`ed, and is an error otherwise. Hashed, so that an overlay of
/// many records costs linear time, not quadratic.
fn merge<T, K: std::hash::Hash + Eq>(
    list: &mut Vec<(usize, T)>,
    f: usize,
    file: &str,
    items: Vec<T>,
    keys: &Keys<impl Fn(&T) -> K, impl Fn(&T) -> String, impl Fn(&T) -> String>,
    allow: &mut impl FnMut(&str) -> bool,
) -> Result<(), LoadError> {
    let mut at: HashMap<K, usize> = list
        .iter()
        .enumerate()
        .map(|(i, (_, item))| ((keys.key)(item), i))
        .collect();
    let mut removed = vec![false; list.len()];
    for item in items {
        let key = (keys.key)(&item);
        if let Some(&i) = at.get(&key) {
            let origin = list.get(i).map_or(f, |(origin, _)| *origin);
            let replace = (keys.replace)(&item);
            if origin == f {
                return Err(duplicate(file, &(keys.record)(&item), file));
            }
            if !allow(&replace) {
                return Err(redefinition(file, &(keys.record)(&item), replace));
            }
            if let Some(flag) = removed.get_mut(i) {
                *flag = true;
            }
        }
        at.insert(key, list.len());
        list.push((f, item));
        removed.push(false);
    }
    let mut flags = removed.into_iter();
    list.retain(|_| !flags.next().unwrap_or(false));
    Ok(())
}

/// Checks each added frequency against its risk and agent, then adds them all.
fn add_risk_frequencies(
    draft: &mut Draft,
    file: &str,
    risk_frequencies: Vec<RiskFrequency>,
) -> Result<(), LoadError> {
    let ids = SourceIds::from_ids(draft.sources.iter().map(|(_, s)| s.id()));
    let mut additions = Vec::with_capacity(risk_frequencies.len());
    for (n, extra) in risk_frequencies.into_iter().enumerate() {
        let c = Checker::new(
            file,
            format!("risk_frequencies[{n}] ({})", extra.risk.id()),
            Some(&ids),
        );
        let frequency = Frequency::new(
            (extra.agent, extra.route),
            extra.percent,
            extra.context,
            extra.sources,
        )
        .with_extras(extra.placebo_percent, extra.study, extra.superseded_by);
        check_frequency(&c, Field::from(""), &frequency)?;
        let agent = draft
            .agents
            .iter()
            .map(|(_, a)| a)
            .find(|a| a.id() == extra.agent);
        if let Some(agent) = agent {
            c.route_for_agent("route", agent, extra.route)?;
        }
        if let Some((_, risk)) = draft.risks.iter().find(|(_, r)| r.id() == extra.risk) {
            check_frequency_scope(&c, Field::from(""), risk, &frequency)?;
        }
        additions.push((extra.risk, frequency));
    }
    drop(ids);
    for (risk, frequency) in additions {
        if let Some((_, record)) = draft.risks.iter_mut().find(|(_, r)| r.id() == risk) {
            record.push_frequency(frequency);
        }
    }
    Ok(())
}

/// Adds aliases to existing entities, refusing one that folds to a taken name.
fn add_aliases(
    draft: &mut Draft,
    file: &str,
    aliases: Vec<AliasAddition>,
) -> Result<(), LoadError> {
    let mut taken = draft.name_keys();
    let mut lookalikes = draft.confusable_keys();
    for (n, addition) in aliases.into_iter().enumerate() {
        let record = format!("aliases[{n}]");
        let c = Checker::new(file, record.clone(), None);
        let Some(entity) = resolve_entity(&addition.entity, &addition.id) else {
            return Err(unknown_entity(&c, &addition));
        };
        let key = alias_key(&c, &addition.alias)?;
        if let Some(other) = taken.get(&key) {
            return Err(LoadError::AliasConflict {
                file: file.to_owned(),
                record,
                field: String::from("alias"),
                alias: addition.alias,
                other: format!("{} `{}`", other.kind(), other.id()),
            });
        }
        if let Some(look) = confusable_key(&addition.alias) {
            match lookalikes.get(&look) {
                Some((other, text)) if *other != entity => {
                    return Err(LoadError::Confusable {
                        file: file.to_owned(),
                        record,
                        field: String::from("alias"),
                        name: addition.alias,
                        other: format!("{} `{}` (`{text}`)", other.kind(), other.id()),
                    });
                }
                _ => {
                    lookalikes.insert(look, (entity, addition.alias.clone()));
                }
            }
        }
        taken.insert(key, entity);
        if let Some(target) = draft.named_mut(entity) {
            if target.alias_list().len() >= MAX_ALIASES {
                return Err(c.invalid(
                    "alias",
                    format!(
                        "{} `{}` already has {MAX_ALIASES} aliases",
                        entity.kind(),
                        entity.id()
                    ),
                    &format!("at most {MAX_ALIASES} aliases per entity"),
                ));
            }
            target.alias_list_mut().push(addition.alias);
        }
    }
    Ok(())
}

/// An alias's folded key, after checking its text.
fn alias_key(c: &Checker<'_>, alias: &str) -> Result<Box<str>, LoadError> {
    c.text("alias", alias)?;
    folded_key(alias).ok_or_else(|| {
        c.invalid(
            "alias",
            format!("`{}` is longer than {MAX_NAME_BYTES} bytes", echo(alias)),
            &format!("an alias of 1 to {MAX_NAME_BYTES} bytes"),
        )
    })
}

/// The error for an alias addition whose entity kind or id is unknown (naming the
/// kind when it is not one of the kinds).
fn unknown_entity(c: &Checker<'_>, addition: &AliasAddition) -> LoadError {
    const KINDS: [&str; 7] = [
        "agent",
        "route",
        "group",
        "condition",
        "benefit",
        "risk",
        "interactant",
    ];
    let field = if resolve_entity(&addition.entity, "").is_none()
        && !KINDS.contains(&addition.entity.as_str())
    {
        "entity"
    } else {
        "id"
    };
    c.invalid(
        field,
        format!(
            "no {} has the id `{}`",
            echo(&addition.entity),
            echo(&addition.id)
        ),
        "`entity` one of agent, route, group, condition, benefit, risk, interactant, and `id` \
         a snake-case id of that kind, such as \"intravenous\"",
    )
}

fn duplicate(file: &str, record: &str, first_file: &str) -> LoadError {
    LoadError::DuplicateRecord {
        file: file.to_owned(),
        record: record.to_owned(),
        first_file: first_file.to_owned(),
    }
}

fn redefinition(file: &str, record: &str, key: String) -> LoadError {
    LoadError::Redefinition {
        file: file.to_owned(),
        record: record.to_owned(),
        key,
    }
}
