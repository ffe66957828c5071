//! Output formats: one module per format, each writing a [`crate::model::Subgraph`]
//! (`layout` places nodes for the drawn ones).

pub mod dot;
pub mod html;
pub mod layout;
