//! [`run`]: find and load the graph a command needs (or lock the knowledge base a write
//! command changes) and run the command.

use crate::cli::{Args, Command, SelectArgs};
use crate::cmd::{self, Ctx, Outcome, WriteCtx};
use crate::error::Error;
use crate::kb::delta::{self, Delta, Layered};
use crate::kb::{Journal, Overlay};
use crate::model::Subgraph;
use crate::print::Style;
use crate::query::{Read, Window, Windowed};
use crate::store::{self, Located, snapshot};
use std::io::{self, IsTerminal, Write};
use std::path::Path;

/// What a successful run leaves for the user besides its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub outcome: Outcome,
    /// Notes for stderr (truncation, hints).
    pub notes: Vec<String>,
}

/// Runs one `kg` command, writing its answer to standard output. With `--quiet` the
/// report has no notes.
///
/// The graph is `--graph`/`KG_GRAPH`, else the nearest `kg.json` walking up from the
/// current folder, else the embedded graph (read-only: write commands then ask for
/// `kg init`). Query commands see only the facts in the `--since`/`--until` window.
pub fn run(args: Args) -> Result<Report, Error> {
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut notes = Vec::new();
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let located = store::locate(args.graph.as_deref(), &cwd);
    crate::kb::session::set_lock_timeout(args.lock_timeout.clone());
    crate::kb::session::set_snapshot_policy(args.snapshot.clone());
    store::load::on_reading(crate::print::store::reading);
    crate::kb::session::on_waiting(crate::print::kb::waiting);
    let outcome = match &args.command {
        // These describe kg itself: they need no graph.
        Command::Completions(a) => cmd::completions::run(&mut out, a)?,
        Command::Man(a) => cmd::man::run(&mut out, a, &mut notes)?,
        // These read articles and files they are given, not the knowledge base.
        Command::Extract(a) => cmd::extract::run(&mut out, a)?,
        Command::Build(a) => cmd::build::run(a, &mut notes)?,
        Command::Eval(a) => cmd::eval::run(&mut out, a)?,
        command if command.writes() => run_write(&args, &located, &mut out, &mut notes)?,
        command => {
            let window = Window {
                since: args.since.clone(),
                until: args.until.clone(),
            };
            let style = Style::new(args.color, is_terminal, args.no_color.as_deref());
            let width = crate::print::width::columns(args.width.as_deref(), is_terminal);
            let how = Reading {
                command,
                snapshot: args.snapshot.as_deref(),
                window: &window,
                style,
                width,
            };
            if let Some(answer) = from_snapshot(located.path(), &how, &mut notes)? {
                let (bytes, outcome, mut more) = answer;
                out.write_all(&bytes)?;
                out.flush()?;
                notes.append(&mut more);
                return finish(args.quiet, outcome, notes);
            }
            let graph = window.apply(crate::kb::load(located.path())?);
            let mut ctx = Ctx {
                graph: &graph,
                base: located.path(),
                style,
                width,
                out: &mut out,
                notes: Vec::new(),
            };
            let outcome = dispatch(&mut ctx, command)?;
            notes.append(&mut ctx.notes);
            outcome
        }
    };
    out.flush()?;
    finish(args.quiet, outcome, notes)
}

fn finish(quiet: bool, outcome: Outcome, mut notes: Vec<String>) -> Result<Report, Error> {
    if quiet {
        notes.clear();
    }
    Ok(Report { outcome, notes })
}

/// A query command and how to print its answer.
struct Reading<'a> {
    command: &'a Command,
    /// `--snapshot` / `KG_SNAPSHOT`, as given.
    snapshot: Option<&'a str>,
    window: &'a Window,
    style: Style,
    width: Option<usize>,
}

/// What a snapshot answered: the command's whole output, how it ended and its notes.
type Answered = (Vec<u8>, Outcome, Vec<String>);

/// How a command reads a snapshot, if it does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnSnapshot {
    /// It runs on the snapshot itself, through [`crate::query::Read`].
    Reads,
    /// It writes the part of the graph `--around` or `--path` selects, found on the
    /// snapshot and decoded ([`cmd::part`]).
    Part,
}

/// The selection options of `kg dot`, `kg export` and `kg html`.
fn selection_of(command: &Command) -> Option<&SelectArgs> {
    match command {
        Command::Dot(a) => Some(&a.select),
        Command::Export(a) => Some(&a.select),
        Command::Html(a) => Some(&a.select),
        _ => None,
    }
}

/// How `command` reads a snapshot; `None` when it reads the whole graph. Every command is
/// named, so a new one has to be decided here.
fn on_snapshot(command: &Command) -> Option<OnSnapshot> {
    match command {
        Command::Path(_)
        | Command::Explain(_)
        | Command::Show(_)
        | Command::Neighbours(_)
        | Command::Entities(_)
        | Command::Facts(_)
        | Command::Stats(_)
        | Command::Sources(_)
        | Command::Duplicates(_) => Some(OnSnapshot::Reads),
        Command::Dot(_) | Command::Export(_) | Command::Html(_) => {
            let a = selection_of(command)?;
            (a.around.is_some() || a.path.is_some()).then_some(OnSnapshot::Part)
        }
        Command::Completions(_)
        | Command::Man(_)
        | Command::Extract(_)
        | Command::Build(_)
        | Command::Eval(_)
        | Command::Init(_)
        | Command::Add(_)
        | Command::Remove(_)
        | Command::Merge(_)
        | Command::Split(_)
        | Command::Rebuild
        | Command::Compact => None,
    }
}

/// The snapshot's answer to the command, when it reads a snapshot ([`on_snapshot`]) and
/// the file is large enough for `KG_SNAPSHOT`'s policy; `None` when the whole JSON is to
/// be read. A snapshot found damaged while answering is rebuilt and the answer computed
/// again from the new one: the output is written only when no damage was found.
fn from_snapshot(
    path: Option<&Path>,
    how: &Reading,
    notes: &mut Vec<String>,
) -> Result<Option<Answered>, Error> {
    let policy = snapshot::Policy::parse(how.snapshot)?;
    let Some(path) = path else { return Ok(None) };
    let Some(on) = on_snapshot(how.command) else {
        return Ok(None);
    };
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None); // the JSON reader reports it
    };
    if !policy.applies(meta.len()) {
        return Ok(None);
    }
    let mut told = Vec::new();
    let snap = snapshot::open(path, &mut told)?;
    notes.extend(crate::print::store::snapshot_notes(&told));
    let answer = answer_from(&snap, path, on, how);
    let Some(damage) = snap.damage() else {
        return answer.map(Some);
    };
    let mut told = vec![snapshot::SnapshotNote::Rebuilt {
        path: snapshot::path_for(path),
        why: snapshot::Stale::Unusable(snapshot::Unusable::Damaged(damage)),
    }];
    let snap = snapshot::rebuild(path, &mut told)?;
    notes.extend(crate::print::store::snapshot_notes(&told));
    let answer = answer_from(&snap, path, on, how)?;
    match snap.damage() {
        None => Ok(Some(answer)),
        Some(damage) => Err(crate::store::Error::Snapshot {
            path: snapshot::path_for(path),
            message: format!("the rebuilt snapshot is damaged too ({damage})"),
        }
        .into()),
    }
}

/// The answer of the snapshot of `base`, with its journal on top when it has one.
fn answer_from(
    snap: &snapshot::Snapshot,
    base: &Path,
    on: OnSnapshot,
    how: &Reading,
) -> Result<Answered, Error> {
    // The journal's delta file, when it is the journal's as it is now (see
    // `crate::kb::delta`); else, or when a page the answer read does not match its sum,
    // the journal itself, laid over the snapshot and read the same way (the next write
    // replaces the delta file).
    if let Ok(delta) = delta::open(base, snap) {
        let answered = answer(&Layered::new(snap, &delta), base, on, how);
        if delta.damage().is_none() {
            return answered;
        }
    }
    let Some(journal) = Journal::current(base)? else {
        return answer(snap, base, on, how);
    };
    let overlay =
        Overlay::new(snap, journal).map_err(|why| crate::kb::journal::invalid(base, why))?;
    let bytes = snapshot::map::Bytes::Owned(overlay.to_delta());
    let delta = Delta::open(bytes).map_err(|why| crate::kb::journal::invalid(base, why))?;
    answer(&Layered::new(snap, &delta), base, on, how)
}

/// The command's answer from a snapshot, through its time window.
fn answer(
    view: &impl snapshot::View,
    base: &Path,
    on: OnSnapshot,
    how: &Reading,
) -> Result<Answered, Error> {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    let outcome = if how.window.is_open() {
        on_view(view, view, base, on, how, &mut out, &mut notes)?
    } else {
        let windowed = Windowed::new(view, how.window);
        on_view(&windowed, view, base, on, how, &mut out, &mut notes)?
    };
    Ok((out, outcome, notes))
}

/// Runs a command on `graph`, the snapshot `view` as the query sees it.
fn on_view(
    graph: &impl Read<Node = u32, Edge = u32>,
    view: &impl snapshot::View,
    base: &Path,
    on: OnSnapshot,
    how: &Reading,
    out: &mut dyn Write,
    notes: &mut Vec<String>,
) -> Result<Outcome, Error> {
    if on == OnSnapshot::Reads {
        return read(graph, base, how, out, notes);
    }
    let select = selection_of(how.command).expect("on_snapshot checked");
    let format = match how.command {
        // A missing format is reported before any name.
        Command::Export(a) => Some(cmd::export::format(a)?),
        _ => None,
    };
    let part = match cmd::part(graph, view, select)? {
        Ok(part) => part,
        Err(nothing) => return Ok(nothing),
    };
    let mut ctx = Ctx {
        graph: &part,
        base: Some(base),
        style: how.style,
        width: how.width,
        out,
        notes: Vec::new(),
    };
    let whole = Subgraph::whole(&part);
    let outcome = match (how.command, format) {
        (Command::Dot(a), _) => cmd::dot::write(&mut ctx, a, whole),
        (Command::Export(a), Some(f)) => cmd::export::write_selection(&mut ctx, a, f, &whole),
        (Command::Html(a), _) => cmd::html::write(&mut ctx, a, whole),
        _ => unreachable!("on_snapshot says which commands write a part"),
    }?;
    notes.append(&mut ctx.notes);
    Ok(outcome)
}

/// Runs a read command (one [`on_snapshot`] says [`OnSnapshot::Reads`]) on any graph.
fn read<G: Read>(
    graph: &G,
    base: &Path,
    how: &Reading,
    out: &mut dyn Write,
    notes: &mut Vec<String>,
) -> Result<Outcome, Error> {
    let mut ctx = Ctx {
        graph,
        base: Some(base),
        style: how.style,
        width: how.width,
        out,
        notes: Vec::new(),
    };
    let outcome = match how.command {
        Command::Path(a) => cmd::path::run(&mut ctx, a),
        Command::Explain(a) => cmd::explain::run(&mut ctx, a),
        Command::Show(a) => cmd::show::run(&mut ctx, a),
        Command::Neighbours(a) => cmd::neighbours::run(&mut ctx, a),
        Command::Entities(a) => cmd::entities::run(&mut ctx, a),
        Command::Facts(a) => cmd::facts::run(&mut ctx, a),
        Command::Stats(a) => cmd::stats::run(&mut ctx, a),
        Command::Sources(a) => cmd::sources::run(&mut ctx, a),
        Command::Duplicates(a) => cmd::duplicates::run(&mut ctx, a),
        _ => unreachable!("on_snapshot says which commands read"),
    }?;
    notes.append(&mut ctx.notes);
    Ok(outcome)
}

/// Runs a command that writes the knowledge base.
fn run_write(
    args: &Args,
    located: &Located,
    out: &mut dyn Write,
    notes: &mut Vec<String>,
) -> Result<Outcome, Error> {
    if args.since.is_some() || args.until.is_some() {
        return Err(Error::Usage(
            "--since and --until filter query commands; write commands do not take them".into(),
        ));
    }
    if let Command::Init(a) = &args.command {
        return cmd::init::run(located, a, notes);
    }
    let base = located.path().ok_or(Error::NoBase)?;
    if !base.exists() {
        return Err(match located {
            Located::Named(p) => crate::kb::Error::MissingBase { path: p.clone() }.into(),
            _ => Error::NoBase,
        });
    }
    let mut ctx = WriteCtx {
        base,
        snapshot: args.snapshot.as_deref(),
        out,
        notes: Vec::new(),
    };
    let outcome = match &args.command {
        Command::Add(a) => cmd::add::run(&mut ctx, a),
        Command::Remove(a) => cmd::remove::run(&mut ctx, a),
        Command::Merge(a) => cmd::merge::run(&mut ctx, a),
        Command::Split(a) => cmd::split::run(&mut ctx, a),
        Command::Rebuild => cmd::rebuild::run(&mut ctx),
        Command::Compact => cmd::compact::run(&mut ctx),
        _ => unreachable!("only write commands come here"),
    }?;
    notes.append(&mut ctx.notes);
    Ok(outcome)
}

/// Runs a command that reads the graph.
fn dispatch(ctx: &mut Ctx, command: &Command) -> Result<Outcome, Error> {
    match command {
        Command::Path(a) => cmd::path::run(ctx, a),
        Command::Neighbours(a) => cmd::neighbours::run(ctx, a),
        Command::Show(a) => cmd::show::run(ctx, a),
        Command::Entities(a) => cmd::entities::run(ctx, a),
        Command::Facts(a) => cmd::facts::run(ctx, a),
        Command::Stats(a) => cmd::stats::run(ctx, a),
        Command::Dot(a) => cmd::dot::run(ctx, a),
        Command::Export(a) => cmd::export::run(ctx, a),
        Command::Html(a) => cmd::html::run(ctx, a),
        Command::Explain(a) => cmd::explain::run(ctx, a),
        Command::Sources(a) => cmd::sources::run(ctx, a),
        Command::Duplicates(a) => cmd::duplicates::run(ctx, a),
        Command::Completions(_)
        | Command::Man(_)
        | Command::Extract(_)
        | Command::Build(_)
        | Command::Eval(_) => unreachable!("run handles these"),
        Command::Init(_)
        | Command::Add(_)
        | Command::Remove(_)
        | Command::Merge(_)
        | Command::Split(_)
        | Command::Rebuild
        | Command::Compact => unreachable!("run_write handles these"),
    }
}

/// What to print on stderr for a command-line error clap found: clap's own message, with
/// its tip ("a similar subcommand exists: 'path'"), the missing arguments, the possible
/// values and the usage line, `kg: ` in place of clap's `error: ` and no colours. Lines
/// are made safe for a terminal (an argument may hold control characters). `kg` with no
/// command at all gets [`short_usage`] instead of the whole help.
pub fn usage_message(e: &clap::Error) -> String {
    use clap::error::ErrorKind;
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        return short_usage();
    }
    let rendered = e.render().to_string();
    let rendered = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    let lines: Vec<String> = rendered
        .trim_end()
        .lines()
        .map(|l| crate::print::text::printable(l).trim_end().to_string())
        .collect();
    format!("kg: {}", lines.join("\n"))
}

/// What `kg` alone prints: what kg is, the usage line, each command with its help line
/// (cut to fit 100 columns), one example, and where to read more. Built from the clap
/// definition, so a new command shows up in it.
pub fn short_usage() -> String {
    use clap::CommandFactory;
    let mut cmd = Args::command();
    let usage = cmd.render_usage().to_string();
    let commands: Vec<(String, String)> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| {
            let about = c.get_about().map(|a| a.to_string()).unwrap_or_default();
            (c.get_name().to_string(), about)
        })
        .collect();
    let width = commands.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let mut text = format!("{about}\n\n{}\n\nCommands:\n", usage.trim_end());
    for (name, about) in &commands {
        let about = crate::print::width::fit(about, 100 - width - 4);
        text.push_str(&format!("  {name:width$}  {about}\n"));
    }
    text.push_str("\nExample:\n  kg path Putin \"Pyongyang Central Zoo\"\n\n");
    text.push_str("More: 'kg --help', 'kg help COMMAND'");
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_graph_loads() {
        let g = crate::kb::load(None).unwrap();
        assert!(g.entity_count() > 0 && g.fact_count() > 0);
    }
}
