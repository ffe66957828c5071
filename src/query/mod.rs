//! Queries over a [`crate::model::KnowledgeGraph`] (and, through [`Topology`] and [`Read`],
//! a snapshot): resolving names, finding paths, listing neighbourhoods, selecting subgraphs
//! and time windows.

pub mod filter;
pub mod names;
pub mod neighbours;
pub mod paths;
pub mod read;
pub mod select;
pub mod time;
pub mod topology;

pub use filter::{Hop, Towards, Walk};
pub use names::{NameError, resolve};
pub use neighbours::{Link, neighbours};
pub use paths::{Cut, Path, Step};
pub use read::{Read, Windowed, facts_by_source};
pub use select::Selection;
pub use time::Window;
pub use topology::{Describe, Topology};
