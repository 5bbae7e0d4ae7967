// Shared by the stdio and HTTP end-to-end suites and the HTTP benchmark: reading the ShowJCR CSV files (the
// tests compare the server's answers with the source) and building the test database once with the server's
// own `sync`. Node built-ins only, so any of the npm projects can import it by relative path.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF, BOM). Returns arrays of strings. */
export function readCsvRows(file) {
  let text = readFileSync(file, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const objectCache = new Map();
/** The CSV as objects keyed by the (trimmed) header names; cached, since the files are large. */
export function readCsvObjects(file) {
  if (!objectCache.has(file)) {
    const [header, ...rows] = readCsvRows(file);
    objectCache.set(file, rows.filter((r) => r.length > 1)
      .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ""]))));
  }
  return objectCache.get(file);
}

/** Builds `databasePath` from `dataDir` with `syncBinary sync`, unless it exists. */
export function ensureDatabase(syncBinary, dataDir, databasePath) {
  if (existsSync(databasePath)) return;
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const run = spawnSync(syncBinary, ["sync", "--from", dataDir, "--db", databasePath], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (run.status !== 0 || !existsSync(databasePath)) {
    throw new Error(`sync failed (${run.status}): ${run.stderr}\n${run.stdout}`);
  }
}
