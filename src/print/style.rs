//! [`Style`]: terminal colours, on only for a terminal and never under `NO_COLOR`.

use clap::ValueEnum;
use std::borrow::Cow;

/// When to colour text output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    #[default]
    Auto,
    /// Colour unless NO_COLOR is set.
    Always,
    /// Never colour.
    Never,
}

/// Wraps text in ANSI colours, or leaves it alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Decides whether to colour from the choice, whether stdout is a terminal and the
    /// value of `NO_COLOR` (set and not empty disables colour, whatever the choice).
    pub fn new(choice: ColorChoice, is_terminal: bool, no_color: Option<&str>) -> Self {
        let banned = no_color.is_some_and(|v| !v.is_empty());
        let color = !banned
            && match choice {
                ColorChoice::Auto => is_terminal,
                ColorChoice::Always => true,
                ColorChoice::Never => false,
            };
        Style { color }
    }

    /// No colour at all.
    pub fn plain() -> Self {
        Style { color: false }
    }

    fn paint<'a>(&self, code: &str, s: Cow<'a, str>) -> Cow<'a, str> {
        if self.color {
            Cow::Owned(format!("\x1b[{code}m{s}\x1b[0m"))
        } else {
            s
        }
    }

    /// An entity name: bold, on one line with no control characters (see
    /// [`super::text::printable`]).
    pub fn entity<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("1", super::text::printable(s))
    }

    /// A relation: cyan.
    pub fn relation<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("36", Cow::Borrowed(s))
    }

    /// Secondary text (kinds, dates, sources): dim.
    pub fn dim<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("2", Cow::Borrowed(s))
    }

    /// Secondary text written straight to `out` (no string is built when uncoloured).
    pub fn write_dim(
        &self,
        out: &mut dyn std::io::Write,
        text: std::fmt::Arguments,
    ) -> std::io::Result<()> {
        if self.color {
            write!(out, "\x1b[2m{text}\x1b[0m")
        } else {
            out.write_fmt(text)
        }
    }

    /// A heading: underlined.
    pub fn heading<'a>(&self, s: &'a str) -> Cow<'a, str> {
        self.paint("4", Cow::Borrowed(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_terminal_choice_and_no_color() {
        assert!(Style::new(ColorChoice::Auto, true, None).color);
        assert!(!Style::new(ColorChoice::Auto, false, None).color);
        assert!(!Style::new(ColorChoice::Auto, true, Some("1")).color);
        assert!(!Style::new(ColorChoice::Always, true, Some("1")).color);
        assert!(Style::new(ColorChoice::Always, false, Some("")).color);
        assert!(!Style::new(ColorChoice::Never, true, None).color);
        assert_eq!(Style::plain().entity("x"), "x");
        assert_eq!(
            Style::plain().entity("Line\nBreak \x1b[2J\x07 Fleet"),
            "Line Break  [2J  Fleet"
        );
        assert_eq!(
            Style::new(ColorChoice::Always, false, None).entity("x"),
            "\x1b[1mx\x1b[0m"
        );
    }
}
