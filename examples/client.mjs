// The part both examples share: connect an MCP client over a transport, list the tools, look one journal up,
// print the answer, disconnect. Settings come from the command line and the environment:
//   node streamable-http-client.mjs [URL] [JOURNAL]     e.g. http://127.0.0.1:8080/mcp "Nature"
//   JCR_MCP_TOKEN=...  when the server requires a token (sent as `Authorization: Bearer <token>`)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";

/** Headers every request carries: the bearer token when JCR_MCP_TOKEN is set. */
export function authHeaders() {
  const token = process.env.JCR_MCP_TOKEN;
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Runs the example with `makeTransport(url)`; exits 1 with the reason on any failure. */
export async function runExample(name, defaultUrl, makeTransport) {
  const url = new URL(process.argv[2] ?? defaultUrl);
  const journal = process.argv[3] ?? "Nature";
  const client = new Client({ name, version: "1.0.0" });
  try {
    await client.connect(makeTransport(url));
    const { name: server, version } = client.getServerVersion();
    console.log(`connected to ${server} ${version} at ${url}`);

    const { tools } = await client.listTools();
    console.log(`tools: ${tools.map((tool) => tool.name).join(", ")}`);

    const result = await client.callTool({ name: "search_journal", arguments: { journal_name: journal } });
    for (const part of result.content) {
      if (part.type === "text") console.log(part.text);
    }
    if (result.isError) process.exitCode = 1;
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await client.close();
  }
}
