//! Printing results: colours for people ([`Style`]), stable JSON shapes for scripts
//! ([`json`]), the shared text forms of facts ([`text`]), what the knowledge base did in
//! words ([`kb`]), what the store did in words ([`store`]) and fitting text to the
//! terminal ([`width`]).

pub mod json;
pub mod kb;
pub mod prose;
pub mod store;
pub mod style;
pub mod text;
pub mod width;

pub use style::Style;

use clap::ValueEnum;

/// How a query command prints its answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for people.
    #[default]
    Text,
    /// JSON for scripts, with stable field names.
    Json,
}
