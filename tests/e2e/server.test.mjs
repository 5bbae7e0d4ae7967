// End-to-end: the official MCP TypeScript SDK client spawns jcr-mcp-server over stdio on the real
// ShowJCR data and exercises every tool, resource, prompt and completion (the checks every transport
// passes, in commonchecks.mjs). Expected values are read from the CSV files, never hard-coded. Progress is
// checked on the raw wire in rawstdio.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { McpError } from "@modelcontextprotocol/sdk/types.js";

import { defineCommonTests, text } from "./commonchecks.mjs";
import { connect, dataDir, ensureDatabase, hasData } from "./support.mjs";

const skip = hasData() ? false : "the ShowJCR data folder is missing";

describe("jcr-mcp-server over stdio with the SDK client", { skip }, () => {
  let client;

  before(async () => {
    ensureDatabase();
    ({ client } = await connect());
  });

  after(async () => {
    await client?.close();
  });

  defineCommonTests(() => client, { dataDir, McpError, progress: false });
});

describe("jcr-mcp-server with the database missing", { skip: hasData() ? false : "no data" }, () => {
  test("starts, and the tools and health say how to run sync", async () => {
    const { client, stderr } = await connect([], "/nonexistent/jcr-e2e/none.db");
    try {
      const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: "NATURE" } });
      assert.equal(result.isError, true);
      assert.ok(text(result).includes("jcr-mcp-server sync"));
      const health = JSON.parse((await client.readResource({ uri: "jcr://health" })).contents[0].text);
      assert.equal(health.healthy, false);
      assert.ok(stderr.join("").includes("sync"));
    } finally {
      await client.close();
    }
  });
});
