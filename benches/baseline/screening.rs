//! The hand-written reference for screening: what an app writes without the crate's
//! vocabulary (issue 12 began with a user's own 27-entry table). A sorted `static`
//! table of lowercase names to the label's interactant classes, resolved by binary
//! search after lowercasing into a stack buffer, and the agent's interactions as a
//! `static` list. No folding beyond ASCII case, no suggestions, no criteria: it bounds
//! from below what matching a medicine list against the labels can cost.

use ketamine_therapy::{Agent, Interactant, KnowledgeBase, Route, model::Patient};

/// The medicine list screened: 20 names as a patient or clinic types them (brands and
/// ingredients, mixed case), every one known to the data.
pub static MEDICINES_20: [&str; 20] = [
    "Xanax",
    "sertraline",
    "Adderall",
    "tramadol",
    "phenelzine",
    "Ativan",
    "Lexapro",
    "lamotrigine",
    "quetiapine",
    "gabapentin",
    "zolpidem",
    "Suboxone",
    "lithium",
    "bupropion",
    "oxycodone",
    "Vyvanse",
    "clonazepam",
    "venlafaxine",
    "Seroquel",
    "Lyrica",
];

/// The same list with two names misspelled, so that two lookups miss and rank
/// suggestions.
pub static MEDICINES_20_TYPOS: [&str; 20] = {
    let mut list = MEDICINES_20;
    list[5] = "lorazapam";
    list[19] = "pregabaline";
    list
};

const CNS: &[Interactant] = &[Interactant::CnsDepressants];
const STIM: &[Interactant] = &[Interactant::Psychostimulants];
const MAOI: &[Interactant] = &[Interactant::Maois];
const NONE: &[Interactant] = &[];

/// REFERENCE ONLY: a user's table, lowercase name -> interactant classes, sorted by
/// name for binary search.
pub static TABLE: [(&str, &[Interactant]); 20] = [
    ("adderall", STIM),
    ("ativan", CNS),
    ("bupropion", NONE),
    ("clonazepam", CNS),
    ("gabapentin", CNS),
    ("lamotrigine", NONE),
    ("lexapro", NONE),
    ("lithium", NONE),
    ("lyrica", CNS),
    ("oxycodone", CNS),
    ("phenelzine", MAOI),
    ("quetiapine", CNS),
    ("seroquel", CNS),
    ("sertraline", NONE),
    ("suboxone", CNS),
    ("tramadol", CNS),
    ("venlafaxine", NONE),
    ("vyvanse", STIM),
    ("xanax", CNS),
    ("zolpidem", CNS),
];

/// REFERENCE ONLY: esketamine's label interactions, one per class, in label order.
pub static ESKETAMINE_INTERACTIONS: [Interactant; 3] = [
    Interactant::CnsDepressants,
    Interactant::Psychostimulants,
    Interactant::Maois,
];

/// The hand-written screening: for each name, the classes it belongs to; the answer
/// is, for each of the agent's interactions, how many of the names matched it.
pub fn hand_screen(names: &[&str]) -> [usize; 3] {
    let mut hits = [0usize; 3];
    let mut buf = [0u8; 64];
    for name in names {
        let name = name.trim();
        let Some(dst) = buf.get_mut(..name.len()) else {
            continue;
        };
        dst.copy_from_slice(name.as_bytes());
        dst.make_ascii_lowercase();
        let Ok(key) = std::str::from_utf8(dst) else {
            continue;
        };
        let Ok(i) = TABLE.binary_search_by(|(n, _)| (*n).cmp(key)) else {
            continue;
        };
        for class in TABLE[i].1 {
            if let Some(j) = ESKETAMINE_INTERACTIONS.iter().position(|c| c == class) {
                hits[j] += 1;
            }
        }
    }
    hits
}

/// The crate's answer to the same question, from a full screening.
pub fn crate_screen(kb: &KnowledgeBase, names: &[&str]) -> [usize; 3] {
    let s = kb
        .screen(Agent::Esketamine, Route::Intranasal, &Patient::new(), names)
        .expect("20 names are within bounds");
    let mut hits = [0usize; 3];
    for outcome in s.medicines() {
        if let ketamine_therapy::query::MedicineOutcome::Resolved { medicine, .. } = outcome {
            for class in medicine.interactants() {
                if let Some(j) = ESKETAMINE_INTERACTIONS.iter().position(|c| *c == class) {
                    hits[j] += 1;
                }
            }
        }
    }
    hits
}

/// The table answers as the crate does, and the table's classes are the data's.
pub fn check(kb: &KnowledgeBase) {
    let stale = "benches/baseline/screening.rs is stale; update it from data/";
    assert!(
        TABLE.windows(2).all(|w| w[0].0 < w[1].0),
        "TABLE must stay sorted"
    );
    for (name, classes) in &TABLE {
        let found: Vec<Interactant> = kb
            .medicine(name)
            .unwrap_or_else(|e| panic!("{stale}: {e}"))
            .interactants()
            .collect();
        assert_eq!(&found[..], *classes, "{stale}: {name}");
    }
    let labelled: Vec<Interactant> = kb
        .interactions(Agent::Esketamine)
        .map(|i| i.interactant())
        .collect();
    assert_eq!(&labelled[..], &ESKETAMINE_INTERACTIONS[..], "{stale}");
    assert_eq!(hand_screen(&MEDICINES_20), crate_screen(kb, &MEDICINES_20));
}
