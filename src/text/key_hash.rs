//! The hash of a folded name key, shared by the name index (which hashes its keys once,
//! at load) and the fold (which hashes a short ASCII key as it writes it, so that a
//! lookup does not read the key twice).

/// Mixes one more byte of a key into the running hash: byte-wise rotate-xor (byte
/// loads forward from the byte stores of the fold; a word load would stall on them).
#[inline]
pub(crate) fn step(h: u64, byte: u8) -> u64 {
    h.rotate_left(7) ^ u64::from(byte)
}

/// The hash of a key of `len` bytes whose bytes [`step`]ped from 0 gave `h`.
#[inline]
pub(crate) fn finish(h: u64, len: usize) -> u64 {
    (h ^ (len as u64).rotate_right(8)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The hash of a folded key.
pub(crate) fn key_hash(key: &[u8]) -> u64 {
    finish(key.iter().fold(0, |h, b| step(h, *b)), key.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_byte_by_byte_is_the_key_hash() {
        for key in [
            &b""[..],
            b"a",
            b"ketamine",
            b"treatment resistant depression",
        ] {
            let h = key.iter().fold(0, |h, b| step(h, *b));
            assert_eq!(finish(h, key.len()), key_hash(key));
        }
        assert_ne!(key_hash(b"ab"), key_hash(b"ba"));
        assert_ne!(key_hash(b"a"), key_hash(b"a\0"));
    }

    /// The hash spreads keys over the index's slots (its high half picks the slot): a
    /// thousand names give a thousand distinct high halves, so probes stay short.
    #[test]
    fn keys_spread_over_slots() {
        let keys: Vec<String> = (0..1000).map(|i| format!("medicine {i}")).collect();
        let mut high: Vec<u64> = keys.iter().map(|k| key_hash(k.as_bytes()) >> 32).collect();
        high.sort_unstable();
        high.dedup();
        assert!(high.len() > 990, "{}", high.len());
    }
}
