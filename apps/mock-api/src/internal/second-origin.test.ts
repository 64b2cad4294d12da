import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KeyTrap, startKeyTrap } from "./second-origin";

describe("startKeyTrap", () => {
  let trap: KeyTrap;
  beforeAll(async () => {
    trap = await startKeyTrap();
  });
  afterAll(() => trap.close());

  it("listens on another loopback origin and answers 200 {}", async () => {
    expect(trap.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${trap.url}/anything?x=1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect(trap.received.at(-1)).toEqual({ method: "GET", url: "/anything?x=1" });
  });

  it("records every key it is sent, bodies or not", async () => {
    await fetch(`${trap.url}/api/v1/cvms`, {
      method: "POST",
      headers: { "X-API-Key": "phak_secret", "content-type": "application/json" },
      body: JSON.stringify({ name: "x" }),
    });
    await fetch(`${trap.url}/api/v1/auth/me`, { headers: { Authorization: "Bearer t" } });
    expect(trap.received.slice(-2)).toEqual([
      { method: "POST", url: "/api/v1/cvms", apiKey: "phak_secret" },
      { method: "GET", url: "/api/v1/auth/me", authorization: "Bearer t" },
    ]);
  });

  it("closes promptly, keep-alive connections included, and twice safely", async () => {
    const other = await startKeyTrap();
    await (await fetch(`${other.url}/`)).text();
    const started = performance.now();
    await other.close();
    await other.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    await expect(fetch(`${other.url}/`)).rejects.toThrow(TypeError);
  });
});
