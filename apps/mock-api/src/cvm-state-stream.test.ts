import { afterEach, describe, expect, it } from "vitest";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";

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

async function stream(path: string, init: RequestInit = {}) {
  mock ??= await startMockApi();
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
    const response = await stream(`/cvms/${running.id}/state?target=running&interval=0.01`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-phala-version")).toBe("2026-01-21");
    const events = parseEvents(await response.text());
    expect(events.map((e) => e.event)).toEqual(["state", "complete"]);
    expect(events[0]!.data).toMatchObject({ id: running.id, status: "running" });
    expect(events[1]!.data).toMatchObject({ status: "running", target: "running" });
  });

  it("sends state events every interval until the status changes, then complete", async () => {
    mock = await startMockApi();
    const cvm = mock.state.cvms.get(stopped.id)!;
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=0.02`);
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
    const response = await stream(
      `/cvms/${stopped.id}/state?target=running&interval=0.02&timeout=0.1`,
    );
    const events = parseEvents(await response.text());
    const last = events.at(-1)!;
    expect(last.event).toBe("timeout");
    expect(last.data).toMatchObject({ target: "running" });
    expect(last.data.elapsed).toBeGreaterThanOrEqual(0.1);
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
    const invalid = await stream(`/cvms/${running.id}/state?interval=abc&timeout=700`);
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.detail.map((d: { loc: string[] }) => d.loc)).toEqual([
      ["query", "target"],
      ["query", "interval"],
      ["query", "timeout"],
    ]);
  });

  it("leaves no timer behind when the client disconnects", async () => {
    const before = liveTimers();
    const controller = new AbortController();
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=0.05`, {
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
    const response = await stream(`/cvms/${stopped.id}/state?target=running&interval=0.05`);
    const reader = response.body!.getReader();
    await reader.read();
    await mock!.close();
    mock = undefined;
    await reader.read().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(liveTimers()).toBeLessThanOrEqual(before);
  });
});
