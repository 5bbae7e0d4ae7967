// The MCP conformance suite's 2026-07-28 scenarios (@modelcontextprotocol/conformance 0.2.0-alpha.12, pinned as
// `conformance-2026` beside 0.1.16, which keeps checking the 2025 scenarios in conformance.test.mjs; Node 22 from
// the npm package `node`) against `jcr-mcp-server --transport http`:
//   server-stateless, caching, sep-2164-resource-not-found, http-header-validation (pending in the suite, run
//   here all the same), input-required-result-unsupported-methods.
// Every check passes except those that need a diagnostic tool of the suite's own reference server, which a
// journal server does not have (FIXTURE_CHECKS: each must fail as "Not testable" naming that tool). The counts
// per scenario land in conformance-2026-results.json (JCR_MCP_E2E_RESULTS) and are printed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import {
  conformanceSkipReason, ensureDatabase, here, resultsDir, runConformanceCli, startServer,
} from "./support.mjs";

const conformanceCli = path.join(here, "node_modules/conformance-2026/dist/index.js");

export const SCENARIOS = [
  "server-stateless", "caching", "sep-2164-resource-not-found", "http-header-validation",
  "input-required-result-unsupported-methods",
];

/** Checks that need a fixture tool of the suite (check id → the tool), with why they cannot apply here. */
const FIXTURE_CHECKS = {
  // -32021 needs a tool that requires a client capability (sampling); every tool here needs none.
  "sep-2575-server-rejects-undeclared-capability": "test_missing_capability",
  "sep-2575-missing-capability-http-400": "test_missing_capability",
  // needs a tool that asks the user mid-call (elicitation); this server never asks the client anything.
  "sep-2575-http-server-no-independent-requests-on-stream": "test_streaming_elicitation",
  // needs a tool that logs; the journal tools log nothing to the client (the rule is unit-tested in
  // tst_statelessprotocol logLevelPerRequest).
  "sep-2575-server-no-log-without-loglevel": "test_logging_tool",
};

const skip = conformanceSkipReason(conformanceCli, "conformance-2026");

const runConformance = (args, timeoutMs = 300_000) => runConformanceCli(conformanceCli, args, timeoutMs);

/** The checks.json of the one scenario run in `dir`. */
function readChecks(dir) {
  const entry = readdirSync(dir).find((e) => e.startsWith("server-"));
  return entry ? JSON.parse(readFileSync(path.join(dir, entry, "checks.json"), "utf8")) : undefined;
}

describe("MCP conformance 0.2.0-alpha.12, 2026-07-28 scenarios, against jcr-mcp-server --transport http", { skip }, () => {
  let server;
  let outDir;
  const summary = { suite: "@modelcontextprotocol/conformance 0.2.0-alpha.12", scenarios: {} };

  before(async () => {
    ensureDatabase();
    server = await startServer({ transport: "http" });
    outDir = mkdtempSync(path.join(os.tmpdir(), "jcr-conformance-2026-"));
  });

  after(async () => {
    await server?.stop();
    if (Object.keys(summary.scenarios).length) {
      mkdirSync(resultsDir, { recursive: true });
      const file = path.join(resultsDir, "conformance-2026-results.json");
      writeFileSync(file, JSON.stringify(summary, null, 2) + "\n");
      const lines = Object.entries(summary.scenarios).map(([name, r]) =>
        `${name.padEnd(44)} ${r.success}/${r.total} ok, ${r.failure} failed (${r.fixtureOnly} need a fixture), ${r.warning} warnings, ${r.info} info, ${r.skipped} skipped`);
      console.log(`conformance 2026-07-28 per scenario (also in ${file}):\n${lines.join("\n")}`);
    }
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  for (const scenario of SCENARIOS) {
    test(scenario, async () => {
      const dir = path.join(outDir, scenario);
      const { output } = await runConformance(["server", "--url", `${server.base}/mcp`, "--scenario", scenario, "-o", dir]);
      const checks = readChecks(dir);
      assert.ok(checks, `${scenario} did not run:\n${output.slice(-3000)}`);
      const count = (s) => checks.filter((c) => c.status === s).length;
      const failures = checks.filter((c) => c.status === "FAILURE");
      const fixtureOnly = failures.filter((c) => FIXTURE_CHECKS[c.id]);
      summary.scenarios[scenario] = {
        total: checks.length, success: count("SUCCESS"), failure: failures.length, fixtureOnly: fixtureOnly.length,
        warning: count("WARNING"), info: count("INFO"), skipped: count("SKIPPED"),
        failures: failures.map((c) => `${c.id}: ${c.errorMessage ?? c.description}`),
      };
      for (const c of failures) {
        const tool = FIXTURE_CHECKS[c.id];
        assert.ok(tool, `${scenario}: ${c.id} failed: ${c.errorMessage ?? c.description}`);
        assert.match(c.errorMessage ?? "", new RegExp(`Not testable.*${tool}`), `${c.id} failed for another reason`);
      }
      assert.equal(count("WARNING"), 0, checks.filter((c) => c.status === "WARNING").map((c) => c.errorMessage).join("; "));
      assert.ok(count("SUCCESS") > 0, `${scenario}: no successful check`);
    });
  }
});
