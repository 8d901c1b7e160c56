"""One module a subcommand: SUMMARY, DESCRIPTION, add_arguments(parser), run(args) -> int."""
