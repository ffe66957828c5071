//! `kg build ARTICLE... -o FILE`: a graph file built from articles, written atomically.
//! The articles are merged as `kg add` merges them into a knowledge base
//! ([`crate::kb::merge::Builder`]), so a build and a knowledge base of the same articles
//! join the same names, and its aliases are made safe as a knowledge base's are
//! ([`crate::kb::aliases`]).

use super::Outcome;
use crate::cli::BuildArgs;
use crate::error::Error;
use crate::kb::merge::Builder;
use crate::kb::{Decisions, ingest};
use crate::model::KnowledgeGraph;
use crate::print::text::counted;
use crate::store::atomic;

pub fn run(a: &BuildArgs, notes: &mut Vec<String>) -> Result<Outcome, Error> {
    // Every article is read before anything is written.
    let articles = a
        .articles
        .iter()
        .map(|p| ingest::read_article(p))
        .collect::<Result<Vec<_>, _>>()?;
    let mut builder = Builder::new(&Decisions::default());
    for (article, path) in articles.iter().zip(&a.articles) {
        let g = crate::extract::extract(article);
        let mut source = (g.sources.into_iter().next())
            .unwrap_or_else(|| crate::model::Source::new(&article.id));
        source
            .path
            .get_or_insert_with(|| path.display().to_string());
        ingest::describe(&mut source, article);
        builder.add(&ingest::single_source(source, g.entities, g.facts));
    }
    let mut file = builder.finish(serde_json::Map::new());
    crate::kb::aliases::make_safe(&mut file.entities);
    let graph = KnowledgeGraph::from_file(file).expect("the builder writes valid graphs");
    atomic::write_file(&a.output, |out| crate::store::write_json(&graph, out)).map_err(
        |source| crate::store::Error::Write {
            path: a.output.clone(),
            source,
        },
    )?;
    notes.push(format!(
        "wrote {} ({}, {}, {})",
        a.output.display(),
        counted(articles.len(), "article"),
        counted(graph.entity_count(), "entity"),
        counted(graph.fact_count(), "fact")
    ));
    Ok(Outcome::Done)
}
