//! The data model: entity [`Kind`]s, [`Relation`]s, [`Entity`], [`Fact`] (with its
//! [`Provenance`]s), [`Source`], the on-disk [`GraphFile`] and the in-memory [`KnowledgeGraph`];
//! the normal forms of names in [`name`].

mod de;
mod entity;
mod fact;
mod graph;
mod graph_file;
mod kind;
pub mod name;
mod provenance;
mod relation;
mod source;
mod subgraph;

pub use entity::Entity;
pub use fact::{Fact, is_date_prefix};
pub use graph::{Invalid, KnowledgeGraph};
pub use graph_file::{FORMAT_VERSION, GraphFile};
pub use kind::{Kind, UnknownKind};
pub use name::slug;
pub use provenance::{Provenance, content_hash};
pub use relation::{Relation, UnknownRelation};
pub use source::Source;
pub use subgraph::Subgraph;
