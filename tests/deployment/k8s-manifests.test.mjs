// deploy/k8s checked without a cluster: every YAML document parses (the `yaml` package pinned in
// tests/e2e-http's package-lock.json), has a known kind/apiVersion, and the objects agree with each other and
// with what the server really reads and serves: probes on /health at the container's port, the port the
// server is told to listen on, every JCR_MCP_* name one the server's sources read, the non-root user of the
// Dockerfile, selectors, Service/Ingress/HPA references, kustomization listing every file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const k8sDir = path.join(repo, "deploy/k8s");
const e2eHttp = process.env.JCR_E2E_HTTP_DIR ?? path.join(repo, "tests/e2e-http");
const YAML = createRequire(path.join(e2eHttp, "package.json"))("yaml");

const KNOWN = {
  Namespace: "v1",
  ConfigMap: "v1",
  Secret: "v1",
  Service: "v1",
  Deployment: "apps/v1",
  Ingress: "networking.k8s.io/v1",
  HorizontalPodAutoscaler: "autoscaling/v2",
  Kustomization: "kustomize.config.k8s.io/v1beta1",
};

/** Every document of every deploy/k8s/*.yaml: [{file, doc}]. */
function loadAll() {
  const files = readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const out = [];
  for (const file of files) {
    const docs = YAML.parseAllDocuments(readFileSync(path.join(k8sDir, file), "utf8"));
    for (const doc of docs) {
      assert.deepEqual(doc.errors.map(String), [], `${file}: YAML errors`);
      assert.deepEqual(doc.warnings.map(String), [], `${file}: YAML warnings`);
      const value = doc.toJS();
      if (value !== null) out.push({ file, doc: value });
    }
  }
  return out;
}

/** The JCR_MCP_* names the server and core library read: string literals in their C++ sources. */
function serverVariables() {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(cpp|h)$/.test(entry)) {
        for (const m of readFileSync(file, "utf8").matchAll(/"(JCR_MCP_[A-Z0-9_]+)"/g)) names.add(m[1]);
      }
    }
  };
  walk(path.join(repo, "server"));
  walk(path.join(repo, "core"));
  return names;
}

const all = loadAll();
const byKind = (kind) => all.filter(({ doc }) => doc.kind === kind).map(({ doc }) => doc);
const one = (kind) => {
  const found = byKind(kind);
  assert.equal(found.length, 1, `exactly one ${kind}`);
  return found[0];
};

test("every document has a known kind, its apiVersion and a name", () => {
  assert.ok(all.length >= 8, `${all.length} documents`);
  for (const { file, doc } of all) {
    assert.ok(KNOWN[doc.kind], `${file}: unexpected kind ${doc.kind}`);
    assert.equal(doc.apiVersion, KNOWN[doc.kind], `${file}: ${doc.kind} apiVersion`);
    if (doc.kind !== "Kustomization") assert.match(doc.metadata?.name ?? "", /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, `${file}: metadata.name`);
  }
  for (const kind of ["ConfigMap", "Secret", "Deployment", "Service", "HorizontalPodAutoscaler"]) one(kind);
  assert.ok(byKind("Ingress").length >= 1);
});

test("kustomization lists every manifest file, and only existing ones", () => {
  const kustomization = one("Kustomization");
  const manifests = [...new Set(all.filter(({ doc }) => doc.kind !== "Kustomization").map(({ file }) => file))].sort();
  assert.deepEqual([...kustomization.resources].sort(), manifests);
  const namespace = byKind("Namespace")[0];
  if (namespace) assert.equal(kustomization.namespace, namespace.metadata.name);
  const deployment = one("Deployment");
  const images = new Set([...deployment.spec.template.spec.containers, ...(deployment.spec.template.spec.initContainers ?? [])]
    .map((c) => c.image.split(":")[0]));
  for (const image of kustomization.images ?? []) assert.ok(images.has(image.name), `images: ${image.name} is used`);
});

test("Deployment: 3 replicas, probes on /health at the port the server listens on, non-root, read-only", () => {
  const deployment = one("Deployment");
  assert.equal(deployment.spec.replicas, 3);
  const pod = deployment.spec.template.spec;
  assert.equal(pod.containers.length, 1);
  // The Service is named jcr-mcp: its injected JCR_MCP_PORT=tcp://… would break the server's own variable.
  assert.equal(pod.enableServiceLinks, false, "enableServiceLinks: false");
  const container = pod.containers[0];
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  const port = container.ports.find((p) => p.name === "http");
  assert.ok(port, "a container port named http");
  assert.equal(String(port.containerPort), env.JCR_MCP_PORT, "the server listens on the container port");
  assert.equal(env.JCR_MCP_HOST, "0.0.0.0", "reachable from the Service");
  assert.match(env.JCR_MCP_TRANSPORT, /^(http|streamable-http)$/);
  for (const probeName of ["readinessProbe", "livenessProbe"]) {
    const probe = container[probeName];
    assert.ok(probe?.httpGet, `${probeName} is an HTTP GET`);
    assert.equal(probe.httpGet.path, "/health", `${probeName} path`);
    assert.ok(probe.httpGet.port === port.name || probe.httpGet.port === port.containerPort, `${probeName} port`);
  }
  assert.ok(container.resources?.requests?.cpu && container.resources?.limits?.memory, "resources");
  const podSecurity = pod.securityContext ?? {};
  assert.equal(podSecurity.runAsNonRoot, true);
  // The same uid as the image's user (Dockerfile), so that the image's files and the volume fit.
  const dockerfileUid = /useradd[^\n]*--uid (\d+)/.exec(readFileSync(path.join(repo, "Dockerfile"), "utf8"))?.[1];
  assert.equal(String(podSecurity.runAsUser), dockerfileUid);
  for (const c of [container, ...(pod.initContainers ?? [])]) {
    assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${c.name}: read-only root`);
    assert.equal(c.securityContext?.allowPrivilegeEscalation, false, `${c.name}: no privilege escalation`);
  }
});

test("Deployment: the initContainer syncs into the volume the server reads", () => {
  const pod = one("Deployment").spec.template.spec;
  const container = pod.containers[0];
  const init = pod.initContainers?.find((c) => [...(c.command ?? []), ...(c.args ?? [])].includes("sync"));
  assert.ok(init, "an initContainer running `jcr-mcp-server sync`");
  assert.equal(init.command[0], "jcr-mcp-server");
  const dbOf = (c) => (c.env ?? []).find((e) => e.name === "JCR_MCP_DB")?.value;
  assert.equal(dbOf(init), dbOf(container), "same JCR_MCP_DB");
  const mountOf = (c, db) => c.volumeMounts.find((m) => db.startsWith(m.mountPath.replace(/\/?$/, "/")));
  const serverMount = mountOf(container, dbOf(container));
  const initMount = mountOf(init, dbOf(init));
  assert.ok(serverMount && initMount, "the database folder is a mounted volume in both");
  assert.equal(serverMount.name, initMount.name);
  assert.ok(pod.volumes.some((v) => v.name === serverMount.name), "the volume exists");
});

test("every JCR_MCP_* name in the manifests is one the server reads", () => {
  const known = serverVariables();
  assert.ok(known.has("JCR_MCP_DB") && known.has("JCR_MCP_TOKEN"), `found in the sources: ${[...known]}`);
  const used = new Set();
  const deployment = one("Deployment");
  for (const c of [...deployment.spec.template.spec.containers, ...(deployment.spec.template.spec.initContainers ?? [])])
    for (const e of c.env ?? []) used.add(e.name);
  for (const key of Object.keys(one("ConfigMap").data ?? {})) used.add(key);
  for (const key of Object.keys(one("Secret").stringData ?? one("Secret").data ?? {})) used.add(key);
  assert.ok(used.size > 5);
  for (const name of used) assert.ok(known.has(name), `${name} is not read by the server (server/, core/)`);
  // The Secret carries the token and the shared session secret, as placeholders.
  const secret = one("Secret").stringData;
  assert.ok("JCR_MCP_TOKEN" in secret && "JCR_MCP_SESSION_SECRET" in secret);
});

test("Deployment reads the ConfigMap and the Secret by name", () => {
  const container = one("Deployment").spec.template.spec.containers[0];
  const refs = (container.envFrom ?? []).map((e) => e.configMapRef?.name ?? e.secretRef?.name);
  assert.ok(refs.includes(one("ConfigMap").metadata.name));
  assert.ok(refs.includes(one("Secret").metadata.name));
});

test("Service selects the pods and targets the http port; Ingress and HPA point at them", () => {
  const deployment = one("Deployment");
  const service = one("Service");
  assert.equal(service.spec.type ?? "ClusterIP", "ClusterIP");
  const labels = deployment.spec.template.metadata.labels;
  for (const [key, value] of Object.entries(service.spec.selector)) assert.equal(labels[key], value, `selector ${key}`);
  for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels)) assert.equal(labels[key], value);
  const servicePort = service.spec.ports.find((p) => p.name === "http");
  assert.equal(servicePort.targetPort, "http");
  for (const ingress of byKind("Ingress")) {
    for (const rule of ingress.spec.rules) {
      for (const p of rule.http.paths) {
        assert.equal(p.backend.service.name, service.metadata.name, `${ingress.metadata.name} ${p.path}`);
        assert.equal(p.backend.service.port.name, servicePort.name);
      }
    }
    assert.equal(ingress.metadata.annotations["nginx.ingress.kubernetes.io/proxy-buffering"], "off", "SSE unbuffered");
  }
  const ssePaths = byKind("Ingress").filter((i) => i.metadata.annotations["nginx.ingress.kubernetes.io/affinity"] === "cookie")
    .flatMap((i) => i.spec.rules.flatMap((r) => r.http.paths.map((p) => p.path)));
  assert.deepEqual(ssePaths.sort(), ["/messages", "/sse"], "sticky cookie for the legacy SSE endpoints");
  const hpa = one("HorizontalPodAutoscaler");
  assert.equal(hpa.spec.scaleTargetRef.kind, "Deployment");
  assert.equal(hpa.spec.scaleTargetRef.name, deployment.metadata.name);
  assert.ok(hpa.spec.minReplicas <= deployment.spec.replicas && deployment.spec.replicas <= hpa.spec.maxReplicas);
  assert.ok(hpa.spec.metrics.some((m) => m.resource?.name === "cpu"));
});
