/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteCvm, getCurrentUser, getCvmInfo } from "./actions";
import { type ClientConfig, createBaseClient } from "./client";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  InternalServerError,
  PhalaCloudError,
  ResponseTooLargeError,
  ResponseValidationError,
} from "./errors";
import {
  currentUserV20251028,
  currentUserV20260121,
  fakeFetch,
  TEST_API_KEY,
  TEST_BASE_URL,
  trackAbortListeners,
} from "./test-utils";
import type { FetchLike } from "./transport";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
  vi.stubEnv("PHALA_CLOUD_LOG", "off");
  vi.spyOn(Math, "random").mockReturnValue(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function makeClient(fetch: FetchLike, config: ClientConfig<"2026-01-21"> = {}) {
  return createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch, ...config });
}

const HTML = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${"<p>nginx</p>".repeat(200)}</body></html>`;

describe("hostile responses become typed errors with a bounded excerpt", () => {
  it("an HTML error page with 502: InternalServerError with the page's start as excerpt", async () => {
    const fake = fakeFetch({
      status: 502,
      raw: HTML,
      headers: { "content-type": "text/html", "x-request-id": "req_502" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch, { maxRetries: 0 })).catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(error.requestId).toBe("req_502");
    expect(error.bodyExcerpt.startsWith("<!DOCTYPE html><html><head><title>502")).toBe(true);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(512);
    expect(HTML.length).toBeGreaterThan(512);
  });

  it("valid JSON labelled text/plain: ResponseValidationError, the label is not what was asked", async () => {
    const fake = fakeFetch({
      status: 200,
      raw: JSON.stringify(currentUserV20260121()),
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([{ path: "", message: "expected JSON, got text/plain" }]);
  });

  it("an empty 200 body: ResponseValidationError 'empty body'", async () => {
    const fake = fakeFetch({
      status: 200,
      raw: "",
      headers: { "content-type": "application/json", "x-request-id": "req_e" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([{ path: "", message: "empty body" }]);
    expect(error.message).toContain("empty body");
    expect(error.requestId).toBe("req_e");
    expect(error.status).toBe(200);
    expect(fake.calls).toHaveLength(1);
  });

  it("truncated JSON: ResponseValidationError 'invalid JSON' with the parse position", async () => {
    const full = JSON.stringify(currentUserV20260121());
    const cut = full.slice(0, 40);
    const fake = fakeFetch({ raw: cut, headers: { "content-type": "application/json" } });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues[0].message).toMatch(/^invalid JSON: .* at position \d+$/);
    expect(error.issues[0].message).toContain(`at position ${cut.length}`);
    expect(error.bodyExcerpt).toBe(cut);
  });

  it("malformed JSON in the middle reports where it broke", async () => {
    const fake = fakeFetch({
      raw: '{"a": 1,, "b": 2}',
      headers: { "content-type": "application/json" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error.issues[0].message).toMatch(/invalid JSON: .*at position 8/);
  });

  it("a 200 with text/html: ResponseValidationError 'expected JSON, got text/html'", async () => {
    const fake = fakeFetch({
      raw: "<html>login</html>",
      headers: { "content-type": "text/html; charset=utf-8" },
    });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues).toEqual([{ path: "", message: "expected JSON, got text/html" }]);
    expect(error.bodyExcerpt).toBe("<html>login</html>");
  });

  it("a body of the other version (2025-10-28 body for a 2026-01-21 client): ResponseValidationError", async () => {
    const fake = fakeFetch({ body: currentUserV20251028(), headers: { "x-request-id": "req_v" } });
    const error = await getCurrentUser(makeClient(fake.fetch)).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.apiVersion).toBe("2026-01-21");
    expect(error.requestId).toBe("req_v");
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(512);
  });

  it("a non-standard 465 where the action does not accept it: APIError with the status and detail", async () => {
    const detail = { error_code: "ERR-465", message: "Register the compose hash first" };
    const fake = fakeFetch({ status: 465, body: { detail } });
    const error = await getCvmInfo(makeClient(fake.fetch), { id: "cvm_1" }).catch((e) => e);
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(465);
    expect(error.detail).toEqual(detail);
    expect(error.errorCode).toBe("ERR-465");
    expect(fake.calls).toHaveLength(1);
  });

  it("an empty body stays fine for 204 and for actions whose schema accepts none", async () => {
    const fake = fakeFetch({ status: 204, raw: null });
    await expect(deleteCvm(makeClient(fake.fetch), { id: "cvm_1" })).resolves.toBeUndefined();
    const empty200 = fakeFetch({ status: 200, raw: "" });
    await expect(deleteCvm(makeClient(empty200.fetch), { id: "cvm_1" })).resolves.toBeUndefined();
  });
});

describe("response size limit", () => {
  function streamingFetch(chunk: Uint8Array, chunks: number, pulled: { count: number }) {
    return (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled.count++;
            if (pulled.count > chunks) controller.close();
            else controller.enqueue(chunk);
          },
        }),
        { headers: { "content-type": "application/json" } },
      )) as FetchLike;
  }

  it("stops reading at maxResponseBytes and throws ResponseTooLargeError without reading the rest", async () => {
    const pulled = { count: 0 };
    const chunk = new Uint8Array(1024).fill(0x20);
    const client = makeClient(streamingFetch(chunk, 10_000, pulled), {
      maxResponseBytes: 8 * 1024,
    });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error.limit).toBe(8 * 1024);
    expect(error.status).toBe(200);
    expect(pulled.count).toBeLessThan(20);
  });

  it("a per-call maxResponseBytes overrides the client's; a declared Content-Length over it fails before reading", async () => {
    const big = JSON.stringify({ pad: "x".repeat(5000) });
    const fake = fakeFetch({
      raw: big,
      headers: { "content-type": "application/json", "content-length": String(big.length) },
    });
    const error = await getCurrentUser(makeClient(fake.fetch), {}, { maxResponseBytes: 100 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.limit).toBe(100);
    expect(fake.calls).toHaveLength(1);
  });

  it("the default limit is 10 MiB and a body under it is read", async () => {
    const fake = fakeFetch({ body: currentUserV20260121() });
    const user = await getCurrentUser(makeClient(fake.fetch), {}, { maxResponseBytes: 100_000 });
    expect(user.user.username).toBe("alice");
    const { DEFAULT_MAX_RESPONSE_BYTES } = await import("./transport");
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
  });
});

describe("reading the body", () => {
  /**
   * A body that sends `chunks`, then neither ends nor errors. `state.waiting`
   * turns true once the reader has taken the chunks and waits for more;
   * `state.cancelled` records the cancel.
   */
  function stalledBody(
    chunks: Uint8Array[],
    state: { waiting: boolean; cancelled: number; reason?: unknown },
  ) {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[sent++];
        if (chunk) controller.enqueue(chunk);
        else state.waiting = true;
      },
      cancel(reason) {
        state.cancelled++;
        state.reason = reason;
      },
    });
  }

  it("a character split between chunks is decoded whole", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "é€😀 café" }));
    // Cut inside the 2-, 3- and 4-byte sequences.
    const cuts = [11, 13, 16, 19, bytes.length];
    const chunks = cuts.map((end, i) => bytes.slice(i === 0 ? 0 : cuts[i - 1], end));
    const client = makeClient(
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const chunk of chunks) controller.enqueue(chunk);
              controller.close();
            },
          }),
          { headers: { "content-type": "application/json" } },
        ),
    );
    await expect(client.request({ path: "/x" })).resolves.toEqual({ name: "é€😀 café" });
  });

  it("a byte sequence that is not UTF-8 becomes U+FFFD, as a streaming decode gives it", async () => {
    const bytes = Uint8Array.of(0x22, 0x61, 0xc3, 0x22);
    const client = makeClient(
      async () => new Response(bytes, { headers: { "content-type": "application/json" } }),
    );
    await expect(client.request({ path: "/x" })).resolves.toBe("a\ufffd");
  });

  it("a caller's abort ends a stalled body read at once and cancels the body", async () => {
    const body = { waiting: false, cancelled: 0 } as {
      waiting: boolean;
      cancelled: number;
      reason?: unknown;
    };
    const controller = new AbortController();
    const tracker = trackAbortListeners(controller.signal);
    const client = makeClient(
      async () =>
        new Response(stalledBody([new TextEncoder().encode('{"user": ')], body), {
          headers: { "content-type": "application/json" },
        }),
    );
    const pending = getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(body.waiting).toBe(true));
    const reason = new Error("stop");
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error.cause).toBe(reason);
    expect(body.cancelled).toBeGreaterThanOrEqual(1);
    expect(body.reason).toBe(reason);
    expect(tracker.live).toBe(0);
  });

  it("the attempt's timeout ends a stalled body read and cancels the body", async () => {
    const body = { waiting: false, cancelled: 0 };
    const client = makeClient(
      async () =>
        new Response(stalledBody([new TextEncoder().encode("{")], body), {
          headers: { "content-type": "application/json" },
        }),
      { timeout: 30, maxRetries: 0 },
    );
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.timeout).toBe(30);
    expect(body.waiting).toBe(true);
    expect(body.cancelled).toBeGreaterThanOrEqual(1);
  });

  it("a declared Content-Length does not replace the count: a longer body is still cut at the limit", async () => {
    const pulled = { count: 0 };
    const chunk = new Uint8Array(1024).fill(0x20);
    const client = makeClient(
      async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              pulled.count++;
              controller.enqueue(chunk);
            },
          }),
          // Says 10 bytes; sends without end.
          { headers: { "content-type": "application/json", "content-length": "10" } },
        ),
      { maxResponseBytes: 4 * 1024 },
    );
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(pulled.count).toBeLessThan(10);
  });
});

// --- Real sockets ------------------------------------------------------------

const servers: Server[] = [];
async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/api/v1`, requests: () => requests };
}

/**
 * Resolves true when `promise` settles before a timer set now can run: the call
 * ended on the abort's own turn of the event loop, without waiting on I/O or time.
 */
function settlesBeforeTheNextTimer(promise: Promise<unknown>): Promise<boolean> {
  let timerRan = false;
  setTimeout(() => {
    timerRan = true;
  }, 0);
  return promise.then(() => !timerRan);
}

describe("hostile servers (real sockets)", () => {
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  });

  it("a connection reset mid-body: APIConnectionError, retried for GET", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"user": {"username": "al');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: server.baseURL });
    const error = await getCurrentUser(client).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests()).toBe(3);
  });

  it("a connection reset mid-body of a POST is not retried", async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"ok": tr');
      setTimeout(() => res.socket?.destroy(), 5);
    });
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: server.baseURL });
    const error = await client.request({ method: "POST", path: "/x", body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests()).toBe(1);
  });

  it("a server that never answers: APIConnectionTimeoutError after each attempt's timeout", async () => {
    const server = await startServer(() => {});
    // 400 ms: long enough for a loaded machine to deliver each attempt to the server.
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: server.baseURL,
      timeout: 400,
    });
    const started = performance.now();
    const error = await getCurrentUser(client, {}, { maxRetries: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.timeout).toBe(400);
    expect(performance.now() - started).toBeGreaterThanOrEqual(795);
    expect(server.requests()).toBe(2);
  });

  it("an abort during the body read ends the call within 50 ms and cancels the read", async () => {
    let closed = false;
    const server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"user": ');
      res.on("close", () => {
        closed = true;
      });
    });
    const controller = new AbortController();
    const client = createBaseClient({ apiKey: TEST_API_KEY, baseURL: server.baseURL });
    const pending = getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(server.requests()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const settled = settlesBeforeTheNextTimer(pending);
    controller.abort();
    const error = await pending;
    // Within 50 ms on any machine: the call settles on microtasks alone, before a
    // timer set at the abort can run (a wall-clock bound fails on a loaded machine).
    expect(await settled).toBe(true);
    expect(error).toBeInstanceOf(APIUserAbortError);
    await vi.waitFor(() => expect(closed).toBe(true));
    expect(server.requests()).toBe(1);
  });
});

describe("abort with a fetch that ignores its signal", () => {
  it("still ends the call within 50 ms, and fetch was given an aborted signal", async () => {
    let signal: AbortSignal | undefined;
    const client = makeClient((_url, init) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => {});
    });
    const controller = new AbortController();
    const pending = getCurrentUser(client, {}, { signal: controller.signal }).catch((e) => e);
    await vi.waitFor(() => expect(signal).toBeDefined());
    const settled = settlesBeforeTheNextTimer(pending);
    controller.abort();
    const error = await pending;
    // Within 50 ms on any machine: the call settles on microtasks alone, before a
    // timer set at the abort can run (a wall-clock bound fails on a loaded machine).
    expect(await settled).toBe(true);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(signal?.aborted).toBe(true);
  });
});
