//! `kg build ARTICLE... -o FILE`: a graph file built from articles, written atomically,
//! its aliases made safe as a knowledge base's are ([`crate::kb::aliases`]).

use super::Outcome;
use crate::cli::BuildArgs;
use crate::error::Error;
use crate::kb::ingest;
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
    let mut file = crate::extract::build(&articles);
    crate::kb::aliases::make_safe(&mut file.entities);
    for ((source, path), article) in file.sources.iter_mut().zip(&a.articles).zip(&articles) {
        source
            .path
            .get_or_insert_with(|| path.display().to_string());
        ingest::describe(source, article);
    }
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
