"""The VS Code extension (editors/vscode): its TextMate grammar, run by the real engine.

`editors/vscode/test/tokenize.js` tokenizes text with vscode-textmate and
vscode-oniguruma (what VS Code runs); every file of the bundled suite and every
```rules block of docs/language.md must come out with no character outside a
token of its own (only the root scope) and none marked invalid.  Spot checks
name the scope of keywords, rule ids, numbers with units, strings, comments
and Chinese identifiers; the manifest must point at the grammar and the
language configuration; the client's own node tests (`npm test`) must pass.
Needs node and `npm ci` in editors/vscode (`make test` runs it); skips with a
message saying so otherwise.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from typing import Any

import pytest

from checker.syntax.unparse import RESERVED
from checker.syntax.words import KEYWORDS
from tests.conftest import BUNDLED, ROOT

pytestmark = pytest.mark.slow  # a process, a wheel build or a browser: see README "Tests"

EXTENSION = ROOT / "editors" / "vscode"
ROOT_SCOPE = "source.plancheck"
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(
    NODE is None or not (EXTENSION / "node_modules" / "vscode-textmate").is_dir(),
    reason="the grammar test needs node and the extension's packages: "
    "install node, then run `npm ci --prefix editors/vscode` (make test does)")

Token = dict[str, Any]


@cache
def _tokenized(texts: tuple[tuple[str, str], ...]) -> dict[str, list[list[Token]]]:
    assert NODE is not None
    done = subprocess.run([NODE, str(EXTENSION / "test" / "tokenize.js"), "-"],
                          input=json.dumps(dict(texts)), capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, list[list[Token]]] = json.loads(done.stdout)
    return result


def tokenize(**texts: str) -> dict[str, list[list[Token]]]:
    return _tokenized(tuple(sorted(texts.items())))


def problems(name: str, lines: list[list[Token]]) -> list[str]:
    found = []
    for number, tokens in enumerate(lines, start=1):
        for token in tokens:
            if not token["text"].strip():
                continue
            inner = token["scopes"][1:]
            if not inner or any(s.startswith("invalid.") for s in inner):
                found.append(f"{name}:{number}: {token['text']!r} {inner}")
    return found


def scope_of(snippet: str, word: str) -> str:
    """The innermost scope of `word` in one of the SNIPPETS (all tokenized in one run)."""
    lines = tokenize(**SNIPPETS)[snippet]
    for tokens in lines:
        for token in tokens:
            if token["text"] == word:
                return str(token["scopes"][-1]).removesuffix(".plancheck")
    raise AssertionError(f"no token {word!r} in {lines}")


def bundled() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(BUNDLED.glob("*.rules"))}


def docs_blocks() -> dict[str, str]:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```rules\n(.*?)```", text, re.DOTALL)
    return {f"language.md block {i + 1}": block for i, block in enumerate(blocks)}


@needs_node
def test_every_line_of_the_bundled_suite_is_tokenized() -> None:
    files = bundled()
    assert len(files) >= 10
    found = tokenize(**files)
    assert sum(len(lines) for lines in found.values()) > 1000
    assert [p for name, lines in found.items() for p in problems(name, lines)] == []


@needs_node
def test_every_rules_block_of_the_language_reference_is_tokenized() -> None:
    blocks = docs_blocks()
    assert blocks
    found = tokenize(**blocks)
    assert [p for name, lines in found.items() for p in problems(name, lines)] == []


RULE = '''# 城乡建设用地
rule LAND-01 "城乡建设用地规模控制在319平方公里以内" {
  cite "第五章 一 (三)" line 315: "确保\\"规模\\"控制"
  kind binding because "约束性"
  read 基本同步 = 1% because "两个增速之差"
  for each project
  where zone == 临空经济区 and `PM2.5` is present
  require total(new_land, 2021..2025) + 3 亩 <= 319 km2 by 2025 in region 大兴区
  require pm25 < 37 μg/m³ each year in 2021..2025
}
test "t" {
  as of 2022
  given data gdp_growth 大兴区 2021 = 6.5%
  given project { id: "P1", zone: 临空经济区 }
  expect LAND-01 pending on_track for "大兴区"
}
'''


SNIPPETS = {
    "rule": RULE,
    "keyword after a number": "rule A {\n  require total(x, 2021..2025) >= 13 by 2025\n}\n",
    "full-width": "rule A {\n  where a ≥ 1，\n}\n",
    "full-width in a string": 'rule A "标题，" {\n}\n',
    "growth of": 'indicator r {\n  unit %\n  growth of revenue\n}\n',
    "source": 'source beijing "北京城市总体规划" file "beijing.txt"\n'
              'rule A {\n  cite beijing "第三章" line 4: "…"\n}\n',
}


@needs_node
@pytest.mark.parametrize(("word", "scope"), [
    ("# 城乡建设用地", "comment.line.number-sign"),
    ("rule", "storage.type.rule"),
    ("LAND-01", "entity.name.function.rule"),
    ("城乡建设用地规模控制在319平方公里以内", "string.quoted.double"),
    ('\\"', "constant.character.escape"),
    ("cite", "keyword.other"),
    ("315", "constant.numeric"),
    ("binding", "constant.language.kind"),
    ("基本同步", "variable.other"),
    ("1", "constant.numeric"),
    ("%", "keyword.other.unit"),
    ("project", "entity.name.type.record"),
    ("临空经济区", "variable.other"),
    ("`PM2.5`", "variable.other.quoted"),
    ("is", "keyword.operator.word"),
    ("total", "support.function.builtin"),
    ("2021", "constant.numeric.year"),
    ("..", "keyword.operator.range"),
    ("亩", "keyword.other.unit"),
    ("km2", "keyword.other.unit"),
    ("μg/m³", "keyword.other.unit"),
    ("<=", "keyword.operator.comparison"),
    ("by", "keyword.other"),
    ("in region", "keyword.other"),
    ("as of", "keyword.other"),
    ("gdp_growth", "variable.other.constant.indicator"),
    ("id", "variable.other.property"),
    ("pending", "constant.language.outcome"),
    ("on_track", "constant.language.outcome"),
])
def test_each_part_of_a_rule_has_its_scope(word: str, scope: str) -> None:
    assert scope_of("rule", word) == scope


@needs_node
def test_growth_of_is_a_keyword_not_a_function() -> None:
    assert scope_of("growth of", "growth of") == "keyword.other"


@needs_node
def test_a_keyword_after_a_number_is_not_its_unit() -> None:
    assert scope_of("keyword after a number", "by") == "keyword.other"


@needs_node
def test_every_keyword_of_the_language_is_highlighted() -> None:
    words = sorted(set(KEYWORDS) | RESERVED)
    (lines,) = tokenize(words="\n".join(f"  {w}" for w in words)).values()
    scopes = {tokens[-1]["text"]: tokens[-1]["scopes"][-1] for tokens in lines if tokens}
    plain = [w for w in words if scopes.get(w, "variable.other").startswith("variable.")]
    assert plain == []


@needs_node
def test_a_source_and_the_cite_that_names_it() -> None:
    assert scope_of("source", "source") == "storage.type.source"
    assert scope_of("source", "beijing") == "entity.name.namespace.source"
    assert scope_of("source", "file") == "keyword.other"
    assert [scope_of("source", w) for w in ("cite", "第三章")] == [
        "keyword.other.cite", "string.quoted.double"]


@needs_node
def test_full_width_punctuation_outside_strings_is_marked() -> None:
    assert scope_of("full-width", "，") == "invalid.illegal.full-width"
    assert scope_of("full-width in a string", "标题，") == "string.quoted.double"


def test_the_manifest_names_the_grammar_and_the_configuration() -> None:
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    (language,) = manifest["contributes"]["languages"]
    (grammar,) = manifest["contributes"]["grammars"]
    assert language["id"] == grammar["language"] == "plancheck"
    assert language["extensions"] == [".rules"]
    tm = json.loads((EXTENSION / grammar["path"]).read_text(encoding="utf-8"))
    assert tm["scopeName"] == grammar["scopeName"] == ROOT_SCOPE
    configuration = json.loads((EXTENSION / language["configuration"]).read_text(
        encoding="utf-8"))
    assert configuration["comments"] == {"lineComment": "#"}
    assert ["{", "}"] in configuration["brackets"]
    assert manifest["contributes"]["configuration"]["properties"][
        "plancheck.server.args"]["default"] == ["lsp"]
    assert (EXTENSION / manifest["main"]).is_file()


@needs_node
def test_the_client_starts_plancheck_lsp() -> None:
    assert NODE is not None
    done = subprocess.run([NODE, "--test", str(EXTENSION / "test" / "extension.test.js")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# fail 0" in done.stdout
