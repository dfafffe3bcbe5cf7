//! The `chayici` command: parses arguments, runs one subcommand, prints any error once.

use std::process::ExitCode;

fn main() -> ExitCode {
    chayici::cli::main()
}
