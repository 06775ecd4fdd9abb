//! Content oracles (issue 15): what the safety data says, and the order in which lists
//! come, pinned table by table under plain `cargo test`, independent of the FHIR golden
//! file. Each table is rendered from the public API into lines and compared with the
//! text written here, so a deliberate data change means a deliberate edit of this file.
//!
//! To see what a table renders after a data change, run
//! `ORACLES_PRINT=1 cargo test --test oracles -- --nocapture` and compare, line by line,
//! with the source documents before editing the expected text.

use std::fmt::Write as _;

use ketamine_therapy::model::{Tier, Topic};
use ketamine_therapy::{
    Agent, Condition, ConditionGroup, Documented, IntoEnumIterator, KnowledgeBase, Route, Sourced,
};

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

/// Compares a rendered table with its expected text, naming the first line that
/// differs.
fn pin(table: &str, actual: &str, expected: &str) {
    if std::env::var_os("ORACLES_PRINT").is_some() {
        println!("==== {table}\n{actual}");
    }
    let expected = expected.strip_prefix('\n').unwrap_or(expected);
    let (a, e): (Vec<&str>, Vec<&str>) = (actual.lines().collect(), expected.lines().collect());
    for (i, (x, y)) in a.iter().zip(&e).enumerate() {
        assert_eq!(x, y, "{table}: line {} differs", i + 1);
    }
    assert_eq!(a.len(), e.len(), "{table}: line counts differ");
}

fn sources(record: &impl Sourced) -> String {
    record.sources().join(" ")
}

fn documented(d: Documented<'_>) -> String {
    match d {
        Documented::Recorded(n) => format!("recorded {n}"),
        Documented::NoneDocumented(review) => format!("none [{}]", sources(review)),
        Documented::NotRecorded => "not recorded".to_owned(),
        _ => "?".to_owned(),
    }
}

#[test]
fn contraindications_of_each_agent() {
    let mut out = String::new();
    for agent in Agent::iter() {
        let found = kb().contraindications(agent);
        writeln!(out, "{agent:?}: {}", documented(found.documented())).unwrap();
        for c in found {
            assert_eq!(c.agent(), agent);
            writeln!(out, "  {} [{}]", c.text(), sources(c)).unwrap();
        }
    }
    pin("contraindications", &out, CONTRAINDICATIONS);
}

#[test]
fn label_percentages_of_each_risk() {
    let mut out = String::new();
    for risk in kb().risks() {
        for f in risk.frequencies() {
            let placebo = f.placebo_percent().map(|p| p.to_string());
            writeln!(
                out,
                "{:?} {:?} {:?}: {} (placebo {}) [{}]",
                risk.id(),
                f.agent(),
                f.route(),
                f.percent(),
                placebo.as_deref().unwrap_or("-"),
                sources(f)
            )
            .unwrap();
        }
    }
    pin("label percentages", &out, LABEL_PERCENTAGES);
}

#[test]
fn risk_basis_by_agent_and_route() {
    let mut out = String::new();
    for risk in kb().risks() {
        for agent in Agent::iter() {
            let mut line = String::new();
            for route in Route::iter() {
                assert_eq!(
                    risk.applies_to(agent, route),
                    risk.basis_for(agent, route).is_some()
                );
                if let Some(basis) = risk.basis_for(agent, route) {
                    write!(line, " {route:?}={basis:?}").unwrap();
                }
            }
            if !line.is_empty() {
                writeln!(out, "{:?} {agent:?}:{line}", risk.id()).unwrap();
            }
        }
    }
    pin("risk basis", &out, RISK_BASIS);
}

#[test]
fn population_recommendations_of_each_agent() {
    let mut out = String::new();
    for agent in Agent::iter() {
        let found = kb().populations(agent);
        writeln!(out, "{agent:?}: {}", documented(found.documented())).unwrap();
        for p in found {
            assert_eq!(p.agent(), agent);
            writeln!(
                out,
                "  {:?} {:?} {:?} [{}]",
                p.population(),
                p.recommendation(),
                p.jurisdiction(),
                sources(p)
            )
            .unwrap();
        }
    }
    pin("populations", &out, POPULATIONS);
}

#[test]
fn interactions_of_each_agent() {
    let mut out = String::new();
    for agent in Agent::iter() {
        let found = kb().interactions(agent);
        writeln!(out, "{agent:?}: {}", documented(found.documented())).unwrap();
        for i in found {
            assert_eq!(i.agent(), agent);
            writeln!(
                out,
                "  {:?} {:?} [{}]",
                i.interactant(),
                i.severity(),
                sources(i)
            )
            .unwrap();
            let with: Vec<_> = kb().interactions_with(i.interactant()).collect();
            assert!(with.iter().any(|w| std::ptr::eq(*w, i)));
        }
    }
    pin("interactions", &out, INTERACTIONS);
}

#[test]
fn regimens_of_each_agent_and_condition() {
    let mut out = String::new();
    for agent in Agent::iter() {
        let found = kb().regimens(agent);
        writeln!(out, "{agent:?}: {}", documented(found.documented())).unwrap();
        for r in found {
            assert_eq!(r.agent(), agent);
            writeln!(
                out,
                "  {:?} {:?} {:?}: {} {:?} {:?} [{}]",
                r.route(),
                r.condition(),
                r.phase(),
                r.dose(),
                r.basis(),
                r.jurisdiction(),
                sources(r)
            )
            .unwrap();
        }
    }
    for condition in Condition::iter() {
        let mut line = String::new();
        for r in kb().regimens_for(condition) {
            assert_eq!(r.condition(), Some(condition));
            write!(line, " {:?}/{:?}/{:?}", r.agent(), r.route(), r.phase()).unwrap();
        }
        if !line.is_empty() {
            writeln!(out, "for {condition:?}:{line}").unwrap();
        }
    }
    pin("regimens", &out, REGIMENS);
}

#[test]
fn monitoring_and_what_is_documented() {
    let mut out = String::new();
    for agent in Agent::iter() {
        for m in kb().monitoring(agent) {
            writeln!(
                out,
                "{agent:?} {:?} {:?} [{}]",
                m.routes(),
                m.kind(),
                sources(m)
            )
            .unwrap();
        }
        for route in Route::iter() {
            let n = kb().monitoring_for(agent, route).count();
            if n > 0 {
                writeln!(out, "{agent:?} by {route:?}: {n}").unwrap();
            }
        }
        for topic in Topic::iter() {
            writeln!(
                out,
                "{agent:?} {topic:?}: {}",
                documented(kb().documented(agent, topic))
            )
            .unwrap();
        }
    }
    pin("monitoring and documented", &out, MONITORING);
}

#[test]
fn the_order_lists_come_in() {
    let mut out = String::new();
    writeln!(
        out,
        "by bioavailability: {:?}",
        kb().routes_by_bioavailability()
    )
    .unwrap();
    writeln!(out, "by onset: {:?}", kb().routes_by_onset()).unwrap();
    for agent in [None, Some(Agent::RacemicKetamine), Some(Agent::Esketamine)] {
        for route in std::iter::once(None).chain(Route::iter().map(Some)) {
            let risks: Vec<_> = kb().risks_for(agent, route).map(|r| r.id()).collect();
            writeln!(out, "risks {agent:?} {route:?}: {risks:?}").unwrap();
        }
    }
    for condition in Condition::iter() {
        let routes: Vec<String> = kb()
            .routes_for(condition)
            .iter()
            .map(|i| format!("{:?}/{:?}/{:?}", i.agent(), i.route(), i.evidence()))
            .collect();
        let benefits: Vec<_> = kb().benefits_for(condition).map(|b| b.id()).collect();
        writeln!(out, "{condition:?}: {routes:?} benefits {benefits:?}").unwrap();
    }
    for route in Route::iter() {
        writeln!(out, "{route:?}: {:?}", kb().conditions_for(route)).unwrap();
    }
    for group in ConditionGroup::iter() {
        writeln!(out, "{group:?}: {:?}", kb().conditions_in(group)).unwrap();
    }
    for tier in Tier::iter() {
        let n = kb().sources().filter(|s| s.tier() == tier).count();
        writeln!(out, "sources of tier {tier:?}: {n}").unwrap();
    }
    pin("orders", &out, ORDERS);
}

#[test]
fn benefits_and_their_qualifications() {
    let mut out = String::new();
    for b in kb().benefits() {
        let time = b.time_scale().map(|t| t.to_string());
        writeln!(
            out,
            "{:?} ({}) for {:?} [{}]",
            b.id(),
            time.as_deref().unwrap_or("-"),
            b.conditions(),
            sources(b)
        )
        .unwrap();
        for q in b.qualifications() {
            writeln!(out, "  {:?}: {} [{}]", q.kind(), q.text(), sources(q)).unwrap();
        }
    }
    pin("benefits", &out, BENEFITS);
}

const BENEFITS: &str = r##"
RapidRelief (40min-1d) for [MajorDepressiveDisorder, TreatmentResistantDepression, DepressionWithSuicidalIdeation, BipolarDepression] [SEED-ARTICLE DIAZGRANADOS-2010 ZARATE-2006 SPRAVATO-MDSI AN-2021 NEWPORT-2015 MURROUGH-2013-BP JELOVAC-2025 POPOVA-2019]
  Transient: The improvement fades: after a single IV dose it lasts from days to about a week, and after a course of six infusions the median time to relapse was 18 days. [NEWPORT-2015 MURROUGH-2013-BP]
  Other: Not every trial is positive: a 2025 midazolam-controlled inpatient trial of serial IV infusions found no significant advantage over midazolam, and the pivotal esketamine trial showed a modest 4-point MADRS difference at day 28. [JELOVAC-2025 POPOVA-2019]
Neuroplasticity (-) for [MajorDepressiveDisorder, TreatmentResistantDepression] [SEED-ARTICLE LI-2010 DUMAN-REVIEW-PMC4497940 SPRAVATO-PI-2019]
  Preclinical: In rats, ketamine quickly increased the number and function of spine synapses in the prefrontal cortex through mTOR signalling; blocking mTOR removed both this effect and the antidepressant-like behaviour. Rodent work links it to BDNF-dependent protein synthesis. [LI-2010 DUMAN-REVIEW-PMC4497940]
  Other: The US label says the mechanism of esketamine's antidepressant effect is unknown. No label claims a lasting benefit from new neural connections. [SPRAVATO-PI-2019 SPRAVATO-PT]
NovelMechanism (-) for [MajorDepressiveDisorder, TreatmentResistantDepression] [SEED-ARTICLE MCINTYRE-2021 SPRAVATO-PI-2019 NCATS-GSRS-KET PELTONIEMI-2016 CANADY-2025]
  Other: An international expert consensus describes ketamine and esketamine as the first agents outside the monoamine systems shown to act quickly in major depression. The approved esketamine use for treatment-resistant depression applies to adults whose depression did not respond adequately to at least two oral antidepressants, not to first-line treatment. [MCINTYRE-2021 SPRAVATO-PI-2025 CANADY-2025]
  Other: The pharmacology is broader than NMDA blockade alone, and the US label says the way esketamine works in depression is unknown. [NCATS-GSRS-KET PELTONIEMI-2016 SPRAVATO-PI-2019 SPRAVATO-PT]
SuicidalIdeationReduction (4h-1wk) for [DepressionWithSuicidalIdeation] [SEED-ARTICLE WILKINSON-2018 WITT-2020 USMED-BS-2021 SPRAVATO-PT]
  ShortTerm: The evidence concerns single IV doses: an individual-participant meta-analysis found effects from day 1 up to 1 week, and a second meta-analysis found effects from 4 h to 72 h but not later, with moderate to low certainty. [WILKINSON-2018 WITT-2020]
  NotLabelled: This is not an approved claim: the esketamine label says it is not known whether the drug prevents suicide or reduces suicidal thoughts or actions, and its approval in this population covers depressive symptoms. [USMED-BS-2021 SPRAVATO-PT]
"##;
const CONTRAINDICATIONS: &str = r##"
RacemicKetamine: recorded 4
  Patients in whom a significant rise in blood pressure would be a serious hazard (the Swiss product information gives a previous stroke as an example). [KETALAR-SMPC-UK KETAMIN-SINTETICA-CH]
  Known hypersensitivity to ketamine or to any excipient. [KETALAR-SMPC-UK KETAMIN-SINTETICA-CH]
  UK SmPC: eclampsia or pre-eclampsia, severe coronary or myocardial disease, cerebrovascular accident or cerebral trauma. [KETALAR-SMPC-UK]
  Swiss product information: poorly controlled or untreated high blood pressure (above 180/100 mmHg at rest), pre-eclampsia or eclampsia, and untreated or insufficiently treated hyperthyroidism. [KETAMIN-SINTETICA-CH]
Esketamine: recorded 4
  Aneurysmal vascular disease, including of the thoracic or abdominal aorta and of intracranial or peripheral arteries, or an arteriovenous malformation. [SPRAVATO-PI-2019 USMED-BS-2021]
  A history of bleeding inside the brain (intracerebral haemorrhage); the 2019 highlights name intracerebral haemorrhage without the word history. [SPRAVATO-PI-2019 USMED-BS-2021]
  Known hypersensitivity to esketamine, ketamine or any excipient. [SPRAVATO-PI-2019 USMED-BS-2021 SPRAVATO-SMPC-EU]
  EU SmPC: patients in whom a rise in blood pressure or intracranial pressure would be a serious risk, namely aneurysmal vascular disease (intracranial, thoracic or abdominal aorta, peripheral arteries), a history of intracerebral haemorrhage, or a cardiovascular event such as myocardial infarction within the past 6 weeks. Unlike the US label it does not name arteriovenous malformation. [SPRAVATO-SMPC-EU]
"##;
const LABEL_PERCENTAGES: &str = r##"
Dissociation Esketamine Intranasal: 61-84% (placebo -) [SPRAVATO-PI-PP]
Dissociation Esketamine Intranasal: 61-75% (placebo -) [SPRAVATO-PI-2019]
Dissociation Esketamine Intranasal: 41% (placebo 9%) [USMED-BS-2021]
Dissociation Esketamine Intranasal: 33.9% (placebo 5.8%) [ASPIRE-POOLED-2021]
Dissociation Esketamine Intravenous: 76% (placebo 18%) [SIGTERMANS-2009]
Dissociation Esketamine Intranasal: 23% (placebo 0%) [SUSTAIN-1]
Dissociation RacemicKetamine Intravenous: 69% (placebo 16.7%) [SU-2023-IJNP]
NauseaVomiting Esketamine Intranasal: 27% (placebo 14%) [USMED-BS-2021]
NauseaVomiting Esketamine Intranasal: 11% (placebo 5%) [USMED-BS-2021]
NauseaVomiting Esketamine Intranasal: 26.9% (placebo 13.8%) [ASPIRE-POOLED-2021]
NauseaVomiting Esketamine Intranasal: 11.5% (placebo 5.3%) [ASPIRE-POOLED-2021]
NauseaVomiting Esketamine Intranasal: 16.4% (placebo 0.7%) [SUSTAIN-1]
NauseaVomiting Esketamine Intranasal: 6.6% (placebo 0.7%) [SUSTAIN-1]
BloodPressureHeartRate Esketamine Intranasal: 8-19% (placebo 1-4%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 8% (placebo 0.5%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 13% (placebo 3%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 17% (placebo 2%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 14% (placebo 3%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 3% (placebo -) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 4% (placebo 0.5%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 15% (placebo 6%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 4% (placebo 1%) [USMED-BS-2021]
BloodPressureHeartRate Esketamine Intranasal: 11.5% (placebo 4%) [ASPIRE-POOLED-2021]
BloodPressureHeartRate Esketamine Intranasal: 6.6% (placebo 3.4%) [SUSTAIN-1]
DizzinessFatigue Esketamine Intranasal: 29% (placebo 8%) [USMED-BS-2021]
DizzinessFatigue Esketamine Intranasal: 38.3% (placebo 13.8%) [ASPIRE-POOLED-2021]
DizzinessFatigue Esketamine Intranasal: 20.4% (placebo 4.8%) [SUSTAIN-1]
DizzinessFatigue RacemicKetamine Intravenous: 57.1% (placebo 11.9%) [SU-2023-IJNP]
Sedation Esketamine Intranasal: 48-61% (placebo -) [SPRAVATO-PI-PP USMED-BS-2021]
Sedation Esketamine Intranasal: 49-61% (placebo -) [SPRAVATO-PI-2019]
Sedation Esketamine Intranasal: 0.3-0.4% (placebo -) [SPRAVATO-PI-PP USMED-BS-2021]
Sedation Esketamine Intranasal: 0.3% (placebo -) [SPRAVATO-PI-2019]
Sedation Esketamine Intranasal: 23% (placebo 9%) [USMED-BS-2021]
Sedation Esketamine Intranasal: 20.7% (placebo 10.2%) [ASPIRE-POOLED-2021]
Sedation Esketamine Intranasal: 10.1% (placebo 2.2%) [ASPIRE-POOLED-2021]
Sedation Esketamine Intranasal: 21.1% (placebo 2.1%) [SUSTAIN-1]
Sedation Esketamine Intranasal: 6.6% (placebo 0.7%) [SUSTAIN-1]
Vertigo Esketamine Intranasal: 6% (placebo 0.4%) [USMED-BS-2021]
Vertigo Esketamine Intranasal: 25% (placebo 5.5%) [SUSTAIN-1]
UrinaryTractToxicity Esketamine Intranasal: 3% (placebo 0.5%) [USMED-BS-2021]
Hypoesthesia Esketamine Intranasal: 18% (placebo 2%) [USMED-BS-2021]
Hypoesthesia Esketamine Intranasal: 5.9% (placebo 0%) [SUSTAIN-1]
Anxiety Esketamine Intranasal: 13% (placebo 6%) [USMED-BS-2021]
Anxiety Esketamine Intranasal: 7.9% (placebo 3.4%) [SUSTAIN-1]
Lethargy Esketamine Intranasal: 11% (placebo 5%) [USMED-BS-2021]
FeelingDrunk Esketamine Intranasal: 4% (placebo 0.4%) [USMED-BS-2021]
"##;
const RISK_BASIS: &str = r##"
Dissociation RacemicKetamine: Intravenous=ClassEffect Intranasal=ClassEffect Intramuscular=ClassEffect Subcutaneous=ClassEffect Oral=ClassEffect Sublingual=ClassEffect
Dissociation Esketamine: Intravenous=LabelBoxedWarning Intranasal=LabelBoxedWarning Subcutaneous=LabelBoxedWarning
NauseaVomiting RacemicKetamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Intramuscular=LabelAdverseReaction Subcutaneous=LabelAdverseReaction Oral=LabelAdverseReaction Sublingual=LabelAdverseReaction
NauseaVomiting Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
BloodPressureHeartRate RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
BloodPressureHeartRate Esketamine: Intravenous=LabelWarning Intranasal=LabelWarning Subcutaneous=LabelWarning
DizzinessFatigue RacemicKetamine: Intravenous=Observed
DizzinessFatigue Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
AbuseAddiction RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
AbuseAddiction Esketamine: Intravenous=LabelBoxedWarning Intranasal=LabelBoxedWarning Subcutaneous=LabelBoxedWarning
Sedation RacemicKetamine: Intravenous=LabelOther Intranasal=LabelOther Intramuscular=LabelOther Subcutaneous=LabelOther Oral=LabelOther Sublingual=LabelOther
Sedation Esketamine: Intravenous=LabelBoxedWarning Intranasal=LabelBoxedWarning Subcutaneous=LabelBoxedWarning
Vertigo Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
RespiratoryDepression RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
RespiratoryDepression Esketamine: Intravenous=LabelBoxedWarning Intranasal=LabelBoxedWarning Subcutaneous=LabelBoxedWarning
UrinaryTractToxicity RacemicKetamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Intramuscular=LabelAdverseReaction Subcutaneous=LabelAdverseReaction Oral=LabelAdverseReaction Sublingual=LabelAdverseReaction
UrinaryTractToxicity Esketamine: Intravenous=LabelWarning Intranasal=LabelWarning Subcutaneous=LabelWarning
CognitiveImpairment RacemicKetamine: Intravenous=ClassEffect Intranasal=ClassEffect Intramuscular=ClassEffect Subcutaneous=ClassEffect Oral=ClassEffect Sublingual=ClassEffect
CognitiveImpairment Esketamine: Intravenous=LabelWarning Intranasal=LabelWarning Subcutaneous=LabelWarning
PregnancyHarm Esketamine: Intravenous=LabelWarning Intranasal=LabelWarning Subcutaneous=LabelWarning
ImpairedDriving RacemicKetamine: Intravenous=LabelOther Intranasal=LabelOther Intramuscular=LabelOther Subcutaneous=LabelOther Oral=LabelOther Sublingual=LabelOther
ImpairedDriving Esketamine: Intravenous=LabelWarning Intranasal=LabelWarning Subcutaneous=LabelWarning
EmergenceReactions RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
ToleranceDependence Esketamine: Intravenous=LabelOther Intranasal=LabelOther Subcutaneous=LabelOther
SuicidalThoughts Esketamine: Intravenous=LabelBoxedWarning Intranasal=LabelBoxedWarning Subcutaneous=LabelBoxedWarning
Hepatotoxicity RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
PediatricNeurotoxicity RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
RaisedIntracranialPressure RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
AirwayComplications RacemicKetamine: Intravenous=LabelWarning Intranasal=LabelWarning Intramuscular=LabelWarning Subcutaneous=LabelWarning Oral=LabelWarning Sublingual=LabelWarning
PsychiatricAdverseEvents RacemicKetamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Intramuscular=LabelAdverseReaction Subcutaneous=LabelAdverseReaction Oral=LabelAdverseReaction Sublingual=LabelAdverseReaction
Hypoesthesia Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
Anxiety Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
Lethargy Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
FeelingDrunk Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
Bradycardia Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
Seizure Esketamine: Intravenous=LabelAdverseReaction Intranasal=LabelAdverseReaction Subcutaneous=LabelAdverseReaction
"##;
const POPULATIONS: &str = r##"
RacemicKetamine: recorded 5
  CardiovascularDisease Contraindicated None [KETALAR-SMPC-UK KETAMIN-SINTETICA-CH KETALAR-PI]
  Pediatric UseWithCaution Some(Us) [KETALAR-PI FDA-DSC-ANESTHETICS-2016]
  Pregnancy NotRecommended None [KETAMIN-SINTETICA-CH]
  Lactation NotRecommended None [KETAMIN-SINTETICA-CH]
  Lactation UseWithCaution None [MAJDINASAB-2023 LACTMED-KETAMINE]
Esketamine: recorded 13
  CardiovascularDisease Contraindicated Some(Eu) [SPRAVATO-SMPC-EU]
  PsychosisHistory UseWithCaution Some(Us) [SPRAVATO-PI-2019 SPRAVATO-PI-PP]
  SubstanceUseHistory UseWithCaution Some(Us) [SPRAVATO-PI-2019 USMED-BS-2021]
  CardiovascularDisease UseWithCaution Some(Us) [SPRAVATO-PI-2019 USMED-BS-2021]
  CardiovascularDisease UseWithCaution Some(Eu) [SPRAVATO-SMPC-EU]
  CardiovascularDisease UseWithCaution Some(Eu) [SPRAVATO-SMPC-EU-2020]
  Pregnancy NotRecommended Some(Us) [SPRAVATO-PI-2019 USMED-BS-2021]
  Lactation NotRecommended Some(Us) [SPRAVATO-PI-2019 USMED-BS-2021 LACTMED-ESK]
  ReproductivePotential UseWithCaution Some(Us) [SPRAVATO-PI-2019 USMED-BS-2021]
  Pediatric NoData Some(Us) [SPRAVATO-PI-2019 USMED-BS-2021]
  Geriatric DoseAdjustment Some(Eu) [SPRAVATO-SMPC-EU-2020]
  HepaticImpairment UseWithCaution Some(Us) [SPRAVATO-PI-2019]
  HepaticImpairment NotRecommended Some(Us) [SPRAVATO-PI-2019]
"##;
const INTERACTIONS: &str = r##"
RacemicKetamine: recorded 3
  Theophylline None [KETALAR-PI-HSI]
  Sympathomimetics None [KETALAR-PI-HSI]
  CnsDepressants None [KETALAR-PI-HSI]
Esketamine: recorded 3
  CnsDepressants None [SPRAVATO-PI-2019 SPRAVATO-PI-PP]
  Psychostimulants None [SPRAVATO-PI-2019]
  Maois None [SPRAVATO-PI-2019]
"##;
const REGIMENS: &str = r##"
RacemicKetamine: recorded 31
  Intravenous None Induction: 1-4.5 mg/kg Label Some(Us) [KETALAR-PI]
  Intravenous None Induction: 1-2 mg/kg Label Some(Us) [KETALAR-PI]
  Intramuscular None Induction: 6.5-13 mg/kg Label Some(Us) [KETALAR-PI]
  Intravenous Some(MajorDepressiveDisorder) Single: 0.5 mg/kg TrialProtocol None [BERMAN-2000]
  Intranasal Some(MajorDepressiveDisorder) Single: 50 mg TrialProtocol None [LAPIDUS-2014]
  Intramuscular Some(MajorDepressiveDisorder) Single: 0.25-0.5 mg/kg TrialProtocol None [CHILUKURI-2014]
  Intravenous Some(TreatmentResistantDepression) Single: 0.5 mg/kg TrialProtocol None [ZARATE-2006]
  Intravenous Some(TreatmentResistantDepression) Single: 0.1-1 mg/kg TrialProtocol None [FAVA-2020 ANDRADE-2017]
  Intravenous Some(TreatmentResistantDepression) Course: 0.5 mg/kg TrialProtocol None [MURROUGH-2013-BP]
  Intravenous Some(TreatmentResistantDepression) Course: 0.5 mg/kg TrialProtocol None [SINGH-2016]
  Intravenous Some(TreatmentResistantDepression) Course: 0.5 mg/kg TrialProtocol None [ANAND-2023]
  Intravenous Some(TreatmentResistantDepression) Course: 0.1-0.5 mg/kg TrialProtocol None [LOO-2016]
  Intramuscular Some(TreatmentResistantDepression) Course: 0.1-0.5 mg/kg TrialProtocol None [LOO-2016]
  Subcutaneous Some(TreatmentResistantDepression) Course: 0.1-0.5 mg/kg TrialProtocol None [LOO-2016]
  Subcutaneous Some(TreatmentResistantDepression) Course: 0.5 mg/kg TrialProtocol None [LOO-2023]
  Subcutaneous Some(TreatmentResistantDepression) Course: 0.5-0.9 mg/kg TrialProtocol None [LOO-2023]
  Oral Some(TreatmentResistantDepression) Course: 1 mg/kg TrialProtocol None [DOMANY-2019]
  Sublingual Some(TreatmentResistantDepression) Course: 10 mg TrialProtocol None [LARA-2013]
  Intravenous Some(DepressionWithSuicidalIdeation) Single: 0.5 mg/kg TrialProtocol None [GRUNEBAUM-2018 WILKINSON-2018]
  Subcutaneous Some(GeneralizedAnxietyDisorder) Maintenance: 1 mg/kg TrialProtocol None [GLUE-2018]
  Subcutaneous Some(GeneralizedAnxietyDisorder) Course: 0.25-1 mg/kg TrialProtocol None [GLUE-2017 GLUE-2020]
  Intravenous Some(SocialAnxietyDisorder) Single: 0.5 mg/kg TrialProtocol None [TAYLOR-2018]
  Subcutaneous Some(SocialAnxietyDisorder) Maintenance: 1 mg/kg TrialProtocol None [GLUE-2018]
  Subcutaneous Some(SocialAnxietyDisorder) Course: 0.25-1 mg/kg TrialProtocol None [GLUE-2017 GLUE-2020]
  Intravenous Some(Ptsd) Single: 0.5 mg/kg TrialProtocol None [FEDER-2014]
  Intravenous Some(Ptsd) Course: 0.5 mg/kg TrialProtocol None [FEDER-2021 ABDALLAH-2022]
  Intravenous Some(Ptsd) Course: 0.2-0.5 mg/kg TrialProtocol None [ABDALLAH-2022]
  Intravenous Some(BipolarDepression) Single: 0.5 mg/kg TrialProtocol None [DIAZGRANADOS-2010]
  Intravenous Some(Ocd) Single: 0.5 mg/kg TrialProtocol None [RODRIGUEZ-2013]
  Intravenous Some(Crps) Course: 0.35 mg/kg/h TrialProtocol None [SCHWARTZMAN-2009]
  Intranasal Some(Migraine) Single: 25 mg TrialProtocol None [AFRIDI-2013]
Esketamine: recorded 9
  Intranasal Some(TreatmentResistantDepression) Induction: 56-84 mg Label Some(Us) [SPRAVATO-PI-2019 SPRAVATO-HCP-TRD-DOSING]
  Intranasal Some(TreatmentResistantDepression) Induction: 56-84 mg Label Some(Eu) [SPRAVATO-SMPC-EU-2020 SPRAVATO-SMPC-EU]
  Intranasal Some(TreatmentResistantDepression) Induction: 28-84 mg Label Some(Eu) [SPRAVATO-SMPC-EU-2020 SPRAVATO-SMPC-EU]
  Intranasal Some(TreatmentResistantDepression) Maintenance: 56-84 mg Label Some(Us) [SPRAVATO-PI-2019 SPRAVATO-HCP-TRD-DOSING]
  Intranasal Some(TreatmentResistantDepression) Maintenance: 56-84 mg Label Some(Us) [SPRAVATO-PI-2019 SPRAVATO-HCP-TRD-DOSING]
  Intranasal Some(TreatmentResistantDepression) Maintenance: 56-84 mg Label Some(Eu) [SPRAVATO-SMPC-EU-2020 SPRAVATO-SMPC-EU]
  Intranasal Some(TreatmentResistantDepression) Maintenance: 28-84 mg Label Some(Eu) [SPRAVATO-SMPC-EU-2020 SPRAVATO-SMPC-EU]
  Intranasal Some(DepressionWithSuicidalIdeation) Course: 56-84 mg Label Some(Us) [USMED-BS-2021 SPRAVATO-HCP-MDSI-DOSING]
  Intravenous Some(Crps) Course: 22.2 mg/h TrialProtocol None [SIGTERMANS-2009]
for MajorDepressiveDisorder: RacemicKetamine/Intravenous/Single RacemicKetamine/Intranasal/Single RacemicKetamine/Intramuscular/Single
for TreatmentResistantDepression: Esketamine/Intranasal/Induction Esketamine/Intranasal/Induction Esketamine/Intranasal/Induction Esketamine/Intranasal/Maintenance Esketamine/Intranasal/Maintenance Esketamine/Intranasal/Maintenance Esketamine/Intranasal/Maintenance RacemicKetamine/Intravenous/Single RacemicKetamine/Intravenous/Single RacemicKetamine/Intravenous/Course RacemicKetamine/Intravenous/Course RacemicKetamine/Intravenous/Course RacemicKetamine/Intravenous/Course RacemicKetamine/Intramuscular/Course RacemicKetamine/Subcutaneous/Course RacemicKetamine/Subcutaneous/Course RacemicKetamine/Subcutaneous/Course RacemicKetamine/Oral/Course RacemicKetamine/Sublingual/Course
for DepressionWithSuicidalIdeation: Esketamine/Intranasal/Course RacemicKetamine/Intravenous/Single
for GeneralizedAnxietyDisorder: RacemicKetamine/Subcutaneous/Maintenance RacemicKetamine/Subcutaneous/Course
for SocialAnxietyDisorder: RacemicKetamine/Intravenous/Single RacemicKetamine/Subcutaneous/Maintenance RacemicKetamine/Subcutaneous/Course
for Ptsd: RacemicKetamine/Intravenous/Single RacemicKetamine/Intravenous/Course RacemicKetamine/Intravenous/Course
for BipolarDepression: RacemicKetamine/Intravenous/Single
for Ocd: RacemicKetamine/Intravenous/Single
for Crps: RacemicKetamine/Intravenous/Course Esketamine/Intravenous/Course
for Migraine: RacemicKetamine/Intranasal/Single
"##;
const MONITORING: &str = r##"
RacemicKetamine [Intravenous, Intramuscular] VitalSigns [KETALAR-PI-HSI KETALAR-PI]
RacemicKetamine [Intravenous, Intramuscular] Respiratory [KETALAR-PI KETALAR-SMPC-UK]
RacemicKetamine [Intravenous, Intramuscular] Equipment [KETALAR-PI-HSI KETALAR-SMPC-UK]
RacemicKetamine [Intravenous, Intramuscular] Observation [KETALAR-OLD KETALAR-SMPC-UK]
RacemicKetamine [Intravenous, Intramuscular] Driving [KETALAR-PI]
RacemicKetamine [Intravenous, Intramuscular] Laboratory [ANSM-KETAMINE-2023]
RacemicKetamine [Intravenous, Intramuscular] UrinaryTract [ANSM-KETAMINE-2023 HC-SSR-KETAMINE-2020]
RacemicKetamine [Intravenous] Observation [SZARMACH-2020]
RacemicKetamine by Intravenous: 8
RacemicKetamine by Intranasal: 7
RacemicKetamine by Intramuscular: 7
RacemicKetamine by Subcutaneous: 7
RacemicKetamine by Oral: 7
RacemicKetamine by Sublingual: 7
RacemicKetamine Risks: recorded 16
RacemicKetamine Contraindications: recorded 4
RacemicKetamine Interactions: recorded 3
RacemicKetamine Populations: recorded 5
RacemicKetamine Dosing: recorded 31
RacemicKetamine Monitoring: recorded 8
Esketamine [Intranasal] Observation [SPRAVATO-PI-2019 SPRAVATO-PI-2025 FDA-REMS-SPRAVATO]
Esketamine [Intranasal] Program [SPRAVATO-PI-2019 FDA-REMS-SPRAVATO]
Esketamine [Intranasal] BloodPressure [SPRAVATO-PI-2019 SPRAVATO-SMPC-EU SPRAVATO-HCP-TRD-DOSING]
Esketamine [Intranasal] Respiratory [FDA-REMS-SPRAVATO SPRAVATO-HCP-TRD-DOSING]
Esketamine [Intranasal] Driving [SPRAVATO-PI-2019 USMED-BS-2021 SPRAVATO-HCP-TRD-DOSING]
Esketamine [Intranasal] Equipment [SPRAVATO-SMPC-EU]
Esketamine by Intravenous: 6
Esketamine by Intranasal: 6
Esketamine by Subcutaneous: 6
Esketamine Risks: recorded 20
Esketamine Contraindications: recorded 4
Esketamine Interactions: recorded 3
Esketamine Populations: recorded 13
Esketamine Dosing: recorded 9
Esketamine Monitoring: recorded 6
"##;
const ORDERS: &str = r##"
by bioavailability: [Intravenous, Intranasal, Sublingual, Oral, Intramuscular, Subcutaneous]
by onset: [Intravenous, Intramuscular, Intranasal, Subcutaneous, Oral, Sublingual]
risks None None: [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, PsychiatricAdverseEvents, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks None Some(Intravenous): [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, PsychiatricAdverseEvents, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks None Some(Intranasal): [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, PsychiatricAdverseEvents, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks None Some(Intramuscular): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks None Some(Subcutaneous): [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, PsychiatricAdverseEvents, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks None Some(Oral): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks None Some(Sublingual): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks Some(RacemicKetamine) None: [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, DizzinessFatigue, CognitiveImpairment]
risks Some(RacemicKetamine) Some(Intravenous): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, DizzinessFatigue, CognitiveImpairment]
risks Some(RacemicKetamine) Some(Intranasal): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks Some(RacemicKetamine) Some(Intramuscular): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks Some(RacemicKetamine) Some(Subcutaneous): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks Some(RacemicKetamine) Some(Oral): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks Some(RacemicKetamine) Some(Sublingual): [BloodPressureHeartRate, AbuseAddiction, RespiratoryDepression, EmergenceReactions, Hepatotoxicity, PediatricNeurotoxicity, RaisedIntracranialPressure, AirwayComplications, NauseaVomiting, Sedation, UrinaryTractToxicity, ImpairedDriving, PsychiatricAdverseEvents, Dissociation, CognitiveImpairment]
risks Some(Esketamine) None: [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks Some(Esketamine) Some(Intravenous): [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks Some(Esketamine) Some(Intranasal): [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks Some(Esketamine) Some(Intramuscular): []
risks Some(Esketamine) Some(Subcutaneous): [Dissociation, AbuseAddiction, Sedation, RespiratoryDepression, SuicidalThoughts, BloodPressureHeartRate, UrinaryTractToxicity, CognitiveImpairment, PregnancyHarm, ImpairedDriving, NauseaVomiting, DizzinessFatigue, Vertigo, ToleranceDependence, Hypoesthesia, Anxiety, Lethargy, FeelingDrunk, Bradycardia, Seizure]
risks Some(Esketamine) Some(Oral): []
risks Some(Esketamine) Some(Sublingual): []
MajorDepressiveDisorder: ["RacemicKetamine/Intravenous/Strong", "RacemicKetamine/Intramuscular/Limited"] benefits [RapidRelief, Neuroplasticity, NovelMechanism]
TreatmentResistantDepression: ["Esketamine/Intranasal/RegulatoryApproval", "RacemicKetamine/Intravenous/Strong", "RacemicKetamine/Subcutaneous/Limited", "RacemicKetamine/Oral/Limited", "RacemicKetamine/Sublingual/Insufficient", "Esketamine/Subcutaneous/Insufficient"] benefits [RapidRelief, Neuroplasticity, NovelMechanism]
DepressionWithSuicidalIdeation: ["Esketamine/Intranasal/RegulatoryApproval", "RacemicKetamine/Intravenous/Mixed"] benefits [RapidRelief, SuicidalIdeationReduction]
GeneralizedAnxietyDisorder: ["RacemicKetamine/Subcutaneous/Limited"] benefits []
SocialAnxietyDisorder: ["RacemicKetamine/Intravenous/Limited", "RacemicKetamine/Subcutaneous/Limited"] benefits []
Ptsd: ["RacemicKetamine/Intravenous/Mixed"] benefits []
BipolarDepression: ["RacemicKetamine/Intravenous/Limited", "RacemicKetamine/Sublingual/Insufficient"] benefits [RapidRelief]
Ocd: ["RacemicKetamine/Intravenous/Limited"] benefits []
Fibromyalgia: ["RacemicKetamine/Intravenous/Insufficient"] benefits []
Crps: ["RacemicKetamine/Intravenous/Mixed", "Esketamine/Intravenous/Limited"] benefits []
Migraine: ["RacemicKetamine/Intranasal/Limited", "RacemicKetamine/Intravenous/Insufficient"] benefits []
Intravenous: [MajorDepressiveDisorder, TreatmentResistantDepression, DepressionWithSuicidalIdeation, SocialAnxietyDisorder, Ptsd, BipolarDepression, Ocd, Fibromyalgia, Crps, Migraine]
Intranasal: [TreatmentResistantDepression, DepressionWithSuicidalIdeation, Migraine]
Intramuscular: [MajorDepressiveDisorder]
Subcutaneous: [TreatmentResistantDepression, GeneralizedAnxietyDisorder, SocialAnxietyDisorder]
Oral: [TreatmentResistantDepression]
Sublingual: [TreatmentResistantDepression, BipolarDepression]
Depression: [MajorDepressiveDisorder, TreatmentResistantDepression, DepressionWithSuicidalIdeation]
Anxiety: [GeneralizedAnxietyDisorder, SocialAnxietyDisorder]
Trauma: [Ptsd]
Bipolar: [BipolarDepression]
ObsessiveCompulsive: [Ocd]
ChronicPain: [Fibromyalgia, Crps, Migraine]
sources of tier Tertiary: 16
sources of tier Secondary: 15
sources of tier Primary: 154
"##;
