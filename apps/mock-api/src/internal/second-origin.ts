import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the trap received. */
export interface TrapRequest {
  method: string;
  /** The request target as sent: path and query. */
  url: string;
  /** The `X-API-Key` header, when one was sent. */
  apiKey?: string;
  /** The `Authorization` header, when one was sent. */
  authorization?: string;
}

export interface KeyTrap {
  /** The origin, e.g. `http://127.0.0.1:41234` (no trailing slash, no path). */
  url: string;
  /** Every request received, oldest first. */
  received: TrapRequest[];
  /** Stops listening and drops open connections; safe to call twice. */
  close(): Promise<void>;
}

/**
 * A second loopback origin for redirect faults: answers every request 200 `{}`
 * and records whatever credentials it was sent, so a test can prove that an SDK
 * following (or refusing) a cross-origin redirect never sent it the key.
 */
export async function startKeyTrap(options: { host?: string } = {}): Promise<KeyTrap> {
  const host = options.host ?? "127.0.0.1";
  const received: TrapRequest[] = [];
  const server: Server = createServer((request, response) => {
    const apiKey = request.headers["x-api-key"];
    const authorization = request.headers.authorization;
    received.push({
      method: request.method ?? "GET",
      url: request.url ?? "/",
      ...(apiKey !== undefined
        ? { apiKey: Array.isArray(apiKey) ? apiKey.join(", ") : apiKey }
        : {}),
      ...(authorization !== undefined ? { authorization } : {}),
    });
    // Drain any request body, then answer.
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "2" });
      response.end("{}");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    received,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
