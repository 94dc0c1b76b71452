"""Syntax: `.rules` text -> the rule model (`model.Suite`), and back.

In: bytes or text of `.rules` files (and the unit prelude).  Out: frozen model
nodes with spans and comments (`build`, `comments`), canonical text again
(`unparse`), a whole suite with its sources (`suite.load_suite`), or syntax
diagnostics (P1xx) in words (`errors`, `words`).  Must not import any later
stage; only `parse` and `errors` import lark.
"""
