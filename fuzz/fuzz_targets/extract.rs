//! Fuzz target: any bytes as an article give an article error or a graph, never a panic;
//! the graph is valid, and every fact's span lies inside the text on char boundaries and
//! is its evidence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(article) = kg::extract::read_article(data, "fuzz") else { return };
    let file = kg::extract::extract(&article);
    for f in &file.facts {
        let [start, end] = f.span.expect("extracted facts have spans");
        assert!(start <= end && end <= article.text.len(), "span inside the text");
        let evidence = article.text.get(start..end).expect("span on char boundaries");
        assert_eq!(Some(evidence), f.evidence.as_deref(), "the span is the evidence");
    }
    kg::model::KnowledgeGraph::from_file(file).expect("the extractor writes valid graphs");
});
