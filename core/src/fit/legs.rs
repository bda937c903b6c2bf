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

/// `legs` with their last `tail` lines in one leg, as a jump line set on several lines must
/// stand (found from outside: it began at the foot of one leg and ended atop the next). A tail
/// split between legs either goes whole to the leg it ends in, the lines before it staying
/// where they were, or joins the leg it starts in; whichever leaves the shallower deepest leg.
pub fn keep_tail_together(mut legs: Vec<Range<usize>>, tail: usize) -> Vec<Range<usize>> {
    let total = legs.last().map_or(0, |leg| leg.end);
    let start = total.saturating_sub(tail);
    let Some(k) = legs.iter().position(|leg| leg.contains(&start)) else { return legs };
    if legs[k].end >= total || tail == 0 {
        return legs;
    }
    let joined = legs[k].start..total;
    let deepest_before = legs[..k].iter().map(ExactSizeIterator::len).max().unwrap_or(0);
    let moved_on = deepest_before.max(start - legs[k].start).max(tail);
    if joined.len() <= moved_on {
        legs[k] = joined;
        legs[k + 1..].iter_mut().for_each(|leg| *leg = total..total);
    } else {
        legs[k] = legs[k].start..start;
        legs[k + 1] = start..total;
        legs[k + 2..].iter_mut().for_each(|leg| *leg = total..total);
    }
    legs
}

/// `legs` with their last `tail` lines in one leg, as [`keep_tail_together`] puts them, when
/// that makes no leg deeper than the deepest now nor shallower than the shallowest; else as
/// they are. A byline is kept so (found from outside: `（记者 王晓东 通讯员` ended one leg and
/// `李明）` stood alone atop the next), but never at the cost of a line more in the box, nor of
/// a leg shorter than balancing leaves (the leg rule `make` holds boxes to).
pub fn keep_tail_if_no_deeper(legs: Vec<Range<usize>>, tail: usize) -> Vec<Range<usize>> {
    let lens = |legs: &[Range<usize>]| {
        let lens = legs.iter().map(ExactSizeIterator::len);
        (lens.clone().min().unwrap_or(0), lens.max().unwrap_or(0))
    };
    let kept = keep_tail_together(legs.clone(), tail);
    let ((min, max), (kept_min, kept_max)) = (lens(&legs), lens(&kept));
    if kept_max <= max && kept_min >= min { kept } else { legs }
}

/// Fills legs of `depth` lines each, in order, with the last `tail` lines in one leg; returns
/// the legs and the first overset line, every line from it on overset (the fit counts them so).
/// A tail split between two legs starts the next leg when that leg holds it whole; one no leg
/// holds whole (a jump line of more lines than a leg is deep) stays where it starts and its
/// lines below that leg are overset (found from outside: such a tail stood whole in a
/// one-line leg, counted neither as set nor as overset).
pub fn fill_keeping_tail(total: usize, legs: u16, depth: usize, tail: usize) -> (Vec<Range<usize>>, usize) {
    let (mut ranges, printed) = fill_to(total, legs, depth);
    let start = total.saturating_sub(tail);
    let Some(k) = ranges.iter().position(|leg| leg.contains(&start)) else { return (ranges, printed) };
    if tail < 2 || ranges[k].end >= total {
        return (ranges, printed);
    }
    let printed = if tail <= depth && k + 1 < ranges.len() {
        ranges[k] = ranges[k].start..start;
        ranges[k + 1] = start..total;
        total
    } else {
        ranges[k].end
    };
    let next = if printed == total { k + 2 } else { k + 1 };
    ranges.iter_mut().skip(next).for_each(|leg| *leg = printed..printed);
    (ranges, printed)
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
    fn a_tail_stays_in_one_leg() {
        // Balanced, 3 lines in 2 legs split a 2-line tail: it goes whole to the second leg.
        assert_eq!(keep_tail_together(balance(3, 2), 2), vec![0..1, 1..3]);
        // 7 lines in 3 legs (3, 2, 2) with a 3-line tail from line 4: the second leg keeps
        // line 3 and the third takes the tail.
        assert_eq!(keep_tail_together(balance(7, 3), 3), vec![0..3, 3..4, 4..7]);
        // A tail already in one leg, or of one line, stays where it is.
        assert_eq!(keep_tail_together(balance(10, 2), 2), balance(10, 2));
        assert_eq!(keep_tail_together(balance(3, 5), 1), balance(3, 5));
        // Legs past the lines are empty: 3 lines in 5 legs, a 2-line tail joins line 0's leg
        // or goes to the next; both 2 deep, so it joins.
        assert_eq!(keep_tail_together(balance(3, 5), 2), vec![0..1, 1..3, 3..3, 3..3, 3..3]);
    }

    #[test]
    fn a_byline_stays_in_one_leg_unless_a_leg_grows() {
        // 3 lines in 2 legs (2, 1), a 2-line byline from line 1: it goes whole to leg 2.
        assert_eq!(keep_tail_if_no_deeper(balance(3, 2), 2), vec![0..1, 1..3]);
        // 5 lines in 3 legs (2, 2, 1), a 2-line byline from line 3: whole in leg 3, 2 deep.
        assert_eq!(keep_tail_if_no_deeper(balance(5, 3), 2), vec![0..2, 2..3, 3..5]);
        // 4 lines in 3 legs (2, 1, 1), a 3-line byline: any leg holding it is 3 deep, so the
        // legs stay balanced.
        assert_eq!(keep_tail_if_no_deeper(balance(4, 3), 3), balance(4, 3));
        // 10 lines in 4 legs (3, 3, 2, 2), a 3-line byline from line 7: kept, leg 3 would hold
        // 1 line, shorter than balancing leaves any.
        assert_eq!(keep_tail_if_no_deeper(balance(10, 4), 3), balance(10, 4));
        // A byline already in the last leg stays as it is.
        assert_eq!(keep_tail_if_no_deeper(balance(10, 2), 2), balance(10, 2));
    }

    #[test]
    fn a_filled_tail_stays_in_one_leg_or_is_overset() {
        // 3 lines in 2 legs of 2, a 2-line tail from line 1: it starts the second leg.
        assert_eq!(fill_keeping_tail(3, 2, 2, 2), (vec![0..1, 1..3], 3));
        // A 2-line tail in legs of 1: no leg holds it, so its second line is overset.
        assert_eq!(fill_keeping_tail(2, 2, 1, 2), (vec![0..1, 1..1], 1));
        // 4 lines in 2 legs of 2, a 3-line tail from line 1: no leg holds it whole.
        assert_eq!(fill_keeping_tail(4, 2, 2, 3), (vec![0..2, 2..2], 2));
        // A tail cut by the foot of the last leg, or of one line, stays where it is.
        assert_eq!(fill_keeping_tail(5, 2, 2, 2), (vec![0..2, 2..4], 4));
        assert_eq!(fill_keeping_tail(5, 2, 2, 1), fill_to(5, 2, 2));
    }

    #[test]
    fn filled_legs_stop_at_the_body() {
        assert_eq!(fill_to(5, 3, 4), (vec![0..4, 4..5, 5..5], 5));
    }
}
