// End-to-end over HTTP: the official MCP TypeScript SDK client (1.32.2) talks to the real
// jcr-mcp-server binary, started with `--transport http --port 0` (both transports on one port), on the
// real ShowJCR data: over StreamableHTTPClientTransport (/mcp) and over SSEClientTransport (/sse), the same
// checks as the stdio suite (tests/e2e/commonchecks.mjs), plus what only HTTP has: sessions, /health, termination, the
// bearer token, a missing database, and SIGTERM. Contract: docs/http-transport.md.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { SseError } from "@modelcontextprotocol/sdk/client/sse.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";
import { StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

import { defineCommonTests, FAMOUS } from "../e2e/commonchecks.mjs";
import { connectClient, dataDir, ensureDatabase, hasData, hasServer, post, sleep, startServer, text } from "./support.mjs";

const skip = !hasServer() ? "the server binary is missing (set JCR_MCP_SERVER)"
  : !hasData() ? "the ShowJCR data folder is missing" : false;

async function health(base, headers = {}) {
  const response = await fetch(new URL("/health", base), { headers });
  return { status: response.status, body: await response.json() };
}

describe("jcr-mcp-server --transport http with the SDK client", { skip }, () => {
  let server;

  before(async () => {
    ensureDatabase();
    server = await startServer({ transport: "http" });
  });

  after(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) await server.stop();
  });

  test("ready line names the transport and a loopback port", () => {
    assert.equal(server.transport, "http");
    assert.equal(server.host, "127.0.0.1");
    assert.ok(server.port > 0 && server.port < 65536);
  });

  test("GET /health: healthy, with the database's counts", async () => {
    const { status, body } = await health(server.base);
    assert.equal(status, 200, JSON.stringify(body));
    assert.equal(body.status, "ok");
    assert.equal(body.healthy, true);
    assert.equal(body.readable, true);
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof body.uptimeSeconds, "number");
    assert.equal(typeof body.sessions?.streamableHttp, "number");
    assert.equal(typeof body.sessions?.sse, "number");
  });

  describe("over StreamableHTTPClientTransport (/mcp)", () => {
    let client;
    let transport;
    let errors;

    before(async () => {
      ({ client, transport, errors } = await connectClient(server.base, "streamable-http"));
    });

    after(async () => {
      await client?.close();
    });

    test("initialize: a 128-bit hex session id and the negotiated version 2025-11-25", async () => {
      assert.match(transport.sessionId ?? "", /^[0-9a-f]{32}$/i);
      assert.equal(transport.protocolVersion, "2025-11-25");
      const { body } = await health(server.base);
      assert.ok(body.sessions.streamableHttp >= 1, JSON.stringify(body.sessions));
    });

    defineCommonTests(() => client, { dataDir, McpError });

    test("no transport errors were reported to the client (the GET stream included)", () => {
      assert.deepEqual(errors.map(String), []);
    });

    test("terminateSession: DELETE ends the session, later requests on it get 404", async () => {
      const sessionId = transport.sessionId;
      await transport.terminateSession();
      assert.equal(transport.sessionId, undefined);
      const response = await post(server.base, "/mcp", { jsonrpc: "2.0", id: 99, method: "tools/list" },
        { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" });
      assert.equal(response.status, 404);
      await response.body?.cancel();
    });
  });

  describe("over SSEClientTransport (legacy /sse + /messages)", () => {
    let client;
    let transport;

    before(async () => {
      ({ client, transport } = await connectClient(server.base, "sse"));
    });

    after(async () => {
      await client?.close();
    });

    test("the endpoint event gives /messages?session_id=… on the same origin", async () => {
      const endpoint = transport._endpoint;
      assert.ok(endpoint instanceof URL);
      assert.equal(endpoint.origin, new URL(server.base).origin);
      assert.equal(endpoint.pathname, "/messages");
      assert.ok(endpoint.searchParams.get("session_id"));
      const { body } = await health(server.base);
      assert.ok(body.sessions.sse >= 1, JSON.stringify(body.sessions));
    });

    defineCommonTests(() => client, { dataDir, McpError });

    test("closing the stream ends the session: its POST URL answers 404", async () => {
      const endpoint = transport._endpoint;
      await client.close();
      let status = 0;
      for (let i = 0; i < 50 && status !== 404; ++i) {
        const response = await post(server.base, endpoint.pathname + endpoint.search, { jsonrpc: "2.0", id: 7, method: "ping" });
        status = response.status;
        await response.body?.cancel();
        if (status !== 404) await sleep(100);
      }
      assert.equal(status, 404);
    });
  });

  test("a session per client: two Streamable HTTP clients and one SSE client at once", async () => {
    const clients = await Promise.all([
      connectClient(server.base, "streamable-http"),
      connectClient(server.base, "streamable-http"),
      connectClient(server.base, "sse"),
    ]);
    try {
      assert.notEqual(clients[0].transport.sessionId, clients[1].transport.sessionId);
      const answers = await Promise.all(clients.map(({ client }) =>
        client.callTool({ name: "get_journal", arguments: { name_or_issn: FAMOUS } })));
      for (const a of answers) assert.equal(a.structuredContent.journal.title.toUpperCase(), FAMOUS);
    } finally {
      await Promise.all(clients.map(async ({ client, transport }) => {
        if (transport.terminateSession) await transport.terminateSession();
        await client.close();
      }));
    }
  });

  test("SIGTERM while SDK clients hold their streams open: the server closes them and exits 0 within 5 s", async () => {
    const clients = await Promise.all([connectClient(server.base, "streamable-http"), connectClient(server.base, "sse")]);
    try {
      // Both sessions answer, so the GET stream (Streamable HTTP) and the SSE stream are open.
      for (const { client } of clients) assert.deepEqual(await client.ping(), {});
      const started = Date.now();
      const code = await server.stop(10_000);
      assert.equal(code, 0, server.stderr());
      assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
    } finally {
      await Promise.all(clients.map(({ client }) => client.close().catch(() => {})));
    }
  });
});

describe("jcr-mcp-server over HTTP with JCR_MCP_TOKEN", { skip }, () => {
  const token = "e2e-" + Math.random().toString(36).slice(2);
  const auth = { Authorization: `Bearer ${token}` };
  let server;

  before(async () => {
    ensureDatabase();
    server = await startServer({ transport: "http", env: { JCR_MCP_TOKEN: token } });
  });

  after(async () => {
    await server?.stop();
  });

  for (const kind of ["streamable-http", "sse"]) {
    test(`${kind}: the client with an Authorization header works`, async () => {
      const { client, transport } = await connectClient(server.base, kind, { headers: auth });
      try {
        const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: FAMOUS } });
        assert.equal(result.structuredContent.journal.title.toUpperCase(), FAMOUS, text(result));
        if (kind === "streamable-http") await transport.terminateSession();
      } finally {
        await client.close();
      }
    });

    test(`${kind}: without the token connect fails with 401`, async () => {
      await assert.rejects(connectClient(server.base, kind), (e) =>
        (e instanceof StreamableHTTPError || e instanceof SseError) && e.code === 401);
    });

    test(`${kind}: with a wrong token connect fails with 401`, async () => {
      await assert.rejects(connectClient(server.base, kind, { headers: { Authorization: "Bearer wrong" } }), (e) =>
        (e instanceof StreamableHTTPError || e instanceof SseError) && e.code === 401);
    });
  }

  test("raw POST /mcp without the token: 401 with WWW-Authenticate: Bearer", async () => {
    const response = await post(server.base, "/mcp", {
      jsonrpc: "2.0", id: 0, method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
    });
    assert.equal(response.status, 401);
    assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer/);
    await response.body?.cancel();
  });

  test("GET /health needs no token", async () => {
    const { status, body } = await health(server.base);
    assert.equal(status, 200);
    assert.equal(body.healthy, true);
  });
});

describe("jcr-mcp-server --transport sse (legacy only)", { skip }, () => {
  test("the SSE client works; /mcp is not served (404)", async () => {
    ensureDatabase();
    const server = await startServer({ transport: "sse" });
    try {
      assert.equal(server.transport, "sse");
      const { client } = await connectClient(server.base, "sse");
      try {
        const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: FAMOUS } });
        assert.equal(result.structuredContent.journal.title.toUpperCase(), FAMOUS);
      } finally {
        await client.close();
      }
      const response = await post(server.base, "/mcp", {
        jsonrpc: "2.0", id: 0, method: "initialize",
        params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
      });
      assert.equal(response.status, 404);
      await response.body?.cancel();
    } finally {
      assert.equal(await server.stop(), 0, server.stderr());
    }
  });
});

describe("jcr-mcp-server over HTTP with the database missing", { skip }, () => {
  test("starts; /health answers 503 and the tools say how to run sync", async () => {
    const server = await startServer({ transport: "streamable-http", database: "/nonexistent/jcr-e2e-http/none.db" });
    try {
      assert.equal(server.transport, "streamable-http");
      const { status, body } = await health(server.base);
      assert.equal(status, 503);
      assert.equal(body.status, "unhealthy");
      assert.equal(body.healthy, false);
      assert.ok(body.message, JSON.stringify(body));
      const sse = await fetch(new URL("/sse", server.base), { headers: { accept: "text/event-stream" } });
      assert.equal(sse.status, 404, "streamable-http only: no /sse");
      await sse.body?.cancel();
      const { client, transport } = await connectClient(server.base, "streamable-http");
      try {
        const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: FAMOUS } });
        assert.equal(result.isError, true);
        assert.ok(text(result).includes("jcr-mcp-server sync"), text(result));
        await transport.terminateSession();
      } finally {
        await client.close();
      }
    } finally {
      assert.equal(await server.stop(), 0, server.stderr());
    }
  });
});
