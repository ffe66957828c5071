//! Output formats: one module per format, each writing a [`crate::model::Subgraph`].

pub mod dot;
