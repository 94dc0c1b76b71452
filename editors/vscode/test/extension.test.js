// The client starts `plancheck lsp` over stdio for .rules documents, with the command
// and arguments of the settings.  Run with `npm test` (node --test) (no VS Code needed: the
// `vscode` module and the language client are replaced by recording stand-ins).
"use strict";

const assert = require("node:assert");
const Module = require("node:module");
const path = require("node:path");
const test = require("node:test");

const started = [];
const settings = new Map();
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: () => ({ get: (key, fallback) => settings.get(key) ?? fallback }),
      createFileSystemWatcher: (glob) => ({ glob }),
    },
    window: { showErrorMessage: (message) => started.push({ error: message }) },
  },
  "vscode-languageclient/node": {
    TransportKind: { stdio: 0, ipc: 1 },
    LanguageClient: class {
      constructor(id, name, server, client) {
        Object.assign(this, { id, name, server, client });
        started.push(this);
      }
      async start() {
        if (this.server.command === "missing") throw new Error("spawn missing ENOENT");
      }
      async stop() {}
    },
  },
};
const resolve = Module._load;
Module._load = function load(request, ...rest) {
  return request in stubs ? stubs[request] : resolve.call(this, request, ...rest);
};
const extension = require(path.join(__dirname, "..", "extension.js"));

test("activate starts `plancheck lsp` over stdio for plancheck documents", async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  const client = started.at(-1);
  assert.deepStrictEqual(client.server, { command: "plancheck", args: ["lsp"], transport: 0 });
  assert.deepStrictEqual(client.client.documentSelector, [{ scheme: "file",
                                                            language: "plancheck" }]);
  assert.strictEqual(client.client.synchronize.fileEvents.glob, "**/*.rules");
  assert.strictEqual(context.subscriptions[0], client);
  await extension.deactivate();
});

test("the settings choose the command", async () => {
  settings.set("server.command", "/opt/venv/bin/plancheck");
  await extension.activate({ subscriptions: [] });
  assert.strictEqual(started.at(-1).server.command, "/opt/venv/bin/plancheck");
  settings.clear();
});

test("a server that cannot start is said, with what to install", async () => {
  settings.set("server.command", "missing");
  await extension.activate({ subscriptions: [] });
  assert.match(started.at(-1).error, /could not start `missing lsp`.*pip install 'plancheck\[lsp\]'/);
  settings.clear();
});
