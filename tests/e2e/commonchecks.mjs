// The checks every transport must pass with the official SDK client (stdio in tests/e2e, Streamable HTTP
// and legacy SSE in tests/e2e-http): every tool called, every resource read, every prompt got, completion,
// on the real data, with the expected values read from the ShowJCR CSV files. defineCommonTests() registers
// them as node:test tests inside the caller's describe(); getClient() returns the connected SDK Client.
// No npm imports: each suite is its own npm project, so the SDK's McpError comes in as an option.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";

import { readCsvObjects as readCsvFile } from "./showjcrfiles.mjs";

/** The text blocks of a tool result, joined. */
export function text(result) {
  return result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

export const FAMOUS = "NATURE";


export const TOOL_NAMES = ["search_journal", "get_partition_trends", "check_warning_journals", "compare_journals", "get_journal", "filter_journals", "check_references"];

/**
 * Registers the common tests. `dataDir`: the ShowJCR folder; `McpError`: the SDK's error class, from the
 * caller's SDK; `progress: false` leaves out the progress test (the stdio suite checks progress on the raw
 * wire, where the SDK client can drop notifications that arrive with their response). `modern: true` for a
 * client in the 2026-07-28 era (SDK 2.x): no ping or logging/setLevel (the version removed them), no title in
 * the serverInfo of _meta, and resource not found is -32602. `sdkMajor: 2` for the 2.x client, whose
 * callTool() takes the request options second (1.x: a result schema, then the options). `droppedProgress()`:
 * the progress notifications the client received but dropped as "unknown token" (the 2.x client runs
 * notification handlers a microtask later than responses, so notifications read in the same chunk as their
 * response lose the race); they count as arrived, since they did reach the client before the response.
 */
export function defineCommonTests(getClient, { dataDir, McpError, progress = true, modern = false, sdkMajor = 1,
                                               droppedProgress = () => [] }) {
  const readCsvObjects = (file) => readCsvFile(path.join(dataDir, file));
  /** The CSV row of a journal by exact (case-insensitive) title. */
  const csvRow = (file, title) => {
    const row = readCsvObjects(file).find((r) => r.Journal.trim().toUpperCase() === title.toUpperCase());
    assert.ok(row, `${title} not in ${file}`);
    return row;
  };

  test("initialize: server info, capabilities, instructions", () => {
    const client = getClient();
    const info = client.getServerVersion();
    assert.equal(info.name, "jcr-mcp");
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    if (!modern) assert.ok(info.title);
    const caps = client.getServerCapabilities();
    for (const key of ["tools", "resources", "prompts", "logging", "completions"]) assert.ok(caps[key], key);
    assert.ok(client.getInstructions()?.includes("search_journal"));
  });

  test("ping and logging/setLevel answer {}", { skip: modern && "removed in 2026-07-28" }, async () => {
    const client = getClient();
    assert.deepEqual(await client.ping(), {});
    assert.deepEqual(await client.setLoggingLevel("info"), {});
  });

  test("tools/list: the seven tools with schemas and annotations", async () => {
    const { tools, nextCursor } = await getClient().listTools();
    assert.equal(nextCursor, undefined);
    assert.deepEqual(tools.map((t) => t.name), TOOL_NAMES);
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

  test("get_journal: Nature's latest IF and CAS partition equal the CSV", async () => {
    const jcr = csvRow("JCR2025-UTF8.csv", FAMOUS);
    const cas = csvRow("FQBJCR2025-UTF8.csv", FAMOUS);
    const result = await getClient().callTool({ name: "get_journal", arguments: { name_or_issn: FAMOUS } });
    assert.equal(result.isError, false);
    const journal = result.structuredContent.journal;
    assert.equal(journal.title.toUpperCase(), FAMOUS);
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
    const client = getClient();
    const jcr = csvRow("JCR2025-UTF8.csv", FAMOUS);
    const all = await client.callTool({ name: "search_journal", arguments: { journal_name: jcr.ISSN } });
    assert.equal(all.structuredContent.found, true);
    const profile = all.structuredContent.results[0].profile;
    assert.equal(profile.title.toUpperCase(), FAMOUS);
    assert.ok(profile.jcr.length >= 5, "every JCR year");
    const only2024 = await client.callTool({ name: "search_journal", arguments: { journal_name: FAMOUS, year: 2024 } });
    const narrowed = only2024.structuredContent.results[0].profile;
    assert.deepEqual([...new Set(narrowed.jcr.map((f) => f.year))], [2024]);
    const jcr2024 = csvRow("JCR2024-UTF8.csv", FAMOUS);
    assert.equal(narrowed.jcr[0].impactFactor, Number.parseFloat(jcr2024["IF(2024)"]));
  });

  test("search_journal: many matches are counted, best first", async () => {
    const result = await getClient().callTool({ name: "search_journal", arguments: { journal_name: "Nature Reviews" } });
    assert.equal(result.structuredContent.found, true);
    assert.ok(result.structuredContent.total > 5, `total ${result.structuredContent.total}`);
    assert.ok(result.structuredContent.moreMatches.length > 0);
  });

  test("a clear typo is answered as a close spelling", async () => {
    const result = await getClient().callTool({ name: "get_journal", arguments: { name_or_issn: "Natur Medicin" } });
    assert.equal(result.isError, false);
    assert.equal(result.structuredContent.found, true);
    assert.equal(result.structuredContent.journal.title.toUpperCase(), "NATURE MEDICINE");
    assert.equal(result.structuredContent.matchedBy, "close spelling");
    assert.ok(text(result).includes("matched by close spelling"), text(result));
  });

  test("an unclear typo → did you mean", async () => {
    // Physical Review B, D, X … are all two typos away: none is taken for the journal meant.
    const result = await getClient().callTool({ name: "get_journal", arguments: { name_or_issn: "Physical Revew" } });
    assert.equal(result.isError, false);
    assert.equal(result.structuredContent.found, false);
    assert.ok(result.structuredContent.suggestions.length > 1, JSON.stringify(result.structuredContent.suggestions));
    assert.ok(text(result).includes("Did you mean"));
  });

  test("get_partition_trends: points per year match the CSV", async () => {
    const jcr = csvRow("JCR2025-UTF8.csv", FAMOUS);
    const result = await getClient().callTool({ name: "get_partition_trends", arguments: { journal_name: FAMOUS } });
    const points = result.structuredContent.trend.points;
    assert.ok(points.length >= 5);
    assert.equal(points.find((p) => p.year === 2025).impactFactor, Number.parseFloat(jcr["IF(2025)"]));
    assert.ok(points[0].year < points[points.length - 1].year, "oldest first");
  });

  test("check_warning_journals: entries of the CSV", async () => {
    const client = getClient();
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
    const client = getClient();
    const fromString = await client.callTool({ name: "compare_journals", arguments: { journal_list: "NATURE, SCIENCE, Not A Journal Xyzzy" } });
    assert.equal(fromString.structuredContent.journals.length, 2);
    assert.equal(fromString.structuredContent.notFound.length, 1);
    const fromArray = await client.callTool({ name: "compare_journals", arguments: { journal_list: ["NATURE", "CELL"] } });
    assert.equal(fromArray.structuredContent.journals.length, 2);
  });

  test("filter_journals: criteria and cursor paging", async () => {
    const client = getClient();
    const args = { major_category: "医学", cas_partition: 1, top: true, limit: 5 };
    const page1 = (await client.callTool({ name: "filter_journals", arguments: args })).structuredContent;
    assert.equal(page1.rows.length, 5);
    assert.ok(page1.total > 5);
    for (const row of page1.rows) {
      assert.equal(row.casPartition, 1);
      assert.equal(row.top, true);
    }
    assert.ok(page1.nextCursor);
    const second = await client.callTool({ name: "filter_journals", arguments: { ...args, cursor: page1.nextCursor } });
    const titles1 = page1.rows.map((r) => r.journal.title);
    assert.ok(second.structuredContent.rows.length > 0);
    for (const row of second.structuredContent.rows) assert.ok(!titles1.includes(row.journal.title));
  });

  test("filter_journals: CCF venues of a field equal the CCF 2026 list", async () => {
    const client = getClient();
    const list = readCsvObjects("CCF2026-UTF8.csv");
    const venues = (type, rank) => list
      .filter((r) => r["领域"] === "人工智能" && r["CCF推荐类型"] === `${rank}类` &&
        r["CCF推荐类别（国际学术刊物/会议）"].includes(type === "conference" ? "会议" : "刊物"))
      .map((r) => (r.Journal.trim() ? r.Journal : r["刊物名称"]).replace(/\s+/g, " ").trim())
      .sort();
    for (const [field, type, rank] of [["人工智能", "journal", "A"], ["artificial intelligence", "conference", "A"],
      ["AI", "conference", "B"]]) {
      const result = (await client.callTool({ name: "filter_journals",
        arguments: { ccf_field: field, venue_type: type, ccf_rank: rank, year: 2026, limit: 100 } })).structuredContent;
      assert.equal(result.ccfEdition, 2026);
      assert.equal(result.ccfField, "人工智能");
      assert.deepEqual(result.rows.map((r) => r.ccfTitle).sort(), venues(type, rank), `${field} ${type} ${rank}`);
      assert.equal(result.total, venues(type, rank).length);
    }
    const ambiguous = await client.callTool({ name: "filter_journals", arguments: { ccf_field: "network" } });
    assert.equal(ambiguous.isError, true);
    assert.ok(text(ambiguous).includes("计算机网络"));
  });

  test("check_references: a BibTeX list, one structured object per entry, summary first", async () => {
    const nature = csvRow("JCR2025-UTF8.csv", FAMOUS);
    const warned = readCsvObjects("GJQKYJMD2025.csv")[0].Journal.trim();
    const bib = [
      "@string{nat = {Nature}}",
      "@article{a, journal = nat}",
      `@article{b, journal = {${warned}}}`,
      "@misc{c, eprint = {1706.03762}, archivePrefix = {arXiv}}",
      "@book{d, title = {A book}}",
      "@article{e, journal = {[FILL]}}",
    ].join("\n");
    const result = await getClient().callTool({ name: "check_references", arguments: { text: bib } });
    assert.equal(result.isError ?? false, false);
    const { format, entries, summary } = result.structuredContent;
    assert.equal(format, "bibtex");
    assert.deepEqual(entries.map((e) => e.key), ["a", "b", "c", "d", "e"]);
    assert.deepEqual(entries.map((e) => e.status), ["resolved", "resolved", "preprint", "no_venue", "placeholder"]);
    assert.equal(entries[0].venueAsWritten, "Nature");
    assert.equal(entries[0].journal.issn, nature.ISSN);
    assert.equal(entries[0].journal.eissn, nature.EISSN);
    assert.equal(entries[2].journal, null);
    assert.deepEqual(summary.warningHits.map((h) => h.key), ["b"]);
    assert.deepEqual(summary.unresolved.map((h) => h.key), ["e"]);
    assert.ok(text(result).startsWith("参考文献检查 Reference check: 5 entries (bibtex)"));
  });

  test("wrong argument types: isError naming the field (2025-11-25)", async () => {
    const result = await getClient().callTool({ name: "search_journal", arguments: { journal_name: 42 } });
    assert.equal(result.isError, true);
    assert.ok(text(result).includes("journal_name"));
  });

  test("unknown tool is a JSON-RPC error -32602", async () => {
    await assert.rejects(getClient().callTool({ name: "no_such_tool", arguments: {} }),
      (e) => e instanceof McpError && e.code === -32602);
  });

  test("resources: list, templates, read each", async () => {
    const client = getClient();
    const { resources } = await client.listResources();
    assert.deepEqual(resources.map((r) => r.uri), ["jcr://database-info", "jcr://health"]);
    const { resourceTemplates } = await client.listResourceTemplates();
    assert.equal(resourceTemplates[0].uriTemplate, "jcr://journal/{name_or_issn}");

    const info = JSON.parse((await client.readResource({ uri: "jcr://database-info" })).contents[0].text);
    assert.ok(info.journals > 10000, JSON.stringify(info).slice(0, 300));
    const health = JSON.parse((await client.readResource({ uri: "jcr://health" })).contents[0].text);
    assert.equal(health.healthy, true, JSON.stringify(health));

    const jcr = csvRow("JCR2025-UTF8.csv", FAMOUS);
    const journal = await client.readResource({ uri: `jcr://journal/${jcr.ISSN}` });
    assert.equal(JSON.parse(journal.contents[0].text).title.toUpperCase(), FAMOUS);
    await assert.rejects(client.readResource({ uri: "jcr://journal/Xyzzy%20Plugh%20Nothing" }),
      (e) => e instanceof McpError && e.code === (modern ? -32602 : -32002));
  });

  test("prompts: list and get each, with the journal's real data", async () => {
    const client = getClient();
    const { prompts } = await client.listPrompts();
    assert.deepEqual(prompts.map((p) => p.name), ["journal_analysis_prompt", "submission_advice"]);
    const jcr = csvRow("JCR2025-UTF8.csv", FAMOUS);
    const analysis = await client.getPrompt({ name: "journal_analysis_prompt", arguments: { journal_name: FAMOUS } });
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
    const client = getClient();
    const forTemplate = await client.complete({
      ref: { type: "ref/resource", uri: "jcr://journal/{name_or_issn}" },
      argument: { name: "name_or_issn", value: "Nature Rev" },
    });
    const values = forTemplate.completion.values;
    assert.ok(values.length > 0 && values.length <= 100);
    assert.ok(values.every((v) => v.toUpperCase().includes("NATURE REV")), values.join("|"));
    const forPrompt = await client.complete({
      ref: { type: "ref/prompt", name: "journal_analysis_prompt" },
      argument: { name: "journal_name", value: "Lance" },
    });
    assert.ok(forPrompt.completion.values.some((v) => v.toUpperCase().startsWith("LANCET")), forPrompt.completion.values.join("|"));
  });

  test("progress: compare_journals with a progress token reports each journal, then answers", { skip: !progress }, async () => {
    const progress = [];
    const params = { name: "compare_journals", arguments: { journal_list: "NATURE, CELL, SCIENCE" } };
    const options = { onprogress: (p) => progress.push(p) };
    const result = await (sdkMajor >= 2 ? getClient().callTool(params, options) : getClient().callTool(params, undefined, options));
    assert.equal(result.isError, false, text(result));
    assert.equal(result.structuredContent.journals.length, 3);
    // The server sends one notification per journal before the answer (checked on the wire by
    // tst_httpprotocol and rawstdio.test.mjs). The SDK client drops a notification that arrives together
    // with its response, so here the last ones may be missing: what arrives must be in order and increasing.
    const arrived = [...progress, ...droppedProgress()];
    assert.ok(arrived.length >= 1, JSON.stringify(arrived));
    for (let i = 1; i < arrived.length; ++i) assert.ok(arrived[i].progress > arrived[i - 1].progress, "strictly increasing");
    assert.deepEqual(arrived.map((p) => p.message), ["NATURE", "CELL", "SCIENCE"].slice(0, arrived.length));
  });

  test("40 concurrent get_journal calls on one session each get their own journal", async () => {
    const client = getClient();
    // Every 500th JCR 2025 row with an ISSN: the answer must be the journal owning that ISSN.
    const rows = readCsvObjects("JCR2025-UTF8.csv").filter((r, i) => i % 500 === 0 && /^\d{4}-\d{3}[\dX]$/.test(r.ISSN)).slice(0, 40);
    assert.ok(rows.length >= 30, `only ${rows.length} sample rows`);
    const results = await Promise.all(rows.map((r) => client.callTool({ name: "get_journal", arguments: { name_or_issn: r.ISSN } })));
    results.forEach((result, i) => {
      assert.equal(result.isError, false, text(result));
      const journal = result.structuredContent.journal;
      assert.ok(journal, `${rows[i].ISSN}: ${text(result).slice(0, 200)}`);
      const issns = [journal.issn, journal.eissn, ...(journal.issns ?? [])].filter(Boolean);
      assert.ok(issns.includes(rows[i].ISSN) || journal.title.toUpperCase() === rows[i].Journal.trim().toUpperCase(),
        `${rows[i].ISSN} ${rows[i].Journal} → ${journal.title} ${issns.join(",")}`);
    });
  });
}
