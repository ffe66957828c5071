//! `kg man`: the manual page (section 1, roff), generated from the clap definition with
//! clap_mangen: kg's synopsis and global options, then a COMMANDS section with every
//! subcommand's usage, options and examples, then EXAMPLES, EXIT STATUS and ENVIRONMENT.
//! With `--dir`, clap_mangen's set of pages instead: `kg.1` and one per subcommand
//! (`kg-path.1`, ...).

use super::Outcome;
use crate::cli::{Args, ManArgs};
use crate::error::Error;
use clap::CommandFactory;
use std::io::Write;

pub fn run(out: &mut dyn Write, a: &ManArgs, notes: &mut Vec<String>) -> Result<Outcome, Error> {
    match &a.dir {
        None => out.write_all(&page())?,
        Some(dir) => {
            crate::store::atomic::make_folder(dir)
                .and_then(|()| clap_mangen::generate_to(command(), dir))
                .map_err(|source| crate::store::Error::Write {
                    path: dir.clone(),
                    source,
                })?;
            notes.push(format!("wrote the manual pages to {}", dir.display()));
        }
    }
    Ok(Outcome::Done)
}

/// The clap definition as the manual shows it: the NAME line is `kg - a knowledge
/// graph ...`, so the about loses the `kg: ` that `kg --help` opens with.
fn command() -> clap::Command {
    let cmd = Args::command();
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    let about = about.strip_prefix("kg: ").unwrap_or(&about).to_string();
    cmd.about(about)
}

/// `kg(1)`, the whole manual in one page.
pub fn page() -> Vec<u8> {
    let mut cmd = command().disable_help_subcommand(true);
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    let rendered: std::io::Result<()> = (|| {
        man.render_title(&mut buf)?;
        man.render_name_section(&mut buf)?;
        man.render_synopsis_section(&mut buf)?;
        man.render_description_section(&mut buf)?;
        man.render_options_section(&mut buf)
    })();
    rendered.expect("rendering to memory cannot fail");
    let mut roff = String::from(".SH COMMANDS\n");
    for sub in cmd.get_subcommands_mut() {
        roff.push_str(&command_section(sub));
    }
    if let Some(examples) = cmd.get_after_help() {
        roff.push_str(".SH EXAMPLES\n");
        roff.push_str(&preformatted(
            &examples.to_string().replace("Examples:\n", ""),
        ));
    }
    roff.push_str(concat!(
        ".SH \"EXIT STATUS\"\n",
        ".TP\n0\nSuccess (also when the reader of the output went away: \\fBkg dot | head \\-1\\fR).\n",
        ".TP\n1\nThe query ran but found nothing: no path, no match.\n",
        ".TP\n2\nBad usage or bad input: an unknown or ambiguous name, an unreadable or invalid file; a knowledge base another kg kept locked.\n",
    ));
    roff.push_str(&environment(&cmd));
    buf.extend_from_slice(roff.as_bytes());
    buf
}

/// The ENVIRONMENT section: every variable an option reads (clap's `env`), with the
/// option's help, so a variable cannot be read without being documented here.
fn environment(cmd: &clap::Command) -> String {
    let mut roff = String::from(".SH ENVIRONMENT\n");
    for arg in cmd.get_arguments() {
        let Some(var) = arg.get_env() else { continue };
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let long = arg
            .get_long()
            .map(|l| format!(" (as \\fB\\-\\-{}\\fR)", escape(l)));
        roff.push_str(&format!(
            ".TP\n{}\n{}{}\n",
            escape(&var.to_string_lossy()),
            escape(&help),
            long.unwrap_or_default()
        ));
    }
    roff
}

/// One subcommand as a subsection: what it does, its usage, options and examples.
fn command_section(sub: &mut clap::Command) -> String {
    let mut roff = format!(".SS \"{}\"\n", escape(&format!("kg {}", sub.get_name())));
    let about = sub
        .get_long_about()
        .or(sub.get_about())
        .map(|s| s.to_string())
        .unwrap_or_default();
    for para in about.split("\n\n") {
        roff.push_str(&format!(".PP\n{}\n", escape(&para.replace('\n', " "))));
    }
    let usage = sub.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
    roff.push_str(&format!(".PP\n\\fB{}\\fR\n", escape(&usage)));
    for arg in sub.get_arguments() {
        if arg.is_hide_set() || arg.is_global_set() || arg.get_id() == "help" {
            continue;
        }
        roff.push_str(&format!(".TP\n{}\n", flags(arg)));
        let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() && values.len() <= 12 {
            help.push_str(&format!(" (one of: {})", values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
        if takes_value && !defaults.is_empty() {
            help.push_str(&format!(" [default: {}]", defaults.join(", ")));
        }
        roff.push_str(&escape(&help));
        roff.push('\n');
    }
    if let Some(after) = sub.get_after_help() {
        roff.push_str(".PP\n");
        roff.push_str(&preformatted(&after.to_string()));
    }
    roff
}

/// `\fB\-\-depth\fR \fIN\fR`, `\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR`, `\fIFROM\fR`.
fn flags(arg: &clap::Arg) -> String {
    let values = arg
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(|n| format!("\\fI{}\\fR", escape(n)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    if arg.is_positional() {
        return if values.is_empty() {
            format!(
                "\\fI{}\\fR",
                escape(&arg.get_id().to_string().to_uppercase())
            )
        } else {
            values
        };
    }
    let mut names = Vec::new();
    if let Some(s) = arg.get_short() {
        names.push(format!("\\fB\\-{}\\fR", escape(&s.to_string())));
    }
    if let Some(l) = arg.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", escape(l)));
    }
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    if takes_value && !values.is_empty() {
        format!("{} {values}", names.join(", "))
    } else {
        names.join(", ")
    }
}

/// Lines kept as they are (`.nf` … `.fi`), each escaped.
fn preformatted(text: &str) -> String {
    let body: Vec<String> = text.lines().map(escape).collect();
    format!(".nf\n{}\n.fi\n", body.join("\n"))
}

/// Text made safe for roff: backslashes and dashes escaped, and a line that would start
/// with a control character (`.` or `'`) guarded.
fn escape(text: &str) -> String {
    let s = text.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_has_every_command_and_the_exit_codes() {
        let page = String::from_utf8(page()).unwrap();
        assert!(page.contains(".TH kg 1"));
        for sub in ["path", "html", "explain", "completions", "man"] {
            assert!(page.contains(&format!(".SS \"kg {sub}\"")), "{sub}");
        }
        assert!(page.contains(".SH \"EXIT STATUS\""));
        assert!(page.contains("\\fB\\-\\-around\\fR \\fINAME\\fR"));
        assert!(!page.contains("kg\\-help"));
    }

    #[test]
    fn environment_lists_every_variable_an_option_reads() {
        let page = String::from_utf8(page()).unwrap();
        let env = &page[page.find(".SH ENVIRONMENT").unwrap()..];
        for var in [
            "KG_GRAPH",
            "KG_SNAPSHOT",
            "KG_LOCK_TIMEOUT",
            "COLUMNS",
            "NO_COLOR",
        ] {
            assert!(env.contains(&format!(".TP\n{var}\n")), "{var}");
        }
        assert!(env.contains("(as \\fB\\-\\-snapshot\\fR)"));
    }

    #[test]
    fn roff_escapes() {
        assert_eq!(escape(r"a-b \ c"), r"a\-b \e c");
        assert_eq!(escape(".TH"), r"\&.TH");
    }
}
