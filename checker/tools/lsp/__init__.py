"""The language server (`plancheck lsp`): the workspace folder is the suite.

In: the JSON-RPC messages of an editor over stdio.  Out: diagnostics as you type
(every P/T/L code), hover, go to definition, references, completion, formatting,
quick fixes and document symbols.  `workspace` analyses a folder's `.rules` files
with the open documents' unsaved text over disk; `index` maps positions to the
names they mention; `hover`, `complete`, `actions` and `symbols` answer requests
in plain values; only `server` (and `convert`) import pygls and lsprotocol, the
optional `lsp` extra.  Imports syntax, types and the other tools; never data,
engine or the CLI.
"""
