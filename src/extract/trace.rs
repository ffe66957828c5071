//! What the extractor saw in an article, sentence by sentence, for `kg extract --trace`:
//! each sentence with its byte span, the chunks the mention finder made of it with their
//! types (and the name typer's guess for names no lexicon types), and the facts each
//! rule made from it.

use super::mentions::{MentionKind, find_mentions};
use super::rules::Rule;
use super::{Article, MAX_SENTENCE_BYTES, extract, text, tokens, typer};
use crate::model::GraphFile;

/// One sentence as the extractor read it.
#[derive(Debug, Clone, PartialEq)]
pub struct TracedSentence {
    /// Byte span `[start, end)` in the article file.
    pub span: [usize; 2],
    pub text: String,
    pub chunks: Vec<Chunk>,
    /// `(subject name, relation, object name, rule)` of each fact made from it.
    pub facts: Vec<(String, String, String, Option<Rule>)>,
}

/// A chunk: a span of the sentence that names something, with its type.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub surface: String,
    /// The name the entity gets, when it differs from the surface ("PNG" → "Papua New
    /// Guinea").
    pub name: String,
    /// What the mention finder made of it: `country`, `name:institution`, `title`, …
    pub kind: String,
    /// The count written before it ("two llamas").
    pub count: Option<u64>,
    /// For a name no lexicon types: the typer's best type and its margin.
    pub typer: Option<typer::Guess>,
}

fn kind_label(k: MentionKind) -> String {
    match k {
        MentionKind::Country(_) => "country".into(),
        MentionKind::Demonym(_) => "demonym".into(),
        MentionKind::Capital(_) => "capital".into(),
        MentionKind::Name(Some(kind)) => format!("name:{kind}"),
        MentionKind::Name(None) => "name".into(),
        MentionKind::Animal => "animal".into(),
        MentionKind::Thing => "thing".into(),
        MentionKind::Group(_) => "group".into(),
        MentionKind::Agreement => "agreement".into(),
        MentionKind::Title { .. } => "title".into(),
        MentionKind::Descriptor(_) => "descriptor".into(),
        MentionKind::Pair => "pair".into(),
        MentionKind::Pronoun => "pronoun".into(),
    }
}

/// The trace of an article: the same extraction as [`extract`], laid out by sentence.
///
/// # Complexity
/// O(n) in the length of the text, like [`extract`], plus the facts grouped by sentence.
pub fn trace(article: &Article) -> (GraphFile, Vec<TracedSentence>) {
    let graph = extract(article);
    let name = |id: &str| {
        graph
            .entities
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let mut out = Vec::new();
    for s in text::sentences(&article.text, article.body_start) {
        let toks = if s.end - s.start <= MAX_SENTENCE_BYTES {
            tokens::tokenize(&article.text, s.start, s.end)
        } else {
            Vec::new()
        };
        let chunks = find_mentions(&article.text, &toks)
            .into_iter()
            .map(|m| Chunk {
                typer: m.name_scores.map(typer::Guess::of),
                kind: kind_label(m.kind),
                count: m.count,
                name: m.name,
                surface: m.surface,
            })
            .collect();
        let facts = graph
            .facts
            .iter()
            .filter(|f| f.span == Some([s.start, s.end]))
            .map(|f| {
                (
                    name(&f.subject),
                    f.relation.to_string(),
                    name(&f.object),
                    f.rule.as_deref().and_then(Rule::from_id),
                )
            })
            .collect();
        out.push(TracedSentence {
            span: [s.start, s.end],
            text: article.text[s.start..s.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            chunks,
            facts,
        });
    }
    (graph, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::read_article;

    #[test]
    fn each_fact_is_shown_under_its_sentence_with_its_rule() {
        let a = read_article(
            b"date: 2023-05-10\n\nChile sent two llamas to Peru. Ana Lind, who visited Lima, said the llamas were healthy.\n",
            "t",
        )
        .unwrap();
        let (g, t) = trace(&a);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].text, "Chile sent two llamas to Peru.");
        let kinds: Vec<(&str, &str)> = t[0]
            .chunks
            .iter()
            .map(|c| (c.surface.as_str(), c.kind.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Chile", "country"),
                ("llamas", "animal"),
                ("Peru", "country")
            ]
        );
        assert_eq!(t[0].chunks[1].count, Some(2));
        assert!(t[0].facts.contains(&(
            "Chile".to_string(),
            "sent".to_string(),
            "llama".to_string(),
            Some(Rule::SendVerb)
        )));
        assert!(t[1].facts.iter().any(|f| f.3 == Some(Rule::SpeechClause)));
        // Every fact of the extraction is under exactly one sentence.
        let shown: usize = t.iter().map(|s| s.facts.len()).sum();
        assert_eq!(shown, g.facts.len());
        let ana = t[1]
            .chunks
            .iter()
            .find(|c| c.surface == "Ana Lind")
            .unwrap();
        assert!(ana.typer.is_some());
    }
}
