//! `kg completions SHELL`: the shell completion script, generated from the clap definition
//! by clap_complete.

use super::Outcome;
use crate::cli::{Args, CompletionsArgs};
use crate::error::Error;
use clap::CommandFactory;
use std::io::Write;

pub fn run(out: &mut dyn Write, a: &CompletionsArgs) -> Result<Outcome, Error> {
    let mut cmd = Args::command();
    // clap_complete writes through a panic-free path but ignores write errors; render to a
    // buffer so that a closed pipe is reported like any other output error.
    let mut buf = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "kg", &mut buf);
    out.write_all(&buf)?;
    Ok(Outcome::Done)
}
