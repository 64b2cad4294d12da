import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import * as undici from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { requestFetch } from "./request-fetch";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server on 127.0.0.1 answering with `handler`, and a fetch on a pool of its own. */
async function serve(handler: Handler) {
  const seen: http.IncomingHttpHeaders[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  server.on("connection", () => {
    connections++;
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const agent = new undici.Agent({ keepAliveTimeout: 60_000 });
  cleanups.push(async () => {
    await agent.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, seen, connections: () => connections, fetch: requestFetch(undici, agent) };
}

/** What the SDK's transport passes. */
const sdkInit = (init: RequestInit = {}): RequestInit => ({
  method: "GET",
  headers: { accept: "application/json" },
  redirect: "manual",
  ...init,
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("requestFetch: the SDK's requests through undici.request", () => {
  it("sends the method, headers and body, and answers with status, headers, URL and body", async () => {
    let received = "";
    const api = await serve((req, res) => {
      req.setEncoding("utf8");
      req.on("data", (chunk) => {
        received += chunk;
      });
      req.on("end", () => {
        res.setHeader("set-cookie", ["a=1", "b=2"]);
        res.writeHead(201, "Made", { "content-type": "application/json", "x-request-id": "r-1" });
        res.end(`{"method":"${req.method}"}`);
      });
    });
    const response = await api.fetch(
      `${api.url}cvms`,
      sdkInit({
        method: "POST",
        body: '{"name":"n"}',
        headers: { "content-type": "application/json", "x-api-key": "k" },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.statusText).toBe("Made");
    expect(response.ok).toBe(true);
    expect(response.url).toBe(`${api.url}cvms`);
    expect(response.headers.get("x-request-id")).toBe("r-1");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ method: "POST" });
    expect(received).toBe('{"name":"n"}');
    expect(api.seen[0]?.["x-api-key"]).toBe("k");
    expect(api.seen[0]?.["content-length"]).toBe("12");
  });

  it("asks for compressed bodies as fetch does, and decodes gzip, deflate (wrapped or raw) and br", async () => {
    const text = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i })) });
    const encoders: Record<string, (b: Buffer) => Buffer> = {
      gzip: gzipSync,
      "x-gzip": gzipSync,
      deflate: deflateSync,
      br: brotliCompressSync,
      // Applied in order: gzip first, then br; decoded in reverse.
      "gzip, br": (b) => brotliCompressSync(gzipSync(b)),
    };
    const api = await serve((req, res) => {
      const coding = String(req.headers["x-coding"]);
      const raw = coding === "raw-deflate";
      const encoded = raw
        ? deflateRawSync(Buffer.from(text))
        : (encoders[coding] as (b: Buffer) => Buffer)(Buffer.from(text));
      res.writeHead(200, { "content-encoding": raw ? "deflate" : coding });
      res.end(encoded);
    });
    for (const coding of [...Object.keys(encoders), "raw-deflate"]) {
      const response = await api.fetch(api.url, sdkInit({ headers: { "x-coding": coding } }));
      expect(await response.text(), coding).toBe(text);
    }
    expect(api.seen[0]?.["accept-encoding"]).toBe("gzip, deflate, br");
  });

  it("keeps a caller's accept-encoding, and leaves an unknown coding as sent", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "zz-unknown" });
      res.end("as sent");
    });
    const response = await api.fetch(
      api.url,
      sdkInit({ headers: { "Accept-Encoding": "identity" } }),
    );
    expect(await response.text()).toBe("as sent");
    expect(api.seen[0]?.["accept-encoding"]).toBe("identity");
  });

  it("a broken gzip body fails the read instead of hanging or returning bytes", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end("this is not gzip");
    });
    const response = await api.fetch(api.url, sdkInit());
    await expect(response.text()).rejects.toThrow();
  });

  it("204, 304 and HEAD answer with no body; the socket is reused after 204 and 304", async () => {
    const api = await serve((req, res) => {
      const status = Number(req.url?.slice(1)) || 200;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(status === 200 ? '{"ok":true}' : undefined);
    });
    for (const [path, method] of [
      ["204", "DELETE"],
      ["304", "GET"],
      ["200", "GET"],
      // undici closes the socket after a HEAD (a server may send a body anyway): last.
      ["200", "HEAD"],
    ] as const) {
      const response = await api.fetch(`${api.url}${path}`, sdkInit({ method }));
      if (method === "GET" && path === "200") {
        expect(api.connections()).toBe(1);
        expect(await response.json()).toEqual({ ok: true });
      } else {
        expect(response.body, `${method} ${path}`).toBeNull();
        expect(await response.text()).toBe("");
      }
      await turn();
    }
  });

  it("a status outside 200-599 fails with a clear error", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(600);
      res.end("?");
    });
    await expect(api.fetch(api.url, sdkInit())).rejects.toThrow(
      "The server answered with HTTP status 600, outside 200-599",
    );
  });

  it("an abort before the answer rejects; one during the body fails the read", async () => {
    let release: () => void = () => {};
    const api = await serve((req, res) => {
      if (req.url === "/slow-head") {
        release = () => res.end("late");
        return;
      }
      res.writeHead(200);
      res.write("first part ");
    });
    const early = new AbortController();
    const pending = api.fetch(`${api.url}slow-head`, sdkInit({ signal: early.signal }));
    early.abort(new Error("stop"));
    await expect(pending).rejects.toThrow();
    release();

    const late = new AbortController();
    const response = await api.fetch(api.url, sdkInit({ signal: late.signal }));
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first part ");
    late.abort(new Error("stop"));
    await expect(reader.read()).rejects.toThrow();
  });

  it("cancelling the body ends the request; the pool still serves the next one", async () => {
    let n = 0;
    const api = await serve((_req, res) => {
      n++;
      res.writeHead(200);
      if (n === 1) res.write("never ends");
      else res.end("second");
    });
    const first = await api.fetch(api.url, sdkInit());
    await first.body?.cancel();
    const second = await api.fetch(api.url, sdkInit());
    expect(await second.text()).toBe("second");
  });

  it("anything the SDK does not send goes to undici's fetch (a followed redirect, Headers, a stream body)", async () => {
    const api = await serve((req, res) => {
      if (req.url === "/from") {
        res.writeHead(302, { location: "/to" });
        res.end();
        return;
      }
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => res.end(`${req.url} ${req.headers["x-h"] ?? ""} ${body}`));
    });
    const followed = await api.fetch(`${api.url}from`, { redirect: "follow" });
    expect(followed.redirected).toBe(true);
    expect(await followed.text()).toBe("/to  ");
    const withHeaders = await api.fetch(api.url, sdkInit({ headers: new Headers({ "x-h": "v" }) }));
    expect(await withHeaders.text()).toBe("/ v ");
    const streamed = await api.fetch(
      api.url,
      sdkInit({
        method: "POST",
        body: new Blob(["blob body"]),
      }),
    );
    expect(await streamed.text()).toBe("/  blob body");
    // The SDK's own manual redirect is not followed: the transport decides.
    const manual = await api.fetch(`${api.url}from`, sdkInit());
    expect(manual.status).toBe(302);
    expect(manual.headers.get("location")).toBe("/to");
  });
});
