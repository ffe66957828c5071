//! `kg man`: the manual page (section 1, roff) generated from the clap definition by
//! clap_mangen; with `--dir`, also one page per subcommand (`kg-path.1`, ...).

use super::Outcome;
use crate::cli::{Args, ManArgs};
use crate::error::Error;
use clap::CommandFactory;
use std::io::Write;

pub fn run(out: &mut dyn Write, a: &ManArgs, notes: &mut Vec<String>) -> Result<Outcome, Error> {
    match &a.dir {
        None => out.write_all(&page())?,
        Some(dir) => {
            clap_mangen::generate_to(Args::command(), dir).map_err(|source| Error::Write {
                path: dir.clone(),
                source,
            })?;
            notes.push(format!("wrote the manual pages to {}", dir.display()));
        }
    }
    Ok(Outcome::Done)
}

/// `kg(1)`: synopsis, options, the subcommands and examples.
pub fn page() -> Vec<u8> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Args::command())
        .render(&mut buf)
        .expect("rendering to memory cannot fail");
    buf
}
