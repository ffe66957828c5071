//! The `kg` binary: parse the command line, run it, print errors once, exit with a code
//! that says how it went (see `kg::exit::Exit`).

use clap::Parser;
use kg::cmd::Outcome;
use kg::exit::Exit;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match kg::cli::Args::try_parse() {
        Ok(args) => args,
        Err(e) if !e.use_stderr() => {
            let _ = e.print(); // --help, --version
            return Exit::Success.into();
        }
        Err(e) => {
            eprintln!("kg: {}", kg::run::usage_message(&e));
            return Exit::Failure.into();
        }
    };
    match kg::run::run(args) {
        Ok(report) => {
            report.notes.iter().for_each(|n| eprintln!("kg: {n}"));
            match report.outcome {
                Outcome::Done => Exit::Success,
                Outcome::Nothing(msg) => {
                    eprintln!("kg: {msg}");
                    Exit::NoResult
                }
            }
        }
        Err(e) if e.is_broken_pipe() => Exit::Success,
        Err(e) => {
            eprintln!("kg: {e}");
            e.exit()
        }
    }
    .into()
}
