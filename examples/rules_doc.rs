//! Prints the extraction rule table as Markdown, the contents of `docs/rules.md`.
//!
//! `cargo run --example rules_doc > docs/rules.md`

fn main() {
    print!("{}", kg::extract::rules::table::markdown());
}
