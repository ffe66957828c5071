//! Exit statuses: what `kg`'s exit code means.

/// The exit status of a `kg` run.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success (also when the reader of the output went away: `kg dot \| head -1`) |
/// | 1 | the query ran but found nothing: no path, no match |
/// | 2 | bad usage or bad input: unknown or ambiguous name, unreadable or invalid file |
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    NoResult = 1,
    Failure = 2,
}

impl Exit {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        self as u8
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_documented_values() {
        assert_eq!(Exit::Success.code(), 0);
        assert_eq!(Exit::NoResult.code(), 1);
        assert_eq!(Exit::Failure.code(), 2);
    }
}
