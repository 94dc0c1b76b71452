// The VS Code client of the plancheck language server: starts `plancheck lsp` over stdio
// for the workspace's .rules files.  The server does the work (diagnostics, hover,
// definition, references, completion, formatting, quick fixes, outline); this file only
// starts it, with the command and arguments of the `plancheck.server.*` settings.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const settings = vscode.workspace.getConfiguration("plancheck");
  const command = settings.get("server.command", "plancheck");
  const args = settings.get("server.args", ["lsp"]);
  return { command, args, transport: TransportKind.stdio };
}

async function activate(context) {
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "plancheck" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.rules") },
  };
  client = new LanguageClient("plancheck", "plancheck", serverOptions(), clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (error) {
    const { command } = serverOptions();
    vscode.window.showErrorMessage(
      `plancheck: could not start \`${command} lsp\` (${error.message}); install it with ` +
        "pip install 'plancheck[lsp]' or set plancheck.server.command");
  }
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate, serverOptions };
