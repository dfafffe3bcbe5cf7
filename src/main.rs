//! The `chayici` command: parses arguments, runs one subcommand, prints any error once.
//!
//! The command line lives here, in the binary, not in the library: the library knows nothing
//! of clap, so that other programs can use it without a command line's dependencies.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
