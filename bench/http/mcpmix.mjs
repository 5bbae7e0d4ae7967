#!/usr/bin/env node
// Request mixes of the HTTP load benchmark (run-http-bench.sh), and their check before the load run.
//
//   node mcpmix.mjs bodies DATA_DIR OUT_DIR
//       writes OUT_DIR/get_journal.requests and OUT_DIR/search_journal.requests: one request
//       {"method":"tools/call","params":{...}} (compact JSON, no jsonrpc, no id) per line, sampled
//       deterministically (every k-th row, no randomness) from the ShowJCR file JCR2025-UTF8.csv, and
//       OUT_DIR/ping.requests (one `ping`: the transport and engine without a tool). mcp.lua adds
//       "jsonrpc" and an id unique in the run.
//         get_journal:    100 = 50 exact titles + 50 ISSNs (25 with hyphen, 25 without)
//         search_journal: 150 = 25 exact titles (half lower-cased) + 25 ISSNs (half without hyphen)
//                         + 25 prefixes (first 6-10 characters) + 25 words from inside titles (>= 6 letters)
//                         + 25 one-typo titles (substitution / deletion / transposition, rotating)
//                         + 25 two-typo titles
//       and OUT_DIR/soak.requests, the mixed workload of the soak (run-soak.sh), interleaved so that every
//       stretch of the run has every kind: the get_journal and search_journal lines above, 40
//       compare_journals (2-5 titles), 50 get_partition_trends, 30 check_warning_journals (words from the
//       warning list's titles and reasons, one without keywords), 50 resources/read jcr://journal/ISSN,
//       jcr://database-info and jcr://health, resources/list, tools/list and ping.
//   node mcpmix.mjs verify URL SESSION_ID FILE...
//       sends every line of each file once over Streamable HTTP on that session and reports, per file, how
//       many answered 200 with a result that is not isError, how many found a journal and how many answered
//       "not found" with suggestions (the typo queries: search_journal answers them with "did you mean"). Exit 1 when any
//       request failed (a benchmark that times errors would be useless).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

import { readCsvObjects as readCsvFile } from "../../tests/e2e/showjcrfiles.mjs";

/** A CSV file as objects keyed by its header, values trimmed. */
function readCsvObjects(file) {
  return readCsvFile(file).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.trim()])));
}

/** Every k-th element so that `count` are taken evenly over the whole list. */
function every(list, count, offset = 0) {
  const step = Math.max(1, Math.floor(list.length / count));
  const out = [];
  for (let i = offset % step; i < list.length && out.length < count; i += step) out.push(list[i]);
  return out;
}

function letterIndices(s) {
  return [...s].map((c, i) => (/[A-Za-z]/.test(c) ? i : -1)).filter((i) => i >= 0);
}

/** One typo at `pos`: kind 0 substitution (next letter), 1 deletion, 2 transposition with the next char. */
function typo(s, pos, kind) {
  const c = s[pos];
  const next = (ch) => {
    const lower = ch.toLowerCase();
    const shifted = lower === "z" ? "a" : String.fromCharCode(lower.charCodeAt(0) + 1);
    return ch === lower ? shifted : shifted.toUpperCase();
  };
  if (kind === 1) return s.slice(0, pos) + s.slice(pos + 1);
  if (kind === 2 && pos + 1 < s.length && /[A-Za-z]/.test(s[pos + 1]) && s[pos + 1] !== c) {
    return s.slice(0, pos) + s[pos + 1] + c + s.slice(pos + 2);
  }
  return s.slice(0, pos) + next(c) + s.slice(pos + 1);
}

function bodies(dataDir, outDir) {
  const rows = readCsvObjects(path.join(dataDir, "JCR2025-UTF8.csv"))
    .filter((r) => r.Journal && /^\d{4}-\d{3}[\dX]$/.test(r.ISSN));
  const get = [];
  for (const r of every(rows, 50, 0)) get.push({ name: "get_journal", arguments: { name_or_issn: r.Journal } });
  every(rows, 50, 7).forEach((r, i) =>
    get.push({ name: "get_journal", arguments: { name_or_issn: i % 2 ? r.ISSN.replace("-", "") : r.ISSN } }));

  const search = [];
  const q = (text) => search.push({ name: "search_journal", arguments: { journal_name: text } });
  every(rows, 25, 3).forEach((r, i) => q(i % 2 ? r.Journal.toLowerCase() : r.Journal));
  every(rows, 25, 11).forEach((r, i) => q(i % 2 ? r.ISSN.replace("-", "") : r.ISSN));
  every(rows, 25, 17).forEach((r, i) => q(r.Journal.slice(0, 6 + (i % 5)).trim()));
  const longTitles = rows.filter((r) => r.Journal.split(/\s+/).length >= 3);
  let words = 0;
  for (const r of every(longTitles, 200, 5)) {
    if (words === 25) break;
    const parts = r.Journal.split(/\s+/);
    const middle = parts.slice(1, -1).find((w) => /^[A-Za-z]{6,}$/.test(w));
    if (middle) { q(middle); ++words; }
  }
  const typoTitles = rows.filter((r) => letterIndices(r.Journal).length >= 12);
  every(typoTitles, 25, 13).forEach((r, i) => {
    const letters = letterIndices(r.Journal);
    q(typo(r.Journal, letters[Math.floor(letters.length / 2)], i % 3));
  });
  every(typoTitles, 25, 29).forEach((r, i) => {
    const letters = letterIndices(r.Journal);
    const late = typo(r.Journal, letters[Math.floor((letters.length * 3) / 4)], i % 3);
    q(typo(late, letterIndices(late)[Math.floor(letters.length / 4)], (i + 1) % 3));
  });

  mkdirSync(outDir, { recursive: true });
  const lines = (list) => list.map((params) => JSON.stringify({ method: "tools/call", params })).join("\n") + "\n";
  writeFileSync(path.join(outDir, "get_journal.requests"), lines(get));
  writeFileSync(path.join(outDir, "search_journal.requests"), lines(search));
  writeFileSync(path.join(outDir, "ping.requests"), JSON.stringify({ method: "ping" }) + "\n");
  const soak = soakMix(dataDir, rows, get, search);
  writeFileSync(path.join(outDir, "soak.requests"), soak.map((r) => JSON.stringify(r)).join("\n") + "\n");
  console.log(`get_journal: ${get.length} requests, search_journal: ${search.length} requests, ` +
              `soak: ${soak.length} requests → ${outDir}`);
}

/** The soak's requests: every tool and the resources, interleaved round robin (see the header). */
function soakMix(dataDir, rows, get, search) {
  const call = (name, args) => ({ method: "tools/call", params: { name, arguments: args } });
  const compare = every(rows, 40 * 5, 19).reduce((lists, r, i) => {
    if (i % 5 === 0) lists.push([]);
    if (lists.at(-1).length < 2 + (lists.length % 4)) lists.at(-1).push(r.Journal);
    return lists;
  }, []).map((list, i) => call("compare_journals", { journal_list: i % 2 ? list : list.join(", ") }));
  const trends = every(rows, 50, 23).map((r, i) => call("get_partition_trends", { journal_name: i % 3 ? r.Journal : r.ISSN }));
  const warnings = readCsvObjects(path.join(dataDir, "GJQKYJMD2025.csv"));
  const words = [...new Set(warnings.flatMap((w) => Object.values(w).join(" ").split(/[\s,，]+/))
    .filter((w) => /^[A-Za-z]{6,}$/.test(w) || /^[\u4e00-\u9fff]{2,}$/.test(w)))];
  const checks = [call("check_warning_journals", {}),
    ...every(words, 29, 1).map((w, i) => call("check_warning_journals", i % 4 ? { keywords: w } : { keywords: w, year: 2025 }))];
  const resources = [
    ...every(rows, 50, 31).map((r) => ({ method: "resources/read", params: { uri: `jcr://journal/${r.ISSN}` } })),
    { method: "resources/read", params: { uri: "jcr://database-info" } },
    { method: "resources/read", params: { uri: "jcr://health" } },
    { method: "resources/list" }, { method: "tools/list" }, { method: "ping" }];
  const kinds = [get.map((p) => ({ method: "tools/call", params: p })), search.map((p) => ({ method: "tools/call", params: p })),
    compare, trends, checks, resources];
  const mixed = [];
  for (let i = 0; kinds.some((k) => i < k.length); ++i) for (const k of kinds) if (i < k.length) mixed.push(k[i]);
  return mixed;
}

async function verify(url, session, files) {
  let failed = 0;
  let id = 1;
  for (const file of files) {
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    let ok = 0;
    let found = 0;
    let suggested = 0;
    const problems = [];
    for (const line of lines) {
      const body = JSON.stringify({ jsonrpc: "2.0", id: id++, ...JSON.parse(line) });
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json, text/event-stream",
          ...(session && session !== "-" ? { "mcp-session-id": session, "mcp-protocol-version": "2025-11-25" } : {}),
        },
        body,
      });
      const raw = await response.text();
      // A JSON answer, or an SSE stream whose last data line is the response.
      const json = response.headers.get("content-type")?.startsWith("text/event-stream")
        ? JSON.parse(raw.split("\n").filter((l) => l.startsWith("data:") && l.length > 6).pop().slice(5))
        : JSON.parse(raw);
      const result = json.result;
      if (response.status === 200 && result && !result.isError) {
        ++ok;
        const s = result.structuredContent ?? {};
        if (s.found !== false && (s.journal || s.found)) ++found;
        else if (s.suggestions?.length) ++suggested;
      } else if (problems.length < 5) {
        problems.push(`${response.status} ${line} → ${raw.slice(0, 200)}`);
      }
    }
    failed += lines.length - ok;
    console.log(`${path.basename(file)}: ${ok}/${lines.length} answered: ${found} found a journal, ${suggested} not found with a "did you mean"`);
    for (const p of problems) console.log(`  problem: ${p}`);
  }
  process.exit(failed ? 1 : 0);
}

const [command, ...args] = process.argv.slice(2);
if (command === "bodies" && args.length === 2) bodies(args[0], args[1]);
else if (command === "verify" && args.length >= 3) await verify(args[0], args[1], args.slice(2));
else {
  console.error("usage: mcpmix.mjs bodies DATA_DIR OUT_DIR | verify URL SESSION_ID FILE...");
  process.exit(2);
}
