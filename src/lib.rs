//! kg: a knowledge-graph builder with a query CLI.
//!
//! kg reads news articles, turns the facts they state into a typed graph (entities as
//! nodes, facts as directed edges that keep their evidence) and answers questions about
//! it: how two entities are connected, what is linked to one, and how to draw it.
//!
//! Modules: [`model`] (the data model), [`store`] (graph files), [`query`] (names, paths,
//! neighbours), [`export`] (output formats), [`cli`] and [`run`] (the command line).
#![forbid(unsafe_code)]

pub mod export;
pub mod model;
pub mod store;
