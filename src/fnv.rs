//! FNV-1a, the one hash of the crate. Features are hashed only to be compared within one run,
//! and `batch --shard` needs a hash that stays the same across runs, platforms and Rust
//! versions: a fast, stable hash serves both better than the default SipHash (which is seeded
//! per process). A leaf module.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// FNV-1a's 64-bit offset basis and prime (Fowler, Noll and Vo; IETF draft-eastlake-fnv).
const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The FNV-1a state, usable as a [`Hasher`].
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    /// The state before any byte.
    pub(crate) const DEFAULT: Fnv = Fnv(OFFSET_BASIS);

    /// The state after `bytes`; a `const fn`, so that a common prefix can be hashed at
    /// compile time.
    pub(crate) const fn with(self, bytes: &[u8]) -> Fnv {
        let (mut h, mut i) = (self.0, 0);
        while i < bytes.len() {
            h = (h ^ bytes[i] as u64).wrapping_mul(PRIME);
            i += 1;
        }
        Fnv(h)
    }
}

impl Default for Fnv {
    fn default() -> Self {
        Fnv::DEFAULT
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        *self = self.with(bytes);
    }
}

/// The FNV-1a hash of a value, through its `Hash` implementation.
pub(crate) fn hash<T: Hash>(value: T) -> u64 {
    let mut h = Fnv::default();
    value.hash(&mut h);
    h.finish()
}

/// The FNV-1a hash of a byte string.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    Fnv::DEFAULT.with(bytes).0
}

/// A hash map keyed through FNV-1a.
pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_test_vectors() {
        // From the FNV reference test suite (draft-eastlake-fnv, FNV-1a 64-bit).
        assert_eq!(hash_bytes(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash_bytes(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash_bytes(b"foobar"), 0x8594_4171_f739_67e8);
        let mut h = Fnv::default();
        h.write(b"foo");
        h.write(b"bar");
        assert_eq!(h.finish(), hash_bytes(b"foobar"));
    }
}
