//! A fixed linear congruential generator: the same numbers on every run, for fixtures
//! and shuffles that must not change from one run to the next (not for anything random).

/// Knuth's MMIX constants; each number is taken from the state's high bits.
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    /// A generator that starts from `seed`.
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    /// The next number below `n` (which must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers_below_the_bound() {
        let (mut a, mut b) = (Lcg::new(7), Lcg::new(7));
        let xs: Vec<usize> = (0..100).map(|_| a.below(10)).collect();
        let ys: Vec<usize> = (0..100).map(|_| b.below(10)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|&x| x < 10));
        // Not one number over and over.
        assert!(xs.iter().any(|&x| x != xs[0]));
    }
}
