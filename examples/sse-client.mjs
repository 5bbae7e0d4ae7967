// Legacy SSE (the 2024-11-05 transport: a GET /sse stream plus POST /messages), for older clients.
//   npm ci && node sse-client.mjs [http://HOST:PORT/sse] [JOURNAL]
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { authHeaders, runExample } from "./client.mjs";

await runExample(
  "jcr-mcp-sse-example",
  "http://127.0.0.1:8080/sse",
  // requestInit's headers go with the stream's GET and with every POST /messages.
  (url) => new SSEClientTransport(url, { requestInit: { headers: authHeaders() } }),
);
