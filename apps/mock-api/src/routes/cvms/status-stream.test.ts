import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

const key = SEED.apiKeys.demo;
const running = SEED.exampleCvm;
const stopped = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "acme-web-3")!;

let mock: RunningMockApi | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

interface ParsedEvent {
  event: string;
  data: any;
}

function parseEvents(text: string): ParsedEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n");
      return { event, data: JSON.parse(data) };
    });
}

/**
 * One second of the stream's interval and timeout lasts 25 ms here: short, and
 * still long enough that a loaded machine's timer delays do not change how
 * many events a stream sends.
 */
const SECOND_MS = 25;

async function stream(path: string, init: RequestInit = {}) {
  mock ??= await startMockApi({ streamSecondMs: SECOND_MS });
  return fetch(`${mock.url}${path}`, {
    ...init,
    headers: { "X-API-Key": key, Accept: "text/event-stream", ...init.headers },
  });
}

function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((name) => name === "Timeout").length;
}

describe("GET /cvms/{id}/state as an event stream", () => {
  it("completes at once when the CVM already has the target status", async () => {
    const response = await stream(`/cvms/${running.id}/state?target=running`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-phala-version")).toBe("2026-01-21");
    const events = parseEvents(await response.text());
    expect(events.map((e) => e.event)).toEqual(["state", "complete"]);
    expect(events[0]!.data).toMatchObject({ id: running.id, status: "running" });
    expect(events[1]!.data).toMatchObject({ status: "running", target: "running" });
  });

  it("sends state events every interval until the status changes, then complete", async () => {
    mock = await startMockApi({ streamSecondMs: SECOND_MS });
    const cvm = mock.state.cvms.get(stopped.id)!;
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=5`);
    // The status changes once two intervals have been reported, whatever the machine's speed.
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (
        cvm.status !== "running" &&
        parseEvents(text.slice(0, text.lastIndexOf("\n\n") + 2)).length >= 2
      ) {
        cvm.status = "running";
      }
    }
    const events = parseEvents(text);
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.slice(0, 2)).toMatchObject([
      { event: "state", data: { status: "stopped" } },
      { event: "state", data: { status: "stopped" } },
    ]);
    expect(events.at(-1)).toMatchObject({ event: "complete", data: { status: "running" } });
    expect(events.at(-2)).toMatchObject({ event: "state", data: { status: "running" } });
  });

  it("ends with a timeout event when the timeout passes first", async () => {
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=5&timeout=10`);
    const events = parseEvents(await response.text());
    const last = events.at(-1)!;
    expect(last.event).toBe("timeout");
    expect(last.data).toMatchObject({ target: "running" });
    expect(last.data.elapsed).toBeGreaterThanOrEqual(10);
    // A state at 0, 5 and 10 seconds.
    expect(events.filter((e) => e.event === "state")).toHaveLength(3);
    expect(events.slice(0, -1).every((e) => e.event === "state")).toBe(true);
  });

  it("answers 404, 401 and 422 as JSON before streaming", async () => {
    const missing = await stream("/cvms/no-such-cvm/state?target=running");
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail.error_code).toBe("ERR-03-001");
    const noKey = await stream(`/cvms/${running.id}/state?target=running`, {
      headers: { "X-API-Key": "" },
    });
    expect(noKey.status).toBe(401);
    const invalid = await stream(
      `/cvms/${running.id}/state?target=running&interval=abc&timeout=700`,
    );
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.detail.map((d: { type: string; loc: string[] }) => [d.type, d.loc])).toEqual([
      ["int_parsing", ["query", "interval"]],
      ["less_than_equal", ["query", "timeout"]],
    ]);
  });

  it("takes interval 5 to 30 and timeout 10 to 600, whole seconds, else 422", async () => {
    const rejected = async (query: string) => {
      const response = await stream(`/cvms/${running.id}/state?target=running&${query}`);
      expect(response.status, query).toBe(422);
      return (await response.json()).detail.map((d: { type: string }) => d.type);
    };
    expect(await rejected("interval=4")).toEqual(["greater_than_equal"]);
    expect(await rejected("interval=31")).toEqual(["less_than_equal"]);
    expect(await rejected("interval=0.02")).toEqual(["int_parsing"]);
    expect(await rejected("timeout=9")).toEqual(["greater_than_equal"]);
    expect(await rejected("timeout=601")).toEqual(["less_than_equal"]);
    for (const query of ["interval=5&timeout=10", "interval=30&timeout=600"]) {
      const response = await stream(`/cvms/${running.id}/state?target=running&${query}`);
      expect(response.status, query).toBe(200);
      await response.text();
    }
  });

  it("without a target answers the state once, as JSON", async () => {
    const response = await stream(`/cvms/${running.id}/state`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ name: running.name, status: "running" });
    const invalid = await stream(`/cvms/${running.id}/state?interval=1`);
    expect(invalid.status).toBe(422);
  });

  it("allows 5 streams per user at a time: a 6th is a 429 until one ends", async () => {
    const controllers: AbortController[] = [];
    const open = async () => {
      const controller = new AbortController();
      const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=30`, {
        signal: controller.signal,
      });
      controllers.push(controller);
      return response;
    };
    try {
      for (let i = 0; i < 5; i++) {
        const response = await open();
        expect(response.status).toBe(200);
        await response.body!.getReader().read();
      }
      const sixth = await open();
      expect(sixth.status).toBe(429);
      expect(sixth.headers.get("content-type")).toMatch(/^application\/json/);
      expect(sixth.headers.get("retry-after")).toBe("5");
      const body = await sixth.json();
      expect(body.detail.message).toContain("at most 5");
      expect(body.detail).not.toHaveProperty("error_code");
      expect(body.detail.details).toEqual([
        { field: "concurrent_streams", value: 5, message: null },
      ]);
      // Another user has streams of their own.
      const carol = SEED.otherWorkspaceCvms[0]!;
      const other = await stream(`/cvms/${carol.id}/state?target=${carol.status}`, {
        headers: { "X-API-Key": SEED.apiKeys.otherWorkspace },
      });
      expect(other.status).toBe(200);
      await other.text();
      // Closing one frees a place.
      controllers[0]!.abort();
      let again = await open();
      for (let tries = 0; again.status === 429 && tries < 50; tries++) {
        await again.text();
        await new Promise((resolve) => setTimeout(resolve, 10));
        again = await open();
      }
      expect(again.status).toBe(200);
    } finally {
      for (const controller of controllers) controller.abort();
    }
  });

  it("leaves no timer behind when the client disconnects", async () => {
    const before = liveTimers();
    const controller = new AbortController();
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=10`, {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(liveTimers()).toBeLessThanOrEqual(before);
  });

  it("leaves no timer behind when the server closes mid-stream", async () => {
    const before = liveTimers();
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=10`);
    const reader = response.body!.getReader();
    await reader.read();
    await mock!.close();
    mock = undefined;
    await reader.read().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(liveTimers()).toBeLessThanOrEqual(before);
  });
});
