//! `separate` decisions (`kg split ENTITY --source ARTICLE`): in one article, the entity
//! the merge took for ENTITY is another body. Before that article is merged, its entity
//! of that name is renamed to the decision's new name, with no other name, so that it and
//! the facts the article states about it stand apart from ENTITY (or join the entity
//! already going by the new name).

use super::Extraction;
use crate::model::name::lookup_key;
use crate::model::slug;

/// Renames the article's entities whose canonical name is `local` (normalized) to `new`,
/// dropping their aliases; their ids follow, and the facts with them.
pub fn separate(ex: &mut Extraction, local: &str, new: &str) {
    let mut moved: Vec<(String, String)> = Vec::new();
    let taken: Vec<String> = ex.entities.iter().map(|e| e.id.clone()).collect();
    for e in &mut ex.entities {
        if lookup_key(&e.name) != local {
            continue;
        }
        let mut id = slug(new);
        let mut k = 2;
        while taken.contains(&id) || moved.iter().any(|(_, x)| *x == id) {
            id = format!("{}-{k}", slug(new));
            k += 1;
        }
        moved.push((e.id.clone(), id.clone()));
        e.id = id;
        e.name = new.to_string();
        e.aliases.clear();
    }
    for f in &mut ex.facts {
        for end in [&mut f.subject, &mut f.object] {
            if let Some((_, id)) = moved.iter().find(|(old, _)| old == end) {
                *end = id.clone();
            }
        }
    }
}
