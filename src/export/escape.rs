//! Escaping and encoding rules that more than one export format uses.
//!
//! Each function names the grammar it follows; the format modules call these and never
//! escape by hand.

use std::fmt::Write as _;

/// Text safe in XML 1.0 character data and in a double-quoted attribute value.
///
/// `&`, `<`, `>`, `"` and `'` become entity references; tab, line feed and carriage
/// return become character references (`&#9;`, `&#10;`, `&#13;`) so that attribute-value
/// normalisation and end-of-line handling leave them intact. Characters XML 1.0 cannot
/// carry at all (C0 controls other than those three, U+FFFE, U+FFFF) become U+FFFD.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// True for the characters XML 1.0 cannot carry, even as character references.
pub fn xml_forbidden(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// A double-quoted RDF string literal as N-Triples and Turtle both define it
/// (`STRING_LITERAL_QUOTE`): `"` and `\` and line feed and carriage return as `ECHAR`s
/// (`\"`, `\\`, `\n`, `\r`), tab as `\t`, other control characters as `\uXXXX`;
/// everything else, non-ASCII included, as it is.
pub fn rdf_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Percent-encodes a string for one IRI path segment: every byte of its UTF-8 except the
/// RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) becomes `%XX` (upper-case hex).
/// The result is safe inside `<…>` in N-Triples and Turtle, and distinct strings give
/// distinct segments.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A single-quoted Cypher string literal: `\` becomes `\\` and `'` becomes `\'`;
/// everything else, line breaks and non-ASCII included, is written as it is.
pub fn cypher_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// One RFC 4180 field: quoted (with `"` doubled) when it holds a comma, a double quote,
/// a carriage return or a line feed, or starts or ends with a space; as it is otherwise.
pub fn csv_field(s: &str) -> String {
    let needs_quotes = s.contains([',', '"', '\r', '\n']) || s.starts_with(' ') || s.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Text for a Mermaid label in `["…"]` or `|"…"|`: the characters that would end the
/// label or be read as markup are written as Mermaid entity codes (`#quot;`, `#35;`,
/// `#lt;`, `#gt;`, `#amp;`, `#96;`), so the rendered label shows them as they are; other
/// control characters as `#N;`. A line break (LF, CR or CRLF) is written as `<br>`,
/// Mermaid's line break in labels.
pub fn mermaid_label(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            c if c.is_control() => {
                let _ = write!(out, "#{};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A list of names as one string value: a JSON array (`["Putin","V. Putin"]`), which
/// keeps every name intact whatever it contains. Empty for no names.
pub fn name_list(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        serde_json::to_string(names).expect("strings serialize")
    }
}

/// A DOT quoted string holding exactly `s`: `\` and `"` escaped, `&` as `&amp;`
/// (Graphviz reads HTML entities in strings), a newline as `\n`, `\r` dropped and other
/// control characters as a space.
pub fn dot_string(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '\\' => q.push_str("\\\\"),
            '"' => q.push_str("\\\""),
            '&' => q.push_str("&amp;"),
            '\n' => q.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => q.push(' '),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// Reads back a quoted DOT string as [`dot_string`] writes it (`\n` a newline, `\x` the
/// character x, `&amp;` an ampersand); `None` when `q` is not a quoted string.
pub fn read_dot_string(q: &str) -> Option<String> {
    let inner = q.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next()? {
                'n' => out.push('\n'),
                other => out.push(other),
            }
        } else {
            out.push(c);
        }
    }
    Some(out.replace("&amp;", "&"))
}

/// Text made safe inside HTML elements and attribute values: `&`, `<`, `>`, `"` and `'`
/// as entity references.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_line_breaks() {
        assert_eq!(
            xml("<a href=\"x\">O'Neil & co</a>\n\r\t\u{0}"),
            "&lt;a href=&quot;x&quot;&gt;O&apos;Neil &amp; co&lt;/a&gt;&#10;&#13;&#9;\u{FFFD}"
        );
        assert_eq!(xml("Москва 🚀"), "Москва 🚀");
    }

    #[test]
    fn rdf_strings_use_echars() {
        assert_eq!(
            rdf_string("say \"hi\"\\\n\r\t\u{7}é"),
            r#""say \"hi\"\\\n\r\t\u0007é""#
        );
    }

    #[test]
    fn percent_encoding_keeps_unreserved_only() {
        assert_eq!(percent_encode("north-korea_1.x~"), "north-korea_1.x~");
        assert_eq!(percent_encode("a b/%"), "a%20b%2F%25");
        assert_eq!(percent_encode("ё"), "%D1%91");
    }

    #[test]
    fn cypher_escapes_only_backslash_and_quote() {
        assert_eq!(
            cypher_string("O'Neil \\ \"x\"\nМ"),
            "'O\\'Neil \\\\ \"x\"\nМ'"
        );
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn mermaid_labels_use_entity_codes() {
        assert_eq!(
            mermaid_label("\"a\" #1 <b> & `c`\r\nd"),
            "#quot;a#quot; #35;1 #lt;b#gt; #amp; #96;c#96;<br>d"
        );
    }

    #[test]
    fn name_lists_are_json_arrays() {
        assert_eq!(name_list(&[]), "");
        assert_eq!(name_list(&["a\"b".into(), "c".into()]), r#"["a\"b","c"]"#);
    }
    #[test]
    fn dot_strings_escape_what_dot_needs() {
        assert_eq!(dot_string(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
        assert_eq!(dot_string("two\nlines\r"), r#""two\nlines""#);
        assert_eq!(dot_string("tab\there"), r#""tab here""#);
        assert_eq!(dot_string("AT&T &amp;"), r#""AT&amp;T &amp;amp;""#);
        assert_eq!(dot_string("Москва 🐻"), "\"Москва 🐻\"");
    }

    #[test]
    fn dot_strings_read_back() {
        for s in [
            "plain",
            "a \"b\" \\ c",
            "two\nlines",
            "AT&T &amp;",
            "Москва 🐻",
        ] {
            assert_eq!(read_dot_string(&dot_string(s)).as_deref(), Some(s));
        }
        assert_eq!(read_dot_string("unquoted"), None);
    }
}
