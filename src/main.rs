//! The `kg` binary: parse the command line, run it, print errors once, exit with a code
//! that says how it went (see `kg::exit::Exit`).

use clap::Parser;
use kg::cmd::Outcome;
use kg::exit::Exit;
use std::process::ExitCode;

/// Prints one line on stderr, `kg: ` first. Names and paths in it may come from a
/// hand-edited graph file: newlines and control characters become spaces, so the message
/// stays one line and cannot drive the terminal.
fn say(msg: &str) {
    eprintln!("kg: {}", kg::print::text::one_line(msg));
}

fn main() -> ExitCode {
    let args = match kg::cli::Args::try_parse() {
        Ok(args) => args,
        Err(e) if !e.use_stderr() => {
            let _ = e.print(); // --help, --version
            return Exit::Success.into();
        }
        Err(e) => {
            // clap's message keeps its lines: the tip, the usage, the possible values.
            eprintln!("{}", kg::run::usage_message(&e));
            return Exit::Failure.into();
        }
    };
    match kg::run::run(args) {
        Ok(report) => {
            report.notes.iter().for_each(|n| say(n));
            match report.outcome {
                Outcome::Done => Exit::Success,
                Outcome::Nothing(msg) => {
                    say(&msg);
                    Exit::NoResult
                }
            }
        }
        Err(e) if e.is_broken_pipe() => Exit::Success,
        Err(e) => {
            say(&e.to_string());
            e.exit()
        }
    }
    .into()
}
