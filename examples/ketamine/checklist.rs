//! `checklist <agent> [options]`: the screening of one patient, most serious first.

use ketamine_therapy::model::{
    BloodPressure, ChildPugh, Fact, GapStatus, History, Patient, Standing,
};
use ketamine_therapy::query::{
    Finding, Item, Matched, MedicineOutcome, Screening, ToCheck, split_medicine_list,
};
use ketamine_therapy::{Agent, Documented, IntoEnumIterator, KnowledgeBase, Route, Sourced};

use crate::{Failure, Out, Outcome, agent_of, resolve, wrap};

/// `checklist <agent> [options]`: parses the options, then prints the screening.
pub fn run(kb: &KnowledgeBase, args: &[String], out: Out) -> Outcome {
    let options = parse(kb, args)?;
    let entity = resolve(kb, &options.agent_name)?;
    let agent = agent_of("checklist", entity, &options.agent_name)?;
    print(kb, agent, &options, out)
}

/// The options of `checklist`.
pub struct Options {
    pub agent_name: String,
    pub route: Option<Route>,
    pub medicines: Vec<String>,
    pub patient: Patient,
    pub full: bool,
}

/// Parses `checklist` arguments: the agent's name, then options.
pub fn parse(kb: &KnowledgeBase, args: &[String]) -> Result<Options, Failure> {
    let mut o = Options {
        agent_name: String::new(),
        route: None,
        medicines: Vec::new(),
        patient: Patient::new(),
        full: false,
    };
    let mut name = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |flag: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("`{flag}` needs a value")))
        };
        match arg.as_str() {
            "--full" => o.full = true,
            "--pregnant" => o.patient = o.patient.pregnant(true),
            "--breastfeeding" => o.patient = o.patient.breastfeeding(true),
            "--route" => {
                let v = value("--route")?;
                o.route = Some(kb.lookup_as::<Route>(&v).map_err(Failure::Lookup)?);
            }
            "--meds" => {
                let v = value("--meds")?;
                o.medicines
                    .extend(split_medicine_list(&v).map(str::to_owned));
            }
            "--bp" => {
                let v = value("--bp")?;
                let bp: BloodPressure = v.parse().map_err(|e| Failure::Usage(format!("{e}")))?;
                o.patient = o.patient.blood_pressure(bp);
            }
            "--age" => {
                let v = value("--age")?;
                let age: u8 = v.trim().parse().map_err(|_| {
                    Failure::Usage(format!(
                        "`--age` takes whole years from 0 to 255, not `{v}`"
                    ))
                })?;
                o.patient = o.patient.age(age);
            }
            "--child-pugh" => {
                let v = value("--child-pugh")?;
                let class: ChildPugh = v.parse().map_err(|_| {
                    Failure::Usage(format!("`--child-pugh` takes A, B or C, not `{v}`"))
                })?;
                o.patient = o.patient.child_pugh(class);
            }
            "--history" => {
                let v = value("--history")?;
                for h in v.split(',').map(str::trim).filter(|h| !h.is_empty()) {
                    let h: History = h.parse().map_err(|_| {
                        Failure::Usage(format!(
                            "unknown history condition `{h}`; for example aneurysm, avm, \
                             stroke, psychosis, substance abuse, hypersensitivity"
                        ))
                    })?;
                    o.patient = o.patient.history(h);
                }
            }
            flag if flag.starts_with("--") => {
                return Err(Failure::Usage(format!("unknown option `{flag}`")));
            }
            word => name.push(word.to_owned()),
        }
    }
    o.agent_name = name.join(" ");
    Ok(o)
}

/// Prints the screening of `agent`.
pub fn print(kb: &KnowledgeBase, agent: Agent, o: &Options, out: Out) -> Outcome {
    let route = o
        .route
        .unwrap_or_else(|| kb.agent(agent).routes()[0].route());
    let s = kb
        .screen(agent, route, &o.patient, &o.medicines)
        .map_err(|e| Failure::Usage(e.to_string()))?;
    writeln!(out)?;
    wrap(
        out,
        "",
        "",
        &format!(
            "Pre-session screening for {agent} by the {route} route: what the labels and \
             studies in this data say about this patient. It is not a clinical decision; \
             check the current label."
        ),
    )?;
    if !o.medicines.is_empty() {
        wrap(out, "Medicines: ", "  ", &o.medicines.join(", "))?;
    }
    applies(&s, o.full, out)?;
    to_check(s.to_check(), o.full, out)?;
    medicines(&s, out)?;
    not_assessed(&s, o.full, out)?;
    if !o.full {
        writeln!(out)?;
        writeln!(
            out,
            "(--full prints every statement in full with its sources)"
        )?;
    }
    Ok(())
}

/// What matched a finding, in a few words.
fn matched_text(f: &Finding<'_>) -> String {
    let parts: Vec<String> = f
        .matched()
        .iter()
        .filter_map(|m| match m {
            Matched::Criterion(c) => Some(c.to_string()),
            Matched::Medicine {
                input,
                ingredient,
                membership,
                class,
            } => Some(match (ingredient, membership) {
                (Some(i), Some(m)) if i.name() != input => {
                    format!("{input} ({}, {class}: {})", i.name(), m.basis())
                }
                (Some(_), Some(m)) => format!("{input} ({class}: {})", m.basis()),
                _ => format!("{input} ({class})"),
            }),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" [matched: {}]", parts.join("; "))
    }
}

/// A short title of a statement, for the one-screen view.
fn title(item: &Item<'_>) -> String {
    match item {
        Item::Contraindication(c) => clip(c.text(), 90),
        Item::Interaction(i) => {
            let effects: Vec<String> = i.effects().iter().map(ToString::to_string).collect();
            format!("with {}: {}", i.interactant(), effects.join(", "))
        }
        Item::Population(p) => {
            let j = p
                .jurisdiction()
                .map(|j| format!(", {j}"))
                .unwrap_or_default();
            format!("{} ({}{j})", p.population(), p.recommendation())
        }
        Item::Monitoring(m) => {
            let timing = m.timing().map(|t| format!(", {t}")).unwrap_or_default();
            let j = m
                .jurisdiction()
                .map(|j| format!(" ({j})"))
                .unwrap_or_default();
            format!("{}{timing}{j}", m.kind())
        }
        Item::Risk(r) => r.name().to_owned(),
        _ => clip(item.text(), 90),
    }
}

/// The first sentence of a text, at most `max` characters.
fn clip(text: &str, max: usize) -> String {
    let sentence = text.find(". ").map_or(text, |end| &text[..=end]);
    if sentence.chars().count() <= max {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

fn applies(s: &Screening<'_>, full: bool, out: Out) -> Outcome {
    writeln!(out)?;
    writeln!(out, "Applies, most serious first")?;
    // One screen: the risks of each standing share a line, printed with the other
    // statements of that standing, so that the order stays most serious first.
    let mut risks: Vec<&str> = Vec::new();
    let mut current: Option<Standing> = None;
    for f in s.findings() {
        if current != Some(f.standing()) {
            risk_line(current, &mut risks, out)?;
            current = Some(f.standing());
        }
        if let (Item::Risk(r), false) = (f.item(), full) {
            risks.push(r.name());
            continue;
        }
        let head = format!("  [{}] {}: ", f.standing(), f.item().kind());
        let body = if full {
            let text = match f.item() {
                Item::Risk(r) => format!("{}: {}", r.name(), r.description()),
                item => item.text().to_owned(),
            };
            format!("{text}{} [{}]", matched_text(f), f.sources().join(", "))
        } else {
            format!("{}{}", title(&f.item()), matched_text(f))
        };
        wrap(out, &head, "      ", &body)?;
    }
    risk_line(current, &mut risks, out)
}

/// The risks of one standing on one line, if any; empties `risks`.
fn risk_line(standing: Option<Standing>, risks: &mut Vec<&str>, out: Out) -> Outcome {
    if let (Some(standing), false) = (standing, risks.is_empty()) {
        wrap(
            out,
            &format!("  [{standing}] risks: "),
            "      ",
            &risks.join(", "),
        )?;
    }
    risks.clear();
    Ok(())
}

fn to_check(items: &[ToCheck<'_>], full: bool, out: Out) -> Outcome {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "To check before the session (a patient fact was not given)"
    )?;
    if full {
        for c in items {
            let needs: Vec<String> = c.missing().iter().map(ToString::to_string).collect();
            let head = format!("  [{}] {}: ", c.standing(), c.item().kind());
            let body = format!(
                "{} [needs: {}] [{}]",
                c.item().text(),
                needs.join("; "),
                c.item().sources().join(", ")
            );
            wrap(out, &head, "      ", &body)?;
        }
        return Ok(());
    }
    // One line per fact to ask about, with the most serious standing that needs it.
    let mut facts: Vec<(Fact, Standing)> = Vec::new();
    for c in items {
        for fact in c.missing() {
            match facts.iter_mut().find(|f| f.0 == *fact) {
                Some(f) => f.1 = f.1.min(c.standing()),
                None => facts.push((*fact, c.standing())),
            }
        }
    }
    facts.sort_by_key(|f| f.1);
    for standing in Standing::iter() {
        let asks: Vec<String> = facts
            .iter()
            .filter(|f| f.1 == standing)
            .map(|f| f.0.to_string())
            .collect();
        if !asks.is_empty() {
            wrap(
                out,
                &format!("  [{standing}] ask about: "),
                "      ",
                &asks.join("; "),
            )?;
        }
    }
    Ok(())
}

fn medicines(s: &Screening<'_>, out: Out) -> Outcome {
    if s.medicines().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Medicines")?;
    for m in s.medicines() {
        let text = match m {
            MedicineOutcome::Resolved {
                input,
                medicine,
                interactions,
                documented,
            } => {
                let what = match (medicine.brand(), medicine.class()) {
                    (Some(_), _) => format!(
                        "{input}: brand of {}",
                        medicine
                            .ingredients()
                            .map(|i| i.name())
                            .collect::<Vec<_>>()
                            .join(" + ")
                    ),
                    (None, Some(x)) => format!("{input}: the class {x}"),
                    (None, None) => format!("{input}: {}", medicine.name()),
                };
                let said = match (interactions, documented) {
                    (0, Documented::NoneDocumented(r)) => format!(
                        "no interaction documented in the labels read ({})",
                        r.sources().join(", ")
                    ),
                    (0, d) => d.to_string(),
                    (n, _) => format!("{n} interaction(s) listed above"),
                };
                format!("{what}; {said}")
            }
            MedicineOutcome::Unresolved { input, error } => format!("{input}: {error}"),
            _ => continue,
        };
        wrap(out, "  - ", "    ", &text)?;
    }
    Ok(())
}

fn not_assessed(s: &Screening<'_>, full: bool, out: Out) -> Outcome {
    if s.not_assessed().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "Not assessed in this data")?;
    if !full {
        // One line per topic: the items whose label section was not read.
        for topic in ketamine_therapy::Topic::iter() {
            let items: Vec<String> = s
                .not_assessed()
                .iter()
                .filter(|n| n.topic() == topic)
                .map(|n| {
                    n.gap().map_or_else(
                        || "not recorded for this agent".to_owned(),
                        |g| format!("{} (section not read)", g.item().replace('_', " ")),
                    )
                })
                .collect();
            if !items.is_empty() {
                wrap(out, &format!("  - {topic}: "), "    ", &items.join(", "))?;
            }
        }
        return Ok(());
    }
    for n in s.not_assessed() {
        let text = match n.gap() {
            Some(g) if g.status() == GapStatus::NotRead => format!(
                "{}: {}: label section not read{}",
                n.topic(),
                g.item().replace('_', " "),
                g.note().map(|x| format!(" ({x})")).unwrap_or_default()
            ),
            Some(g) => format!("{}: {}: {}", n.topic(), g.item(), g.status()),
            None => format!("{}: not recorded for this agent", n.topic()),
        };
        wrap(out, "  - ", "    ", &text)?;
    }
    Ok(())
}
