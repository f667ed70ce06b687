//! Stable per-attempt answer order: the same attempt seed always shows the same option order.

/// Golden-ratio increment of splitmix64; also used to spread question numbers over the seed.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// A permutation of `0..len` for one question of one attempt: `result[shown_position]` is the
/// index of the option shown there.
///
/// Deterministic on every platform (only `u64` arithmetic, no `usize`-width or float maths),
/// so the server can re-derive the order a learner saw from the stored attempt seed alone.
/// The question number is mixed in so questions of one attempt are not all shuffled alike.
pub fn permutation(seed: u64, question_number: u32, len: usize) -> Vec<usize> {
    let mut rng = SplitMix64::new(seed ^ (question_number as u64).wrapping_mul(GOLDEN_GAMMA));
    let mut order: Vec<usize> = (0..len).collect();
    // Fisher–Yates, from the back: each slot takes a uniformly chosen element of the rest.
    for i in (1..len).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    order
}

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast and good enough for shuffling options;
/// not for anything secret.
struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..bound` (`bound > 0`). Draws past the largest multiple of `bound` are
    /// rejected, so no option is ever slightly more likely than another.
    fn below(&mut self, bound: u64) -> u64 {
        debug_assert!(bound > 0);
        let limit = u64::MAX - u64::MAX % bound;
        loop {
            let r = self.next_u64();
            if r < limit {
                return r % bound;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_permutation(p: &[usize], len: usize) -> bool {
        let mut sorted = p.to_vec();
        sorted.sort_unstable();
        sorted == (0..len).collect::<Vec<_>>()
    }

    #[test]
    fn splitmix64_matches_the_reference_outputs() {
        // Reference values of Vigna's splitmix64.c seeded with 1234567.
        let mut rng = SplitMix64::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821,
            ]
        );
    }

    #[test]
    fn result_is_a_permutation_of_all_indices() {
        for seed in 0..50 {
            for len in 0..12 {
                let p = permutation(seed, 3, len);
                assert!(is_permutation(&p, len), "seed {seed}, len {len}: {p:?}");
            }
        }
    }

    #[test]
    fn same_inputs_give_the_same_order() {
        for seed in [0, 1, 42, u64::MAX] {
            assert_eq!(permutation(seed, 7, 10), permutation(seed, 7, 10));
        }
    }

    #[test]
    fn order_is_pinned_so_stored_attempts_keep_their_order() {
        // If this changes, every stored attempt would be shown (and graded) in a new order.
        // Values cross-checked against an independent implementation of the same algorithm.
        assert_eq!(permutation(42, 1, 8), [7, 4, 1, 2, 5, 6, 0, 3]);
        assert_eq!(permutation(0, 0, 5), [2, 3, 1, 4, 0]);
    }

    #[test]
    fn different_seeds_almost_always_shuffle_four_options() {
        let shuffled = (0..100u64)
            .filter(|&seed| permutation(seed, 1, 4) != [0, 1, 2, 3])
            .count();
        assert!(shuffled >= 90, "only {shuffled} of 100 seeds shuffled");
    }

    #[test]
    fn different_seeds_give_different_orders() {
        let distinct: std::collections::HashSet<Vec<usize>> =
            (0..100u64).map(|seed| permutation(seed, 1, 6)).collect();
        // 720 possible orders; 100 seeds should hit far more than a handful of them.
        assert!(
            distinct.len() >= 80,
            "only {} distinct orders",
            distinct.len()
        );
    }

    #[test]
    fn questions_of_one_attempt_are_shuffled_independently() {
        let differing = (0..20u32)
            .filter(|&q| permutation(99, q, 6) != permutation(99, q + 1, 6))
            .count();
        assert!(differing >= 18, "only {differing} of 20 neighbours differ");
    }

    #[test]
    fn every_position_is_reachable_for_every_option() {
        // A biased shuffle (e.g. the classic off-by-one) would leave some cells at zero.
        let mut seen = [[0u32; 5]; 5];
        for seed in 0..2_000u64 {
            for (pos, &opt) in permutation(seed, 0, 5).iter().enumerate() {
                seen[pos][opt] += 1;
            }
        }
        for row in seen {
            for count in row {
                // Expectation is 400 per cell.
                assert!((300..=500).contains(&count), "{seen:?}");
            }
        }
    }

    #[test]
    fn empty_and_single_option_lists_work() {
        assert_eq!(permutation(5, 1, 0), Vec::<usize>::new());
        assert_eq!(permutation(5, 1, 1), vec![0]);
    }
}
