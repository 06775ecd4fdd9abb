//! Runs the example programs as a user would and checks their output against the
//! knowledge base: every condition, indication, risk and cited source that a command
//! should print is printed, in order, and every failure exits with status 2.
//!
//! The examples are run from the binaries `cargo test` builds into
//! `target/<profile>/examples/`; when that binary is missing or older than its sources
//! (as after `cargo test --test examples_cli`, which does not build examples), the test
//! falls back to `cargo run --example`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;
use std::{env, fs};

use ketamine_therapy::{
    Agent, Condition, DATA_VERSION, Indication, Jurisdiction, KnowledgeBase, Route, Sourced,
};

const FOCUSED: [&str; 3] = [
    "routes_for_condition",
    "compare_routes",
    "risks_and_monitoring",
];

struct Output {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Output {
    fn assert_ok(&self) {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        assert_eq!(self.stdout.lines().next(), Some(disclaimer().as_str()));
    }

    /// The output with every run of whitespace made one space, so that text the
    /// program wrapped over several lines can be searched for.
    fn flat(&self) -> String {
        flatten(&self.stdout)
    }
}

fn disclaimer() -> String {
    format!("ketamine-therapy data {DATA_VERSION}: information for developers, not medical advice.")
}

fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).ok()?.modified().ok()
}

/// The newest modification time of the files an example is built from (walking the
/// source folders, which hold the layers' subfolders).
fn newest_input(example: &str) -> Option<SystemTime> {
    fn walk(path: &Path, newest: &mut Option<SystemTime>) {
        if let Ok(entries) = fs::read_dir(path) {
            for entry in entries.flatten() {
                walk(&entry.path(), newest);
            }
        } else if let Some(t) = modified(path) {
            *newest = (*newest).max(Some(t));
        }
    }
    let dir = manifest_dir();
    let mut newest = None;
    for path in [
        dir.join("src"),
        dir.join("data"),
        dir.join("Cargo.toml"),
        dir.join("examples").join(format!("{example}.rs")),
        dir.join("examples").join(example),
    ] {
        walk(&path, &mut newest);
    }
    newest
}

/// `target/<profile>/examples/<name>`, next to this test's `deps/` directory, if it
/// exists and is newer than its sources.
fn built_example(example: &str) -> Option<PathBuf> {
    let exe = env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let file = format!("{example}{}", env::consts::EXE_SUFFIX);
    let binary = profile_dir.join("examples").join(file);
    let built = modified(&binary)?;
    let fresh = newest_input(example).is_none_or(|input| input <= built);
    fresh.then_some(binary)
}

fn is_release() -> bool {
    let exe = env::current_exe().unwrap();
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .and_then(Path::file_name);
    profile.is_some_and(|p| p == "release")
}

fn run(example: &str, args: &[&str]) -> Output {
    let mut command = match built_example(example) {
        Some(binary) => Command::new(binary),
        None => {
            let mut cargo = Command::new(env!("CARGO"));
            cargo.args(["run", "--quiet", "--offline", "--example", example]);
            if is_release() {
                cargo.arg("--release");
            }
            cargo.arg("--").current_dir(manifest_dir());
            cargo
        }
    };
    let output = command.args(args).output().expect("the example runs");
    Output {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

fn ketamine(args: &[&str]) -> Output {
    run("ketamine", args)
}

fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

/// The US status column as the overview prints it.
fn us_status(ind: &Indication) -> String {
    let statuses: BTreeSet<String> = ind
        .regulatory_in(Jurisdiction::Us)
        .map(|r| r.status().to_string())
        .collect();
    // No fact about the use itself: by rule, off-label where the agent has a US label.
    let labelled = kb()
        .agent(ind.agent())
        .regulatory()
        .iter()
        .any(|r| r.jurisdiction() == Jurisdiction::Us && r.status().to_string() == "approved");
    if statuses.is_empty() && labelled {
        "off-label".to_owned()
    } else if statuses.is_empty() {
        "not recorded".to_owned()
    } else {
        statuses.into_iter().collect::<Vec<_>>().join(" / ")
    }
}

/// The lines after the heading line that starts with `heading` (after indentation),
/// up to the next line with at most `depth` spaces of indentation.
fn block<'a>(stdout: &'a str, heading: &str, depth: usize) -> Vec<&'a str> {
    let mut lines = stdout.lines();
    let found = lines
        .any(|l| l.len() - l.trim_start().len() == depth && l.trim_start().starts_with(heading));
    assert!(found, "no heading `{heading}` in:\n{stdout}");
    lines
        .take_while(|l| l.len() - l.trim_start().len() > depth)
        .collect()
}

#[test]
fn overview_lists_every_condition_with_every_indication_aligned() {
    let out = ketamine(&[]);
    out.assert_ok();
    assert!(out.stdout.is_ascii(), "the overview is plain ASCII");
    let header = out
        .stdout
        .lines()
        .find(|l| l.contains("US status") && l.contains("evidence"))
        .expect("a header row");
    let columns: Vec<usize> = ["agent", "route", "evidence", "US status"]
        .iter()
        .map(|h| header.find(h).expect("every column in the header"))
        .collect();
    for group in kb().groups() {
        assert!(out.stdout.lines().any(|l| l == group.name().to_uppercase()));
    }
    for condition in kb().conditions() {
        let rows = block(&out.stdout, condition.name(), 2);
        let expected = kb().routes_for(condition.id());
        assert_eq!(rows.len(), expected.len(), "rows of {}", condition.name());
        for (row, ind) in rows.iter().zip(expected) {
            let cells = [
                ind.agent().to_string(),
                ind.route().to_string(),
                ind.evidence().to_string(),
                us_status(ind),
            ];
            for (at, cell) in columns.iter().zip(&cells) {
                let text = row.get(*at..).unwrap_or_default();
                assert!(
                    text.starts_with(cell.as_str()),
                    "`{cell}` at column {at} of `{row}`"
                );
            }
        }
    }
}

#[test]
fn routes_for_trd_lists_every_indication_strongest_first() {
    let out = ketamine(&["routes-for", "trd"]);
    out.assert_ok();
    let numbered: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        })
        .collect();
    let indications = kb().routes_for(Condition::TreatmentResistantDepression);
    assert_eq!(numbered.len(), indications.len());
    assert_eq!(
        numbered[0],
        "1. esketamine, intranasal: regulatory approval"
    );
    for (n, (line, ind)) in numbered.iter().zip(indications).enumerate() {
        let expected = format!(
            "{}. {}, {}: {}",
            n + 1,
            ind.agent(),
            ind.route(),
            ind.evidence()
        );
        assert_eq!(*line, expected);
    }
    let flat = out.flat();
    for ind in indications {
        assert!(flat.contains(&flatten(ind.note())), "note of {}", ind.key());
        for reg in ind.regulatory() {
            let head = format!("{} {}", reg.jurisdiction(), reg.status());
            assert!(flat.contains(&head), "{head} for {}", ind.key());
            if let Some(date) = reg.date() {
                assert!(flat.contains(&format!("{head} {date}")));
            }
        }
        for id in ind.sources() {
            assert!(flat.contains(id.as_str()), "source {id} of {}", ind.key());
        }
    }
    for alias in [
        "TRD",
        "Treatment Resistant Depression",
        "refractory_depression",
    ] {
        assert_eq!(
            ketamine(&["routes-for", alias]).stdout,
            out.stdout,
            "alias {alias}"
        );
    }
}

#[test]
fn show_spravato_cites_every_source_of_the_record_in_full() {
    let out = ketamine(&["show", "spravato"]);
    out.assert_ok();
    assert_eq!(ketamine(&["show", "Esketamine"]).stdout, out.stdout);
    let record = kb().agent(Agent::Esketamine);
    let mut facts: Vec<&dyn Sourced> = vec![record];
    facts.extend(record.routes().iter().map(|r| r as &dyn Sourced));
    facts.extend(record.codes().iter().map(|c| c as &dyn Sourced));
    facts.extend(record.regulatory().iter().map(|r| r as &dyn Sourced));
    facts.extend(record.controlled_substance().map(|c| c as &dyn Sourced));
    let flat = out.flat();
    for fact in facts {
        for source in kb().sources_of(fact) {
            assert!(
                flat.contains(&flatten(&source.to_string())),
                "citation of {}",
                source.id()
            );
            if let Some(link) = source.link() {
                assert!(flat.contains(&link), "link of {}", source.id());
            }
        }
    }
    assert!(flat.contains(&flatten(record.description())));
}

/// The numbers in the `[1, 2]` references of a `show` output, and the numbers of the
/// entries of its source list (`  1. ID (kind)`).
fn references(stdout: &str) -> (BTreeSet<usize>, Vec<usize>) {
    let (body, list) = stdout.split_once("\nSources\n").expect("a Sources list");
    let mut cited = BTreeSet::new();
    for chunk in flatten(body).split('[').skip(1) {
        let Some((inside, _)) = chunk.split_once(']') else {
            continue;
        };
        let numbers: Option<Vec<usize>> = inside.split(", ").map(|n| n.parse().ok()).collect();
        cited.extend(numbers.unwrap_or_default());
    }
    let listed = list
        .lines()
        .filter(|l| l.get(3..5) == Some(". "))
        .filter_map(|l| l.get(..3)?.trim_start().parse().ok())
        .collect();
    (cited, listed)
}

#[test]
fn show_works_for_every_entity_and_numbers_every_citation() {
    let k = kb();
    let names: Vec<String> = k
        .agents()
        .map(|r| r.name().to_owned())
        .chain(k.routes().map(|r| r.name().to_owned()))
        .chain(k.groups().map(|r| r.name().to_owned()))
        .chain(k.conditions().map(|r| r.name().to_owned()))
        .chain(k.benefits().map(|r| r.name().to_owned()))
        .chain(k.risks().map(|r| r.name().to_owned()))
        .collect();
    for name in names {
        let out = ketamine(&["show", &name]);
        out.assert_ok();
        let entity = k.lookup(&name).unwrap();
        let title = format!("{} `{entity}` (id {})", entity.kind(), entity.id());
        assert!(out.stdout.lines().any(|l| l == title), "title of {name}");
        let (cited, listed) = references(&out.stdout);
        let all: Vec<usize> = (1..=listed.len()).collect();
        assert_eq!(listed, all, "sources of {name} are numbered 1..n");
        assert_eq!(
            cited,
            all.into_iter().collect(),
            "every source of {name} is cited"
        );
    }
}

#[test]
fn risks_lists_exactly_the_risks_of_an_agent_or_route() {
    let cases = [
        (
            vec!["iv", "IV", "intravenous", "i.v."],
            None,
            Some(Route::Intravenous),
        ),
        (
            vec!["Spravato", "esketamine"],
            Some(Agent::Esketamine),
            None,
        ),
    ];
    for (names, agent, route) in cases {
        let out = ketamine(&["risks", names[0]]);
        out.assert_ok();
        let expected: Vec<String> = kb()
            .risks_for(agent, route)
            .map(|r| format!("{} ({} course)", r.name(), r.course()))
            .collect();
        let headings: Vec<&str> = out
            .stdout
            .lines()
            .filter(|l| l.ends_with(" course)"))
            .collect();
        assert_eq!(headings, expected, "risks {}", names[0]);
        for name in &names[1..] {
            assert_eq!(
                ketamine(&["risks", name]).stdout,
                out.stdout,
                "alias {name}"
            );
        }
    }
}

#[test]
fn conditions_for_nasal_lists_the_conditions_of_the_route() {
    let out = ketamine(&["conditions-for", "nasal"]);
    out.assert_ok();
    let conditions = kb().conditions_for(Route::Intranasal);
    assert!(conditions.contains(&Condition::TreatmentResistantDepression));
    let headings: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| kb().conditions().any(|c| l.starts_with(c.name())))
        .collect();
    assert_eq!(headings.len(), conditions.len());
    for (line, condition) in headings.iter().zip(conditions) {
        assert!(line.starts_with(&condition.to_string()), "{line}");
    }
    assert!(out.stdout.contains("treatment-resistant depression"));
}

#[test]
fn sources_lists_the_whole_bibliography() {
    let out = ketamine(&["sources"]);
    out.assert_ok();
    let ids: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| !l.starts_with(' ') && l.ends_with(')'))
        .filter_map(|l| l.split(' ').next())
        .collect();
    let expected: Vec<&str> = kb().sources().map(|s| s.id()).collect();
    assert_eq!(ids, expected);
    assert!(ids.contains(&"SEED-ARTICLE"));
    let flat = out.flat();
    for source in kb().sources() {
        assert!(
            flat.contains(&flatten(&source.to_string())),
            "{}",
            source.id()
        );
    }
}

#[test]
fn unknown_names_and_bad_usage_exit_with_status_2() {
    let out = ketamine(&["show", "ketamnie"]);
    assert_eq!(out.code, Some(2));
    assert_eq!(out.stdout.lines().next(), Some(disclaimer().as_str()));
    assert!(out.stderr.contains("did you mean"), "{}", out.stderr);
    // Suggestions are only the close names (issue 15): "esketamine" is four edits from
    // "ketamnie", so it is asked for with a closer typo.
    assert!(out.stderr.contains("racemic ketamine"), "{}", out.stderr);
    let out = ketamine(&["show", "esketamnie"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("esketamine"), "{}", out.stderr);
    let bad = [
        vec!["risks"],
        vec!["routes-for", "IV"],
        vec!["conditions-for", "ptsd"],
        vec!["frobnicate"],
        vec!["sources", "extra"],
        vec!["routes-for", "no such condition"],
    ];
    for args in bad {
        let out = ketamine(&args);
        assert_eq!(out.code, Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why on stderr");
    }
}

#[test]
fn help_names_every_command() {
    let out = ketamine(&["help"]);
    out.assert_ok();
    for command in [
        "routes-for",
        "conditions-for",
        "risks",
        "show",
        "sources",
        "help",
    ] {
        assert!(out.stdout.contains(command), "{command}");
    }
}

#[test]
fn focused_examples_run_and_start_with_the_disclaimer() {
    for example in FOCUSED {
        run(example, &[]).assert_ok();
    }
    let ptsd = run("routes_for_condition", &["PTSD"]);
    ptsd.assert_ok();
    assert!(ptsd.stdout.contains(&Condition::Ptsd.to_string()));
    assert_eq!(run("routes_for_condition", &["IV"]).code, Some(2));
}

#[test]
fn risks_oral_lists_every_risk_that_applies_to_oral_ketamine_with_its_basis() {
    let out = ketamine(&["risks", "oral"]);
    out.assert_ok();
    let expected: Vec<String> = kb()
        .risks_for(None, Route::Oral)
        .map(|r| format!("{} ({} course)", r.name(), r.course()))
        .collect();
    assert!(
        expected
            .iter()
            .any(|h| h.starts_with("respiratory depression"))
    );
    let headings: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.ends_with(" course)"))
        .collect();
    assert_eq!(headings, expected);
    assert!(
        out.stdout
            .contains("racemic ketamine: label warning (every route it is given by)")
    );
}

#[test]
fn checklist_shows_every_section_of_the_safety_picture() {
    let out = ketamine(&["checklist", "Spravato", "--full"]);
    out.assert_ok();
    for heading in [
        "Applies, most serious first",
        "To check before the session (a patient fact was not given)",
        "Not assessed in this data",
    ] {
        assert!(
            out.stdout.lines().any(|l| l == heading),
            "no `{heading}` section"
        );
    }
    // With no patient fact given, every contraindication is there, to be checked.
    let text = flatten(&out.stdout);
    for c in kb().contraindications(Agent::Esketamine) {
        assert!(
            text.contains(&flatten(c.text())),
            "contraindication missing: {}",
            c.text()
        );
    }
    // Every risk of the agent by its first route is printed.
    for r in kb().risks_of(Agent::Esketamine, Route::Intranasal).unwrap() {
        assert!(text.contains(r.name()), "risk missing: {}", r.name());
    }
    assert!(text.contains("not a clinical decision"));
    let wrong = ketamine(&["checklist", "TRD"]);
    assert_eq!(wrong.code, Some(2));
    let unknown = ketamine(&["checklist", "Spravato", "--weight", "70"]);
    assert_eq!(unknown.code, Some(2));
}

#[test]
fn checklist_screens_a_patient_most_serious_first() {
    let out = ketamine(&[
        "checklist",
        "Spravato",
        "--meds",
        "Xanax, Adderall, sertraline, lorazapam",
        "--bp",
        "165/100",
        "--age",
        "70",
        "--child-pugh",
        "B",
        "--history",
        "aneurysm",
    ]);
    out.assert_ok();
    let text = flatten(&out.stdout);
    assert!(
        text.contains("[contraindication] contraindication: Aneurysmal"),
        "{text}"
    );
    assert!(text.contains("matched: Xanax (alprazolam"), "{text}");
    assert!(text.contains("matched: Adderall"), "{text}");
    assert!(text.contains("blood pressure above 140/90 mmHg"), "{text}");
    assert!(text.contains("Child-Pugh B"), "{text}");
    assert!(!text.contains("matched: Child-Pugh C"), "{text}");
    assert!(text.contains("sertraline: sertraline; no interaction documented in the labels read"));
    assert!(text.contains("did you mean: lorazepam?"));
    // Contraindications first: the first statement printed is the aneurysm one.
    let first = out
        .stdout
        .lines()
        .skip_while(|l| *l != "Applies, most serious first")
        .nth(1)
        .unwrap_or_default();
    assert!(first.contains("[contraindication]"), "{first}");
    // Every line of the section, risks included, comes in standing order.
    let rank = |line: &str| {
        [
            "[contraindication]",
            "[boxed warning]",
            "[warning and precaution]",
            "[other label statement]",
            "[observed in studies]",
        ]
        .iter()
        .position(|s| line.trim_start().starts_with(s))
    };
    let ranks: Vec<usize> = out
        .stdout
        .lines()
        .skip_while(|l| *l != "Applies, most serious first")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(rank)
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert!(ranks.len() > 10, "{ranks:?}");
    // One screen by default.
    assert!(
        out.stdout.lines().count() < 70,
        "{} lines",
        out.stdout.lines().count()
    );
}

#[test]
fn interactions_of_a_medicine_or_brand() {
    let out = ketamine(&["interactions", "Xanax"]);
    out.assert_ok();
    let text = flatten(&out.stdout);
    assert!(text.contains("Xanax (brand"), "{text}");
    assert!(text.contains("alprazolam: CNS depressants"), "{text}");
    assert!(text.contains("With esketamine"));
    let none = ketamine(&["interactions", "sertraline"]);
    none.assert_ok();
    assert!(flatten(&none.stdout).contains("no interaction documented in the labels read"));
    let combination = ketamine(&["interactions", "oxycodone/APAP 5/325"]);
    combination.assert_ok();
    let text = flatten(&combination.stdout);
    assert!(text.contains("oxycodone: CNS depressants"), "{text}");
    assert!(
        text.contains("paracetamol in no interacting class"),
        "{text}"
    );
    let typo = ketamine(&["interactions", "lorazapam"]);
    assert_eq!(typo.code, Some(2));
    assert!(typo.stderr.contains("lorazepam"));
}

#[test]
fn interactions_by_agent_and_by_class_member() {
    let out = ketamine(&["interactions", "ketamine"]);
    out.assert_ok();
    assert!(out.stdout.contains("theophylline and aminophylline"));
    let by_member = ketamine(&["interactions", "benzodiazepines"]);
    by_member.assert_ok();
    assert!(by_member.stdout.contains("CNS depressants"));
    assert!(by_member.stdout.contains("With esketamine"));
    assert!(by_member.stdout.contains("With racemic ketamine"));
}

#[test]
fn dosing_says_it_is_reference_data_and_never_a_dose() {
    let out = ketamine(&["dosing", "TRD"]);
    out.assert_ok();
    let text = flatten(&out.stdout);
    assert!(text.contains("No dose here is a dose for any person; this tool computes none."));
    assert!(text.contains("label (US)"));
    assert!(text.contains("off-label"));
    // Labelled regimens come before trial protocols.
    let first_label = text.find("label (").expect("a labelled regimen");
    let first_trial = text.find("trial protocol").expect("a trial protocol");
    assert!(
        first_label < first_trial,
        "a trial protocol before the label"
    );
}
