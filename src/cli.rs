//! The command line, as clap derive types: [`Args`] and one argument struct per
//! subcommand. Doc comments here are the help text.

use crate::model::{Kind, Relation};
use crate::print::Format;
use crate::print::style::ColorChoice;
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// kg: a knowledge graph of who did what to whom, built from news articles.
///
/// The graph read (and written by kg init, add, remove, merge, split, rebuild) is --graph
/// FILE, else KG_GRAPH, else the nearest kg.json in this folder or above it, else the graph
/// embedded in kg (built from the articles in its graph/ folder; read-only).
#[derive(Debug, Parser)]
#[command(name = "kg", version, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  kg path Putin \"Pyongyang Central Zoo\"\n  kg neighbours \"Moscow Zoo\"\n  kg explain Putin \"Pyongyang Central Zoo\"\n  kg html --around Putin --depth 2 -o putin.html\n  kg dot | dot -Tsvg > graph.svg"
)]
pub struct Args {
    /// The graph file (knowledge base) to use instead of kg.json or the embedded graph.
    #[arg(
        long,
        short = 'g',
        global = true,
        env = "KG_GRAPH",
        help_heading = "Global options",
        value_name = "FILE"
    )]
    pub graph: Option<PathBuf>,

    /// When to colour text output; NO_COLOR in the environment always turns it off.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Global options")]
    pub color: ColorChoice,

    /// Print no notes on stderr (what was written, truncation hints); errors still show.
    #[arg(long, short = 'q', global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Query commands: only facts dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; an
    /// undated fact goes by its article's date).
    #[arg(long, global = true, value_name = "DATE", value_parser = date_arg, help_heading = "Global options")]
    pub since: Option<String>,

    /// Query commands: only facts dated on or before DATE.
    #[arg(long, global = true, value_name = "DATE", value_parser = date_arg, help_heading = "Global options")]
    pub until: Option<String>,

    /// When a graph file gets a binary snapshot beside it (FILE.snap) that queries and
    /// `kg add` read instead of the JSON: auto (files of 1 MB or more), always or never.
    #[arg(
        long,
        global = true,
        env = "KG_SNAPSHOT",
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub snapshot: Option<String>,

    /// How many seconds a command that writes the knowledge base waits for another to
    /// finish (default 30).
    #[arg(
        long,
        global = true,
        env = "KG_LOCK_TIMEOUT",
        value_name = "SECONDS",
        help_heading = "Global options"
    )]
    pub lock_timeout: Option<String>,

    /// The columns text listings fit (default: the terminal's width; output to a file or
    /// a pipe is not cut). Anything but a positive number is ignored.
    #[arg(
        long,
        global = true,
        env = "COLUMNS",
        value_name = "N",
        help_heading = "Global options"
    )]
    pub width: Option<String>,

    /// No colour, whatever --color says (NO_COLOR set and not empty in the environment).
    #[arg(
        long,
        global = true,
        env = "NO_COLOR",
        value_name = "ANY",
        num_args = 0..=1,
        default_missing_value = "1",
        hide = true
    )]
    pub no_color: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

/// Checks a `--since`/`--until` date.
fn date_arg(s: &str) -> Result<String, String> {
    if crate::model::is_date_prefix(s) {
        Ok(s.to_string())
    } else {
        Err(format!(
            "'{s}' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        ))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// How two entities are connected, fact by fact (shortest first).
    #[command(
        after_help = "Examples:\n  kg path Putin \"Pyongyang Central Zoo\"\n  kg path Putin Kursk --avoid stated --no-evidence\n  kg path \"Moscow Zoo\" \"North Korea\" --all --max-hops 4"
    )]
    Path(PathArgs),
    /// What is linked to an entity, grouped by relation and direction.
    #[command(visible_alias = "neighbors")]
    #[command(
        after_help = "Examples:\n  kg neighbours \"Moscow Zoo\"\n  kg neighbours Putin --depth 2 --kind animal"
    )]
    Neighbours(NeighboursArgs),
    /// An entity's card: kind, aliases, and every fact in and out with its evidence.
    #[command(after_help = "Example:\n  kg show \"Kim Jong Un\"")]
    Show(ShowArgs),
    /// List the entities, with their kinds and number of facts.
    #[command(after_help = "Example:\n  kg entities --kind person")]
    Entities(EntitiesArgs),
    /// List the facts, with their evidence.
    #[command(
        after_help = "Examples:\n  kg facts --relation sent\n  kg facts --entity Kozlov --format json"
    )]
    Facts(FactsArgs),
    /// Counts by kind and relation, and the best-connected entities.
    #[command(after_help = "Example:\n  kg stats")]
    Stats(StatsArgs),
    /// The graph (or a part of it) as Graphviz DOT: short for `kg export --format dot`.
    #[command(
        after_help = "Examples:\n  kg dot | dot -Tsvg > graph.svg\n  kg dot --around \"Moscow Zoo\" --depth 1 | dot -Tpng > zoo.png\n  kg dot --path Putin \"Pyongyang Central Zoo\" | dot -Tsvg > path.svg\n  kg dot --limit 40 | dot -Tsvg > best-connected.svg"
    )]
    Dot(DotArgs),
    /// The graph (or a part of it) in a format other tools read.
    #[command(
        after_help = "Examples:\n  kg export --format graphml -o graph.graphml\n  kg export -o graph.ttl --around Putin --depth 2\n  kg export --format csv -o csv/\n  kg export --format mermaid --path Putin \"Pyongyang Central Zoo\""
    )]
    Export(ExportArgs),
    /// The graph (or a part of it) as one self-contained interactive HTML page.
    ///
    /// The page needs no network: its script, styles and data are all inside it. It shows
    /// the graph (laid out by Graphviz when `dot` is installed, by kg's own force layout
    /// otherwise), a search box, entity cards with evidence, and a path finder.
    #[command(
        after_help = "Examples:\n  kg html --around Putin --depth 2 -o putin.html\n  kg html --path Putin \"Pyongyang Central Zoo\" -o path.html\n  kg html --kind person,institution,country > graph.html"
    )]
    Html(HtmlArgs),
    /// The path between two entities told as prose, one sentence per step, with sources.
    #[command(
        after_help = "Examples:\n  kg explain Putin \"Pyongyang Central Zoo\"\n  kg explain Putin \"Moscow Zoo\" --avoid stated --format json"
    )]
    Explain(ExplainArgs),
    /// A shell completion script: bash, zsh, fish, powershell or elvish.
    #[command(
        after_help = "Examples:\n  source <(kg completions bash)\n  kg completions zsh > \"${fpath[1]}/_kg\"\n  kg completions fish > ~/.config/fish/completions/kg.fish"
    )]
    Completions(CompletionsArgs),
    /// The manual page, as roff.
    #[command(
        after_help = "Examples:\n  kg man | man -l -\n  kg man --dir /usr/local/share/man/man1"
    )]
    Man(ManArgs),
    /// Create an empty knowledge base (PATH/kg.json, PATH when it ends in .json, or the --graph file).
    #[command(
        after_help = "Examples:\n  kg init\n  kg init ~/news\n  kg init news/wire.json\n  kg --graph wire.json init"
    )]
    Init(InitArgs),
    /// Extract articles and merge them into the knowledge base.
    ///
    /// An article is identified by its content hash: adding the same file again changes
    /// nothing; a changed file (same name) replaces its earlier facts. A .json file is
    /// taken as one article already extracted (a graph file with at most one source).
    ///
    /// A text article may open with header lines, then a blank line:
    ///   source: Associated Press
    ///   date: 2024-11-22
    ///   title: Putin gives animals to Pyongyang zoo
    /// The source and title are shown with the article's facts (kg show, path, explain, html).
    #[command(
        after_help = "Examples:\n  kg add articles/*.txt\n  kg add 2024-11-22-putin-zoo.txt\n  kg add notes.txt --date 2024-11-22"
    )]
    Add(AddArgs),
    /// List the articles in the knowledge base: id, date, facts contributed, title, file.
    #[command(after_help = "Examples:\n  kg sources\n  kg sources --format json")]
    Sources(SourcesArgs),
    /// Take an article's facts out of the knowledge base (entities left with no fact go too; on a large base, for an article that changed the entities, at the next 'kg compact' unless --settle).
    #[command(after_help = "Example:\n  kg remove 2024-11-22-putin-zoo")]
    Remove(RemoveArgs),
    /// Record that two entities are one, and merge them (the decision is kept in kg.aliases).
    #[command(
        after_help = "Examples:\n  kg merge \"North Korea\" DPRK\n  kg merge vladimir-putin putin"
    )]
    Merge(MergeArgs),
    /// Record that a name is not an alias of an entity and split it off, or that what some articles say of an entity is about another body (kept in kg.aliases).
    #[command(
        after_help = "Examples:\n  kg split \"Kim Jong Un\" Kim\n  kg split \"Ministry of Foreign Affairs\" --source 2025-02-20-japan-ministry --as \"Japanese Ministry of Foreign Affairs\""
    )]
    Split(SplitArgs),
    /// Propose likely duplicate entities of one kind for review, each with its reason (shared names, accents, transliterations).
    #[command(after_help = "Examples:\n  kg duplicates\n  kg duplicates --format json")]
    Duplicates(DuplicatesArgs),
    /// Build the merged graph again from its articles and the decisions in kg.aliases.
    #[command(after_help = "Example:\n  kg rebuild")]
    Rebuild,
    /// Fold the journal of articles 'kg add' appended to a large base into the base itself.
    #[command(after_help = "Example:\n  kg compact")]
    Compact,
    /// The graph one article yields, as a graph file (JSON) or text; nothing is stored.
    #[command(
        after_help = "Examples:\n  kg extract article.txt\n  kg extract article.txt --format text\n  kg extract notes.txt --date 2024-11-22"
    )]
    Extract(ExtractArgs),
    /// Build a graph file from articles (the embedded graph: kg build graph/articles/*.txt -o graph/graph.json).
    #[command(
        after_help = "Examples:\n  kg build graph/articles/*.txt -o graph/graph.json\n  kg build a.txt b.txt -o ab.json"
    )]
    Build(BuildArgs),
    /// Score the extractor: one predicted graph or article against its gold graph, or a whole evaluation set (a manifest or a folder of gold graphs).
    #[command(
        after_help = "Examples:\n  kg eval eval/gold/a.json predicted.json\n  kg eval eval/gold/a.json eval/articles/a.txt --verbose\n  kg eval eval/                                   # every eval/gold/ID.json against its article\n  kg eval eval/real/manifest.tsv --split dev --by-rule\n  kg eval eval/real/manifest.tsv --split test --format json"
    )]
    Eval(EvalArgs),
}
impl Command {
    /// True for the commands that write the knowledge base.
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Command::Init(_)
                | Command::Add(_)
                | Command::Remove(_)
                | Command::Merge(_)
                | Command::Split(_)
                | Command::Rebuild
                | Command::Compact
        )
    }
}

#[derive(Debug, ClapArgs)]
pub struct ExtractArgs {
    /// The article: plain text, optionally opening with `source:` and `date:` lines and a
    /// blank line.
    pub article: PathBuf,
    /// The article's date (YYYY-MM-DD), when its header has none or it is wrong; relative
    /// dates ("in April", "last month") are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// A graph file (JSON, the default) or text for people.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Show how the article was read instead: each sentence, the chunks found in it with
    /// their types, and which rule made which fact (rules: docs/rules.md).
    #[arg(long, conflicts_with = "format")]
    pub trace: bool,
}

#[derive(Debug, ClapArgs)]
pub struct BuildArgs {
    /// The articles.
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// The graph file to write (replaced atomically).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,
}

#[derive(Debug, ClapArgs)]
pub struct EvalArgs {
    /// The gold graph file; or, alone, an evaluation set: a manifest (.tsv, see
    /// eval/real/README.md) or a folder holding gold/ID.json and articles/ID.txt.
    #[arg(value_name = "GOLD|SET")]
    pub gold: PathBuf,
    /// The predicted graph file, or an article (.txt) to extract and score.
    pub predicted: Option<PathBuf>,
    /// With a set: score only the articles of this split of the manifest.
    #[arg(long, value_enum)]
    pub split: Option<crate::eval::corpus::Split>,
    /// With a set: each extraction rule's right and wrong facts (not on the test split).
    #[arg(long)]
    pub by_rule: bool,
    /// List the gold facts missed and the predicted facts that are wrong (not on the test
    /// split).
    #[arg(long, short = 'v')]
    pub verbose: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct InitArgs {
    /// The folder to create kg.json in (default: the current folder), or the file to
    /// create when it ends in .json; missing folders are created.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, ClapArgs)]
pub struct AddArgs {
    /// The article files (text with optional source:/date:/title: header lines, or .json).
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// The articles' date (YYYY-MM-DD), when their header has none or it is wrong; relative
    /// dates ("in April", "last month") are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Add an article even when kg finds no facts in it (else it is left out, with a
    /// warning, and kg add exits 1).
    #[arg(long)]
    pub allow_empty: bool,
}

#[derive(Debug, ClapArgs)]
pub struct SourcesArgs {
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct RemoveArgs {
    /// The article: its id (see kg sources) or the file it was added from.
    pub source: String,
    /// On a large base, settle now what removing an article that changed the entities
    /// changes in them (which entities go, which entity a later article's name joins):
    /// without it, its facts go at once and that is left pending until the next `kg
    /// compact`, which settles it (the settling replays the articles its names reach).
    #[arg(long)]
    pub settle: bool,
}

#[derive(Debug, ClapArgs)]
pub struct MergeArgs {
    /// The entity that stays: a name, alias, id, or unique word or prefix of one.
    pub a: String,
    /// The entity that joins it.
    pub b: String,
}

#[derive(Debug, ClapArgs)]
pub struct SplitArgs {
    /// The entity: a name, alias, id, or unique word or prefix of one.
    pub entity: String,
    /// The alias that is not this entity (exactly as kg show lists it, any case).
    #[arg(required_unless_present = "source", conflicts_with = "source")]
    pub alias: Option<String>,
    /// Instead of an alias: the articles (ids as kg sources lists them, or files) whose facts about the entity are about another body; they go to a new entity.
    #[arg(long, value_name = "ARTICLE", num_args = 1..)]
    pub source: Vec<String>,
    /// With --source: the new entity's name (default: the entity's name and the first article's id); an entity already named so takes the facts.
    #[arg(long = "as", value_name = "NAME", requires = "source")]
    pub new_name: Option<String>,
}

#[derive(Debug, ClapArgs)]
pub struct DuplicatesArgs {
    /// How many pairs to list at most.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
    #[command(flatten)]
    pub format: FormatArg,
}

/// `--format text|json`.
#[derive(Debug, ClapArgs)]
pub struct FormatArg {
    /// Text for people, JSON for scripts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Which way facts may be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Facts whose subject is the entity.
    Out,
    /// Facts whose object is the entity.
    In,
    /// Both.
    Both,
}

#[derive(Debug, ClapArgs)]
pub struct PathArgs {
    /// Where the path starts: a name, alias, or unique word or prefix of one.
    pub from: String,
    /// Where the path ends.
    pub to: String,
    /// Follow facts from subject to object only.
    #[arg(long)]
    pub directed: bool,
    /// Follow only these relations (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "REL,...")]
    pub via: Vec<Relation>,
    /// Never follow these relations (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "REL,...")]
    pub avoid: Vec<Relation>,
    /// Never pass through this entity (repeatable).
    #[arg(long, value_name = "NAME")]
    pub avoid_entity: Vec<String>,
    /// All simple paths up to --max-hops, shortest first (at most --limit of them).
    #[arg(long, conflicts_with = "k")]
    pub all: bool,
    /// With --all: the longest path to look for.
    #[arg(long, default_value_t = 4, requires = "all", value_name = "N")]
    pub max_hops: usize,
    /// With --all: how many paths to print at most.
    #[arg(long, default_value_t = 50, requires = "all", value_name = "N")]
    pub limit: usize,
    /// The k shortest paths (Yen's algorithm).
    #[arg(short = 'k', value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub k: Option<u64>,
    /// Do not print the evidence sentence under each step.
    #[arg(long)]
    pub no_evidence: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct NeighboursArgs {
    /// The entity: a name, alias, or unique word or prefix of one.
    pub entity: String,
    /// How many hops out to go.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub depth: usize,
    /// Follow only these relations (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "REL")]
    pub relation: Vec<Relation>,
    /// Show only neighbours of these kinds (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<Kind>,
    /// Which facts to follow: out (the entity is the subject), in, or both.
    #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
    pub direction: DirectionArg,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct ShowArgs {
    /// The entity: a name, alias, or unique word or prefix of one.
    pub entity: String,
    /// Do not print the evidence sentences.
    #[arg(long)]
    pub no_evidence: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct EntitiesArgs {
    /// Only entities of these kinds (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<Kind>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct FactsArgs {
    /// Only facts of these relations (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "REL")]
    pub relation: Vec<Relation>,
    /// Only facts about this entity (as subject or object).
    #[arg(long, value_name = "NAME")]
    pub entity: Option<String>,
    /// Do not print the evidence sentences.
    #[arg(long)]
    pub no_evidence: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct StatsArgs {
    #[command(flatten)]
    pub format: FormatArg,
}

/// Which part of the graph `dot`, `export` and `html` write: the options they share.
/// With none of them, the whole graph.
#[derive(Debug, Default, ClapArgs)]
pub struct SelectArgs {
    /// Only the neighbourhood of this entity (see --depth).
    #[arg(long, value_name = "NAME", conflicts_with = "path")]
    pub around: Option<String>,
    /// With --around: how many hops out.
    #[arg(long, default_value_t = 1, requires = "around", value_name = "N")]
    pub depth: usize,
    /// Only the shortest path between two entities.
    #[arg(long, num_args = 2, value_names = ["FROM", "TO"])]
    pub path: Option<Vec<String>>,
    /// Only facts of these relations (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "REL")]
    pub relation: Vec<Relation>,
    /// Only entities of these kinds (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "KIND")]
    pub kind: Vec<Kind>,
}

#[derive(Debug, ClapArgs)]
pub struct DotArgs {
    #[command(flatten)]
    pub select: SelectArgs,
    /// Only the N best-connected entities of the selection (and the facts among them).
    /// Without it, a selection of more than 500 facts is refused: Graphviz takes minutes.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// A format of `kg export`: a place in [`crate::export::FORMATS`], which names it, says
/// what it is and writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportFormat(usize);

impl ExportFormat {
    /// Its name, help line, extensions and writer.
    pub fn spec(self) -> &'static crate::export::Format {
        &crate::export::FORMATS[self.0]
    }

    /// The format with this name.
    pub fn named(name: &str) -> Option<ExportFormat> {
        crate::export::FORMATS
            .iter()
            .position(|f| f.name == name)
            .map(ExportFormat)
    }
}

const EXPORT_FORMATS: [ExportFormat; crate::export::FORMATS.len()] = {
    let mut all = [ExportFormat(0); crate::export::FORMATS.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = ExportFormat(i);
        i += 1;
    }
    all
};

impl clap::ValueEnum for ExportFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &EXPORT_FORMATS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let f = self.spec();
        Some(clap::builder::PossibleValue::new(f.name).help(f.help))
    }
}

#[derive(Debug, ClapArgs)]
pub struct ExportArgs {
    /// The format; when absent, taken from the extension of -o.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ExportFormat>,
    /// Write here instead of standard output (a folder for csv, created when missing);
    /// replaced atomically.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub select: SelectArgs,
}

/// How `kg html` places the nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LayoutChoice {
    /// Graphviz `dot` when it is installed, kg's own force layout otherwise.
    #[default]
    Auto,
    /// Graphviz `dot` (an error when it is not installed).
    Graphviz,
    /// kg's own force layout (deterministic, needs nothing installed).
    Force,
}

#[derive(Debug, ClapArgs)]
pub struct HtmlArgs {
    #[command(flatten)]
    pub select: SelectArgs,
    /// Write the page to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How to place the nodes.
    #[arg(long, value_enum, default_value_t = LayoutChoice::Auto)]
    pub layout: LayoutChoice,
    /// The page title (default: what was selected).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Only the N best-connected entities of the selection (and the facts among them).
    /// Without it, a selection of more than 5,000 facts is refused; above 500, --layout auto
    /// uses kg's own layout rather than Graphviz.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, ClapArgs)]
pub struct ExplainArgs {
    /// Where the story starts: a name, alias, or unique word or prefix of one.
    pub from: String,
    /// Where it ends.
    pub to: String,
    /// Follow only these relations (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "REL,...")]
    pub via: Vec<Relation>,
    /// Never follow these relations (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "REL,...")]
    pub avoid: Vec<Relation>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, ClapArgs)]
pub struct ManArgs {
    /// Write kg.1 and a page per subcommand (kg-path.1, ...) into this folder instead
    /// (created when missing).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, ClapArgs)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn dates_are_checked() {
        let a = Args::try_parse_from(["kg", "facts", "--since", "2024-06"]).unwrap();
        assert_eq!(a.since.as_deref(), Some("2024-06"));
        assert!(Args::try_parse_from(["kg", "facts", "--until", "June"]).is_err());
        assert!(Args::try_parse_from(["kg", "add"]).is_err());
    }

    #[test]
    fn graph_is_global() {
        let a = Args::try_parse_from(["kg", "stats", "--graph", "x.json"]).unwrap();
        assert_eq!(a.graph.as_deref(), Some(std::path::Path::new("x.json")));
        let a = Args::try_parse_from(["kg", "-g", "y.json", "stats"]).unwrap();
        assert_eq!(a.graph.as_deref(), Some(std::path::Path::new("y.json")));
    }

    #[test]
    fn relations_are_parsed_and_checked() {
        let a = Args::try_parse_from(["kg", "path", "a", "b", "--via", "sent,received"]).unwrap();
        let Command::Path(p) = a.command else {
            panic!()
        };
        assert_eq!(p.via, [Relation::Sent, Relation::Received]);
        assert!(Args::try_parse_from(["kg", "path", "a", "b", "--via", "gave"]).is_err());
    }
}
