import { describe, expect, it } from "vitest";
import type { ObservedExchange } from "./app";
import { createMockApp } from "./app";
import { SEED } from "./seed";
import { startMockApi } from "./server";

const key = SEED.apiKeys.demo;

describe("onResponse (test hook)", () => {
  it("sees a copy of each answer, errors included, while the client still reads the body", async () => {
    const seen: ObservedExchange[] = [];
    const api = await startMockApi({ onResponse: (exchange) => seen.push(exchange) });
    try {
      const me = await fetch(`${api.url}/auth/me`, { headers: { "X-API-Key": key } });
      const body = await me.json();
      const missing = await fetch(`${api.url}/cvms/no-such-cvm`, { headers: { "X-API-Key": key } });
      await missing.text();
      expect(seen.map((e) => [e.method, new URL(e.url).pathname, e.status])).toEqual([
        ["GET", "/api/v1/auth/me", 200],
        ["GET", "/api/v1/cvms/no-such-cvm", 404],
      ]);
      expect(JSON.parse(seen[0]!.text)).toEqual(body);
      expect(seen[0]!.headers.get("x-phala-version")).toBe("2026-01-21");
      expect(JSON.parse(seen[1]!.text).detail.error_code).toBe("ERR-03-001");
    } finally {
      await api.close();
    }
  });

  it("reports an event stream with its headers and an empty text, without waiting for its end", async () => {
    const seen: ObservedExchange[] = [];
    const app = createMockApp({ onResponse: (exchange) => seen.push(exchange) });
    const controller = new AbortController();
    const cvm = SEED.mainWorkspaceCvms.find((c) => c.name === "acme-web-3")!;
    const response = await app.request(`/api/v1/cvms/${cvm.id}/state?target=running`, {
      headers: { "X-API-Key": key, Accept: "text/event-stream" },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 200, text: "" });
    expect(seen[0]!.headers.get("content-type")).toContain("text/event-stream");
    controller.abort();
    await response.body?.cancel();
  });

  it("logs a failing hook and still answers", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const app = createMockApp({
        onResponse: () => {
          throw new Error("hook failed");
        },
      });
      const response = await app.request("/api/v1/auth/me", { headers: { "X-API-Key": key } });
      expect(response.status).toBe(200);
      expect((await response.json()).user).toBeDefined();
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
