// End-to-end with the official MCP TypeScript SDK 2.x client (@modelcontextprotocol/client 2.4.0, pinned) in the
// 2026-07-28 era, against the real jcr-mcp-server on the real ShowJCR data: over Streamable HTTP and over stdio,
// once with versionNegotiation {pin: '2026-07-28'} (modern or fail) and once with {mode: 'auto'} (a
// server/discover probe decides), each running the checks every transport passes (tests/e2e/commonchecks.mjs,
// in their 2026 form: no ping or setLevel, resource not found -32602). A default v2 client still speaks 2025.
// Contract: docs/mcp-protocol.md and docs/http-transport.md, "Protocol 2026-07-28".
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { Client, ProtocolError, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";

import { defineCommonTests, TOOL_NAMES } from "../e2e/commonchecks.mjs";
import { databasePath, dataDir, ensureDatabase, hasData, hasServer, serverBinary, startServer } from "./support.mjs";

const skip = !hasServer() ? "the server binary is missing (set JCR_MCP_SERVER)"
  : !hasData() ? "the ShowJCR data folder is missing" : false;

// VersionNegotiationOptions.mode: "auto" or {pin}; a {pin} given beside `mode` would be ignored (legacy).
const NEGOTIATIONS = { pin: { mode: { pin: "2026-07-28" } }, auto: { mode: "auto" } };

async function connect(kind, negotiation, base) {
  const client = new Client({ name: "jcr-mcp-e2e-sdk2", version: "1.0.0" },
    { capabilities: {}, ...(negotiation ? { versionNegotiation: negotiation } : {}) });
  const errors = [];
  client.onerror = (e) => errors.push(e);
  const transport = kind === "stdio"
    ? new StdioClientTransport({ command: serverBinary, args: ["--db", databasePath], stderr: "ignore" })
    : new StreamableHTTPClientTransport(new URL("/mcp", base));
  await client.connect(transport);
  return { client, transport, errors };
}

describe("SDK 2.x client in the 2026-07-28 era", { skip }, () => {
  let server;

  before(async () => {
    ensureDatabase();
    server = await startServer({ transport: "http" });
  });

  after(async () => {
    await server?.stop();
  });

  for (const kind of ["streamable-http", "stdio"]) {
    for (const [name, negotiation] of Object.entries(NEGOTIATIONS)) {
      describe(`${kind}, versionNegotiation ${JSON.stringify(negotiation)}`, () => {
        let connection;

        before(async () => {
          connection = await connect(kind, negotiation, server.base);
        });

        after(async () => {
          await connection?.client.close();
        });

        test("modern era at 2026-07-28, no session", () => {
          assert.equal(connection.client.getProtocolEra(), "modern");
          assert.equal(connection.client.getNegotiatedProtocolVersion(), "2026-07-28");
          if (kind === "streamable-http") assert.equal(connection.transport.sessionId, undefined);
        });

        // Progress the client read before the response but dropped: it runs notification handlers a microtask
        // after responses read in the same chunk (see commonchecks.mjs). The wire order is checked in
        // tst_httpstateless and the 2026 transcript.
        const unknownToken = /^Error: Received a progress notification for an unknown token: (.*)$/;
        const droppedProgress = () => connection.errors.map((e) => unknownToken.exec(String(e)))
          .filter(Boolean).map((m) => JSON.parse(m[1]).params);
        defineCommonTests(() => connection.client,
          { dataDir, McpError: ProtocolError, modern: true, sdkMajor: 2, droppedProgress });

        test("no errors were reported to the client", () => {
          assert.deepEqual(connection.errors.map(String).filter((e) => !unknownToken.test(e)), [], name);
        });
      });
    }
  }

  test("a v2 client without versionNegotiation still speaks 2025-11-25 with a session", async () => {
    const { client, transport } = await connect("streamable-http", undefined, server.base);
    try {
      assert.equal(client.getProtocolEra(), "legacy");
      assert.equal(client.getNegotiatedProtocolVersion(), "2025-11-25");
      assert.match(transport.sessionId ?? "", /^[0-9a-f]{32}$/i);
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name), TOOL_NAMES);
    } finally {
      await client.close();
    }
  });
});
