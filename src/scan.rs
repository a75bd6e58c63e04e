//! Byte searches shared by the stages. Most bytes of a text are plain letters and spaces: a
//! test over a block of 32 bytes, which the compiler turns into vector instructions, passes
//! over them several times faster than a search that looks at one byte at a time.

const BLOCK: usize = 32;

/// The position of the first byte at or after `from` for which `hit` holds. `hit` must be
/// free of branches (tests joined with `|` and `&`, not `||`, `&&` or `matches!` over several
/// values): a short-circuit test keeps the compiler from testing a block in vector registers,
/// and the search then costs several instructions a byte instead of a fraction of one.
pub(crate) fn find(bytes: &[u8], mut from: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    while from + BLOCK <= bytes.len()
        && !bytes[from..from + BLOCK].iter().fold(false, |any, &b| any | hit(b))
    {
        from += BLOCK;
    }
    bytes.get(from..)?.iter().position(|&b| hit(b)).map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_hit_across_blocks() {
        let mut bytes = vec![b'a'; 100];
        assert_eq!(find(&bytes, 0, |b| b == b'x'), None);
        bytes[70] = b'x';
        bytes[99] = b'x';
        assert_eq!(find(&bytes, 0, |b| b == b'x'), Some(70));
        assert_eq!(find(&bytes, 70, |b| b == b'x'), Some(70));
        assert_eq!(find(&bytes, 71, |b| b == b'x'), Some(99));
        assert_eq!(find(&bytes, 100, |b| b == b'x'), None);
        assert_eq!(find(&bytes, 500, |b| b == b'x'), None);
    }
}
