//! A small, fixed random-number generator (SplitMix64), so a seed gives the same draws on every
//! machine, natively and in the browser, and each draw has its own stream: draws split across workers
//! give the same figures as one run.

/// SplitMix64 (Steele, Lea and Flood 2014): 64-bit state, passes BigCrush, trivially portable.
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// The stream of draw `index` under `seed`.
    pub fn for_draw(seed: u64, index: u64) -> SplitMix64 {
        let mut mixer = SplitMix64(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        SplitMix64(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in 0..n (n > 0), without modulo bias worth speaking of for n ≤ 10⁶.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_and_independent_streams() {
        // SplitMix64 from state 0: the reference sequence begins 0xE220A8397B1DCDAF.
        let mut rng = SplitMix64(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        let a: Vec<u64> = (0..3)
            .map(|_| SplitMix64::for_draw(7, 1).next_u64())
            .collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(
            SplitMix64::for_draw(7, 1).next_u64(),
            SplitMix64::for_draw(7, 2).next_u64()
        );
        let mut rng = SplitMix64::for_draw(1, 0);
        assert!((0..1000).all(|_| rng.below(10) < 10));
    }
}
