//! kg: a knowledge-graph builder with a query CLI.
//!
//! kg reads news articles, turns the facts they state into a typed graph (entities as
//! nodes, facts as directed edges that keep their evidence) and answers questions about
//! it: how two entities are connected, what is linked to one, and how to draw it.
//!
//! Modules: [`model`] (the data model), [`extract`] (articles to graphs), [`store`] (graph
//! files), [`kb`] (the knowledge base: many articles merged), [`query`] (names, paths,
//! neighbours), [`export`] (output formats), [`cli`] and [`run`] (the command line).
//!
//! `unsafe` is denied everywhere but in [`store::snapshot::map`], which memory-maps snapshot
//! files and states its invariants, and [`store::heap`], which asks the C library to give
//! freed heap back.
#![deny(unsafe_code)]

pub mod cli;
pub mod cmd;
pub mod error;
pub mod eval;
pub mod exit;
pub mod export;
pub mod extract;
pub mod kb;
pub mod model;
pub mod print;
pub mod query;
pub mod run;
pub mod store;

pub use error::Error;
pub use run::run;
