import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { Agent, EnvHttpProxyAgent, ProxyAgent } from "undici";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createClient } from "./create-client";
import { createNodeFetch } from "./node-fetch";
import {
  currentUserV20260121,
  PROXY_VARIABLES,
  startTestApi,
  startTestProxy,
  type TestApi,
  type TestProxy,
} from "./test-utils";

const API_KEY = "phak_test_0123456789abcdef";
const cleanups: (() => Promise<void>)[] = [];

async function api(): Promise<TestApi> {
  const started = await startTestApi();
  cleanups.push(started.close);
  return started;
}

async function proxy(): Promise<TestProxy> {
  const started = await startTestProxy();
  cleanups.push(started.close);
  return started;
}

/** Listens on 127.0.0.1, closed after the test; returns the API base URL on it. */
async function serve(server: http.Server): Promise<string> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

beforeEach(() => {
  // The machine's own proxy settings must not decide these tests.
  for (const name of PROXY_VARIABLES) vi.stubEnv(name, undefined);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("connection reuse", () => {
  it("100 sequential calls use one connection", async () => {
    const server = await api();
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    for (let i = 0; i < 100; i++) {
      const me = await client.getCurrentUser();
      expect(me.workspace.slug).toBe("acme");
    }
    expect(server.requests).toHaveLength(100);
    expect(server.connections()).toBe(1);
  });

  it("a withVersion client shares the pool: interleaved calls still use one connection", async () => {
    const server = await api();
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    const legacy = client.withVersion("2025-10-28");
    const extended = legacy.extend({ ping: () => "pong" });
    for (let i = 0; i < 50; i++) {
      expect((await client.getCurrentUser()).user.username).toBe("alice");
      expect((await legacy.getCurrentUser()).team_name).toBe("Acme");
      expect((await extended.getCurrentUser()).team_tier).toBe("pro");
    }
    expect(server.requests.map((r) => r.headers["x-phala-version"]).slice(0, 3)).toEqual([
      "2026-01-21",
      "2025-10-28",
      "2025-10-28",
    ]);
    expect(server.requests).toHaveLength(150);
    expect(server.connections()).toBe(1);
  });

  it("two created clients have two pools", async () => {
    const server = await api();
    const a = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    const b = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    await a.getCurrentUser();
    await b.getCurrentUser();
    expect(server.connections()).toBe(2);
  });
});

describe("proxy", () => {
  it("HTTP_PROXY sends a call to 127.0.0.1 through the proxy, as a CONNECT tunnel without the key", async () => {
    const server = await api();
    const relay = await proxy();
    vi.stubEnv("HTTP_PROXY", relay.url);
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });

    const me = await client.getCurrentUser();
    expect(me.user.email).toBe("alice@example.com");
    await client.getCurrentUser();

    // undici tunnels plain-http targets too (proxyTunnel defaults to true): one
    // CONNECT, reused for both calls; the key is inside the tunnel, not a proxy header.
    expect(relay.seen).toEqual([
      expect.objectContaining({ method: "CONNECT", target: `127.0.0.1:${server.port}` }),
    ]);
    expect(JSON.stringify(relay.seen)).not.toContain(API_KEY);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("reads lower-case http_proxy; HTTPS_PROXY alone leaves an http API direct, as curl does", async () => {
    const server = await api();
    const relay = await proxy();
    vi.stubEnv("http_proxy", relay.url);
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    await client.getCurrentUser();
    expect(relay.seen).toHaveLength(1);

    vi.stubEnv("http_proxy", undefined);
    vi.stubEnv("HTTPS_PROXY", relay.url);
    const other = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    await other.getCurrentUser();
    expect(relay.seen).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ["the host", () => "127.0.0.1"],
    ["host:port", (port: number) => `127.0.0.1:${port}`],
    ["a list", (port: number) => `example.com, 127.0.0.1:${port}`],
  ])("NO_PROXY with %s bypasses the proxy", async (_label, noProxy) => {
    const server = await api();
    const relay = await proxy();
    vi.stubEnv("HTTP_PROXY", relay.url);
    vi.stubEnv("NO_PROXY", noProxy(server.port));
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    await client.getCurrentUser();
    expect(relay.seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("NO_PROXY for another port still proxies", async () => {
    const server = await api();
    const relay = await proxy();
    vi.stubEnv("HTTP_PROXY", relay.url);
    vi.stubEnv("no_proxy", `127.0.0.1:${server.port + 1}`);
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL });
    await client.getCurrentUser();
    expect(relay.seen).toHaveLength(1);
  });

  it("proxy: false bypasses HTTP_PROXY", async () => {
    const server = await api();
    const relay = await proxy();
    vi.stubEnv("HTTP_PROXY", relay.url);
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL, proxy: false });
    await client.getCurrentUser();
    expect(relay.seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("an explicit proxy URL is used without any environment variable, and noProxy applies to it", async () => {
    const server = await api();
    const relay = await proxy();
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL, proxy: relay.url });
    await client.getCurrentUser();
    expect(relay.seen).toEqual([
      expect.objectContaining({ method: "CONNECT", target: `127.0.0.1:${server.port}` }),
    ]);

    const bypass = createClient({
      apiKey: API_KEY,
      baseURL: server.baseURL,
      proxy: relay.url,
      noProxy: "127.0.0.1",
    });
    await bypass.getCurrentUser();
    expect(relay.seen).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it("a proxy that forwards absolute-form requests works too (proxyTunnel: false dispatcher)", async () => {
    const server = await api();
    const relay = await proxy();
    const dispatcher = new ProxyAgent({ uri: relay.url, proxyTunnel: false });
    cleanups.push(() => dispatcher.close());
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL, dispatcher });
    await client.getCurrentUser();
    expect(relay.seen).toEqual([
      expect.objectContaining({ method: "GET", target: `${server.baseURL}/auth/me` }),
    ]);
  });
});

describe("createNodeFetch", () => {
  it("picks a plain keep-alive Agent without proxy variables, EnvHttpProxyAgent with one", async () => {
    const plain = createNodeFetch();
    vi.stubEnv("https_proxy", "http://127.0.0.1:9");
    // The variables are read when the fetch is made, not when undici is loaded.
    const proxied = createNodeFetch();
    vi.stubEnv("https_proxy", undefined);
    const disabled = createNodeFetch({ proxy: false });
    const explicit = createNodeFetch({ proxy: "http://127.0.0.1:9" });
    expect(await plain.dispatcher).toBeInstanceOf(Agent);
    expect(await proxied.dispatcher).toBeInstanceOf(EnvHttpProxyAgent);
    expect(await disabled.dispatcher).toBeInstanceOf(Agent);
    expect(await explicit.dispatcher).toBeInstanceOf(EnvHttpProxyAgent);
    await Promise.all([plain, proxied, disabled, explicit].map((f) => f.close()));
  });

  it("one pool per fetch, the same one at every read", async () => {
    const fetch = createNodeFetch();
    const [first, second] = await Promise.all([fetch.dispatcher, fetch.dispatcher]);
    expect(first).toBe(second);
    expect(await fetch.dispatcher).toBe(first);
    await fetch.close();
  });

  it("close() leaves a caller's dispatcher open", async () => {
    const dispatcher = new Agent();
    const fetch = createNodeFetch({ dispatcher });
    expect(await fetch.dispatcher).toBe(dispatcher);
    await fetch.close();
    expect(dispatcher.closed).toBe(false);
    await dispatcher.close();
  });

  it("close() closes the pool it made", async () => {
    const fetch = createNodeFetch({ proxy: false, connections: 2, keepAliveTimeout: 1000 });
    const dispatcher = await fetch.dispatcher;
    expect(dispatcher).toBeInstanceOf(Agent);
    await fetch.close();
    expect((dispatcher as Agent).closed).toBe(true);
  });

  it("close() before the first request opens nothing; a request after it fails", async () => {
    const server = await api();
    const fetch = createNodeFetch({ proxy: false });
    await fetch.close();
    const client = createClient({ apiKey: API_KEY, baseURL: server.baseURL, fetch, maxRetries: 0 });
    await expect(client.getCurrentUser()).rejects.toMatchObject({ name: "APIConnectionError" });
    expect(((await fetch.dispatcher) as Agent).closed).toBe(true);
    expect(server.connections()).toBe(0);
  });

  it("a body past maxResponseBytes is cut off: the socket is closed, the next call works", async () => {
    let bigClosed = false;
    let stopSending = false;
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith("/api/v1/big")) {
        // A body that would never end: only the client's cut-off ends this response.
        res.writeHead(200, { "content-type": "application/json" });
        res.write(`{"items":[${"0,".repeat(4096)}`);
        const timer = setInterval(() => {
          if (stopSending) clearInterval(timer);
          else res.write("0,".repeat(4096));
        }, 5);
        res.on("close", () => {
          bigClosed = true;
          clearInterval(timer);
        });
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(currentUserV20260121()));
    });
    cleanups.push(async () => {
      stopSending = true;
    });
    const baseURL = await serve(server);
    const client = createClient({ apiKey: API_KEY, baseURL, maxResponseBytes: 20_000 });
    await expect(client.request({ path: "/big" })).rejects.toMatchObject({
      name: "ResponseTooLargeError",
    });
    // The client hung up: the server's response is closed, not left streaming.
    await vi.waitFor(() => expect(bigClosed).toBe(true));
    expect((await client.getCurrentUser()).workspace.slug).toBe("acme");
  });

  it("a gzip bomb stops at maxResponseBytes of decoded bytes", async () => {
    // 64 MiB of zeros, about 64 KiB on the wire.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      res.end(bomb);
    });
    const baseURL = await serve(server);
    const client = createClient({ apiKey: API_KEY, baseURL, maxResponseBytes: 1024 * 1024 });
    const before = process.memoryUsage().arrayBuffers;
    await expect(client.request({ path: "/bomb" })).rejects.toMatchObject({
      name: "ResponseTooLargeError",
    });
    // Far less than the 64 MiB the body inflates to was ever held.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });
});
