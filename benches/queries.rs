//! Measured speed: every operation sits in a criterion group beside two reference
//! points measured in the same run (see `baseline/mod.rs`):
//!
//! * `limit`: a hand-written `static` table indexed by the enum, or a precomputed
//!   `static` slice of the answer;
//! * `value_walk` (`value_parse` for loading): the same `data/*.json` bytes as
//!   `serde_json::Value`, and the same question answered by walking it.
//!
//! Groups that time several calls per iteration declare `Throughput::Elements(n)`;
//! `scripts/bench-report` divides by it, checks the ratios against the targets and
//! prints the table. Run: `scripts/bench-report` (or `--quick`).

mod baseline;

use std::hint::black_box;
use std::sync::LazyLock;

use baseline::{
    AGENT_NAMES, ALL_INDICATIONS, BENEFIT_NAMES, CONDITION_NAMES, ESKETAMINE_NASAL_RISKS,
    IV_CONDITIONS, MISS_LONG, MISS_SHORT, RISK_NAMES, ROUTES, TRD_BENEFITS, TRD_ROUTES, ValueData,
};
use criterion::{Criterion, SamplingMode, Throughput};
use ketamine_therapy::{
    Agent, Benefit, Condition, KnowledgeBase, Risk, Route, loader::MAX_FILE_BYTES,
};

/// The data files as `serde_json::Value`, parsed once for the walks.
static VALUES: LazyLock<ValueData> = LazyLock::new(ValueData::parse);

const TRD: Condition = Condition::TreatmentResistantDepression;

fn elements(n: usize) -> Throughput {
    Throughput::Elements(u64::try_from(n).expect("small count"))
}

/// Cold load: parse, validate and index the embedded bytes, against parsing the same
/// bytes into `Value`; then the same at ten times the data (`baseline/scaled.rs`).
/// Freeing the result is excluded from both.
fn load(c: &mut Criterion) {
    let files = baseline::files();
    load_group(c, "load", files, 20);
    let scaled = baseline::scaled::scaled(files, 10);
    let scaled: Vec<(&str, &str)> = scaled
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let bytes = |set: &[(&str, &str)]| set.iter().map(|(_, text)| text.len()).sum::<usize>();
    let factor = bytes(&scaled) as f64 / bytes(files) as f64;
    assert!((9.5..10.5).contains(&factor), "the 10x set is {factor:.2}x");
    let kb = KnowledgeBase::from_json_files(scaled.iter().copied()).expect("the 10x set loads");
    assert!(kb.medicines().count() >= 9 * KnowledgeBase::embedded().medicines().count());
    drop(kb);
    load_group(c, "load_10x", &scaled, 10);
}

/// One load group: `ours` beside `value_parse` of the same files.
fn load_group(c: &mut Criterion, name: &str, files: &[(&str, &str)], samples: usize) {
    let mut g = c.benchmark_group(name);
    g.sampling_mode(SamplingMode::Flat).sample_size(samples);
    let bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    g.throughput(Throughput::Bytes(u64::try_from(bytes).expect("small")));
    g.bench_function("ours", |b| {
        b.iter_with_large_drop(|| {
            KnowledgeBase::from_json_files(black_box(files).iter().copied())
                .expect("the data loads")
        })
    });
    g.bench_function("value_parse", |b| {
        b.iter_with_large_drop(|| {
            black_box(files)
                .iter()
                .map(|(_, text)| {
                    serde_json::from_str::<serde_json::Value>(text).expect("the data is JSON")
                })
                .collect::<Vec<_>>()
        })
    });
    g.finish();
}

/// One record-getter group: every variant's record, reading its name.
macro_rules! getter_group {
    ($c:expr, $group:literal, $enum:ident, $getter:ident, $table:expr, $file:ident, $section:literal) => {{
        let kb = KnowledgeBase::embedded();
        let v = &*VALUES;
        let mut g = $c.benchmark_group($group);
        g.throughput(elements($enum::ALL.len()));
        g.bench_function("ours", |b| {
            b.iter(|| {
                for &x in black_box(&$enum::ALL) {
                    black_box(kb.$getter(x).name());
                }
            })
        });
        g.bench_function("limit", |b| {
            b.iter(|| {
                for &x in black_box(&$enum::ALL) {
                    black_box($table[x as usize]);
                }
            })
        });
        g.bench_function("value_walk", |b| {
            b.iter(|| {
                for &x in black_box(&$enum::ALL) {
                    black_box(baseline::value_name(&v.$file, $section, x.id()));
                }
            })
        });
        g.finish();
    }};
}

fn getters(c: &mut Criterion) {
    getter_group!(c, "agent", Agent, agent, AGENT_NAMES, agents, "agents");
    {
        let kb = KnowledgeBase::embedded();
        let v = &*VALUES;
        let mut g = c.benchmark_group("route");
        g.throughput(elements(Route::ALL.len()));
        g.bench_function("ours", |b| {
            b.iter(|| {
                for &r in black_box(&Route::ALL) {
                    black_box(kb.route(r).name());
                }
            })
        });
        g.bench_function("limit", |b| {
            b.iter(|| {
                for &r in black_box(&Route::ALL) {
                    black_box(ROUTES[r as usize].name);
                }
            })
        });
        g.bench_function("value_walk", |b| {
            b.iter(|| {
                for &r in black_box(&Route::ALL) {
                    black_box(baseline::value_name(&v.routes, "routes", r.id()));
                }
            })
        });
        g.finish();
    }
    getter_group!(
        c,
        "condition",
        Condition,
        condition,
        CONDITION_NAMES,
        conditions,
        "conditions"
    );
    getter_group!(
        c,
        "benefit",
        Benefit,
        benefit,
        BENEFIT_NAMES,
        benefits,
        "benefits"
    );
    getter_group!(c, "risk", Risk, risk, RISK_NAMES, risks, "risks");

    let kb = KnowledgeBase::embedded();
    let v = &*VALUES;
    let ids = baseline::sample_source_ids(kb);
    let mut g = c.benchmark_group("source");
    g.throughput(elements(ids.len()));
    g.bench_function("ours", |b| {
        b.iter(|| {
            for id in black_box(&ids) {
                black_box(kb.source(id));
            }
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| {
            for id in black_box(&ids) {
                black_box(baseline::static_source(id));
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            for id in black_box(&ids) {
                black_box(baseline::value_source(v, id));
            }
        })
    });
    g.finish();
}

fn relations(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded();
    let v = &*VALUES;
    bench_routes_for(c, kb, v);
    bench_conditions_for(c, kb, v);
    bench_risks_for(c, kb, v);
    bench_benefits_for(c, kb, v);
    bench_indications(c, kb, v);
}

/// The `routes_for` group: the crate, its limit and the Value walk.
fn bench_routes_for(c: &mut Criterion, kb: &'static KnowledgeBase, v: &ValueData) {
    let mut g = c.benchmark_group("routes_for");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for i in kb.routes_for(black_box(TRD)) {
                black_box((i.agent(), i.route(), i.evidence()));
            }
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| {
            for row in black_box(TRD_ROUTES) {
                black_box(*row);
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            baseline::value_routes_for(v, black_box(TRD).id(), |a, r, e| {
                black_box((a, r, e));
            })
        })
    });
    g.finish();
}

/// The `conditions_for` group: the crate, its limit and the Value walk.
fn bench_conditions_for(c: &mut Criterion, kb: &'static KnowledgeBase, v: &ValueData) {
    let mut g = c.benchmark_group("conditions_for");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for c in kb.conditions_for(black_box(Route::Intravenous)) {
                black_box(*c);
            }
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| {
            for c in black_box(IV_CONDITIONS) {
                black_box(*c);
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            baseline::value_conditions_for(v, black_box(Route::Intravenous).id(), |c| {
                black_box(c);
            })
        })
    });
    g.finish();
}

/// The `risks_for` group: the crate, its limit and the Value walk.
fn bench_risks_for(c: &mut Criterion, kb: &'static KnowledgeBase, v: &ValueData) {
    let mut g = c.benchmark_group("risks_for");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for r in kb.risks_for(black_box(Agent::Esketamine), black_box(Route::Intranasal)) {
                black_box(r.id());
            }
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| {
            for r in black_box(ESKETAMINE_NASAL_RISKS) {
                black_box(*r);
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            baseline::value_risks_for(
                v,
                black_box(Agent::Esketamine).id(),
                black_box(Route::Intranasal).id(),
                |r| {
                    black_box(r);
                },
            )
        })
    });
    g.finish();
}

/// The `benefits_for` group: the crate, its limit and the Value walk.
fn bench_benefits_for(c: &mut Criterion, kb: &'static KnowledgeBase, v: &ValueData) {
    let mut g = c.benchmark_group("benefits_for");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for x in kb.benefits_for(black_box(TRD)) {
                black_box(x.id());
            }
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| {
            for x in black_box(TRD_BENEFITS) {
                black_box(*x);
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            baseline::value_benefits_for(v, black_box(TRD).id(), |x| {
                black_box(x);
            })
        })
    });
    g.finish();
}

/// The `indications` group: the crate, its limit and the Value walk.
fn bench_indications(c: &mut Criterion, kb: &'static KnowledgeBase, v: &ValueData) {
    let all: &'static [baseline::Quad] = *ALL_INDICATIONS;
    let mut g = c.benchmark_group("indications");
    g.bench_function("ours", |b| {
        b.iter(|| {
            for i in black_box(kb).indications() {
                black_box((i.condition(), i.agent(), i.route(), i.evidence()));
            }
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| {
            for row in black_box(all) {
                black_box(*row);
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            baseline::value_indications(black_box(v), |c, a, r, e| {
                black_box((c, a, r, e));
            })
        })
    });
    g.finish();
}

fn lookups(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded();
    let v = &*VALUES;

    let names = baseline::canonical_names(kb);
    let mut g = c.benchmark_group("lookup_name");
    g.throughput(elements(names.len()));
    g.bench_function("ours", |b| {
        b.iter(|| {
            for name in black_box(&names) {
                black_box(kb.lookup(name).ok());
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            for name in black_box(&names) {
                black_box(baseline::value_lookup(v, name));
            }
        })
    });
    g.finish();

    let aliases = baseline::aliases_other_case(kb);
    let mut g = c.benchmark_group("lookup_alias");
    g.throughput(elements(aliases.len()));
    g.bench_function("ours", |b| {
        b.iter(|| {
            for alias in black_box(&aliases) {
                black_box(kb.lookup(alias).ok());
            }
        })
    });
    g.bench_function("value_walk", |b| {
        b.iter(|| {
            for alias in black_box(&aliases) {
                black_box(baseline::value_lookup(v, alias));
            }
        })
    });
    g.finish();

    // A miss ranks every name and alias by edit distance and returns an error that
    // owns a copy of the input: that allocation and its free are part of the cost.
    let mut g = c.benchmark_group("lookup_miss");
    for (label, input) in [("short", MISS_SHORT), ("long", MISS_LONG)] {
        g.bench_function(label, |b| b.iter(|| kb.lookup(black_box(input))));
    }
    g.finish();
}

/// Screening a 20-medicine list for esketamine (nasal), beside the hand-written table
/// of `baseline/screening.rs`; the target is well under 50 µs for `ours`.
/// `ours_typos` has two misspelt names, whose lookups rank suggestions.
fn screening(c: &mut Criterion) {
    use baseline::screening::{MEDICINES_20, MEDICINES_20_TYPOS, hand_screen};
    use ketamine_therapy::model::Patient;

    let kb = KnowledgeBase::embedded();
    let patient = Patient::new();
    let mut g = c.benchmark_group("screening");
    g.bench_function("ours", |b| {
        b.iter(|| {
            kb.screen(
                Agent::Esketamine,
                Route::Intranasal,
                &patient,
                black_box(&MEDICINES_20),
            )
        })
    });
    g.bench_function("ours_typos", |b| {
        b.iter(|| {
            kb.screen(
                Agent::Esketamine,
                Route::Intranasal,
                &patient,
                black_box(&MEDICINES_20_TYPOS),
            )
        })
    });
    g.bench_function("limit", |b| {
        b.iter(|| hand_screen(black_box(&MEDICINES_20)))
    });
    g.finish();

    // A medicine miss ranks every medicine, brand and class name for suggestions.
    let mut g = c.benchmark_group("medicine_miss");
    for input in ["lorazapam", "benzodiazapine"] {
        g.bench_function(input, |b| b.iter(|| kb.medicine(black_box(input)).err()));
    }
    g.finish();
}

/// Interoperability: `by_code` beside `lookup`, and the FHIR export (feature `fhir`)
/// beside serialising the whole knowledge base with serde_json; the target is at most
/// 3x (`export/fhir_bundle` over `export/serde_json`).
fn interop(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded();
    let mut g = c.benchmark_group("by_code");
    g.bench_function("hit", |b| {
        b.iter(|| {
            kb.by_code(
                ketamine_therapy::model::CodeSystem::SnomedCt,
                black_box("46713006"),
            )
            .count()
        })
    });
    g.bench_function("text", |b| {
        b.iter(|| kb.by_code_text(black_box("ICD-10-CM F41.1")).count())
    });
    g.finish();

    let mut g = c.benchmark_group("export");
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("serde_json", |b| {
        b.iter(|| serde_json::to_string(black_box(kb)).map(|s| s.len()))
    });
    #[cfg(feature = "fhir")]
    g.bench_function("fhir_bundle", |b| {
        b.iter(|| black_box(kb).fhir_bundle().to_json().len())
    });
    g.finish();
}

/// Budgets for hostile input (issue 8), timed here and not in tests: a lookup of any
/// text answers in under 50 us; a load of any input up to the file limit loads or
/// fails in under 1 s.
fn hostile(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded();
    let mut g = c.benchmark_group("lookup_hostile");
    let inputs: [(&str, String); 5] = [
        ("1mb_ascii", "x".repeat(1 << 20)),
        ("1mb_separators", "- _".repeat(1 << 18)),
        ("100k_zero_width", "\u{200b}".repeat(100_000)),
        ("accents_x1000", "e\u{301}".repeat(1000)),
        (
            "unicode_near_miss",
            "TRE\u{c1}TMENT\u{2013}RESIST\u{c9}NT\u{a0}DEPRESI\u{d3}N".to_owned(),
        ),
    ];
    for (label, input) in &inputs {
        g.bench_function(*label, |b| b.iter(|| kb.lookup(black_box(input))));
    }
    g.finish();

    let mut g = c.benchmark_group("load_hostile");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    let overlay = baseline::max_size_overlay(MAX_FILE_BYTES);
    // The overlay is valid: the time is a whole parse, merge and validation.
    kb.with_overlay("big.json", &overlay)
        .expect("the max-size overlay loads");
    g.bench_function("overlay_of_many_sources", |b| {
        b.iter_with_large_drop(|| kb.with_overlay("big.json", black_box(&overlay)).ok())
    });
    let escapes = baseline::max_size_escaped_name(MAX_FILE_BYTES);
    assert!(KnowledgeBase::from_json_str("big.json", &escapes).is_err());
    g.bench_function("name_of_escapes", |b| {
        b.iter_with_large_drop(|| {
            KnowledgeBase::from_json_str("big.json", black_box(&escapes)).err()
        })
    });
    let nested = format!(
        "{{\"sources\": {}{}}}",
        "[".repeat(MAX_FILE_BYTES / 2 - 8),
        "]".repeat(MAX_FILE_BYTES / 2 - 8)
    );
    g.bench_function("nested_arrays", |b| {
        b.iter(|| KnowledgeBase::from_json_str("big.json", black_box(&nested)).err())
    });
    g.finish();
}

fn main() {
    // Every reference must answer the same question as the crate, or the ratios
    // would compare different work.
    baseline::check(KnowledgeBase::embedded(), &VALUES);
    baseline::screening::check(KnowledgeBase::embedded());
    let mut c = Criterion::default().configure_from_args();
    load(&mut c);
    getters(&mut c);
    relations(&mut c);
    lookups(&mut c);
    screening(&mut c);
    interop(&mut c);
    hostile(&mut c);
    c.final_summary();
}
