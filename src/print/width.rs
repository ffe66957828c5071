//! Text that fits the terminal: how wide a string shows ([`width`]), a string cut to a
//! width with an ellipsis ([`fit`]), and the width text listings fit ([`columns`]).

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// The columns `s` takes on a terminal (a CJK character takes two, a combining mark none).
pub fn width(s: &str) -> usize {
    s.width()
}

/// `s` when it takes at most `max` columns; else as much of it as fits in `max - 1`
/// columns followed by `…`.
pub fn fit(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
    }
    if max > 0 {
        out.push('…');
    }
    Cow::Owned(out)
}

/// `s` cut to `max` columns (see [`fit`]) and padded with spaces to exactly `max`.
pub fn pad(s: &str, max: usize) -> String {
    let s = fit(s, max);
    let w = width(&s);
    format!("{s}{}", " ".repeat(max.saturating_sub(w)))
}

/// The width of a column whose widest cell takes `natural` columns, on a line of
/// `avail` columns (none: no limit) where the other columns take `others`: `natural`
/// when it fits, else what is left, but never less than `floor`.
pub fn column(natural: usize, avail: Option<usize>, others: usize, floor: usize) -> usize {
    match avail {
        None => natural,
        Some(w) => natural.min(w.saturating_sub(others).max(floor)),
    }
}

/// Widths for two names of `a` and `b` columns that share `room` (none: no limit): as
/// they are when both fit, else the shorter kept whole when it takes at most half and the
/// longer cut to the rest; neither cut below `floor`.
pub fn share(a: usize, b: usize, room: Option<usize>, floor: usize) -> (usize, usize) {
    let Some(room) = room else { return (a, b) };
    if a + b <= room {
        return (a, b);
    }
    let half = room / 2;
    let (x, y) = if a <= half {
        (a, room - a)
    } else if b <= half {
        (room - b, b)
    } else {
        (half, room - half)
    };
    (a.min(x.max(floor)), b.min(y.max(floor)))
}

/// The width text listings fit: `given` (`--width` or `COLUMNS`) when it is a positive
/// number, else the width of the terminal standard output is, else `None` (output to a
/// file or a pipe is not cut).
pub fn columns(given: Option<&str>, stdout_is_terminal: bool) -> Option<usize> {
    from_env(given).or_else(|| {
        if !stdout_is_terminal {
            return None;
        }
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0))
    })
}

/// `--width` or `COLUMNS` as a width: a positive number, else none.
fn from_env(value: Option<&str>) -> Option<usize> {
    value?.trim().parse().ok().filter(|&n: &usize| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_with_an_ellipsis() {
        assert_eq!(fit("Moscow Zoo", 20), "Moscow Zoo");
        assert_eq!(fit("Moscow Zoo", 10), "Moscow Zoo");
        assert_eq!(fit("Moscow Zoo", 7), "Moscow…");
        assert_eq!(fit("北京动物园", 5), "北京…");
        assert_eq!(pad("Moscow Zoo", 7), "Moscow…");
        assert_eq!(pad("Zoo", 5), "Zoo  ");
    }

    #[test]
    fn columns_shrink_to_the_line_but_not_below_the_floor() {
        assert_eq!(column(212, None, 20, 12), 212);
        assert_eq!(column(212, Some(80), 20, 12), 60);
        assert_eq!(column(30, Some(80), 20, 12), 30);
        assert_eq!(column(212, Some(20), 20, 12), 12);
    }

    #[test]
    fn two_names_share_a_line() {
        assert_eq!(share(10, 20, None, 12), (10, 20));
        assert_eq!(share(10, 20, Some(40), 12), (10, 20));
        assert_eq!(share(10, 200, Some(40), 12), (10, 30));
        assert_eq!(share(100, 200, Some(40), 12), (20, 20));
        assert_eq!(share(100, 200, Some(10), 12), (12, 12));
    }

    #[test]
    fn columns_from_env() {
        assert_eq!(from_env(Some("80")), Some(80));
        assert_eq!(from_env(Some("0")), None);
        assert_eq!(from_env(Some("wide")), None);
        assert_eq!(from_env(None), None);
    }
}
