// The .mcpb bundle (issue 14), as Claude Desktop would use it: the official MCPB CLI validates the manifest
// and reads the packed bundle; the bundle is unpacked into an empty folder and its server is started exactly as
// manifest.json's mcp_config says (${__dirname} and the user_config defaults substituted, an empty HOME); the
// official SDK client initializes and calls get_journal over stdio on data the bundle prepared itself.
// CTest passes JCR_MCPB_FILE (the bundle), JCR_MCPB_STAGE (its unpacked build folder) and JCR_MCP_FIXTURES.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const mcpbCli = path.join(here, "node_modules", "@anthropic-ai", "mcpb", "dist", "cli", "cli.js");
const bundle = process.env.JCR_MCPB_FILE;
const stage = process.env.JCR_MCPB_STAGE;
const fixtures = process.env.JCR_MCP_FIXTURES;

function mcpb(...args) {
  const run = spawnSync(process.execPath, [mcpbCli, ...args], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Replaces ${__dirname}, ${HOME} and ${user_config.KEY} the way Claude Desktop does. */
function substitute(value, variables) {
  return value.replace(/\$\{([^}]+)\}/g, (whole, name) => (name in variables ? variables[name] : whole));
}

let unpacked;
let home;
let manifest;
let client;
let stderr = "";

before(() => {
  assert.ok(bundle && existsSync(bundle), `the bundle is missing: ${bundle} (cmake --build build --target mcpb)`);
  unpacked = mkdtempSync(path.join(os.tmpdir(), "jcr-mcpb-"));
  home = mkdtempSync(path.join(os.tmpdir(), "jcr-mcpb-home-"));
  const run = mcpb("unpack", bundle, unpacked);
  assert.equal(run.status, 0, run.output);
  manifest = JSON.parse(readFileSync(path.join(unpacked, "manifest.json"), "utf8"));
});

after(async () => {
  await client?.close();
});

test("mcpb validate accepts the manifest", () => {
  const run = mcpb("validate", path.join(stage, "manifest.json"));
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /validation passes/i);
});

test("mcpb info reads the packed bundle", () => {
  const run = mcpb("info", bundle);
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /\.mcpb/);
});

test("the manifest is a binary server with localized texts, user_config and privacy policies", () => {
  assert.equal(manifest.manifest_version, "0.3");
  assert.equal(manifest.server.type, "binary");
  assert.match(manifest.server.mcp_config.command, /^\$\{__dirname\}\//);
  assert.ok(existsSync(path.join(unpacked, manifest.server.entry_point)), manifest.server.entry_point);
  assert.ok(existsSync(path.join(unpacked, manifest.icon)));
  for (const locale of ["en-US", "zh-CN"]) {
    const file = path.join(unpacked, manifest.localization.resources.replace("${locale}", locale));
    const texts = JSON.parse(readFileSync(file, "utf8"));
    assert.ok(texts.display_name && texts.long_description, `${locale}: display_name and long_description`);
  }
  assert.deepEqual(Object.keys(manifest.user_config).sort(), ["data_source", "database_folder"]);
  assert.ok(manifest.privacy_policies.length > 0);
  assert.ok(manifest.compatibility.platforms.includes("linux"));
});

test("on Linux the server loads the bundled Qt through its rpath", () => {
  const server = path.join(unpacked, manifest.server.entry_point);
  const ldd = execFileSync("ldd", [server], { encoding: "utf8" });
  const qtCore = ldd.split("\n").find((line) => line.includes("libQt6Core"));
  assert.ok(qtCore?.includes(`${unpacked}/server/../lib/`), ldd);
  assert.ok(existsSync(path.join(unpacked, "server", "sqldrivers", "libqsqlite.so")));
});

test("started as mcp_config says, it prepares its data and answers get_journal", async () => {
  const config = manifest.server.mcp_config;
  const userConfig = {};
  for (const [key, option] of Object.entries(manifest.user_config))
    userConfig[`user_config.${key}`] = substitute(String(option.default ?? ""), { HOME: home });
  // What the user would pick in the settings form: the local ShowJCR files instead of the download.
  userConfig["user_config.data_source"] = fixtures;
  const variables = { __dirname: unpacked, HOME: home, ...userConfig };
  const env = { HOME: home, PATH: "/usr/bin:/bin", LANG: "C.UTF-8" };
  for (const [name, value] of Object.entries(config.env ?? {})) env[name] = substitute(value, variables);
  const transport = new StdioClientTransport({
    command: substitute(config.command, variables),
    args: (config.args ?? []).map((arg) => substitute(arg, variables)),
    env,
    cwd: home,
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk) => (stderr += chunk.toString()));
  client = new Client({ name: "jcr-mcp-mcpb-test", version: "1.0.0" }, { capabilities: {} });
  await client.connect(transport);

  let text = "";
  let sawPreparing = false;
  for (let attempt = 0; attempt < 240; ++attempt) {
    const result = await client.callTool({ name: "get_journal", arguments: { name_or_issn: "ALPHA JOURNAL OF TESTING" } });
    text = result.content.map((part) => part.text ?? "").join("\n");
    if (!/being prepared/.test(text)) break;
    sawPreparing = true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.match(text, /ALPHA JOURNAL OF TESTING/i, `${text}\n--- server log:\n${stderr}`);
  assert.match(text, /6\.1/, text);
  assert.ok(existsSync(path.join(home, ".jcr-mcp", "jcr.db")), "the database is in the user_config folder");
  assert.match(stderr, /progress \[/, "the sync's progress is in the log");
  // Either answer order is right; both are logged for the record.
  console.log(`first answer was ${sawPreparing ? "'being prepared', then the data" : "the data"}`);
});

test("manifest tools and prompts equal the server's tools/list and prompts/list", async () => {
  assert.ok(client, "the previous test connected the client");
  const { tools } = await client.listTools();
  assert.deepEqual(
    manifest.tools.map((tool) => [tool.name, tool.description]),
    tools.map((tool) => [tool.name, tool.description]),
  );
  for (const tool of tools) {
    assert.ok(tool.title || tool.annotations?.title, `${tool.name} has a title`);
    assert.equal(tool.annotations?.readOnlyHint, true, `${tool.name} is read-only`);
  }
  const { prompts } = await client.listPrompts();
  assert.deepEqual(
    manifest.prompts.map((prompt) => [prompt.name, prompt.description, prompt.arguments]),
    prompts.map((prompt) => [prompt.name, prompt.description, (prompt.arguments ?? []).map((a) => a.name)]),
  );
});
