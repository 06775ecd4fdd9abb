//! Messages a user meets at once (issue 15): every `FromStr` of every public type
//! echoes at most 80 characters of its input, escaped; identity types (and
//! `CodeSystem`) give typed errors whose suggestions are of their own kind and close
//! to what was typed; a lookup miss names every kind it searched.

use std::fmt::Display;
use std::str::FromStr;

use ketamine_therapy::model::{Certainty, Recommendation};
use ketamine_therapy::model::{
    CodeSystem, Course, Date, DoseBasis, DoseUnit, IdKind, MonitoringKind, Phase, PrevalenceLevel,
    QualificationKind, RegulatoryStatus, RiskBasis, SettingKind, Severity, SourceKind, Span, Tier,
    Topic, UseStatus,
};
use ketamine_therapy::{
    Agent, Benefit, Condition, ConditionGroup, Entity, Evidence, Interactant, Jurisdiction,
    KnowledgeBase, LookupError, ParseIdError, Population, Risk, Route,
};

/// Inputs that a careless or hostile caller passes: huge, full of control and
/// invisible characters, wide characters, escapes.
fn hostile_inputs() -> Vec<String> {
    vec![
        "x".repeat(1 << 20),
        "9".repeat(4710),
        "2019-".repeat(2000),
        "\u{1b}[31mred\u{1b}[0m".repeat(300),
        "\u{202e}\u{200b}".repeat(5000),
        "é".repeat(3000),
        "𝕂".repeat(3000),
        "\\u{41}`\"".repeat(500),
        "a\nb\rc\td\0".repeat(200),
    ]
}

/// The longest run of consecutive characters of `input` that `shown` contains, found
/// by checking every window of 81 characters of the input's first 400.
fn echoes_more_than_80(shown: &str, input: &str) -> bool {
    let chars: Vec<char> = input.chars().take(400).collect();
    chars.windows(81).any(|w| {
        let window: String = w.iter().collect();
        shown.contains(&window)
    })
}

fn bounded<T>(name: &str)
where
    T: FromStr,
    T::Err: Display,
{
    for input in hostile_inputs() {
        let Err(e) = input.parse::<T>() else {
            panic!("{name}: a hostile input parsed");
        };
        let shown = e.to_string();
        assert!(!shown.is_empty(), "{name}");
        assert!(shown.len() < 1024, "{name}: {} bytes", shown.len());
        assert!(
            !shown.chars().any(|c| c.is_control()),
            "{name}: raw control character in {shown:?}"
        );
        assert!(
            !shown.contains('\u{202e}') && !shown.contains('\u{200b}'),
            "{name}: raw invisible character in {shown:?}"
        );
        assert!(
            !echoes_more_than_80(&shown, &input),
            "{name}: echoes more than 80 characters: {shown}"
        );
    }
}

#[test]
fn every_from_str_of_every_public_type_is_bounded() {
    bounded::<Agent>("Agent");
    bounded::<Route>("Route");
    bounded::<Condition>("Condition");
    bounded::<ConditionGroup>("ConditionGroup");
    bounded::<Benefit>("Benefit");
    bounded::<Risk>("Risk");
    bounded::<Evidence>("Evidence");
    bounded::<Jurisdiction>("Jurisdiction");
    bounded::<Interactant>("Interactant");
    bounded::<Population>("Population");
    bounded::<CodeSystem>("CodeSystem");
    bounded::<Span>("Span");
    bounded::<Date>("Date");
    bounded::<QualificationKind>("QualificationKind");
    bounded::<DoseUnit>("DoseUnit");
    bounded::<Phase>("Phase");
    bounded::<DoseBasis>("DoseBasis");
    bounded::<Severity>("Severity");
    bounded::<Certainty>("Certainty");
    bounded::<MonitoringKind>("MonitoringKind");
    bounded::<Recommendation>("Recommendation");
    bounded::<RegulatoryStatus>("RegulatoryStatus");
    bounded::<UseStatus>("UseStatus");
    bounded::<Topic>("Topic");
    bounded::<Course>("Course");
    bounded::<RiskBasis>("RiskBasis");
    bounded::<SettingKind>("SettingKind");
    bounded::<PrevalenceLevel>("PrevalenceLevel");
    bounded::<SourceKind>("SourceKind");
    bounded::<Tier>("Tier");
}

#[test]
fn span_and_date_echo_a_short_escaped_prefix_and_keep_256_bytes() {
    let long = "9".repeat(4710);
    let e = long.parse::<Span>().unwrap_err();
    assert_eq!(e.input().len(), 256);
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!("`{}…`", "9".repeat(80))),
        "{shown}"
    );
    let e = "\u{1b}[2J".parse::<Date>().unwrap_err();
    assert_eq!(e.input(), "\u{1b}[2J");
    assert!(e.to_string().starts_with("`\\u{1b}[2J`"), "{e}");
    // A short visible input is echoed whole.
    assert!(
        "40 min"
            .parse::<Span>()
            .unwrap_err()
            .to_string()
            .starts_with("`40 min` is not a span")
    );
    assert!(
        "2019-02-30"
            .parse::<Date>()
            .unwrap_err()
            .to_string()
            .starts_with("`2019-02-30` is not a date")
    );
}

#[test]
fn code_system_has_a_typed_error_with_suggestions_of_its_kind() {
    let e: ParseIdError = "loinc".parse::<CodeSystem>().unwrap_err();
    assert_eq!(e.kind(), IdKind::CodeSystem);
    assert_eq!(e.input(), "loinc");
    assert_eq!(e.suggestions().count(), 0);
    assert_eq!(
        e.to_string(),
        "unknown code system `loinc`; expected one of: ATC, UNII, PubChem CID, ChEBI, CAS, \
         DrugBank, MeSH, KEGG, SNOMED CT, ICD-10-CM, ICD-11, RxNorm (or an alias; case does \
         not matter)"
    );
    let e = "snomde ct".parse::<CodeSystem>().unwrap_err();
    assert_eq!(e.suggestions().collect::<Vec<_>>(), ["SNOMED CT"]);
    assert_eq!(
        e.to_string(),
        "unknown code system `snomde ct`; did you mean: SNOMED CT? (a name, id or alias; \
         case does not matter)"
    );
    let e = "icd-9".parse::<CodeSystem>().unwrap_err();
    for s in e.suggestions() {
        assert!(s.parse::<CodeSystem>().is_ok(), "{s}");
    }
    assert_eq!(IdKind::CodeSystem.to_string(), "code system");
}

#[test]
fn a_lookup_miss_names_every_kind_it_searched() {
    let kb = KnowledgeBase::embedded();
    let shown = kb.lookup("qqqqqqqqqq").unwrap_err().to_string();
    // Every kind that a lookup can return, derived from what it does return.
    let mut kinds: Vec<&str> = common::named_entities(kb)
        .into_iter()
        .map(|(e, _, _)| e.kind())
        .collect();
    kinds.extend(
        kb.interactants()
            .map(|r| Entity::Interactant(r.id()).kind()),
    );
    kinds.dedup();
    for kind in kinds {
        assert!(shown.contains(kind), "{kind} missing from {shown:?}");
    }
    // An interactant is found by lookup, so the message must say it was searched.
    let interactant = kb.interactants().next().expect("interactants").name();
    assert!(matches!(kb.lookup(interactant), Ok(Entity::Interactant(_))));
    assert_eq!(
        shown,
        "no agent, route, condition, group, benefit, risk or interactant is called \
         `qqqqqqqqqq`"
    );
    let e = kb.lookup_as::<Route>("qqqq").unwrap_err();
    assert_eq!(e.to_string(), "no route is called `qqqq`");
    assert_eq!(
        kb.lookup("").unwrap_err().to_string(),
        "the text to look up is empty; type a name or alias, such as \"esketamine\""
    );
    assert_eq!(kb.lookup("").unwrap_err(), LookupError::Blank);
}

#[test]
fn suggestions_are_only_close_names() {
    let kb = KnowledgeBase::embedded();
    // Far from every name: no suggestion at all (these once gave a route and a
    // condition group).
    for far in ["Nardil", "tramadol", "loinc", "xyzzy"] {
        let e = kb.lookup(far).unwrap_err();
        assert_eq!(e.suggestions().collect::<Vec<_>>(), [], "{far}: {e}");
        assert!(!e.to_string().contains("did you mean"), "{e}");
    }
    // Typos of one edit in three find their name, first.
    let close = [
        ("ketamin", Entity::Agent(Agent::RacemicKetamine)),
        ("spravto", Entity::Agent(Agent::Esketamine)),
        ("esketamnie", Entity::Agent(Agent::Esketamine)),
        ("intravenus", Entity::Route(Route::Intravenous)),
        ("ptds", Entity::Condition(Condition::Ptsd)),
    ];
    for (typo, want) in close {
        let e = kb.lookup(typo).unwrap_err();
        assert_eq!(e.suggestions().next(), Some(want), "{typo}: {e}");
    }
    // The same rule for the parsers of identity enums.
    assert_eq!(
        "intravenus"
            .parse::<Route>()
            .unwrap_err()
            .suggestions()
            .next(),
        Some("intravenous")
    );
    assert_eq!(
        "nardil".parse::<Route>().unwrap_err().suggestions().count(),
        0
    );
    assert_eq!(
        "tramadol"
            .parse::<ConditionGroup>()
            .unwrap_err()
            .suggestions()
            .count(),
        0
    );
}

mod common;
