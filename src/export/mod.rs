//! Output formats: each module writes a [`Subgraph`] of a [`KnowledgeGraph`] in one
//! format that another program reads.
//!
//! | module | format | read by |
//! |---|---|---|
//! | [`dot`] | Graphviz DOT | `dot`, graphviz-rust's parser |
//! | [`graphml`] | GraphML (XML) | Gephi, yEd, networkx `read_graphml`, igraph |
//! | [`nodelink`] | node-link JSON (and back, with [`nodelink::read`]) | networkx `node_link_graph(data, edges="links")`, D3 |
//! | [`rdf`] | Turtle and N-Triples | rdflib, any RDF store |
//! | [`cypher`] | Cypher `CREATE` / `MATCH … CREATE` statements | Neo4j, Memgraph, FalkorDB; Kuzu with [`cypher::write_kuzu`] (`--format kuzu`) |
//! | [`csv`] | `nodes.csv` + `edges.csv` (RFC 4180) | pandas, spreadsheets, `LOAD CSV` |
//! | [`mermaid`] | Mermaid `flowchart LR` | GitHub Markdown, mermaid.js |
//! | [`html`] | one self-contained interactive HTML page (placed by [`layout`]) | a browser |
//!
//! [`FORMATS`] lists what `kg export` writes: each format's name, help line, extensions
//! and writer. Every writer except [`csv`] has the signature
//! `write(graph: &KnowledgeGraph, sub: &Subgraph, out: &mut dyn std::io::Write) -> std::io::Result<()>`.
//! Each writes only the subgraph's nodes and edges, and its output is deterministic:
//! nodes in entity-id order and edges in the facts' canonical order
//! ([`ordered_nodes`], [`ordered_edges`]), so the same subgraph always gives the same bytes.
//! Escaping rules shared by several formats live in [`escape`].

pub mod csv;
pub mod cypher;
pub mod dot;
pub mod escape;
pub mod graphml;
pub mod html;
pub mod layout;
pub mod mermaid;
pub mod nodelink;
pub mod rdf;

#[cfg(test)]
pub(crate) mod consumer;

use crate::model::{Kind, KnowledgeGraph, Subgraph};
use petgraph::graph::{EdgeIndex, NodeIndex};

/// How a format is written: to a stream (a file or standard output), or as files in a
/// folder.
#[derive(Clone, Copy)]
pub enum Writer {
    Stream(fn(&KnowledgeGraph, &Subgraph, &mut dyn std::io::Write) -> std::io::Result<()>),
    Folder(fn(&KnowledgeGraph, &Subgraph, &std::path::Path) -> std::io::Result<()>),
}

/// A format `kg export` writes: its name (`--format NAME`), its help line, the file
/// extensions that name it (`-o FILE.EXT`), and its writer.
pub struct Format {
    pub name: &'static str,
    pub help: &'static str,
    pub extensions: &'static [&'static str],
    pub writer: Writer,
}

/// Every format `kg export` writes, in the order help and messages list them: the one
/// list the command line, the extensions and the writers come from.
pub const FORMATS: [Format; 9] = [
    Format {
        name: "dot",
        help: "Graphviz DOT (.dot, .gv)",
        extensions: &["dot", "gv"],
        writer: Writer::Stream(dot::write),
    },
    Format {
        name: "graphml",
        help: "GraphML for Gephi, yEd, networkx, igraph (.graphml)",
        extensions: &["graphml"],
        writer: Writer::Stream(graphml::write),
    },
    Format {
        name: "json",
        help: "networkx node-link JSON, for networkx and D3 (.json)",
        extensions: &["json"],
        writer: Writer::Stream(nodelink::write),
    },
    Format {
        name: "turtle",
        help: "RDF Turtle (.ttl)",
        extensions: &["ttl"],
        writer: Writer::Stream(rdf::write_turtle),
    },
    Format {
        name: "ntriples",
        help: "RDF N-Triples (.nt)",
        extensions: &["nt"],
        writer: Writer::Stream(rdf::write_ntriples),
    },
    Format {
        name: "cypher",
        help: "Cypher CREATE statements for Neo4j, Memgraph, FalkorDB (.cypher, .cql)",
        extensions: &["cypher", "cql"],
        writer: Writer::Stream(cypher::write),
    },
    Format {
        name: "csv",
        help: "nodes.csv and edges.csv in the folder given with -o",
        extensions: &[],
        writer: Writer::Folder(csv::write_dir),
    },
    Format {
        name: "mermaid",
        help: "Mermaid flowchart for GitHub Markdown (.mmd, .mermaid)",
        extensions: &["mmd", "mermaid"],
        writer: Writer::Stream(mermaid::write),
    },
    Format {
        name: "kuzu",
        help: "Cypher for Kuzu: its node and relationship tables declared first",
        extensions: &[],
        writer: Writer::Stream(cypher::write_kuzu),
    },
];

/// The format with this name.
pub fn format_named(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// The format a file extension (any case) names.
pub fn format_for_extension(ext: &str) -> Option<&'static Format> {
    let ext = ext.to_ascii_lowercase();
    FORMATS
        .iter()
        .find(|f| f.extensions.contains(&ext.as_str()))
}

/// Every format's name, joined by `sep`.
pub fn format_names(sep: &str) -> String {
    FORMATS.map(|f| f.name).join(sep)
}

/// A kind's name with a capital first letter (`Person`): the RDF class and the Cypher
/// label of its entities.
pub fn kind_label(kind: Kind) -> String {
    let s = kind.as_str();
    s[..1].to_ascii_uppercase() + &s[1..]
}

/// The subgraph's nodes, ordered by entity id.
pub fn ordered_nodes(graph: &KnowledgeGraph, sub: &Subgraph) -> Vec<NodeIndex> {
    let mut nodes = sub.nodes.clone();
    nodes.sort_by(|&a, &b| graph.entity(a).id.cmp(&graph.entity(b).id));
    nodes.dedup();
    nodes
}

/// The subgraph's edges, ordered as the facts are in a graph file (subject, relation,
/// object, date, source, span, evidence, count), ties broken by edge index.
pub fn ordered_edges(graph: &KnowledgeGraph, sub: &Subgraph) -> Vec<EdgeIndex> {
    let mut edges = sub.edges.clone();
    edges.sort_by(|&a, &b| {
        graph
            .fact(a)
            .sort_key()
            .cmp(&graph.fact(b).sort_key())
            .then(a.cmp(&b))
    });
    edges.dedup();
    edges
}

#[cfg(test)]
pub(crate) mod sample {
    //! Graphs the format tests share: a small news graph and one with hostile names.

    use crate::model::{Entity, Fact, GraphFile, Kind, KnowledgeGraph, Relation, Source, Subgraph};

    /// A writer's signature.
    pub type Writer =
        fn(&KnowledgeGraph, &Subgraph, &mut dyn std::io::Write) -> std::io::Result<()>;

    /// What a writer writes for a subgraph, as text.
    pub fn render(writer: Writer, graph: &KnowledgeGraph, sub: &Subgraph) -> String {
        let mut buf = Vec::new();
        writer(graph, sub, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// A small graph like one kg builds from news: 5 entities, 5 facts, 2 sources.
    pub fn news() -> KnowledgeGraph {
        let mut putin = Entity::new("vladimir-putin", "Vladimir Putin", Kind::Person);
        putin.aliases = vec!["Putin".into()];
        let mut nk = Entity::new(
            "north-korea",
            "Democratic People's Republic of Korea",
            Kind::Country,
        );
        nk.aliases = vec!["DPRK".into(), "North Korea".into()];
        let mut sent = Fact::new("north-korea", Relation::Sent, "troops");
        sent.count = Some(12000);
        sent.date = Some("2024-10".into());
        sent.source = Some("a1".into());
        sent.evidence = Some("North Korea sent 12,000 troops to Russia.".into());
        let mut deployed = Fact::new("troops", Relation::DeployedTo, "kursk-region");
        deployed.date = Some("2024-11-04".into());
        deployed.source = Some("a1".into());
        let mut leads = Fact::new("vladimir-putin", Relation::Leads, "russia");
        leads.date = Some("2024".into());
        let mut bears = Fact::new("north-korea", Relation::Received, "brown-bear");
        bears.count = Some(2);
        bears.source = Some("a2".into());
        bears.evidence = Some("Putin gave Kim \"two brown bears\" and a lion.".into());
        let mut a1 = Source::new("a1");
        a1.title = Some("Troops arrive".into());
        a1.date = Some("2024-11-04".into());
        let file = GraphFile {
            sources: vec![a1, Source::new("a2")],
            entities: vec![
                putin,
                nk,
                Entity::new("russia", "Russia", Kind::Country),
                Entity::new("troops", "North Korean troops", Kind::Group),
                Entity::new("kursk-region", "Kursk region", Kind::Place),
                Entity::new("brown-bear", "brown bear", Kind::Animal),
            ],
            facts: vec![
                sent,
                deployed,
                leads,
                bears,
                Fact::new("russia", Relation::Fought, "north-korea"),
            ],
            ..GraphFile::default()
        };
        KnowledgeGraph::from_file(file).expect("sample graph is valid")
    }

    /// The sample graphs and kg's embedded seed graph, each with two ids joined by a
    /// directed path (4, 12 and 1 hops).
    pub fn graphs() -> Vec<(KnowledgeGraph, (String, String))> {
        vec![
            (news(), ("vladimir-putin".into(), "kursk-region".into())),
            (
                crate::store::load_base(None).expect("the embedded graph loads"),
                ("vladimir-putin".into(), "african-lion".into()),
            ),
            (
                hostile(),
                (format!("{} #0", HOSTILE[0]), format!("{} #12", HOSTILE[12])),
            ),
        ]
    }

    /// Names and evidence that break naive writers.
    pub const HOSTILE: [&str; 13] = [
        "Tom \"The Bomb\" O'Neil",
        "back\\slash \\n not a newline",
        "two\nlines\r\nand CRLF",
        "comma, separated, \"quoted\"",
        "<b>bold</b> & <i>co</i>",
        "</script><script>alert(1)</script>",
        "end",
        "Москва",
        "rocket 🚀 emoji",
        "#quot; %% `tick` |pipe| [br] {curly} (round)",
        "tab\tand ; semicolon",
        "subgraph",
        "NA",
    ];

    /// One entity per hostile string (the string as name, id and alias), with facts
    /// between neighbours whose evidence and source are hostile too.
    pub fn hostile() -> KnowledgeGraph {
        let mut entities = Vec::new();
        let mut facts = Vec::new();
        for (i, name) in HOSTILE.iter().enumerate() {
            let mut e = Entity::new(
                format!("{name} #{i}"),
                *name,
                Kind::ALL[i % Kind::ALL.len()],
            );
            e.aliases = vec![
                format!("alias of {name}"),
                HOSTILE[(i + 1) % HOSTILE.len()].into(),
            ];
            entities.push(e);
        }
        for i in 0..HOSTILE.len() - 1 {
            let mut f = Fact::new(
                entities[i].id.clone(),
                Relation::ALL[i % Relation::ALL.len()],
                entities[i + 1].id.clone(),
            );
            f.count = (i % 2 == 0).then_some(i as u64);
            f.date = Some(["2024", "2024-06", "2024-06-19"][i % 3].into());
            f.source = Some(HOSTILE[(i + 5) % HOSTILE.len()].into());
            f.evidence = Some(format!("{} said: {}", HOSTILE[i], HOSTILE[i + 1]));
            facts.push(f);
        }
        // A parallel edge, so that multigraph keys matter.
        facts.push(Fact::new(
            entities[0].id.clone(),
            Relation::Sent,
            entities[1].id.clone(),
        ));
        let file = GraphFile {
            entities,
            facts,
            ..GraphFile::default()
        };
        KnowledgeGraph::from_file(file).expect("hostile graph is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use sample::render;

    /// What a format of [`FORMATS`] writes for a subgraph, as text: a folder's files are
    /// joined in name order, each after its name.
    fn written(format: &Format, g: &KnowledgeGraph, sub: &Subgraph) -> String {
        match format.writer {
            super::Writer::Stream(write) => render(write, g, sub),
            super::Writer::Folder(write) => {
                let dir = tempfile::tempdir().unwrap();
                write(g, sub, dir.path()).unwrap();
                let mut files: Vec<_> = std::fs::read_dir(dir.path())
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect();
                files.sort();
                assert!(!files.is_empty(), "{}: no file written", format.name);
                files
                    .iter()
                    .map(|p| {
                        let name = p.file_name().unwrap().to_string_lossy();
                        format!("{name}:\n{}", std::fs::read_to_string(p).unwrap())
                    })
                    .collect()
            }
        }
    }

    /// Every format `kg export` offers is written by these tests: they go through
    /// [`FORMATS`], so a new format is tested with no list to update.
    #[test]
    fn every_format_writes_an_empty_subgraph() {
        let g = sample::news();
        for format in &FORMATS {
            let text = written(format, &g, &Subgraph::default());
            assert!(!text.contains("Putin"), "{}: {text}", format.name);
        }
        let nodelink = render(nodelink::write, &g, &Subgraph::default());
        assert_eq!(nodelink::read(&nodelink).unwrap().entities.len(), 0);
    }

    /// The formats that write nodes and edges in the selection's order (DOT lays them out
    /// in it): their lines, not their bytes, do not depend on it.
    const KEEP_THE_SELECTION_ORDER: [&str; 1] = ["dot"];

    #[test]
    fn output_does_not_depend_on_the_order_of_the_selection() {
        use std::collections::BTreeSet;
        let g = sample::hostile();
        let whole = Subgraph::whole(&g);
        let mut reversed = whole.clone();
        reversed.nodes.reverse();
        reversed.edges.reverse();
        for format in &FORMATS {
            let text = written(format, &g, &whole);
            let empty = written(format, &g, &Subgraph::default());
            assert_ne!(text, empty, "{}: the whole graph is written", format.name);
            let again = written(format, &g, &reversed);
            if KEEP_THE_SELECTION_ORDER.contains(&format.name) {
                let lines = |t: &str| t.lines().map(str::to_owned).collect::<BTreeSet<_>>();
                assert_eq!(lines(&text), lines(&again), "{}", format.name);
            } else {
                assert_eq!(text, again, "{}", format.name);
            }
        }
        for name in KEEP_THE_SELECTION_ORDER {
            assert!(format_named(name).is_some(), "{name}");
        }
    }

    #[test]
    fn kind_labels_are_capitalised() {
        assert_eq!(kind_label(Kind::Institution), "Institution");
    }
}
