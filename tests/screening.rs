//! Screening and the medicine vocabulary: whole-table invariants, the label-anchored
//! interactions a clinic checks, and properties (more facts or more medicines never
//! remove a finding; the output is deterministic; no input panics).

use std::collections::BTreeSet;

use ketamine_therapy::model::{
    BloodPressure, ChildPugh, Criterion, History, InteractionEffect, MembershipBasis, Patient,
    Standing,
};
use ketamine_therapy::query::{Item, Matched, MedicineOutcome, ScreenError, Screening};
use ketamine_therapy::{Agent, Interactant, KnowledgeBase, Route, Sourced};
use proptest::prelude::*;
use strum::IntoEnumIterator;

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

/// Every route the agent is given by, for each agent.
fn pairs() -> Vec<(Agent, Route)> {
    Agent::iter()
        .flat_map(|a| {
            kb().agent(a)
                .routes()
                .iter()
                .map(move |r| (a, r.route()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_brand_maps_to_medicines_and_every_membership_is_sourced() {
    let kb = kb();
    for b in kb.brands() {
        assert!(!b.ingredients().is_empty(), "{}", b.name());
        for id in b.ingredients() {
            assert!(kb.medicine_by_id(id).is_some(), "{}: {id}", b.name());
        }
        assert!(!b.jurisdictions().is_empty(), "{}", b.name());
        // A brand resolves to itself and its ingredients.
        let m = kb.medicine(b.name()).expect("a brand resolves by name");
        assert_eq!(m.brand().map(|x| x.name()), Some(b.name()));
        let got: Vec<&str> = m.ingredients().map(|i| i.id()).collect();
        let want: Vec<&str> = b.ingredients().iter().map(String::as_str).collect();
        assert_eq!(got, want, "{}", b.name());
    }
    for m in kb.medicines() {
        assert_eq!(kb.medicine(m.name()).expect("name").name(), m.name());
        for alias in m.aliases() {
            assert_eq!(kb.medicine(alias).expect("alias").name(), m.name());
        }
        for c in m.classes() {
            assert!(!c.sources().is_empty(), "{}", m.id());
            for id in c.sources() {
                assert!(kb.source(id).is_some(), "{}: {id}", m.id());
            }
            if c.basis() == MembershipBasis::Judgement {
                assert!(c.note().is_some(), "{}: a judgement says whose", m.id());
            }
        }
    }
}

#[test]
fn no_interactant_class_without_members_and_every_label_example_resolves() {
    let kb = kb();
    for x in Interactant::iter() {
        assert!(kb.members(x).next().is_some(), "{x} has no member medicine");
        let record = kb.interactant(x);
        for example in record.examples() {
            let m = kb
                .medicine(example)
                .unwrap_or_else(|e| panic!("{x}: the label's example `{example}`: {e}"));
            assert!(
                m.interactants().any(|i| i == x),
                "{x}: `{example}` resolves to {} outside the class",
                m.name()
            );
        }
        // Every medicine a label names for the class is a member.
        for m in kb.medicines() {
            for c in m.classes() {
                if c.basis() == MembershipBasis::NamedInLabel {
                    assert!(kb.members(c.interactant()).any(|x| x.id() == m.id()));
                }
            }
        }
    }
}

/// Interacting pairs the labels state, typed as people type the names: the second name
/// resolves, and the agent's interaction is flagged with its effect.
#[test]
fn label_anchored_pairs_are_flagged_with_their_effect() {
    use InteractionEffect::*;
    let cases: &[(Agent, &str, InteractionEffect)] = &[
        (
            Agent::RacemicKetamine,
            "theophylline",
            LoweredSeizureThreshold,
        ),
        (
            Agent::RacemicKetamine,
            "aminophylline",
            LoweredSeizureThreshold,
        ),
        (Agent::RacemicKetamine, "lorazepam", Sedation),
        (Agent::RacemicKetamine, "Ativan", RespiratoryDepression),
        (Agent::RacemicKetamine, "alcohol", Sedation),
        (Agent::RacemicKetamine, "oxycodone", RespiratoryDepression),
        (Agent::RacemicKetamine, "vasopressin", BloodPressureIncrease),
        (Agent::Esketamine, "alprazolam", Sedation),
        (Agent::Esketamine, "Xanax", Sedation),
        (Agent::Esketamine, "alcohol", Sedation),
        (Agent::Esketamine, "tramadol", Sedation),
        (Agent::Esketamine, "Suboxone", Sedation),
        (Agent::Esketamine, "amphetamine", BloodPressureIncrease),
        (Agent::Esketamine, "Adderall", BloodPressureIncrease),
        (Agent::Esketamine, "methylphenidate", BloodPressureIncrease),
        (Agent::Esketamine, "modafinil", BloodPressureIncrease),
        (Agent::Esketamine, "armodafinil", BloodPressureIncrease),
        (Agent::Esketamine, "phenelzine", BloodPressureIncrease),
        (Agent::Esketamine, "Nardil", BloodPressureIncrease),
        (Agent::Esketamine, "tranylcypromine", BloodPressureIncrease),
        (Agent::Esketamine, "selegiline", BloodPressureIncrease),
        // As medicine lists hold them: strengths, forms, salts, brackets, combinations.
        (Agent::Esketamine, "alprazolam 0.5 mg", Sedation),
        (Agent::Esketamine, "Xanax XR 1mg qhs", Sedation),
        (Agent::Esketamine, "Klonopin 0.5mg BID prn", Sedation),
        (Agent::Esketamine, "tramadol 50mg q6h prn", Sedation),
        (Agent::Esketamine, "zolpidem (Ambien) 10 mg", Sedation),
        (Agent::Esketamine, "fentanyl patch", Sedation),
        (Agent::Esketamine, "oxycodone/APAP 5/325", Sedation),
        (
            Agent::Esketamine,
            "hydrocodone bitartrate and acetaminophen",
            Sedation,
        ),
        (Agent::Esketamine, "buprenorphine-naloxone", Sedation),
        (Agent::Esketamine, "butalbital/APAP/caffeine", Sedation),
        (Agent::Esketamine, "Vyvanse 30mg", BloodPressureIncrease),
        (
            Agent::Esketamine,
            "dextroamphetamine-amphetamine",
            BloodPressureIncrease,
        ),
        (
            Agent::Esketamine,
            "mixed amphetamine salts",
            BloodPressureIncrease,
        ),
        (
            Agent::Esketamine,
            "methylphenidate ER 36 mg",
            BloodPressureIncrease,
        ),
        (
            Agent::Esketamine,
            "tranylcypromine sulfate",
            BloodPressureIncrease,
        ),
        (Agent::Esketamine, "selegiline patch", BloodPressureIncrease),
        (
            Agent::Esketamine,
            "PHENELZINE 15 MG TABLET",
            BloodPressureIncrease,
        ),
        (
            Agent::RacemicKetamine,
            "theophylline ER 300 mg",
            LoweredSeizureThreshold,
        ),
        (
            Agent::RacemicKetamine,
            "lorazepam 2 mg IV",
            RespiratoryDepression,
        ),
        // "with" for a brand's "W/", a product number, a rate, more forms and salts,
        // a counter-ion left out, a hyphenated combination with its form.
        (Agent::Esketamine, "Tylenol with codeine", Sedation),
        (Agent::Esketamine, "Tylenol w/ codeine #3", Sedation),
        (Agent::Esketamine, "Fioricet with codeine", Sedation),
        (Agent::Esketamine, "Tylenol w/codeine", Sedation),
        (Agent::Esketamine, "APAP w/codeine 300/30", Sedation),
        (Agent::Esketamine, "Emsam 6 mg/24 hr", BloodPressureIncrease),
        (Agent::Esketamine, "diazepam rectal gel", Sedation),
        (Agent::Esketamine, "hydroxyzine pamoate 25 mg", Sedation),
        (Agent::Esketamine, "clorazepate 7.5 mg", Sedation),
        (Agent::Esketamine, "promethazine-codeine syrup", Sedation),
    ];
    for &(agent, name, effect) in cases {
        let route = kb().agent(agent).routes()[0].route();
        let s = kb()
            .screen(agent, route, &Patient::new(), [name])
            .expect("screens");
        assert!(s.unresolved().next().is_none(), "{name} did not resolve");
        // The same answer through the vocabulary alone.
        let through = kb()
            .medicines_in(name)
            .expect("resolves")
            .flat_map(|m| m.interactions(agent).collect::<Vec<_>>())
            .any(|i| i.effects().contains(&effect));
        assert!(through, "{agent} + {name}: medicines_in misses {effect}");
        let flagged = s.findings().iter().any(|f| {
            matches!(f.item(), Item::Interaction(i) if i.effects().contains(&effect))
                && f.matched()
                    .iter()
                    .any(|m| matches!(m, Matched::Medicine { input, .. } if input == name))
        });
        assert!(flagged, "{agent} + {name}: no interaction with {effect}");
    }
}

/// The name within typed text is the medicine named alone, for every medicine and
/// brand of the data: what surrounds it never changes what it resolves to.
#[test]
fn every_name_resolves_the_same_with_a_strength_form_or_salt_around_it() {
    let mut names: Vec<&str> = kb().medicines().map(|m| m.name()).collect();
    names.extend(kb().brands().map(|b| b.name()));
    let mut checked = 0;
    for name in names {
        let Ok(alone) = kb().medicine(name) else {
            continue; // a name over the lookup bound
        };
        for typed in [
            format!("{name} 10 mg"),
            format!("{name} 0.5mg twice daily"),
            format!("{name} tablet"),
            format!("{name} ER 100 mg"),
            format!("{name} hydrochloride"),
            format!("{name} (as prescribed)"),
        ] {
            if typed.len() > ketamine_therapy::query::MAX_MEDICINE_BYTES {
                continue;
            }
            let got = kb()
                .medicine(&typed)
                .unwrap_or_else(|e| panic!("{typed:?}: {e}"));
            // A longer exact name wins over the stripped one ("Effexor XR"), but it is
            // never a medicine with different classes.
            let classes =
                |m: &ketamine_therapy::query::Medicine<'_>| m.interactants().collect::<Vec<_>>();
            assert_eq!(
                classes(&got),
                classes(&alone),
                "{typed:?} -> {got} vs {alone}"
            );
            checked += 1;
        }
    }
    assert!(checked > 5_000, "{checked}");
}

/// A product number ("#3") gives a combination's codeine content: it is passed over in
/// a name with codeine, and never read as a strength of a brand without it ("Fiorinal
/// #3" is Fiorinal with codeine, not Fiorinal), for every brand of the vocabulary.
#[test]
fn a_product_number_is_read_only_with_codeine() {
    let codeine =
        |m: &ketamine_therapy::query::Medicine<'_>| m.ingredients().any(|i| i.name() == "codeine");
    let mut with_codeine = 0;
    for brand in kb().brands() {
        let Ok(alone) = kb().medicine(brand.name()) else {
            continue;
        };
        for typed in [
            format!("{} #3", brand.name()),
            format!("{} no. 4", brand.name()),
        ] {
            if typed.len() > ketamine_therapy::query::MAX_MEDICINE_BYTES {
                continue;
            }
            match kb().medicine(&typed) {
                Ok(got) => {
                    assert!(codeine(&got), "{typed:?} -> {got}");
                    assert_eq!(got.name(), alone.name(), "{typed:?}");
                    with_codeine += 1;
                }
                // A codeine product whose name does not say so ("Ambenyl") is not fitted.
                Err(_) => assert!(
                    !brand.name().to_lowercase().contains("codeine"),
                    "{typed:?} should fit {alone}"
                ),
            }
        }
    }
    assert!(with_codeine >= 4, "{with_codeine}");
    for (typed, parts) in [
        ("acetaminophen-codeine #3", 2),
        ("APAP w/codeine #3", 2),
        ("Tylenol w/ codeine no. 3", 1),
    ] {
        let found: Vec<_> = kb().medicines_in(typed).expect(typed).collect();
        assert_eq!(found.len(), parts, "{typed}");
    }
    assert!(kb().medicines_in("buprenorphine-naloxone #3").is_err());
    assert!(kb().medicine("Fiorinal #3").is_err());
}

/// A leading counter-ion may be left out only when exactly one medicine fits: two
/// names of one medicine still resolve, names of two medicines resolve to neither.
/// (The overlay names are test inputs, not facts.)
#[test]
fn a_counter_ion_is_left_out_only_when_one_medicine_fits() {
    assert_eq!(
        kb().medicine("clorazepate").expect("one fits").name(),
        "potassium clorazepate"
    );
    let same = r#"{"aliases": [{"entity": "medicine", "id": "valproic_acid", "alias": "potassium valproate"}]}"#;
    let kb_same = KnowledgeBase::embedded()
        .with_overlay("same.json", same)
        .expect("loads");
    let got = kb_same
        .medicine("valproate")
        .expect("both names are one medicine");
    assert_eq!(
        got.name(),
        kb().medicine("sodium valproate").expect("known").name()
    );
    let two = r#"{"aliases": [{"entity": "medicine", "id": "diazepam", "alias": "magnesium clorazepate"}]}"#;
    let kb_two = KnowledgeBase::embedded()
        .with_overlay("two.json", two)
        .expect("loads");
    assert!(
        kb_two.medicine("clorazepate").is_err(),
        "two medicines fit: neither"
    );
}

#[test]
fn a_medicine_outside_every_class_says_none_is_documented() {
    let s = kb()
        .screen(
            Agent::Esketamine,
            Route::Intranasal,
            &Patient::new(),
            ["sertraline"],
        )
        .expect("screens");
    match &s.medicines()[0] {
        MedicineOutcome::Resolved {
            interactions,
            documented,
            ..
        } => {
            assert_eq!(*interactions, 0);
            assert!(documented.is_known(), "{documented}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn blood_pressure_and_child_pugh_compare_against_the_right_label() {
    // 165/100 is above the US 140/90 guide for esketamine; the Swiss 180/100 of
    // racemic ketamine is not reached.
    let p = Patient::new()
        .age(50)
        .blood_pressure(BloodPressure::new(165, 100));
    let esk = kb()
        .screen(Agent::Esketamine, Route::Intranasal, &p, [""; 0])
        .expect("screens");
    assert!(
        esk.findings()
            .iter()
            .any(|f| f.matched().iter().any(|m| matches!(
                m,
                Matched::Criterion(Criterion::BloodPressure {
                    systolic_above: Some(140),
                    ..
                })
            )))
    );
    let rac = kb()
        .screen(Agent::RacemicKetamine, Route::Intravenous, &p, [""; 0])
        .expect("screens");
    assert!(
        !rac.findings()
            .iter()
            .any(|f| f.matched().iter().any(|m| matches!(
                m,
                Matched::Criterion(Criterion::BloodPressure {
                    systolic_above: Some(180),
                    ..
                })
            )))
    );
    // Child-Pugh B shows the B statement, never the C one.
    let b = Patient::new().child_pugh(ChildPugh::B);
    let s = kb()
        .screen(Agent::Esketamine, Route::Intranasal, &b, [""; 0])
        .expect("screens");
    let classes: Vec<ChildPugh> = s
        .findings()
        .iter()
        .flat_map(|f| f.matched())
        .filter_map(|m| match m {
            Matched::Criterion(Criterion::ChildPugh { class }) => Some(*class),
            _ => None,
        })
        .collect();
    assert_eq!(classes, [ChildPugh::B]);
}

#[test]
fn every_list_is_most_serious_first_and_every_finding_is_sourced() {
    for (agent, route) in pairs() {
        let p = Patient::new()
            .age(30)
            .pregnant(true)
            .history(History::Psychosis);
        let s = kb()
            .screen(
                agent,
                route,
                &p,
                ["Xanax", "Adderall", "Nardil", "theophylline"],
            )
            .expect("screens");
        assert!(
            s.findings()
                .windows(2)
                .all(|w| w[0].standing() <= w[1].standing())
        );
        assert!(
            s.to_check()
                .windows(2)
                .all(|w| w[0].standing() <= w[1].standing())
        );
        for f in s.findings() {
            assert!(!f.sources().is_empty());
            assert!(!f.matched().is_empty());
            assert!(f.sources().iter().all(|id| kb().source(id).is_some()));
        }
        // The risks of the agent by the route are all there.
        let risks = s
            .findings()
            .iter()
            .filter(|f| matches!(f.item(), Item::Risk(_)))
            .count();
        assert_eq!(risks, kb().risks_for(agent, route).count());
    }
    let order: Vec<Standing> = Standing::iter().collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn bounds_are_errors_not_truncations() {
    let too_many = vec!["sertraline"; ketamine_therapy::query::MAX_MEDICINES + 1];
    assert!(matches!(
        kb().screen(
            Agent::Esketamine,
            Route::Intranasal,
            &Patient::new(),
            &too_many
        ),
        Err(ScreenError::TooManyMedicines { .. })
    ));
    let at_limit = vec!["sertraline"; ketamine_therapy::query::MAX_MEDICINES];
    assert!(
        kb().screen(
            Agent::Esketamine,
            Route::Intranasal,
            &Patient::new(),
            &at_limit
        )
        .is_ok()
    );
    let long = "a".repeat(ketamine_therapy::query::MAX_MEDICINE_BYTES + 1);
    let err = kb()
        .screen(
            Agent::Esketamine,
            Route::Intranasal,
            &Patient::new(),
            [&long],
        )
        .unwrap_err();
    assert!(err.to_string().len() < 300, "{err}");
}

/// The findings as comparable keys: the statement's position in its kind, by text.
fn keys(s: &Screening<'_>) -> BTreeSet<(String, String)> {
    s.findings()
        .iter()
        .map(|f| (f.item().kind().to_owned(), f.text().to_owned()))
        .collect()
}

const NAMES: &[&str] = &[
    "Xanax",
    "lorazepam",
    "Adderall",
    "sertraline",
    "Nardil",
    "tramadol",
    "alcohol",
    "theophylline",
    "Suboxone",
    "lorazapam",
    "benzodiazepines",
    "modafinil",
    "zzz",
];

fn patient_from(bits: u16, age: u8, sys: u16, dia: u16) -> Patient {
    let mut p = Patient::new();
    if bits & 1 != 0 {
        p = p.age(age);
    }
    if bits & 2 != 0 {
        p = p.pregnant(bits & 4 != 0);
    }
    if bits & 8 != 0 {
        p = p.blood_pressure(BloodPressure::new(sys, dia));
    }
    if bits & 16 != 0 {
        p = p.child_pugh(if bits & 32 != 0 {
            ChildPugh::C
        } else {
            ChildPugh::B
        });
    }
    if bits & 64 != 0 {
        p = p.history(History::AneurysmalVascularDisease);
    }
    if bits & 128 != 0 {
        p = p.breastfeeding(bits & 256 != 0);
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Giving one more fact, or one more medicine, never removes a finding; the same
    /// inputs give the same output.
    #[test]
    fn more_facts_or_medicines_never_remove_a_finding(
        bits in 0u16..512, extra in proptest::sample::select(vec![0u16, 1, 3, 4, 6, 7]), age in 0u8..100,
        sys in 80u16..220, dia in 40u16..130,
        meds in proptest::collection::vec(0usize..NAMES.len(), 0..6),
        more in 0usize..NAMES.len(),
        pair in 0usize..8,
    ) {
        let pairs = pairs();
        let (agent, route) = pairs[pair % pairs.len()];
        let names: Vec<&str> = meds.iter().map(|i| NAMES[*i]).collect();
        let p = patient_from(bits, age, sys, dia);
        let base = kb().screen(agent, route, &p, &names).expect("screens");
        // The same inputs, the same output.
        let again = kb().screen(agent, route, &p, &names).expect("screens");
        prop_assert_eq!(serde_json::to_string(&base).unwrap(), serde_json::to_string(&again).unwrap());
        // One more fact that was not given (bits 2, 5 and 8 are values of facts, not facts).
        let bit = 1u16 << extra;
        if bits & bit == 0 {
            let q = patient_from(bits | bit, age, sys, dia);
            let more_facts = kb().screen(agent, route, &q, &names).expect("screens");
            prop_assert!(keys(&base).is_subset(&keys(&more_facts)));
        }
        let mut longer = names.clone();
        longer.push(NAMES[more]);
        let more_meds = kb().screen(agent, route, &p, &longer).expect("screens");
        prop_assert!(keys(&base).is_subset(&keys(&more_meds)));
    }

    /// No input panics: any text as a medicine name, any numbers as facts.
    #[test]
    fn no_input_panics(names in proptest::collection::vec("\\PC{0,40}", 0..8), bits in 0u16..512, age in any::<u8>(), sys in any::<u16>(), dia in any::<u16>()) {
        let p = patient_from(bits, age, sys, dia);
        for (agent, route) in pairs() {
            let s = kb().screen(agent, route, &p, &names).expect("bounded input screens");
            prop_assert!(s.medicines().len() <= names.len());
        }
    }
}
