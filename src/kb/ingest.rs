//! Reading an article file into an [`Extraction`]: its bytes' content hash, its id (the
//! file name without extension), its header, and the facts the extractor finds.
//!
//! A `.json` file is taken as an article already extracted: a graph file with at most one
//! source (its id is the article's; without one, the file name is).

use super::Error;
use super::Extraction;
use crate::model::{Source, content_hash};
use std::path::Path;

/// The bytes of an article file and its id (the file name without extension).
pub fn read_file(path: &Path) -> Result<(Vec<u8>, String), Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::ReadArticle {
        path: path.into(),
        source,
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    Ok((bytes, stem))
}

/// Reads a text article file for the extractor; its path is recorded in the article.
pub fn read_article(path: &Path) -> Result<crate::extract::Article, Error> {
    let (bytes, stem) = read_file(path)?;
    crate::extract::read_article(&bytes, &stem).map_err(|e| Error::BadArticle {
        path: path.into(),
        message: e.to_string(),
    })
}

/// Reads and extracts one article file; `date`, when given, is the article's date
/// whatever its header says (relative dates in a text article are resolved against it).
pub fn read(path: &Path, date: Option<&str>) -> Result<Extraction, Error> {
    let (bytes, stem) = read_file(path)?;
    let bad = |message: String| Error::BadArticle {
        path: path.into(),
        message,
    };
    let mut ex = if path.extension().is_some_and(|e| e == "json") {
        from_graph_json(&bytes, &stem).map_err(bad)?
    } else {
        from_text(&bytes, &stem, date).map_err(bad)?
    };
    if let Some(date) = date {
        ex.source.date = Some(date.to_string());
    }
    ex.source.set_hash(&content_hash(&bytes));
    ex.source.path = Some(path.display().to_string());
    Ok(ex)
}

/// An article's text, through the extractor; the `title:` and `source:` header lines, if
/// any, become the source's title and publisher.
fn from_text(bytes: &[u8], id: &str, date: Option<&str>) -> Result<Extraction, String> {
    let mut article = crate::extract::read_article(bytes, id).map_err(|e| e.to_string())?;
    if let Some(date) = date {
        article.date = Some(date.to_string());
    }
    let file = crate::extract::extract(&article);
    let mut source = file
        .sources
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| Source::new(id));
    describe(&mut source, &article);
    Ok(single_source(source, file.entities, file.facts))
}

/// Fills what the source does not say yet from the article's header: its date, its
/// `title:` and its `source:` (the publisher).
pub fn describe(source: &mut Source, article: &crate::extract::Article) {
    if source.date.is_none() {
        source.date = article.date.clone();
    }
    if source.title.is_none() {
        source.title = title(&article.text[..article.body_start]);
    }
    if source.publisher.is_none() {
        source.publisher = article
            .source
            .as_deref()
            .map(|s| publisher(s, article.date.as_deref()))
            .filter(|s| !s.is_empty());
    }
}

/// The publisher a `source:` header names: the line without a date that repeats the
/// article's (`Reuters, 2024-11-22` → `Reuters`).
fn publisher(header: &str, date: Option<&str>) -> String {
    let header = header.trim();
    let without = date.and_then(|d| header.strip_suffix(d)).map(|rest| {
        rest.trim_end()
            .trim_end_matches([',', ';'])
            .trim_end()
            .to_string()
    });
    match without {
        Some(rest) if !rest.is_empty() => rest,
        _ => header.to_string(),
    }
}

/// The value of a `title:` line in an article's header.
fn title(header: &str) -> Option<String> {
    header.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim().eq_ignore_ascii_case("title") && !v.trim().is_empty())
            .then(|| v.trim().to_string())
    })
}

/// A graph file holding one article's extraction.
fn from_graph_json(bytes: &[u8], stem: &str) -> Result<Extraction, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    let file = crate::store::from_json(text)
        .map_err(|e| e.to_string())?
        .to_file();
    let source = match file.sources.as_slice() {
        [] => Source::new(stem),
        [one] => one.clone(),
        many => {
            return Err(format!(
                "it holds {} sources; kg add takes one article per file",
                many.len()
            ));
        }
    };
    Ok(single_source(source, file.entities, file.facts))
}

/// An extraction whose facts all name `source` as theirs.
pub fn single_source(
    source: Source,
    entities: Vec<crate::model::Entity>,
    mut facts: Vec<crate::model::Fact>,
) -> Extraction {
    for f in &mut facts {
        f.source = Some(source.id.clone());
        f.extra.remove("also");
    }
    Extraction {
        source,
        entities,
        facts,
        changes_entities: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publisher_drops_the_date_the_header_repeats() {
        assert_eq!(
            publisher("Reuters, 2024-11-22", Some("2024-11-22")),
            "Reuters"
        );
        assert_eq!(
            publisher("Reuters, 2024-11-22", Some("2024-11-23")),
            "Reuters, 2024-11-22"
        );
        assert_eq!(publisher(" Associated Press ", None), "Associated Press");
        assert_eq!(publisher("2024-11-22", Some("2024-11-22")), "2024-11-22");
    }
}
