// Streamable HTTP (the current MCP transport, `/mcp`): works through load balancers without sticky sessions.
//   npm ci && node streamable-http-client.mjs [http://HOST:PORT/mcp] [JOURNAL]
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { authHeaders, runExample } from "./client.mjs";

await runExample(
  "jcr-mcp-streamable-http-example",
  "http://127.0.0.1:8080/mcp",
  (url) => new StreamableHTTPClientTransport(url, { requestInit: { headers: authHeaders() } }),
);
