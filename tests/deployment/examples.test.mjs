// The remote-client examples in examples/ run as a user would run them, against a real jcr-mcp-server over
// HTTP with a token: the SDK client over Streamable HTTP, the SDK client over legacy SSE, and the curl
// script. Each must look up journals of the fixture data (names read from its CSV) and fail without the
// token. Run by CTest through tests/e2e/run-node-tests.cmake with E2E_DIR=examples (so `npm ci` installs the
// examples' own pinned SDK); environment: JCR_MCP_SERVER (the binary), JCR_MCP_FIXTURES (showjcr-mini).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ensureDatabase, readCsvObjects } from "../e2e/showjcrfiles.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const examples = path.resolve(here, "../../examples");
const serverBinary = process.env.JCR_MCP_SERVER;
const fixtures = process.env.JCR_MCP_FIXTURES ?? path.resolve(here, "../data/fixtures/showjcr-mini");

/** Runs a command to its end: { code, stdout, stderr }. */
function run(command, args, env) {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: examples, env, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** Starts the server on a free port; resolves with { process, port } at the ready line. */
function startServer(database, token) {
  return new Promise((resolve, reject) => {
    const server = spawn(serverBinary, ["--transport", "http", "--port", "0", "--db", database], {
      env: { ...process.env, JCR_MCP_TOKEN: token, JCR_MCP_HOST: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    server.stderr.on("data", (chunk) => {
      stderr += chunk;
      const ready = /^jcr-mcp-server: listening on http:\/\/.+:(\d+) \(http\)$/m.exec(stderr);
      if (ready) resolve({ process: server, port: Number(ready[1]) });
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}) before the ready line:\n${stderr}`)));
  });
}

describe("examples/ against a real server", () => {
  assert.ok(serverBinary, "JCR_MCP_SERVER must name the jcr-mcp-server binary");
  const token = randomBytes(16).toString("hex");
  // Journals from the fixture CSV: what the examples must find (expected names come from the data).
  const journals = readCsvObjects(path.join(fixtures, "JCR2025-UTF8.csv")).map((row) => row.Journal);
  let folder;
  let server;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "jcr-examples-"));
    const database = path.join(folder, "jcr.db");
    ensureDatabase(serverBinary, fixtures, database);
    server = await startServer(database, token);
  });

  after(async () => {
    if (server) {
      const exited = new Promise((resolve) => server.process.on("exit", resolve));
      server.process.kill("SIGTERM");
      await exited;
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const clients = [
    { name: "Streamable HTTP (SDK)", command: process.execPath, script: "streamable-http-client.mjs", path: "/mcp" },
    { name: "legacy SSE (SDK)", command: process.execPath, script: "sse-client.mjs", path: "/sse" },
    { name: "curl", command: "bash", script: "curl-streamable-http.sh", path: "/mcp" },
  ];
  for (const client of clients) {
    test(`${client.name}: ${client.script} looks the fixture journals up`, async () => {
      assert.ok(journals.length > 0, "the fixture has no journals");
      for (const journal of journals) {
        const url = `http://127.0.0.1:${server.port}${client.path}`;
        const result = await run(client.command, [client.script, url, journal], { ...process.env, JCR_MCP_TOKEN: token });
        assert.equal(result.code, 0, `${client.script} failed:\n${result.stderr}\n${result.stdout}`);
        assert.ok(result.stdout.toLowerCase().includes(journal.toLowerCase()),
          `the answer does not name ${journal}:\n${result.stdout}`);
      }
    });

    test(`${client.name}: ${client.script} is refused without the token`, async () => {
      const env = { ...process.env };
      delete env.JCR_MCP_TOKEN;
      const url = `http://127.0.0.1:${server.port}${client.path}`;
      const result = await run(client.command, [client.script, url, journals[0]], env);
      assert.notEqual(result.code, 0, `${client.script} succeeded without the token:\n${result.stdout}`);
      assert.match(result.stderr + result.stdout, /401|Unauthorized/);
    });
  }
});
