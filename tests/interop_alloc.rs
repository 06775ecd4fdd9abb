//! `by_code`, `by_any_code`, `by_code_text` and `status_in` allocate nothing, proven
//! with a counting global allocator (the style of tests/alloc.rs, in a binary of its
//! own because a test binary has one global allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use ketamine_therapy::{IntoEnumIterator, Jurisdiction, KnowledgeBase, model::CodeSystem};

thread_local! {
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

struct Counting;

// SAFETY: every method forwards to `System` unchanged; the counting only touches a
// thread-local cell.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: the caller's contract is passed on to `System`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn assert_no_alloc<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let before = ALLOCS.with(Cell::get);
    let out = f();
    let allocs = ALLOCS.with(Cell::get) - before;
    assert_eq!(allocs, 0, "{what} allocated {allocs} time(s)");
    out
}

#[test]
fn code_lookups_allocate_nothing() {
    let kb = KnowledgeBase::embedded();
    // Every code of the data, hits and misses, in several spellings.
    let codes: Vec<(CodeSystem, String)> = kb
        .agents()
        .flat_map(|a| a.codes())
        .chain(kb.routes().flat_map(|r| r.codes()))
        .chain(kb.conditions().flat_map(|c| c.codes()))
        .map(|c| (c.system(), c.code().to_owned()))
        .collect();
    let texts: Vec<String> = codes
        .iter()
        .flat_map(|(s, c)| {
            [
                format!("{s} {c}"),
                format!("{}|{c}", s.fhir_uri()),
                c.replace('.', ""),
            ]
        })
        .collect();
    for (system, code) in &codes {
        let n = assert_no_alloc("by_code", || {
            let found = kb.by_code(*system, code);
            let shared = found.is_shared();
            let entities = found.entities().count();
            black_box((
                shared,
                entities,
                found.map(|m| m.code().code().len()).sum::<usize>(),
            ))
        });
        assert!(n.1 >= 1, "{system} {code}");
        assert_no_alloc("by_any_code", || black_box(kb.by_any_code(code).count()));
        for other in CodeSystem::iter() {
            assert_no_alloc("by_code miss", || {
                black_box(kb.by_code(other, "no-such-code").count())
            });
        }
    }
    for text in &texts {
        let n = assert_no_alloc("by_code_text", || black_box(kb.by_code_text(text).count()));
        assert!(n >= 1, "{text}");
    }
    let long = texts.concat();
    assert_no_alloc("long input", || black_box(kb.by_any_code(&long).count()));
}

#[test]
fn status_in_allocates_nothing() {
    let kb = KnowledgeBase::embedded();
    let _ = kb.indications().count();
    for ind in kb.indications() {
        for j in Jurisdiction::iter() {
            assert_no_alloc("status_in", || {
                let s = ind.status_in(j);
                black_box((
                    s.status(),
                    s.date(),
                    s.scope().map(str::len),
                    s.facts().count(),
                ))
            });
        }
    }
}
