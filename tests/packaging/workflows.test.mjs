// The release workflow (issue 14) cannot run here; this checks what can be checked without GitHub: every
// workflow validates with the pinned action-validator (which rejects a broken one), the release builds on the
// three systems and publishes what the issue lists, its scripts work — packaging/smoke-test.sh on the real
// server, packaging/fill-server-json.sh producing a server.json that still validates, with real hashes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const workflows = path.join(root, ".github", "workflows");
const validatorCli = path.join(here, "node_modules", ".bin", "action-validator");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

test("every workflow validates with action-validator", () => {
  const files = readdirSync(workflows).filter((name) => /\.ya?ml$/.test(name));
  assert.ok(files.includes("release.yml"));
  for (const file of files) {
    const result = run(validatorCli, [path.join(workflows, file)]);
    assert.equal(result.status, 0, `${file}: ${result.output}`);
  }
});

test("action-validator rejects a broken workflow", () => {
  const broken = path.join(mkdtempSync(path.join(os.tmpdir(), "jcr-wf-")), "broken.yml");
  writeFileSync(broken, readFileSync(path.join(workflows, "release.yml"), "utf8").replace("runs-on: windows-2022", "runs_on: windows-2022"));
  assert.notEqual(run(validatorCli, [broken]).status, 0);
});

test("the release builds on Linux, Windows (MSVC) and macOS and publishes every package", () => {
  const text = readFileSync(path.join(workflows, "release.yml"), "utf8");
  for (const expected of [
    /tags: \["v\*"\]/, /container: debian:bookworm/, /runs-on: windows-/, /msvc-dev-cmd/, /install-qt-action/,
    /runs-on: macos-/, /cpack -G DEB/, /cpack -G NSIS/, /cpack -G DragNDrop/, /--target mcpb/, /build-push-action/,
    /SHA256SUMS/, /fill-server-json\.sh/, /smoke-test\.sh/,
  ])
    assert.match(text, expected);
  assert.equal((text.match(/--target mcpb/g) ?? []).length, 3, "one .mcpb per OS");
});

test("smoke-test.sh passes on the real server", () => {
  const result = run("bash", [path.join(root, "packaging", "smoke-test.sh"), process.env.JCR_MCP_SERVER]);
  assert.equal(result.status, 0, result.output);
  assert.match(result.output, /smoke test passed/);
});

test("fill-server-json.sh fills URLs and hashes, and the result still validates", () => {
  const dist = mkdtempSync(path.join(os.tmpdir(), "jcr-dist-"));
  const hashes = {};
  for (const name of ["jcr-mcp-1.2.3-linux-x86_64.mcpb", "jcr-mcp-1.2.3-darwin-arm64.mcpb", "jcr-mcp-1.2.3-win32-amd64.mcpb"]) {
    writeFileSync(path.join(dist, name), `bundle ${name}`);
    hashes[name] = createHash("sha256").update(`bundle ${name}`).digest("hex");
  }
  const result = run("bash", [path.join(root, "packaging", "fill-server-json.sh"), path.join(root, "server.json"), dist, "Someone/jcr-mcp", "1.2.3"]);
  assert.equal(result.status, 0, result.output);
  const filled = JSON.parse(result.stdout);
  assert.equal(filled.name, "io.github.Someone/jcr-mcp");
  assert.equal(filled.version, "1.2.3");
  for (const p of filled.packages.filter((p) => p.registryType === "mcpb")) {
    const name = path.basename(p.identifier);
    assert.equal(p.identifier, `https://github.com/Someone/jcr-mcp/releases/download/v1.2.3/${name}`);
    assert.equal(p.fileSha256, hashes[name], name);
  }
  assert.equal(filled.packages.find((p) => p.registryType === "oci").identifier, "ghcr.io/someone/jcr-mcp:1.2.3");
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(here, "schemas", "server.schema.json"), "utf8")));
  assert.ok(validate(filled), JSON.stringify(validate.errors));
});
