//! Prints the sentences, mentions and facts the extractor finds in one article file.
//!
//! `cargo run --example extract_debug -- path/to/article.txt`

use kg::extract::{extract, mentions::find_mentions, read_article, text, tokens::tokenize};

fn main() {
    let path = std::env::args().nth(1).expect("an article path");
    let bytes = std::fs::read(&path).expect("readable");
    let a = read_article(&bytes, "debug").expect("an article");
    for s in text::sentences(&a.text, a.body_start) {
        println!("## {}", &a.text[s.start..s.end]);
        let toks = tokenize(&a.text, s.start, s.end);
        for m in find_mentions(&a.text, &toks) {
            println!(
                "   {:?} {:?} count={:?} [{}..{}]",
                m.kind, m.name, m.count, m.start, m.end
            );
        }
    }
    let g = extract(&a);
    for f in &g.facts {
        println!(
            "{} -[{}]-> {} count={:?} date={:?} rule={:?}",
            f.subject,
            f.relation,
            f.object,
            f.count,
            f.date,
            f.rule.as_deref().unwrap_or("")
        );
    }
}
