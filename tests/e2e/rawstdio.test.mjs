// The stdio wire format seen without the SDK: progress notifications precede their response, every
// stdout line is one JSON-RPC message, a malformed line gets -32700 without id, and EOF ends the
// process with exit code 0. (The SDK client dispatches notifications a microtask late and drops the
// progress handler when the response comes in the same read, so progress is checked here, on the wire.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";

import { databasePath, ensureDatabase, hasData, serverBinary } from "./support.mjs";

test("raw stdio: progress before the response, parse errors, clean exit", { skip: hasData() ? false : "no data" }, async () => {
  ensureDatabase();
  const started = process.hrtime.bigint();
  const child = spawn(serverBinary, ["--db", databasePath], { stdio: ["pipe", "pipe", "pipe"], cwd: "/" });
  const lines = [];
  let buffer = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    let at;
    while ((at = buffer.indexOf("\n")) >= 0) {
      lines.push(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
    }
  });
  const send = (message) => child.stdin.write(typeof message === "string" ? message + "\n" : JSON.stringify(message) + "\n");
  const waitFor = async (predicate) => {
    for (let i = 0; i < 200; ++i) {
      const found = lines.map((l) => JSON.parse(l)).find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out; got ${lines.join("\n")}`);
  };

  send({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });
  const init = await waitFor((m) => m.id === 0);
  const startupMs = Number(process.hrtime.bigint() - started) / 1e6;
  assert.equal(init.result.protocolVersion, "2025-06-18");
  console.log(`# start → initialize answer: ${startupMs.toFixed(1)} ms`);
  send({ jsonrpc: "2.0", method: "notifications/initialized" });

  send("{ this is not json");
  const parseError = await waitFor((m) => m.error?.code === -32700);
  assert.equal("id" in parseError, false);

  send({ jsonrpc: "2.0", id: "p", method: "tools/call", params: { name: "compare_journals", arguments: { journal_list: "NATURE, SCIENCE, CELL" }, _meta: { progressToken: "tok" } } });
  await waitFor((m) => m.id === "p");
  const messages = lines.map((l) => JSON.parse(l));
  const responseAt = messages.findIndex((m) => m.id === "p");
  const progress = messages.filter((m, i) => m.method === "notifications/progress" && i < responseAt);
  assert.deepEqual(progress.map((m) => m.params.progress), [1, 2, 3]);
  assert.ok(progress.every((m) => m.params.progressToken === "tok" && m.params.total === 3));
  for (const m of messages) assert.equal(m.jsonrpc, "2.0");

  child.stdin.end();
  const [code] = await once(child, "exit");
  assert.equal(code, 0);
});
