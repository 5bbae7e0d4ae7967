// End-to-end: the official MCP TypeScript SDK client spawns jcr-mcp-server over stdio on the real
// ShowJCR data and exercises every tool, resource, prompt and completion. Expected values are read from
// the CSV files here, never hard-coded.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { McpError } from "@modelcontextprotocol/sdk/types.js";

import { connect, ensureDatabase, hasData, readCsvObjects } from "./support.mjs";

const skip = hasData() ? false : "the ShowJCR data folder is missing";

/** The CSV row of a journal by exact (case-insensitive) title. */
function csvRow(file, title) {
  const row = readCsvObjects(file).find((r) => r.Journal.trim().toUpperCase() === title.toUpperCase());
  assert.ok(row, `${title} not in ${file}`);
  return row;
}

function text(result) {
  return result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

describe("jcr-mcp-server over stdio with the SDK client", { skip }, () => {
  let client;
  const famous = "NATURE";

  before(async () => {
    ensureDatabase();
    ({ client } = await connect());
  });

  after(async () => {
    await client?.close();
  });

  test("initialize: server info, capabilities, instructions", () => {
    const info = client.getServerVersion();
    assert.equal(info.name, "jcr-mcp");
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.ok(info.title);
    const caps = client.getServerCapabilities();
    for (const key of ["tools", "resources", "prompts", "logging", "completions"]) assert.ok(caps[key], key);
    assert.ok(client.getInstructions()?.includes("search_journal"));
  });

  test("ping and logging/setLevel", async () => {
    assert.deepEqual(await client.ping(), {});
    assert.deepEqual(await client.setLoggingLevel("info"), {});
  });

  test("tools/list: the six tools with schemas and annotations", async () => {
    const { tools, nextCursor } = await client.listTools();
    assert.equal(nextCursor, undefined);
    assert.deepEqual(
      tools.map((t) => t.name),
      ["search_journal", "get_partition_trends", "check_warning_journals", "compare_journals", "get_journal", "filter_journals"],
    );
    for (const tool of tools) {
      assert.ok(tool.description.length > 20, tool.name);
      assert.equal(tool.inputSchema.type, "object");
      assert.equal(tool.outputSchema?.type, "object");
      assert.equal(tool.annotations?.readOnlyHint, true);
      assert.equal(tool.annotations?.idempotentHint, true);
    }
    assert.deepEqual(tools[0].inputSchema.required, ["journal_name"]);
    assert.deepEqual(tools[3].inputSchema.required, ["journal_list"]);
  });

  test("get_journal: latest IF and CAS partition equal the CSV", async () => {
    const jcr = csvRow("JCR2025-UTF8.csv", famous);
    const cas = csvRow("FQBJCR2025-UTF8.csv", famous);
    const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: famous } });
    assert.equal(result.isError, false);
    const journal = result.structuredContent.journal;
    assert.equal(journal.title.toUpperCase(), famous);
    assert.equal(journal.issn, jcr.ISSN);
    const jcr2025 = journal.jcr.find((f) => f.year === 2025);
    assert.equal(jcr2025.impactFactor, Number.parseFloat(jcr["IF(2025)"]));
    assert.equal(jcr2025.quartile, jcr["IF Quartile(2025)_1"]);
    const cas2025 = journal.cas.find((f) => f.year === 2025);
    assert.equal(cas2025.partition, Number.parseInt(cas["大类分区"], 10));
    assert.equal(cas2025.majorCategory, cas["大类"]);
    assert.equal(cas2025.top, cas.Top === "是");
    assert.equal(journal.latestImpactFactor, Number.parseFloat(jcr["IF(2025)"]));
    assert.equal(journal.latestCasPartition, Number.parseInt(cas["大类分区"], 10));
    const readable = text(result);
    assert.ok(readable.includes(jcr["IF(2025)"]), readable);
    assert.ok(readable.includes("中科院") && readable.includes("Impact factor"), readable);
  });

  test("search_journal: by ISSN, every year, and the year filter", async () => {
    const jcr = csvRow("JCR2025-UTF8.csv", famous);
    const all = await client.callTool({ name: "search_journal", arguments: { journal_name: jcr.ISSN } });
    assert.equal(all.structuredContent.found, true);
    const profile = all.structuredContent.results[0].profile;
    assert.equal(profile.title.toUpperCase(), famous);
    assert.ok(profile.jcr.length >= 5, "every JCR year");
    const only2024 = await client.callTool({ name: "search_journal", arguments: { journal_name: famous, year: 2024 } });
    const narrowed = only2024.structuredContent.results[0].profile;
    assert.deepEqual([...new Set(narrowed.jcr.map((f) => f.year))], [2024]);
    const jcr2024 = csvRow("JCR2024-UTF8.csv", famous);
    assert.equal(narrowed.jcr[0].impactFactor, Number.parseFloat(jcr2024["IF(2024)"]));
  });

  test("search_journal: many matches are counted, best first", async () => {
    const result = await client.callTool({ name: "search_journal", arguments: { journal_name: "Nature Reviews" } });
    assert.equal(result.structuredContent.found, true);
    assert.ok(result.structuredContent.total > 5, `total ${result.structuredContent.total}`);
    assert.ok(result.structuredContent.moreMatches.length > 0);
  });

  test("not found → did you mean", async () => {
    const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: "Natur Medicin" } });
    assert.equal(result.isError, false);
    assert.equal(result.structuredContent.found, false);
    assert.ok(result.structuredContent.suggestions.some((s) => s.toUpperCase() === "NATURE MEDICINE"),
      JSON.stringify(result.structuredContent.suggestions));
    assert.ok(text(result).includes("Did you mean"));
  });

  test("get_partition_trends: points per year match the CSV", async () => {
    const jcr = csvRow("JCR2025-UTF8.csv", famous);
    const result = await client.callTool({ name: "get_partition_trends", arguments: { journal_name: famous } });
    const points = result.structuredContent.trend.points;
    assert.ok(points.length >= 5);
    assert.equal(points.find((p) => p.year === 2025).impactFactor, Number.parseFloat(jcr["IF(2025)"]));
    assert.ok(points[0].year < points[points.length - 1].year, "oldest first");
  });

  test("check_warning_journals: entries of the CSV", async () => {
    const listed = readCsvObjects("GJQKYJMD2025.csv")[0];
    const reason = listed["预警原因（2025）"];
    const result = await client.callTool({ name: "check_warning_journals", arguments: { keywords: listed.Journal } });
    const entry = result.structuredContent.entries.find((e) => e.year === 2025);
    assert.ok(entry, JSON.stringify(result.structuredContent));
    assert.equal(entry.reason, reason);
    const all = await client.callTool({ name: "check_warning_journals", arguments: {} });
    assert.ok(all.structuredContent.total > 20);
  });

  test("compare_journals: comma string and array", async () => {
    const fromString = await client.callTool({ name: "compare_journals", arguments: { journal_list: "NATURE, SCIENCE, Not A Journal Xyzzy" } });
    assert.equal(fromString.structuredContent.journals.length, 2);
    assert.equal(fromString.structuredContent.notFound.length, 1);
    const fromArray = await client.callTool({ name: "compare_journals", arguments: { journal_list: ["NATURE", "CELL"] } });
    assert.equal(fromArray.structuredContent.journals.length, 2);
  });

  test("filter_journals: criteria and cursor paging", async () => {
    const first = await client.callTool({
      name: "filter_journals",
      arguments: { major_category: "医学", cas_partition: 1, top: true, limit: 5 },
    });
    const page1 = first.structuredContent;
    assert.equal(page1.rows.length, 5);
    assert.ok(page1.total > 5);
    for (const row of page1.rows) {
      assert.equal(row.casPartition, 1);
      assert.equal(row.top, true);
    }
    assert.ok(page1.nextCursor);
    const second = await client.callTool({
      name: "filter_journals",
      arguments: { major_category: "医学", cas_partition: 1, top: true, limit: 5, cursor: page1.nextCursor },
    });
    const titles1 = page1.rows.map((r) => r.journal.title);
    for (const row of second.structuredContent.rows) assert.ok(!titles1.includes(row.journal.title));
  });

  test("wrong argument types: isError naming the field (2025-11-25)", async () => {
    const result = await client.callTool({ name: "search_journal", arguments: { journal_name: 42 } });
    assert.equal(result.isError, true);
    assert.ok(text(result).includes("journal_name"));
  });

  test("unknown tool is a JSON-RPC error", async () => {
    await assert.rejects(client.callTool({ name: "no_such_tool", arguments: {} }), (e) => e instanceof McpError && e.code === -32602);
  });

  test("resources: list, templates, read each", async () => {
    const { resources } = await client.listResources();
    assert.deepEqual(resources.map((r) => r.uri), ["jcr://database-info", "jcr://health"]);
    const { resourceTemplates } = await client.listResourceTemplates();
    assert.equal(resourceTemplates[0].uriTemplate, "jcr://journal/{name_or_issn}");

    const info = JSON.parse((await client.readResource({ uri: "jcr://database-info" })).contents[0].text);
    assert.ok(info.journals > 10000, JSON.stringify(info).slice(0, 300));
    const health = JSON.parse((await client.readResource({ uri: "jcr://health" })).contents[0].text);
    assert.equal(health.healthy, true, JSON.stringify(health));

    const jcr = csvRow("JCR2025-UTF8.csv", famous);
    const journal = await client.readResource({ uri: `jcr://journal/${jcr.ISSN}` });
    const profile = JSON.parse(journal.contents[0].text);
    assert.equal(profile.title.toUpperCase(), famous);
    await assert.rejects(client.readResource({ uri: "jcr://journal/Xyzzy%20Plugh%20Nothing" }),
      (e) => e instanceof McpError && e.code === -32002);
  });

  test("prompts: list and get each, with the journal's real data", async () => {
    const { prompts } = await client.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name), ["journal_analysis_prompt", "submission_advice"]);
    const jcr = csvRow("JCR2025-UTF8.csv", famous);
    const analysis = await client.getPrompt({ name: "journal_analysis_prompt", arguments: { journal_name: famous } });
    assert.ok(analysis.messages[0].content.text.includes(jcr["IF(2025)"]));
    const advice = await client.getPrompt({
      name: "submission_advice",
      arguments: { research_topic: "cancer immunotherapy", candidate_journals: "NATURE, CELL", major_category: "医学" },
    });
    assert.ok(advice.messages[0].content.text.includes("CELL"));
    await assert.rejects(client.getPrompt({ name: "journal_analysis_prompt", arguments: {} }),
      (e) => e instanceof McpError && e.code === -32602);
  });

  test("completion of journal names for the template and the prompt", async () => {
    const forTemplate = await client.complete({
      ref: { type: "ref/resource", uri: "jcr://journal/{name_or_issn}" },
      argument: { name: "name_or_issn", value: "Nature Rev" },
    });
    assert.ok(forTemplate.completion.values.length > 0);
    assert.ok(forTemplate.completion.values.length <= 100);
    assert.ok(forTemplate.completion.values.every((v) => v.toUpperCase().includes("NATURE REV")), forTemplate.completion.values.join("|"));
    const forPrompt = await client.complete({
      ref: { type: "ref/prompt", name: "journal_analysis_prompt" },
      argument: { name: "journal_name", value: "Lance" },
    });
    assert.ok(forPrompt.completion.values.some((v) => v.toUpperCase().startsWith("LANCET")), forPrompt.completion.values.join("|"));
  });
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
