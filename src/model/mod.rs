//! The data model: entity [`Kind`]s, [`Relation`]s, [`Entity`], [`Fact`] (with its
//! [`Provenance`]s), [`Source`], the on-disk [`GraphFile`] and the in-memory [`KnowledgeGraph`].

mod de;
mod entity;
mod fact;
mod graph;
mod graph_file;
mod kind;
mod provenance;
mod relation;
mod source;
mod subgraph;

pub use entity::{Entity, slug};
pub use fact::{Fact, is_date_prefix};
pub use graph::{Invalid, KnowledgeGraph};
pub use graph_file::{FORMAT_VERSION, GraphFile};
pub use kind::{Kind, UnknownKind};
pub use provenance::{Provenance, content_hash};
pub use relation::{Relation, UnknownRelation};
pub use source::Source;
pub use subgraph::Subgraph;
