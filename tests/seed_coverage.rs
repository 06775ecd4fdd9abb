//! Ties each claim of the seed article (`SEED-ARTICLE` in the bibliography) to the
//! record that carries it, and checks that the record says what the article says, or
//! qualifies it where other sources disagree.
//!
//! Records that carry a claim of the article cite `SEED-ARTICLE`, except where the
//! claim rests on better sources alone. Those claims, whose records do not cite the
//! article (checked here without a citation requirement):
//! * IV sessions repeated over several weeks: the IV `protocol` cites trials and reviews.
//! * Esketamine nasal spray FDA-approved for TRD: the indication and the agent's
//!   `regulatory` entries cite the label, FDA and news sources.
//! * Nasal spray given in a clinical setting: the intranasal `setting` cites the label
//!   and REMS (the intranasal `prevalence` does cite the article).
//! * IM slower and more prolonged: the IM timings cite the label and secondary sources
//!   (the IM record itself and its `prevalence` cite the article).
//! * Oral and sublingual absorption varies: the `bioavailability` values cite
//!   pharmacokinetic studies (the route records cite the article).
//! * Blood pressure monitored during treatment: the monitoring facts cite the label.
//! * Medical supervision lowers the addiction risk: the `mitigation` cites the REMS.
//! * Indications in general cite trials, never the article; the conditions do.

use ketamine_therapy::{
    Agent, Benefit, Condition, ConditionGroup, Entity, Evidence, Jurisdiction, KnowledgeBase, Risk,
    Route, Sourced,
    model::{
        Certainty, Course, MechanismStep, MonitoringKind, PrevalenceLevel, QualificationKind,
        RegulatoryStatus, SettingKind, Span, Timing,
    },
};

const SEED: &str = "SEED-ARTICLE";

type Check = Box<dyn Fn(&KnowledgeBase) -> Result<(), String>>;

fn ensure(ok: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(message()) }
}

fn cites_seed(what: &str, fact: &dyn Sourced) -> Result<(), String> {
    ensure(fact.sources().iter().any(|s| s == SEED), || {
        format!(
            "{what} does not cite {SEED} (sources: {:?})",
            fact.sources()
        )
    })
}

fn some<'a, T>(what: &str, value: Option<&'a T>) -> Result<&'a T, String> {
    value.ok_or_else(|| format!("{what} is missing"))
}

fn span(text: &str) -> Span {
    text.parse().expect("a valid span")
}

fn mentions(what: &str, text: &str, word: &str) -> Result<(), String> {
    ensure(text.to_lowercase().contains(word), || {
        format!("{what} does not mention `{word}`: {text}")
    })
}

/// The mechanism step with this id, and its position in the causal chain.
fn step<'a>(kb: &'a KnowledgeBase, id: &str) -> Result<(usize, &'a MechanismStep), String> {
    kb.mechanism()
        .steps()
        .iter()
        .enumerate()
        .find(|(_, s)| s.id() == id)
        .ok_or_else(|| format!("no mechanism step `{id}`"))
}

fn condition_row(claim: &'static str, condition: Condition) -> (&'static str, Check) {
    (
        claim,
        Box::new(move |kb| {
            let record = kb.condition(condition);
            cites_seed(&format!("condition {}", condition.id()), record)?;
            cites_seed(
                &format!("group {}", condition.group().id()),
                kb.group(condition.group()),
            )?;
            ensure(!kb.routes_for(condition).is_empty(), || {
                format!("{condition:?} has no indication")
            })
        }),
    )
}

fn risk_row(
    claim: &'static str,
    risk: Risk,
    extra: fn(&KnowledgeBase) -> Result<(), String>,
) -> (&'static str, Check) {
    (
        claim,
        Box::new(move |kb| {
            cites_seed(&format!("risk {}", risk.id()), kb.risk(risk))?;
            extra(kb)
        }),
    )
}

fn acute(kb: &KnowledgeBase, risk: Risk) -> Result<(), String> {
    ensure(kb.risk(risk).course() == Course::Acute, || {
        format!("{risk:?} is not acute (the article calls it temporary/short-lived)")
    })
}

fn claims() -> Vec<(&'static str, Check)> {
    vec![
        // Mechanism.
        (
            "ketamine blocks NMDA receptors",
            Box::new(|kb| {
                let (_, s) = step(kb, "nmda_antagonism")?;
                mentions("nmda_antagonism summary", s.summary(), "nmda")?;
                ensure(s.certainty() == Certainty::Established, || {
                    String::from("NMDA blockade should be established")
                })?;
                ensure(s.agents().contains(&Agent::RacemicKetamine), || {
                    String::from("NMDA step does not name racemic ketamine")
                })?;
                cites_seed("mechanism step nmda_antagonism", s)
            }),
        ),
        (
            "NMDA blockade raises glutamate availability",
            Box::new(|kb| {
                let (nmda, _) = step(kb, "nmda_antagonism")?;
                let (i, s) = step(kb, "glutamate_surge")?;
                mentions("glutamate_surge summary", s.summary(), "glutamate")?;
                ensure(i > nmda, || {
                    String::from("glutamate step precedes NMDA step")
                })?;
                cites_seed("mechanism step glutamate_surge", s)
            }),
        ),
        (
            "glutamate stimulates growth of new neural connections",
            Box::new(|kb| {
                let (glu, _) = step(kb, "glutamate_surge")?;
                let (i, s) = step(kb, "synaptogenesis")?;
                mentions("synaptogenesis summary", s.summary(), "synap")?;
                ensure(i > glu, || {
                    String::from("synaptogenesis precedes glutamate step")
                })?;
                // Shown in animals only: the data must not present it as established.
                ensure(s.certainty() != Certainty::Established, || {
                    String::from("synaptogenesis marked established; it is preclinical")
                })?;
                cites_seed("mechanism step synaptogenesis", s)
            }),
        ),
        // Rapid action.
        (
            "works rapidly, within hours or days, unlike weeks for standard antidepressants",
            Box::new(|kb| {
                let b = kb.benefit(Benefit::RapidRelief);
                cites_seed("benefit rapid_relief", b)?;
                let t = some("rapid_relief time_scale", b.time_scale())?;
                ensure(t.min() < span("1d") && t.max() <= span("7d"), || {
                    format!("rapid_relief time scale {t} is not hours to days")
                })
            }),
        ),
        // Setting and routes.
        (
            "given in a controlled medical environment under supervision (IV)",
            Box::new(|kb| {
                let s = some("IV setting", kb.route(Route::Intravenous).setting())?;
                ensure(s.kind() == SettingKind::SupervisedClinic, || {
                    format!("IV setting is {}", s.kind())
                })?;
                cites_seed("IV setting", s)
            }),
        ),
        (
            "IV infusion is the most studied and widely used form",
            Box::new(|kb| {
                let r = kb.route(Route::Intravenous);
                cites_seed("route intravenous", r)?;
                let p = some("IV prevalence", r.prevalence())?;
                ensure(p.level() == PrevalenceLevel::MostStudied, || {
                    format!("IV prevalence is {}", p.level())
                })?;
                cites_seed("IV prevalence", p)
            }),
        ),
        (
            "an IV dose is delivered over 40 to 60 minutes",
            Box::new(|kb| {
                let s = some("IV session", kb.route(Route::Intravenous).session())?;
                ensure(s.min() == span("40min") && s.max() == span("60min"), || {
                    format!("IV session is {s}, not 40-60 min")
                })?;
                cites_seed("IV session", s)
            }),
        ),
        (
            "IV patients often need multiple sessions over several weeks",
            Box::new(|kb| {
                let p = some("IV protocol", kb.route(Route::Intravenous).protocol())?;
                mentions("IV protocol", p.text(), "week")
            }),
        ),
        (
            "intranasal esketamine (Spravato) is FDA-approved for treatment-resistant depression",
            Box::new(|kb| {
                let ind = kb
                    .routes_for(Condition::TreatmentResistantDepression)
                    .iter()
                    .find(|i| i.agent() == Agent::Esketamine && i.route() == Route::Intranasal)
                    .ok_or("no TRD/esketamine/intranasal indication")?;
                ensure(ind.is_approved_in(Jurisdiction::Us), || {
                    String::from("TRD esketamine nasal spray not approved in the US")
                })?;
                ensure(ind.evidence() == Evidence::RegulatoryApproval, || {
                    format!("evidence is {}", ind.evidence())
                })?;
                ensure(
                    kb.agent(Agent::Esketamine).regulatory().iter().any(|r| {
                        r.jurisdiction() == Jurisdiction::Us
                            && r.status() == RegulatoryStatus::Approved
                    }),
                    || String::from("esketamine has no US approval"),
                )?;
                ensure(
                    kb.lookup("Spravato") == Ok(Entity::Agent(Agent::Esketamine)),
                    || String::from("`Spravato` does not name esketamine"),
                )
            }),
        ),
        (
            "esketamine is a derivative of ketamine",
            Box::new(|kb| {
                ensure(
                    kb.agent(Agent::Esketamine).enantiomer_of() == Some(Agent::RacemicKetamine),
                    || String::from("esketamine is not recorded as an enantiomer of ketamine"),
                )
            }),
        ),
        (
            "the nasal spray is given in a clinical setting, one of the two common forms",
            Box::new(|kb| {
                let r = kb.route(Route::Intranasal);
                let s = some("intranasal setting", r.setting())?;
                ensure(s.kind() == SettingKind::CertifiedRemsSetting, || {
                    format!("intranasal setting is {}", s.kind())
                })?;
                ensure(
                    kb.monitoring_for(Agent::Esketamine, Route::Intranasal)
                        .any(|m| m.kind() == MonitoringKind::Observation),
                    || String::from("no observation requirement for nasal esketamine"),
                )?;
                let p = some("intranasal prevalence", r.prevalence())?;
                ensure(p.level() == PrevalenceLevel::Common, || {
                    format!("intranasal prevalence is {}", p.level())
                })?;
                cites_seed("intranasal prevalence", p)
            }),
        ),
        (
            "IM injection is a less common method",
            Box::new(|kb| {
                let r = kb.route(Route::Intramuscular);
                cites_seed("route intramuscular", r)?;
                let p = some("IM prevalence", r.prevalence())?;
                ensure(p.level() == PrevalenceLevel::LessCommon, || {
                    format!("IM prevalence is {}", p.level())
                })?;
                cites_seed("IM prevalence", p)
            }),
        ),
        (
            "IM gives a slower, more prolonged (acute) effect than IV",
            Box::new(|kb| {
                let iv = kb.route(Route::Intravenous);
                let im = kb.route(Route::Intramuscular);
                let later = |what: &str, a: Option<&Timing>, b: Option<&Timing>| {
                    let (a, b) = (
                        some(&format!("IM {what}"), a)?,
                        some(&format!("IV {what}"), b)?,
                    );
                    ensure(a.min() > b.min() && a.max() > b.max(), || {
                        format!("IM {what} {a} is not later/longer than IV {what} {b}")
                    })
                };
                later("acute_onset", im.acute_onset(), iv.acute_onset())?;
                later("acute_duration", im.acute_duration(), iv.acute_duration())
            }),
        ),
        (
            "... but the antidepressant effect of IM is not shown to last longer",
            Box::new(|kb| {
                let iv = kb.route(Route::Intravenous);
                let im = kb.route(Route::Intramuscular);
                if let (Some(a), Some(b)) =
                    (im.antidepressant_duration(), iv.antidepressant_duration())
                {
                    ensure(a.max() <= b.max(), || {
                        format!("IM antidepressant duration {a} is longer than IV's {b}")
                    })?;
                }
                mentions("IM description", im.description(), "antidepressant")
            }),
        ),
        (
            "oral and sublingual tablets or lozenges: absorption varies, below injection",
            Box::new(|kb| {
                // IV must have a figure; IM counts only where a primary source gives one
                // (its usual 93 % rests on no source the data accepts).
                let iv = some(
                    "intravenous bioavailability",
                    kb.route(Route::Intravenous).bioavailability(),
                )?;
                let floor = kb
                    .route(Route::Intramuscular)
                    .bioavailability()
                    .map_or(iv.range().min(), |im| {
                        im.range().min().min(iv.range().min())
                    });
                for r in [Route::Oral, Route::Sublingual] {
                    let record = kb.route(r);
                    cites_seed(&format!("route {}", r.id()), record)?;
                    let b = some(
                        &format!("{} bioavailability", r.id()),
                        record.bioavailability(),
                    )?;
                    ensure(b.range().max() < floor, || {
                        format!(
                            "{} bioavailability {} is not below IM/IV",
                            r.id(),
                            b.range()
                        )
                    })?;
                    let p = some(&format!("{} prevalence", r.id()), record.prevalence())?;
                    cites_seed(&format!("{} prevalence", r.id()), p)?;
                    let given = kb
                        .agent(Agent::RacemicKetamine)
                        .routes()
                        .iter()
                        .find(|x| x.route() == r)
                        .ok_or_else(|| format!("racemic ketamine is not given by {}", r.id()))?;
                    cites_seed(&format!("racemic ketamine route {}", r.id()), given)?;
                }
                Ok(())
            }),
        ),
        // Conditions.
        condition_row(
            "depression, especially treatment-resistant depression",
            Condition::TreatmentResistantDepression,
        ),
        condition_row(
            "generalized anxiety disorder (GAD)",
            Condition::GeneralizedAnxietyDisorder,
        ),
        condition_row("social anxiety disorder", Condition::SocialAnxietyDisorder),
        condition_row("post-traumatic stress disorder (PTSD)", Condition::Ptsd),
        condition_row(
            "depressive episodes in bipolar disorder",
            Condition::BipolarDepression,
        ),
        condition_row("obsessive-compulsive disorder (OCD)", Condition::Ocd),
        condition_row("fibromyalgia", Condition::Fibromyalgia),
        condition_row("complex regional pain syndrome (CRPS)", Condition::Crps),
        condition_row("migraine", Condition::Migraine),
        (
            "anxiety disorders and chronic pain syndromes are groups",
            Box::new(|kb| {
                for g in [
                    ConditionGroup::Anxiety,
                    ConditionGroup::ChronicPain,
                    ConditionGroup::Depression,
                ] {
                    cites_seed(&format!("group {}", g.id()), kb.group(g))?;
                }
                ensure(
                    kb.conditions_in(ConditionGroup::ChronicPain)
                        == [
                            Condition::Fibromyalgia,
                            Condition::Crps,
                            Condition::Migraine,
                        ],
                    || String::from("chronic pain group is not fibromyalgia, CRPS, migraine"),
                )
            }),
        ),
        // Benefits.
        (
            "neuroplasticity: formation of new neural connections",
            Box::new(|kb| {
                let b = kb.benefit(Benefit::Neuroplasticity);
                cites_seed("benefit neuroplasticity", b)?;
                ensure(
                    b.qualifications()
                        .iter()
                        .any(|q| q.kind() == QualificationKind::Preclinical),
                    || String::from("neuroplasticity lacks its preclinical qualification"),
                )
            }),
        ),
        (
            "non-traditional mechanism, an option after SSRIs or SNRIs fail",
            Box::new(|kb| {
                let b = kb.benefit(Benefit::NovelMechanism);
                cites_seed("benefit novel_mechanism", b)?;
                mentions("novel_mechanism description", b.description(), "ssri")?;
                ensure(
                    kb.lookup("non-traditional mechanism")
                        == Ok(Entity::Benefit(Benefit::NovelMechanism)),
                    || String::from("the article's wording does not find the benefit"),
                )
            }),
        ),
        (
            "can quickly reduce suicidal ideation",
            Box::new(|kb| {
                let b = kb.benefit(Benefit::SuicidalIdeationReduction);
                cites_seed("benefit suicidal_ideation_reduction", b)?;
                ensure(
                    b.conditions()
                        .contains(&Condition::DepressionWithSuicidalIdeation),
                    || String::from("benefit does not concern depression with suicidal ideation"),
                )?;
                ensure(
                    b.qualifications()
                        .iter()
                        .any(|q| q.kind() == QualificationKind::NotLabelled),
                    || String::from("the benefit lacks its not-labelled qualification"),
                )
            }),
        ),
        // Risks.
        risk_row(
            "dissociation, usually temporary",
            Risk::Dissociation,
            |kb| acute(kb, Risk::Dissociation),
        ),
        risk_row("nausea and vomiting", Risk::NauseaVomiting, |kb| {
            acute(kb, Risk::NauseaVomiting)
        }),
        risk_row(
            "raised blood pressure and heart rate, temporary and monitored during treatment",
            Risk::BloodPressureHeartRate,
            |kb| {
                acute(kb, Risk::BloodPressureHeartRate)?;
                ensure(
                    Agent::ALL.iter().any(|a| {
                        kb.monitoring(*a).any(|m| {
                            matches!(
                                m.kind(),
                                MonitoringKind::BloodPressure | MonitoringKind::VitalSigns
                            )
                        })
                    }),
                    || String::from("no blood-pressure or vital-sign monitoring"),
                )
            },
        ),
        risk_row(
            "dizziness and fatigue, short-lived",
            Risk::DizzinessFatigue,
            |kb| acute(kb, Risk::DizzinessFatigue),
        ),
        risk_row(
            "addiction potential, lowered by medical supervision",
            Risk::AbuseAddiction,
            |kb| {
                let m = some(
                    "abuse_addiction mitigation",
                    kb.risk(Risk::AbuseAddiction).mitigation(),
                )?;
                mentions("abuse_addiction mitigation", m.text(), "supervision")
            },
        ),
    ]
}

#[test]
fn every_claim_of_the_seed_article_has_its_record() {
    let kb = KnowledgeBase::embedded();
    assert!(
        kb.source(SEED).is_some(),
        "{SEED} is not in the bibliography"
    );
    let rows = claims();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(claim, check)| check(kb).err().map(|e| format!("{claim}: {e}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} claims not carried by the data:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// The article text names each condition, benefit and risk the table covers, so the
/// table is about this article and not a paraphrase of the data.
#[test]
fn the_table_follows_the_article_text() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/sources/seed-article.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        // The article is not shipped with the crate; only check where it is present.
        println!("seed article not found at {path}; skipped");
        return;
    };
    for phrase in [
        "NMDA",
        "glutamate",
        "new neural connections",
        "40-60 minutes",
        "several weeks",
        "approved by the FDA for treatment-resistant depression",
        "slower, more prolonged effect",
        "absorption rates vary",
        "generalized anxiety disorder",
        "social anxiety disorder",
        "PTSD",
        "bipolar disorder",
        "OCD",
        "fibromyalgia",
        "CRPS",
        "migraines",
        "Rapid Relief",
        "Neuroplasticity",
        "Non-Traditional Mechanism",
        "suicidal ideation",
        "Dissociation",
        "Nausea and Vomiting",
        "Blood Pressure and Heart Rate",
        "Dizziness and Fatigue",
        "Addiction Potential",
        "supervision",
    ] {
        assert!(
            text.contains(phrase),
            "the article no longer says `{phrase}`"
        );
    }
}
