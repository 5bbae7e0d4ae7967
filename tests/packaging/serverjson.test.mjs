// server.json (the MCP Registry entry, issue 14) against the registry's 2025-12-11 schema (schemas/, pinned by
// SHA-256), with Ajv; and what the schema cannot see: the Dockerfile's registry label, the project version,
// release download URLs for the .mcpb packages.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import Ajv from "ajv";
import addFormats from "ajv-formats";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const schemaText = readFileSync(path.join(here, "schemas", "server.schema.json"), "utf8");
const SCHEMA_SHA256 = "3fba09590c99f61735d234822279f4223fab9e300c0a81e81c91ab62a4114de0";
const serverJson = JSON.parse(readFileSync(path.join(root, "server.json"), "utf8"));

function validator() {
  // The registry's schema uses OpenAPI words (example, discriminator) that are not JSON Schema keywords.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(schemaText));
}

test("the schema copy is the published 2025-12-11 file", () => {
  assert.equal(createHash("sha256").update(schemaText).digest("hex"), SCHEMA_SHA256);
  assert.equal(JSON.parse(schemaText).$id, serverJson.$schema);
});

test("server.json validates against the schema", () => {
  const validate = validator();
  assert.ok(validate(serverJson), JSON.stringify(validate.errors, null, 2));
});

test("the validator rejects what the registry rejects", () => {
  const validate = validator();
  const cases = {
    "description over 100 characters": { ...serverJson, description: "x".repeat(101) },
    "name without a namespace": { ...serverJson, name: "jcr-mcp" },
    "mcpb package with a short hash": {
      ...serverJson,
      packages: [{ ...serverJson.packages[0], fileSha256: "abc" }],
    },
  };
  for (const [name, broken] of Object.entries(cases)) assert.equal(validate(broken), false, name);
});

test("names, versions and packages agree with the project", () => {
  assert.match(serverJson.name, /^io\.github\.[^/]+\/jcr-mcp$/);
  assert.ok(serverJson.description.length <= 100);
  const projectVersion = readFileSync(path.join(root, "CMakeLists.txt"), "utf8").match(/VERSION (\d+\.\d+\.\d+)/)[1];
  assert.equal(serverJson.version, projectVersion);
  const owner = serverJson.name.slice("io.github.".length).split("/")[0];
  const mcpb = serverJson.packages.filter((p) => p.registryType === "mcpb");
  assert.deepEqual(mcpb.map((p) => p.identifier.match(/-(linux|darwin|win32)-/)[1]).sort(), ["darwin", "linux", "win32"]);
  for (const p of mcpb) {
    assert.ok(p.identifier.startsWith(`https://github.com/${owner}/jcr-mcp/releases/download/v${projectVersion}/`), p.identifier);
    assert.match(p.fileSha256, /^[a-f0-9]{64}$/);
  }
  const oci = serverJson.packages.find((p) => p.registryType === "oci");
  assert.ok(oci.identifier.endsWith(`:${projectVersion}`), oci.identifier);
  assert.ok(serverJson.remotes.length > 0);
});

test("the Dockerfile labels the image with the registry name", () => {
  const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
  assert.match(dockerfile, /io\.modelcontextprotocol\.server\.name="\$\{JCR_MCP_REGISTRY_NAME\}"/);
  const argument = dockerfile.match(/^ARG JCR_MCP_REGISTRY_NAME=(\S+)$/m);
  assert.ok(argument, "ARG JCR_MCP_REGISTRY_NAME");
  assert.equal(argument[1], serverJson.name);
});
