//! The embedded knowledge base is parsed once even when many threads ask for it at the
//! same moment, and every thread gets the same instance.
//!
//! This file holds one test only: it must be the first code of its process to touch
//! the embedded data, so that the threads really race to initialise it.

use std::sync::{Arc, Barrier};

use ketamine_therapy::{
    Entity, Indication, KnowledgeBase, LoadError, LookupError, Source,
    model::{
        AgentRecord, BenefitRecord, ConditionRecord, Contraindication, GroupRecord, Mechanism,
        Monitoring, RiskRecord, RouteRecord,
    },
};

const fn assert_send_sync<T: Send + Sync>() {}

// Compile-time: the knowledge base and everything it hands out can be shared across
// threads.
const _: () = {
    assert_send_sync::<KnowledgeBase>();
    assert_send_sync::<&'static KnowledgeBase>();
    assert_send_sync::<AgentRecord>();
    assert_send_sync::<RouteRecord>();
    assert_send_sync::<GroupRecord>();
    assert_send_sync::<ConditionRecord>();
    assert_send_sync::<BenefitRecord>();
    assert_send_sync::<RiskRecord>();
    assert_send_sync::<Indication>();
    assert_send_sync::<Contraindication>();
    assert_send_sync::<Monitoring>();
    assert_send_sync::<Mechanism>();
    assert_send_sync::<Source>();
    assert_send_sync::<Entity>();
    assert_send_sync::<LoadError>();
    assert_send_sync::<LookupError>();
};

#[test]
fn embedded_is_parsed_once_under_contention() {
    const THREADS: usize = 16;
    assert_eq!(
        KnowledgeBase::embedded_parse_count(),
        0,
        "something touched the embedded data before the race"
    );
    let barrier = Arc::new(Barrier::new(THREADS));
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                KnowledgeBase::embedded()
            })
        })
        .collect();
    let seen: Vec<&'static KnowledgeBase> = handles
        .into_iter()
        .map(|h| h.join().expect("a thread panicked"))
        .collect();

    assert_eq!(seen.len(), THREADS);
    let first = KnowledgeBase::embedded();
    for (i, kb) in seen.iter().enumerate() {
        assert!(std::ptr::eq(*kb, first), "thread {i} got another instance");
    }
    assert_eq!(KnowledgeBase::embedded_parse_count(), 1);
    // Asking again does not parse again.
    let _ = KnowledgeBase::embedded();
    assert_eq!(KnowledgeBase::embedded_parse_count(), 1);
}
