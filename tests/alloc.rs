//! Zero heap allocations on every query path, proven with a counting global allocator,
//! and the heap the loaded knowledge base holds.
//!
//! The allocator counts per thread (a `const`-initialised thread-local, which never
//! allocates itself), so allocations by the test harness or by other tests running
//! on other threads do not pollute the counts.
//!
//! A lookup *miss* may allocate once: the [`LookupError`] owns a copy of the input
//! text, so that it can outlive the borrowed input. Everything else (getters,
//! relations, iterators, lookup hits) allocates nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use ketamine_therapy::{
    Agent, Benefit, Condition, ConditionGroup, Entity, Evidence, Interactant, Jurisdiction,
    KnowledgeBase, LookupError, Risk, Route, Sourced, Topic,
};
use strum::IntoEnumIterator;

mod common;
use common::names_and_aliases;

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
    static NET_BYTES: Cell<isize> = const { Cell::new(0) };
    static PEAK_BYTES: Cell<isize> = const { Cell::new(0) };
}

fn add(allocs: usize, bytes: isize) {
    // `try_with` cannot fail for a const, drop-free thread-local, but an allocator
    // must never panic, so a failure is ignored rather than unwrapped.
    let _ = ALLOCS.try_with(|c| c.set(c.get() + allocs));
    let _ = NET_BYTES.try_with(|c| {
        c.set(c.get() + bytes);
        let _ = PEAK_BYTES.try_with(|p| p.set(p.get().max(c.get())));
    });
}

/// The most bytes `f` held at once on this thread, above what was held before.
fn peak<T>(f: impl FnOnce() -> T) -> (isize, T) {
    let base = NET_BYTES.with(Cell::get);
    PEAK_BYTES.with(|p| p.set(base));
    let out = f();
    (PEAK_BYTES.with(Cell::get) - base, out)
}

fn signed(n: usize) -> isize {
    isize::try_from(n).unwrap_or(isize::MAX)
}

/// The system allocator, counting this thread's allocations and net bytes.
struct Counting;

// SAFETY: every method forwards to `System` unchanged; the counting only touches
// thread-local cells.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(1, signed(layout.size()));
        // SAFETY: the caller's contract is passed on to `System`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(1, signed(layout.size()));
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        add(0, -signed(layout.size()));
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        add(1, signed(new_size) - signed(layout.size()));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What `f` allocated on this thread: (allocations, net bytes still held).
fn measure<T>(f: impl FnOnce() -> T) -> (usize, isize, T) {
    let allocs = ALLOCS.with(Cell::get);
    let bytes = NET_BYTES.with(Cell::get);
    let out = f();
    let allocs = ALLOCS.with(Cell::get) - allocs;
    let bytes = NET_BYTES.with(Cell::get) - bytes;
    (allocs, bytes, out)
}

/// Asserts that `f` makes no allocation on this thread.
fn assert_no_alloc<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let (allocs, _, out) = measure(f);
    assert_eq!(
        allocs, 0,
        "{what} allocated {allocs} time(s); queries must not allocate"
    );
    out
}

/// Consumes every field a caller could read from an indication, so nothing is
/// optimised away and lazy iterators are driven to the end.
fn touch_indication(i: &ketamine_therapy::Indication) -> usize {
    black_box((i.condition(), i.agent(), i.route(), i.evidence()));
    let us = usize::from(i.is_approved_in(Jurisdiction::Us));
    us + i.regulatory().len()
        + i.regulatory_in(Jurisdiction::Eu).count()
        + i.note().len()
        + i.negative_findings().len()
        + i.sources().len()
}

#[test]
fn every_query_path_allocates_nothing() {
    let kb = KnowledgeBase::embedded();
    // The first call parses the data (and allocates); every call after borrows.
    let again = assert_no_alloc("KnowledgeBase::embedded (after the first call)", || {
        KnowledgeBase::embedded()
    });
    assert!(std::ptr::eq(kb, again));
    assert_no_alloc("KnowledgeBase::embedded_files()", || {
        black_box(KnowledgeBase::embedded_files().len())
    });

    // Record getters, every variant, with the fields a caller reads.
    assert_no_alloc("agent()", || {
        for a in Agent::iter() {
            let r = kb.agent(a);
            black_box((r.id(), r.name(), r.aliases(), r.description(), r.codes()));
            black_box((r.enantiomer_of(), r.routes(), r.controlled_substance()));
            black_box((r.regulatory(), r.sources()));
            for route in Route::iter() {
                black_box(r.is_given_by(route));
            }
        }
    });
    assert_no_alloc("route()", || {
        for x in Route::iter() {
            let r = kb.route(x);
            black_box((r.id(), r.name(), r.aliases(), r.description(), r.codes()));
            black_box((r.bioavailability(), r.acute_onset(), r.acute_peak()));
            black_box((r.acute_duration(), r.antidepressant_onset()));
            black_box((r.antidepressant_duration(), r.session(), r.observation()));
            black_box((r.protocol(), r.setting(), r.prevalence(), r.sources()));
        }
    });
    assert_no_alloc("group()", || {
        for g in ConditionGroup::iter() {
            let r = kb.group(g);
            black_box((r.id(), r.name(), r.aliases(), r.description(), r.sources()));
        }
    });
    assert_no_alloc("condition()", || {
        for c in Condition::iter() {
            let r = kb.condition(c);
            black_box((r.id(), r.name(), r.group(), r.aliases(), r.description()));
            black_box((r.codes(), r.sources()));
        }
    });
    assert_no_alloc("benefit()", || {
        for b in Benefit::iter() {
            let r = kb.benefit(b);
            black_box((r.id(), r.name(), r.aliases(), r.description()));
            black_box((
                r.time_scale(),
                r.qualifications(),
                r.conditions(),
                r.sources(),
            ));
        }
    });
    assert_no_alloc("risk()", || {
        for x in Risk::iter() {
            let r = kb.risk(x);
            black_box((r.id(), r.name(), r.aliases(), r.description(), r.course()));
            black_box((r.onset(), r.duration(), r.frequencies(), r.applies()));
            black_box((r.mitigation(), r.sources()));
            for a in Agent::iter() {
                for route in Route::iter() {
                    black_box(r.applies_to(a, route));
                }
            }
        }
    });
    assert_no_alloc("mechanism()", || {
        let m = kb.mechanism();
        black_box(m.qualification());
        for step in m.steps() {
            black_box((step.id(), step.summary(), step.certainty(), step.agents()));
        }
    });

    // The bibliography: every id resolves, an unknown id does not, and every fact's
    // citations resolve.
    assert_no_alloc("source(id)", || {
        for s in kb.sources() {
            assert!(kb.source(s.id()).is_some());
        }
        assert!(kb.source("NO-SUCH-SOURCE").is_none());
        assert!(kb.source("").is_none());
    });
    assert_no_alloc("sources_of()", || {
        let mut n = 0;
        for r in kb.routes() {
            n += kb.sources_of(r).count();
        }
        for r in kb.risks() {
            n += kb.sources_of(r).count();
        }
        for i in kb.indications() {
            n += kb.sources_of(i).count();
        }
        black_box(n)
    });

    // Full iteration of every table.
    assert_no_alloc(
        "agents()/routes()/groups()/conditions()/... iteration",
        || {
            let n = kb.agents().count()
                + kb.routes().count()
                + kb.groups().count()
                + kb.conditions().count()
                + kb.benefits().count()
                + kb.risks().count()
                + kb.sources().count();
            black_box(n)
        },
    );

    // Relations.
    assert_no_alloc("routes_for(every condition)", || {
        for c in Condition::iter() {
            for i in kb.routes_for(c) {
                black_box(touch_indication(i));
            }
        }
    });
    assert_no_alloc("conditions_for(every route)", || {
        for r in Route::iter() {
            black_box(kb.conditions_for(r));
        }
    });
    assert_no_alloc("conditions_in(every group)", || {
        for g in ConditionGroup::iter() {
            black_box(kb.conditions_in(g));
        }
    });
    assert_no_alloc("indications() with every filter", || {
        let mut n = kb.indications().map(touch_indication).sum::<usize>();
        for e in Evidence::iter() {
            n += kb.indications().min_evidence(e).count();
        }
        for a in Agent::iter() {
            n += kb.indications().agent(a).count();
        }
        for r in Route::iter() {
            n += kb.indications().route(r).count();
        }
        for j in Jurisdiction::iter() {
            n += kb.indications().approved_in(j).count();
        }
        for e in Evidence::iter() {
            for a in Agent::iter() {
                for r in Route::iter() {
                    for j in Jurisdiction::iter() {
                        let it = kb
                            .indications()
                            .min_evidence(e)
                            .agent(a)
                            .route(r)
                            .approved_in(j);
                        n += it.clone().count() + it.count();
                    }
                }
            }
        }
        black_box(n)
    });
    assert_no_alloc(
        "risks_for(every agent or None, every route or None)",
        || {
            let agents = std::iter::once(None).chain(Agent::iter().map(Some));
            let mut n = 0;
            for a in agents {
                let routes = std::iter::once(None).chain(Route::iter().map(Some));
                for r in routes {
                    n += kb.risks_for(a, r).count();
                }
            }
            for a in Agent::iter() {
                for r in Route::iter() {
                    n += kb.risks_for(a, r).count();
                }
            }
            black_box(n)
        },
    );
    assert_no_alloc("benefits_for(every condition)", || {
        let n: usize = Condition::iter().map(|c| kb.benefits_for(c).count()).sum();
        black_box(n)
    });
    assert_no_alloc("contraindications()/monitoring()/monitoring_for()", || {
        let mut n = 0;
        for a in Agent::iter() {
            for c in kb.contraindications(a) {
                n += c.text().len() + c.sources().len();
                black_box(c.agent());
            }
            for m in kb.monitoring(a) {
                n += m.text().len() + m.routes().len();
                black_box((m.agent(), m.kind(), m.timing()));
            }
            for r in Route::iter() {
                n += kb.monitoring_for(a, r).count();
            }
        }
        black_box(n)
    });
    assert_no_alloc(
        "interactions()/populations()/regimens()/documented()",
        || {
            let mut n = 0;
            for a in Agent::iter() {
                let found = kb.interactions(a);
                black_box(found.documented());
                for i in found {
                    n += i.effect().len() + i.management().len();
                    black_box((i.interactant(), i.severity()));
                }
                for p in kb.populations(a) {
                    n += p.text().len();
                    black_box((p.population(), p.recommendation(), p.jurisdiction()));
                }
                for r in kb.regimens(a) {
                    n += r.schedule().len();
                    black_box((
                        r.dose(),
                        r.phase(),
                        r.basis(),
                        r.administration(),
                        r.duration(),
                    ));
                }
                for t in Topic::iter() {
                    black_box(kb.documented(a, t));
                }
                for r in kb.risks() {
                    for route in Route::iter() {
                        black_box(r.basis_for(a, route));
                    }
                }
            }
            for x in Interactant::iter() {
                n += kb.interactions_with(x).count();
                black_box(kb.interactant(x).examples());
            }
            for c in Condition::iter() {
                n += kb.regimens_for(c).count();
            }
            black_box(n)
        },
    );
    assert_no_alloc("routes_by_bioavailability()/routes_by_onset()", || {
        black_box((kb.routes_by_bioavailability(), kb.routes_by_onset()))
    });

    // Lookup hits: every name and alias of every record, as written, in lower and in
    // upper case. Folding happens in a stack buffer.
    // Case variants are prepared before counting starts (making them allocates).
    let mut inputs: Vec<(String, Entity)> = Vec::new();
    for (name, entity) in names_and_aliases(kb) {
        inputs.push((name.to_owned(), entity));
        inputs.push((name.to_ascii_lowercase(), entity));
        inputs.push((name.to_ascii_uppercase(), entity));
    }
    assert!(inputs.len() > 100, "every name and alias is covered");
    assert_no_alloc("lookup(every name and alias, any case)", || {
        for (text, entity) in &inputs {
            assert_eq!(kb.lookup(text).ok(), Some(*entity), "lookup({text:?})");
        }
    });
    assert_no_alloc("Entity::kind()/id()", || {
        for (_, entity) in &inputs {
            black_box((entity.kind(), entity.id()));
        }
    });
    // Parsing an id with FromStr borrows too (a failed parse allocates its error).
    assert_no_alloc("FromStr of every id", || {
        for x in Agent::iter() {
            assert_eq!(x.id().parse::<Agent>().ok(), Some(x));
        }
        for x in Route::iter() {
            assert_eq!(x.id().parse::<Route>().ok(), Some(x));
        }
        for x in Condition::iter() {
            assert_eq!(x.id().parse::<Condition>().ok(), Some(x));
        }
        for x in Risk::iter() {
            assert_eq!(x.id().parse::<Risk>().ok(), Some(x));
        }
    });
}

#[test]
fn unicode_lookup_hits_allocate_nothing() {
    let kb = KnowledgeBase::embedded();
    // Case, compatibility forms, diacritics, typographic spaces and dashes: folded on
    // the stack like ASCII.
    for input in [
        "ÉSKETAMINE",
        "ésketamine",
        "\u{ff34}\u{ff32}\u{ff24}",
        "TRD\u{a0}",
        "treatment\u{2013}resistant depression",
    ] {
        let (allocs, _, result) = measure(|| kb.lookup(black_box(input)));
        assert!(result.is_ok(), "{input:?} should resolve");
        assert_eq!(allocs, 0, "lookup hit {input:?} allocated {allocs} times");
    }
}

#[test]
fn medicine_lookup_hits_allocate_nothing() {
    let kb = KnowledgeBase::embedded();
    let mut names: Vec<String> = kb.medicines().map(|m| m.name().to_owned()).collect();
    names.extend(kb.brands().map(|b| b.name().to_owned()));
    // As medicine lists hold names: strengths, forms, salts, brackets, combinations.
    names.extend(
        [
            "alprazolam 0.5 mg prn",
            "Adderall XR 20 mg",
            "sertraline HCl 50mg tablet",
            "zolpidem (Ambien) 10 mg",
            "fentanyl 25 mcg/hr patch",
            "benzodiazepines",
        ]
        .map(String::from),
    );
    for name in &names {
        let (allocs, _, hit) = measure(|| {
            let m = kb.medicine(black_box(name)).ok()?;
            let n = m.ingredients().count() + m.classes().count() + m.interactants().count();
            let i = m.interactions(Agent::Esketamine).count();
            Some(n + i + m.name().len())
        });
        if hit.is_some() {
            assert_eq!(allocs, 0, "medicine({name:?}) allocated {allocs} times");
        }
    }
    for combination in ["oxycodone/APAP 5/325", "buprenorphine-naloxone"] {
        let (allocs, _, count) =
            measure(|| kb.medicines_in(black_box(combination)).map(Iterator::count));
        assert_eq!(count.ok(), Some(2), "{combination}");
        assert_eq!(
            allocs, 0,
            "medicines_in({combination:?}) allocated {allocs} times"
        );
    }
}

#[test]
fn a_lookup_miss_allocates_at_most_once() {
    let kb = KnowledgeBase::embedded();
    // Inputs that name nothing: typos, garbage, empty, and longer than any name.
    let long = "x".repeat(500);
    let misses = [
        "spravto",
        "intravenus",
        "treatment resistent depresion",
        "zzz",
        "",
        "   ",
        "-",
        "ketamine ketamine ketamine",
        "é",
        long.as_str(),
    ];
    for input in misses {
        let (allocs, _, result) = measure(|| kb.lookup(black_box(input)));
        let err: LookupError = match result {
            Ok(hit) => panic!("{input:?} unexpectedly found {hit:?}"),
            Err(err) => err,
        };
        // The one allocation is the error's own copy of the input (none for "").
        assert!(
            allocs <= 1,
            "lookup miss {input:?} allocated {allocs} times; at most 1 (the input copy)"
        );
        if input.trim_matches([' ', '-']).is_empty() {
            // A blank text is its own error, with nothing to copy and no suggestion.
            assert_eq!(err, LookupError::Blank);
            assert_eq!(allocs, 0, "a blank lookup {input:?} allocated");
            continue;
        }
        // The error keeps at most the first 256 bytes of the input (all ASCII here).
        assert_eq!(err.input(), &input[..input.len().min(256)]);
        // Reading the suggestions allocates nothing more.
        assert_no_alloc("LookupError::suggestions()", || {
            black_box(err.suggestions().count())
        });
    }
}

#[test]
fn heap_held_after_load() {
    // The list above must be the crate's own: a data file added to the crate but not
    // here would make the figures below too small.
    let files = KnowledgeBase::embedded_files();
    let data_bytes: usize = files.iter().map(|(_, text)| text.len()).sum();

    // A first load fills the process-wide tables that loading builds once, lazily (the
    // ASCII skeleton table); without it the figures depend on whether another test
    // loaded first, and the test failed when run alone.
    drop(KnowledgeBase::from_json_files(files.iter().copied()).expect("the embedded data loads"));
    let (load_allocs, held, kb) = measure(|| {
        KnowledgeBase::from_json_files(files.iter().copied()).expect("the embedded data loads")
    });
    assert_eq!(&kb, KnowledgeBase::embedded());
    let (_, freed, ()) = measure(|| drop(kb));
    assert_eq!(
        held + freed,
        0,
        "dropping the knowledge base frees exactly what loading kept"
    );

    let (value_allocs, value_held, values) = measure(|| {
        files
            .iter()
            .map(|(_, text)| {
                serde_json::from_str::<serde_json::Value>(text).expect("the data is JSON")
            })
            .collect::<Vec<_>>()
    });
    drop(values);

    assert!(held > 0);
    // Read by scripts/bench-report (run with --nocapture); the format is stable.
    // A line of its own: libtest's progress output may precede it on the line.
    println!();
    println!("memory: embedded data bytes: {data_bytes}");
    println!("memory: heap bytes held after load: {held} ({load_allocs} allocations during load)");
    println!(
        "memory: heap bytes held by the same files as serde_json::Value: {value_held} ({value_allocs} allocations)"
    );
}

/// The memory a failed load takes stays within a small multiple of its input, for
/// hostile inputs up to the file limit. The figures are printed for
/// `scripts/bench-report --memory`; the bound asserted here is a loose guard against a
/// blow-up (such as an error path that copies the input per record), not a target.
#[test]
fn failed_load_memory_is_a_small_multiple_of_the_input() {
    let limit = ketamine_therapy::loader::MAX_FILE_BYTES;
    let nested = format!(
        "{{\"sources\": {}{}}}",
        "[".repeat(limit / 2 - 8),
        "]".repeat(limit / 2 - 8)
    );
    let escapes = format!(
        "{{\"sources\": [{{\"id\": \"X\", \"kind\": \"trial\", \"authors\": \"{}\"}}]}}",
        "\\u0041".repeat((limit - 100) / 6)
    );
    let many = {
        let one = r#"{"id": "S", "kind": "blog", "authors": "a", "title": "t"},"#;
        format!(
            "{{\"sources\": [{}{{}}]}}",
            one.repeat((limit - 40) / one.len())
        )
    };
    for (what, input) in [
        ("nested arrays", nested),
        ("a name of escapes", escapes),
        ("many bad records", many),
    ] {
        assert!(input.len() <= limit);
        let (bytes, failed) = peak(|| KnowledgeBase::from_json_str("big.json", &input).is_err());
        assert!(failed, "{what} loaded");
        let ratio = bytes as f64 / input.len() as f64;
        // Read by scripts/bench-report (run with --nocapture); the format is stable.
        println!(
            "memory: peak heap of a failed load of {what}: {bytes} bytes for {} input bytes ({ratio:.2}x)",
            input.len()
        );
        assert!(
            ratio < 16.0,
            "{what}: a failed load took {ratio:.1}x its input"
        );
    }
}
