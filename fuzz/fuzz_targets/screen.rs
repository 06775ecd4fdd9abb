//! Bytes -> a patient, an agent and route, and a medicine list ->
//! `KnowledgeBase::screen`.
//!
//! The first bytes choose the patient's facts (each may be absent) and the agent and
//! route; the rest, as text, is the medicine list, split as a form's text box would be.
//!
//! Oracles: no panic; a route the agent is not given by is `NotGivenBy`; more than
//! `MAX_MEDICINES` names or a name over `MAX_MEDICINE_BYTES` is an error, anything
//! else screens; findings come most serious first; every name in gives one to four
//! outcomes out;
//! the same input screens to the same JSON twice.

#![no_main]

use ketamine_therapy::model::{BloodPressure, ChildPugh, History, Patient};
use ketamine_therapy::query::{
    MAX_MEDICINE_BYTES, MAX_MEDICINES, ScreenError, split_medicine_list,
};
use ketamine_therapy::{Agent, IntoEnumIterator, KnowledgeBase, Route};
use libfuzzer_sys::fuzz_target;

fn patient(head: &[u8; 8]) -> Patient {
    let [flags, age, sys, dia, hist, ago, cp, _] = *head;
    let mut p = Patient::new();
    if flags & 1 != 0 {
        p = p.age(age);
    }
    if flags & 2 != 0 {
        p = p.pregnant(flags & 4 != 0);
    }
    if flags & 8 != 0 {
        p = p.breastfeeding(flags & 16 != 0);
    }
    if flags & 32 != 0 {
        p = p.blood_pressure(BloodPressure::new(u16::from(sys) + 60, u16::from(dia) + 30));
    }
    if flags & 64 != 0 {
        match ChildPugh::iter().nth(usize::from(cp) % 4) {
            Some(class) => p = p.child_pugh(class),
            None => p = p.no_hepatic_impairment(),
        }
    }
    let histories: Vec<History> = History::iter().collect();
    if flags & 128 != 0 && !histories.is_empty() {
        let h = histories[usize::from(hist) % histories.len()];
        p = match ago {
            0 => p.without(h),
            1 => p.history(h),
            n => p.history_since(
                h,
                ketamine_therapy::model::Span::from_seconds(u64::from(n) * 86_400),
            ),
        };
    }
    p
}

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<8>() else {
        return;
    };
    // A list longer than MAX_MEDICINES names of MAX_MEDICINE_BYTES each is refused
    // whole; longer inputs (the data files among the seeds) only slow the search.
    if rest.len() > 2 * MAX_MEDICINES * MAX_MEDICINE_BYTES {
        return;
    }
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kb = KnowledgeBase::embedded();
    let p = patient(head);
    let names: Vec<&str> = split_medicine_list(text).collect();
    let too_many = names.len() > MAX_MEDICINES;
    let too_long = names.iter().any(|n| n.trim().len() > MAX_MEDICINE_BYTES);
    // One agent and route per input, chosen by the last head byte (a long list costs
    // milliseconds to screen, so screening every pair would leave the search a few
    // runs a second); serialising costs more than screening, so the twice-equal check
    // runs on one input in four.
    let pick = usize::from(head[7]);
    let pairs: Vec<(Agent, Route)> = Agent::iter()
        .flat_map(|a| Route::iter().map(move |r| (a, r)))
        .collect();
    let (agent, route) = pairs[pick % pairs.len()];
    let given = kb.agent(agent).is_given_by(route);
    match kb.screen(agent, route, &p, &names) {
        Ok(s) => {
            assert!(given && !too_many && !too_long);
            // A combination written out is one outcome per ingredient (at most four).
            assert!((names.len()..=4 * names.len()).contains(&s.medicines().len()));
            let ranks: Vec<_> = s.findings().iter().map(|f| f.standing()).collect();
            assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
            if (pick / pairs.len()) % 4 == 0 {
                let once = serde_json::to_string(&s).expect("serialises");
                let twice = kb.screen(agent, route, &p, &names).expect("screened once");
                assert_eq!(once, serde_json::to_string(&twice).expect("serialises"));
            }
        }
        Err(ScreenError::NotGivenBy(_)) => assert!(!given),
        Err(e) => {
            assert!(given && (too_many || too_long), "{e}");
            let shown = e.to_string();
            assert!(shown.len() < 1024 && !shown.chars().any(char::is_control));
        }
    }
});
