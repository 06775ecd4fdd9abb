//! Sorting records by a text key, moving each record once: the records are large (a
//! source or a medicine is a few hundred bytes), and an in-place sort would move each
//! about log n times.

use super::index::names::prefix;

/// Records in sorted order, with the file and the draft position of each.
pub(super) struct Sorted<T> {
    pub(super) records: Vec<T>,
    /// The file of each record.
    pub(super) files: Vec<usize>,
    /// The position of each record in the draft, before sorting.
    pub(super) order: Vec<u32>,
}

/// Draft records (file, record) sorted stably by `key`.
pub(super) fn sort_by_text<T>(records: Vec<(usize, T)>, key: impl Fn(&T) -> &str) -> Sorted<T> {
    // (prefix, key, position): distinct, so an unstable sort keeps data order for equal
    // keys; most comparisons end at the prefix, without reading the key.
    let mut keys: Vec<(u64, &str, u32)> = records
        .iter()
        .zip(0u32..)
        .map(|((_, r), i)| (prefix(key(r).as_bytes()), key(r), i))
        .collect();
    if !keys.is_sorted() {
        keys.sort_unstable();
    }
    let order: Vec<u32> = keys.into_iter().map(|(_, _, i)| i).collect();
    let mut sorted = Sorted {
        records: Vec::with_capacity(records.len()),
        files: Vec::with_capacity(records.len()),
        order,
    };
    // Wrapped in place (same size: `Option` uses a niche of the record).
    let mut slots: Vec<Option<(usize, T)>> = records.into_iter().map(Some).collect();
    for i in &sorted.order {
        if let Some((file, record)) = slots.get_mut(*i as usize).and_then(Option::take) {
            sorted.files.push(file);
            sorted.records.push(record);
        }
    }
    sorted
}
