//! Legs: an article's body flowed into `span` column-wide strips of (nearly) equal depth.
//!
//! Balanced, the first `total % legs` legs take one line more than the rest. In a box too
//! shallow for the body, every leg is filled to the box and the rest is overset.
//!
//! ```
//! use pasteup_core::fit::legs::{balance, fill_to};
//! assert_eq!(balance(10, 3), vec![0..4, 4..7, 7..10]);
//! assert_eq!(fill_to(10, 3, 2), (vec![0..2, 2..4, 4..6], 6));
//! ```

use std::ops::Range;

/// Splits `total` lines into `legs` legs as evenly as possible, longest first.
pub fn balance(total: usize, legs: u16) -> Vec<Range<usize>> {
    let legs = usize::from(legs.max(1));
    let (base, extra) = (total / legs, total % legs);
    let mut start = 0;
    (0..legs)
        .map(|i| {
            let len = base + usize::from(i < extra);
            let leg = start..start + len;
            start += len;
            leg
        })
        .collect()
}

/// The depth of the deepest balanced leg.
pub fn balanced_depth(total: usize, legs: u16) -> usize {
    total.div_ceil(usize::from(legs.max(1)))
}

/// The depth of the shallowest balanced leg: the leg rule holds every leg to its minimum,
/// and balancing leaves the last legs a line short of the first.
pub fn shortest_leg(total: usize, legs: u16) -> usize {
    total / usize::from(legs.max(1))
}

/// Fills legs of `depth` lines each, in order; returns the legs and the first overset line.
pub fn fill_to(total: usize, legs: u16, depth: usize) -> (Vec<Range<usize>>, usize) {
    let legs = usize::from(legs.max(1));
    let ranges = (0..legs).map(|i| (i * depth).min(total)..((i + 1) * depth).min(total)).collect();
    (ranges, (legs * depth).min(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_legs_differ_by_at_most_one() {
        assert_eq!(balance(4, 3), vec![0..2, 2..3, 3..4]);
        assert_eq!(balance(0, 2), vec![0..0, 0..0]);
        assert_eq!(balanced_depth(10, 3), 4);
        assert_eq!(balanced_depth(9, 3), 3);
        assert_eq!(shortest_leg(21, 4), 5);
        assert_eq!(shortest_leg(24, 4), 6);
    }

    #[test]
    fn filled_legs_stop_at_the_body() {
        assert_eq!(fill_to(5, 3, 4), (vec![0..4, 4..5, 5..5], 5));
    }
}
