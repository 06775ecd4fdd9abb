//! The one edit distance of the crate: bit-parallel Levenshtein distance, bounded in
//! input length and in the distance it reports. Used for "did you mean" suggestions
//! by lookup and by the loader (unknown source ids).

use crate::text::MAX_NAME_BYTES;

/// The folded input prepared for bit-parallel edit distance (Myers 1999, in Hyyrö's
/// formulation): one bit per input byte, so the distance to a key costs a few word
/// operations per key byte instead of a row of the dynamic-programming table.
pub(crate) struct Pattern {
    /// For each byte value, the positions of the input that hold it.
    peq: [u128; 256],
    len: usize,
}

/// The longest input [`Pattern`] measures from: one bit per byte in a `u128`.
pub(crate) const MAX_PATTERN_BYTES: usize = 128;

// A folded name fits in the bit vector.
const _: () = assert!(MAX_NAME_BYTES <= MAX_PATTERN_BYTES);

impl Pattern {
    /// The pattern of `input`; only its first [`MAX_PATTERN_BYTES`] bytes count, so
    /// callers with longer input should not ask (the distance would be to a prefix).
    pub(crate) fn new(input: &[u8]) -> Self {
        let mut peq = [0u128; 256];
        for (i, b) in input.iter().enumerate().take(MAX_PATTERN_BYTES) {
            if let Some(mask) = peq.get_mut(usize::from(*b)) {
                *mask |= 1u128 << i;
            }
        }
        Pattern {
            peq,
            len: input.len().min(MAX_PATTERN_BYTES),
        }
    }

    /// Levenshtein distance from the input to `key`, or `None` if it exceeds `bound`.
    pub(crate) fn distance(&self, key: &[u8], bound: usize) -> Option<usize> {
        if self.len.abs_diff(key.len()) > bound {
            return None;
        }
        if self.len == 0 {
            return Some(key.len()).filter(|d| *d <= bound);
        }
        // Names are short: one 64-bit word does the work at half the cost of two.
        if self.len <= 64 {
            self.run::<u64>(key, bound)
        } else {
            self.run::<u128>(key, bound)
        }
    }

    /// The bit-parallel recurrence in words of type `W`, which must hold `self.len`
    /// bits.
    fn run<W: Word>(&self, key: &[u8], bound: usize) -> Option<usize> {
        let last = W::bit(self.len - 1);
        let mut pv = W::MAX;
        let mut mv = W::ZERO;
        let mut score = self.len;
        for (j, b) in key.iter().enumerate() {
            let eq = W::truncate(self.peq.get(usize::from(*b)).copied().unwrap_or(0));
            let xv = eq | mv;
            let xh = (eq & pv).wrapping_add(pv) ^ pv | eq;
            let ph = mv | !(xh | pv);
            let mh = pv & xh;
            if ph & last != W::ZERO {
                score += 1;
            } else if mh & last != W::ZERO {
                score -= 1;
            }
            // The score can fall by at most one per remaining key byte.
            if score.saturating_sub(key.len() - j - 1) > bound {
                return None;
            }
            let ph = ph.shl1() | W::bit(0);
            let mh = mh.shl1();
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        Some(score).filter(|d| *d <= bound)
    }
}

/// The machine word a [`Pattern`] runs in.
trait Word:
    Copy
    + Eq
    + std::ops::BitOr<Output = Self>
    + std::ops::BitAnd<Output = Self>
    + std::ops::BitXor<Output = Self>
    + std::ops::Not<Output = Self>
{
    const ZERO: Self;
    const MAX: Self;
    /// The word with only bit `i` set.
    fn bit(i: usize) -> Self;
    /// The low bits of `v`.
    fn truncate(v: u128) -> Self;
    fn wrapping_add(self, other: Self) -> Self;
    fn shl1(self) -> Self;
}

macro_rules! word {
    ($t:ty) => {
        impl Word for $t {
            const ZERO: Self = 0;
            const MAX: Self = <$t>::MAX;
            fn bit(i: usize) -> Self {
                (1 as $t).checked_shl(i as u32).unwrap_or(0)
            }
            #[allow(clippy::cast_possible_truncation)]
            fn truncate(v: u128) -> Self {
                v as $t
            }
            fn wrapping_add(self, other: Self) -> Self {
                <$t>::wrapping_add(self, other)
            }
            fn shl1(self) -> Self {
                self << 1
            }
        }
    };
}
word!(u64);
word!(u128);

/// Levenshtein distance between `a` and `b`, or `None` if it exceeds `bound`.
#[cfg(test)]
fn edit_distance(a: &[u8], b: &[u8], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut row = [0usize; MAX_NAME_BYTES + 1];
    for (j, cell) in row.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = i;
        let mut row_min = i + 1;
        let mut left = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let up = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let value = if ca == cb {
                diagonal
            } else {
                1 + diagonal.min(up).min(left)
            };
            diagonal = up;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
            left = value;
            row_min = row_min.min(value);
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        if row_min > bound {
            return None;
        }
    }
    row.get(b.len()).copied().filter(|d| *d <= bound)
}

#[cfg(test)]
mod distance_tests {
    use super::*;

    #[test]
    fn bit_parallel_distance_matches_the_table() {
        let words: Vec<Vec<u8>> = {
            let mut seed = 0x1234_5678_u64;
            let mut next = move || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let mut w = Vec::new();
            for _ in 0..400 {
                let len = (next() % 40) as usize;
                w.push(
                    (0..len)
                        .map(|_| b"abcde fgh"[(next() % 9) as usize])
                        .collect(),
                );
            }
            w.push(b"treatment resistant depression".to_vec());
            w.push(b"treatment resistent depresion".to_vec());
            w.push(vec![b'x'; 96]);
            // Either side of the switch from one 64-bit word to 128 bits.
            for len in [63, 64, 65] {
                let mut v = vec![b'a'; len];
                v[len / 2] = b'b';
                w.push(v.clone());
                v.pop();
                w.push(v);
            }
            w.push(Vec::new());
            w
        };
        for a in &words {
            let p = Pattern::new(a);
            for b in words.iter().take(120) {
                for bound in [0, 1, 2, 3, 5, 8, 13, 40, 200] {
                    assert_eq!(
                        p.distance(b, bound),
                        edit_distance(a, b, bound),
                        "{a:?} {b:?} {bound}"
                    );
                }
            }
        }
    }
}
