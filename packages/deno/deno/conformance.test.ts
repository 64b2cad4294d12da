// Runs inside the Deno binary (spawned by src/deno.test.ts): the built adapter
// (../dist/index.js) against the mock API on 127.0.0.1, with Deno's permissions
// --allow-net --allow-read --allow-env. Assertions are local so the suite needs
// no remote module (no jsr:, no network beyond loopback).
import {
  createBaseClient,
  createClient,
  createDenoFetch,
  type FetchLike,
  getCvmInfo,
  NotFoundError,
  safeGetCvmInfo,
} from "../dist/index.js";

declare const Deno: {
  version: { deno: string };
  env: { get(name: string): string | undefined };
  test(name: string, fn: () => Promise<void> | void): void;
  createHttpClient(options: Record<string, unknown>): { close(): void };
  serve(
    options: { hostname: string; port: number; onListen(): void },
    handler: (request: Request) => Promise<Response>,
  ): { addr: { port: number }; shutdown(): Promise<void> };
};

const baseURL = Deno.env.get("PHALA_MOCK_URL") ?? "";
/** The key the spawning test puts in PHALA_CLOUD_API_KEY; the mock accepts only it and "your-api-key". */
const ENV_API_KEY = "deno-conformance-env-key";

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

function assertEquals(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`Assertion failed: ${what}: expected ${e}, got ${a}`);
}

interface Exchange {
  url: string;
  sent: Headers;
  status: number;
  received: Headers;
}

/** A fetch that records what went out and what came back, around the runtime's fetch. */
function recordingFetch(inner: FetchLike = (input, init) => fetch(input, init)) {
  const exchanges: Exchange[] = [];
  const wrapped: FetchLike = async (input, init) => {
    const response = await inner(input, init);
    exchanges.push({
      url: input,
      sent: new Headers(init.headers),
      status: response.status,
      received: response.headers,
    });
    return response;
  };
  return { fetch: wrapped, exchanges };
}

Deno.test("runs in Deno, pointed at the mock on loopback", () => {
  assert(typeof Deno.version.deno === "string", "Deno.version.deno");
  assert(baseURL.startsWith("http://127.0.0.1:"), `PHALA_MOCK_URL is loopback: ${baseURL}`);
});

Deno.test("guide: a 2026-01-21 client and withVersion('2025-10-28') read their own shapes", async () => {
  const client = createClient({ apiKey: "your-api-key", baseURL });
  const legacyClient = client.withVersion("2025-10-28");
  assertEquals(client.version, "2026-01-21", "default version");
  assertEquals(legacyClient.version, "2025-10-28", "derived version");

  const user = await client.getCurrentUser();
  assertEquals(
    Object.keys(user).sort(),
    ["credits", "features", "user", "workspace"],
    "2026-01-21 user keys",
  );
  assert(typeof user.user.email === "string", "user.user.email");

  const legacyUser = await legacyClient.getCurrentUser();
  assert(!("user" in legacyUser), "2025-10-28 user is flat");
  assertEquals(legacyUser.username, user.user.username, "same account, two renderings");
  assertEquals(legacyUser.team_name, user.workspace.name, "team_name is the workspace name");
});

Deno.test("guide: getCvmInfo standalone with createBaseClient, both versions", async () => {
  const client = createBaseClient({ apiKey: "your-api-key", baseURL, version: "2026-01-21" });
  const cvm = await getCvmInfo(client, { id: "cvm-abc123" });
  assertEquals(cvm.name, "cvm-abc123", "cvm.name");
  assert(typeof cvm.resource.vcpu === "number", "2026-01-21 has resource.vcpu");

  const legacyClient = createBaseClient({ apiKey: "your-api-key", baseURL, version: "2025-10-28" });
  const legacyCvm = await getCvmInfo(legacyClient, { id: "cvm-abc123" });
  assertEquals(legacyCvm.name, "cvm-abc123", "legacy cvm.name");
  assert(!("resource" in legacyCvm), "2025-10-28 has no resource object");
  assertEquals(legacyCvm.vcpu, cvm.resource.vcpu, "same vcpu in both versions");
});

Deno.test("errors: a 404 is a NotFoundError with the API's error code", async () => {
  const client = createBaseClient({ apiKey: "your-api-key", baseURL });
  let caught: unknown;
  try {
    await getCvmInfo(client, { id: "no-such-cvm" });
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof NotFoundError, `NotFoundError, got ${String(caught)}`);
  assertEquals(caught.status, 404, "status");
  assert(/^ERR-03-/.test(caught.errorCode ?? ""), `errorCode ${caught.errorCode}`);
  assertEquals(caught.apiVersion, "2026-01-21", "the error names the version");
});

Deno.test("errors: safeGetCvmInfo returns { success: false } instead of throwing", async () => {
  const client = createClient({ apiKey: "your-api-key", baseURL });
  const standalone = await safeGetCvmInfo(client, { id: "no-such-cvm" });
  assertEquals(standalone.success, false, "standalone safe variant");
  assert(!standalone.success && standalone.error instanceof NotFoundError, "carries the error");
  const bound = await client.safeGetCvmInfo({ id: "cvm-abc123" });
  assert(bound.success && bound.data.name === "cvm-abc123", "bound safe variant succeeds");
});

Deno.test("headers: X-Phala-Version sent is what the mock echoes, per client and per call", async () => {
  const recorder = recordingFetch();
  const client = createClient({ apiKey: "your-api-key", baseURL, fetch: recorder.fetch });
  await client.getCurrentUser();
  await client.withVersion("2025-10-28").getCurrentUser();
  await client.request({ path: "/auth/me", version: "2025-10-28" });
  await client.request({ path: "/auth/me" });
  assertEquals(
    recorder.exchanges.map((e) => e.sent.get("x-phala-version")),
    ["2026-01-21", "2025-10-28", "2025-10-28", "2026-01-21"],
    "sent",
  );
  assertEquals(
    recorder.exchanges.map((e) => e.received.get("x-phala-version")),
    ["2026-01-21", "2025-10-28", "2025-10-28", "2026-01-21"],
    "echoed",
  );
});

Deno.test("env: the API key comes from PHALA_CLOUD_API_KEY (Deno.env, --allow-env)", async () => {
  assertEquals(Deno.env.get("PHALA_CLOUD_API_KEY"), ENV_API_KEY, "spawned env");
  const recorder = recordingFetch();
  const client = createClient({ baseURL, fetch: recorder.fetch });
  assertEquals(client.toJSON().apiKey === ENV_API_KEY, false, "the key is redacted in toJSON");
  const user = await client.getCurrentUser();
  assert(typeof user.user.username === "string", "authenticated");
  assertEquals(recorder.exchanges[0]?.sent.get("x-api-key"), ENV_API_KEY, "x-api-key sent");
  assertEquals(recorder.exchanges[0]?.status, 200, "accepted by the mock");
});

Deno.test("Deno.createHttpClient: createDenoFetch({ caCerts: [] }) works against the mock", async () => {
  const denoFetch = createDenoFetch({ caCerts: [] });
  try {
    assert(denoFetch.httpClient !== undefined, "an HttpClient was created");
    const recorder = recordingFetch(denoFetch);
    const client = createClient({ apiKey: "your-api-key", baseURL, fetch: recorder.fetch });
    const user = await client.getCurrentUser();
    const cvm = await client.withVersion("2025-10-28").getCvmInfo({ id: "cvm-abc123" });
    assert(typeof user.user.email === "string", "2026-01-21 user through the HttpClient");
    assertEquals(cvm.name, "cvm-abc123", "2025-10-28 CVM through the HttpClient");
    assertEquals(
      recorder.exchanges.map((e) => e.received.get("x-phala-version")),
      ["2026-01-21", "2025-10-28"],
      "echoed versions",
    );
  } finally {
    denoFetch.close();
  }
  let closedError: unknown;
  await denoFetch(`${baseURL}/auth/me`, {}).catch((error: unknown) => {
    closedError = error;
  });
  assert(closedError instanceof Error, "a closed fetch refuses new requests");
});

Deno.test("proxy: createDenoFetch({ proxy }) sends every request through the proxy, with basic auth", async () => {
  const seen: { url: string; proxyAuthorization: string | null }[] = [];
  // A minimal forward proxy on loopback: plain-HTTP targets arrive in absolute form.
  const proxy = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    seen.push({ url: request.url, proxyAuthorization: request.headers.get("proxy-authorization") });
    const headers = new Headers(request.headers);
    headers.delete("proxy-authorization");
    const upstream = await fetch(request.url, { method: request.method, headers });
    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
  });
  const denoFetch = createDenoFetch({
    proxy: {
      url: `http://127.0.0.1:${proxy.addr.port}`,
      basicAuth: { username: "deno", password: "s3cret" },
    },
  });
  try {
    const client = createClient({ apiKey: "your-api-key", baseURL, fetch: denoFetch });
    const user = await client.withVersion("2025-10-28").getCurrentUser();
    assert(typeof user.team_name === "string", "2025-10-28 user through the proxy");
  } finally {
    denoFetch.close();
    await proxy.shutdown();
  }
  assertEquals(
    seen.map((s) => s.url),
    [`${baseURL}/auth/me`],
    "the proxy received the request",
  );
  assertEquals(seen[0]?.proxyAuthorization, `Basic ${btoa("deno:s3cret")}`, "proxy credentials");
});

Deno.test("preset options: createClient({ httpClient }) sends through the caller's HttpClient", async () => {
  const httpClient = Deno.createHttpClient({});
  try {
    const client = createClient({ apiKey: "your-api-key", baseURL, httpClient });
    const cvm = await client.getCvmInfo({ id: "cvm-abc123" });
    assertEquals(cvm.name, "cvm-abc123", "cvm.name");
  } finally {
    httpClient.close();
  }
});

Deno.test("preset options: fetch and proxy/TLS options together are refused", () => {
  let caught: unknown;
  try {
    createClient({ apiKey: "k", baseURL, fetch: (i, init) => fetch(i, init), caCerts: [] });
  } catch (error) {
    caught = error;
  }
  assert(caught instanceof Error && /either `fetch`/.test(caught.message), String(caught));
});
