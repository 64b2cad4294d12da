import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";

import {
  currentUserV20251028,
  currentUserV20260121,
} from "../../schemas/src/fixtures.test-support";

// The shared test data of the schemas package (one copy for every package's tests).
export { currentUserV20251028, currentUserV20260121 };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestApi {
  server: http.Server;
  /** `http://127.0.0.1:<port>/api/v1` */
  baseURL: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections the server accepted. */
  connections: () => number;
  close: () => Promise<void>;
}

async function listen(server: net.Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/** A mock `GET /api/v1/auth/me` on 127.0.0.1 that answers by `X-Phala-Version`. */
export async function startTestApi(): Promise<TestApi> {
  const requests: RecordedRequest[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    if (req.url !== "/api/v1/auth/me") {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: "Not Found" }));
      return;
    }
    const body =
      req.headers["x-phala-version"] === "2025-10-28"
        ? currentUserV20251028()
        : currentUserV20260121();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  server.on("connection", () => {
    connections++;
  });
  // undici closes an idle socket 2 s before the server's keep-alive hint (5 s by
  // default): the connection counts must not hang on a 3 s timer. The first
  // validation of a test file loads the zod schemas (lazily, since they left the
  // import), which a loaded machine can stretch to seconds between two calls.
  server.keepAliveTimeout = 60_000;
  const port = await listen(server);
  return {
    server,
    port,
    baseURL: `http://127.0.0.1:${port}/api/v1`,
    requests,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ProxyRecord {
  /** `CONNECT` (tunnel) or the method of an absolute-form request. */
  method: string;
  /** `host:port` for CONNECT, the absolute URL otherwise. */
  target: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestProxy {
  url: string;
  port: number;
  seen: ProxyRecord[];
  close: () => Promise<void>;
}

/** An HTTP proxy on 127.0.0.1: CONNECT tunnels and absolute-form forwarding, both recorded. */
export async function startTestProxy(): Promise<TestProxy> {
  const seen: ProxyRecord[] = [];
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const target = req.url ?? "";
    seen.push({ method: req.method ?? "", target, headers: req.headers });
    if (!/^http:\/\//.test(target)) {
      res.writeHead(400).end("absolute-form request expected");
      return;
    }
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, connection: "close" } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = req.url ?? "";
    seen.push({ method: "CONNECT", target, headers: req.headers });
    const separator = target.lastIndexOf(":");
    const upstream = net.connect(Number(target.slice(separator + 1)), target.slice(0, separator));
    tunnels.add(client).add(upstream);
    const forget = () => {
      tunnels.delete(client);
      tunnels.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", forget).on("close", forget);
    upstream.on("error", forget).on("close", forget);
    upstream.on("connect", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: async () => {
      // Upgraded (CONNECT) sockets leave the server's bookkeeping: destroy them here.
      for (const socket of tunnels) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const PROXY_VARIABLES = [
  "HTTPS_PROXY",
  "https_proxy",
  "HTTP_PROXY",
  "http_proxy",
  "NO_PROXY",
  "no_proxy",
] as const;
