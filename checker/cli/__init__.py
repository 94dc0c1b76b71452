"""Command line: argument handling and exit codes, one module per command; no logic.

In: argv.  Out: an exit code (0 nothing at or above `--fail-on`; 1 findings;
2 bad input; 3 internal error) and what the command prints.  Calls the stages
through `pipeline` and the tool modules.  Nothing imports the CLI.
"""
