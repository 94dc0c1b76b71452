// Tokenize files with the real TextMate engine VS Code uses (vscode-textmate with the
// Oniguruma regex library, vscode-oniguruma) and print, per file and line, each token's
// text and scopes as JSON.  Usage: node test/tokenize.js FILE… (or `-` to read JSON
// {"name": text} from stdin).  Read by tests/unit/test_editor_grammar.py.
"use strict";

const fs = require("fs");
const path = require("path");
const vsctm = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const GRAMMAR = path.join(__dirname, "..", "syntaxes", "plancheck.tmLanguage.json");

async function grammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")),
                                         "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.length));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => scopeName === "source.plancheck"
      ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, "utf8"), GRAMMAR) : null,
  });
  return registry.loadGrammar("source.plancheck");
}

function tokenize(g, text) {
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = g.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.substring(t.startIndex, t.endIndex),
                                       scopes: t.scopes }));
  });
}

async function main() {
  const g = await grammar();
  const args = process.argv.slice(2);
  const inputs = args[0] === "-"
    ? JSON.parse(fs.readFileSync(0, "utf8"))
    : Object.fromEntries(args.map((file) => [file, fs.readFileSync(file, "utf8")]));
  const out = {};
  for (const [name, text] of Object.entries(inputs)) {
    out[name] = tokenize(g, text);
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((error) => {
  process.stderr.write(`tokenize: ${error.stack || error}\n`);
  process.exit(1);
});
