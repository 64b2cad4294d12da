import { describe, expect, it } from "vitest";
import { getJson } from "./internal/test-support";
import { SEED } from "./seed";
import { startMockApi } from "./server";

const countResources = (kind: string) =>
  process.getActiveResourcesInfo().filter((resource) => resource === kind).length;

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

describe("startMockApi / close", () => {
  it("binds loopback on a free port and returns the /api/v1 base URL", async () => {
    const api = await startMockApi();
    try {
      expect(api.url).toBe(`http://127.0.0.1:${api.port}/api/v1`);
      expect(api.port).toBeGreaterThan(0);
    } finally {
      await api.close();
    }
  });

  it("leaves no open handle after closing three servers with live keep-alive sockets", async () => {
    // Handles closed by the earlier tests are released on libuv's next turns.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const serversBefore = countResources("TCPServerWrap");
    const socketsBefore = countResources("TCPSocketWrap");

    const apis = await Promise.all([startMockApi(), startMockApi(), startMockApi()]);
    expect(countResources("TCPServerWrap")).toBe(serversBefore + 3);
    for (const api of apis) {
      // fetch keeps the connection open for reuse; close() must still return promptly.
      expect((await getJson(api.url, "/auth/me", { apiKey: SEED.apiKeys.demo })).status).toBe(200);
    }

    await Promise.all(apis.map((api) => api.close()));
    expect(await waitFor(() => countResources("TCPServerWrap") === serversBefore)).toBe(true);
    expect(await waitFor(() => countResources("TCPSocketWrap") <= socketsBefore)).toBe(true);

    for (const api of apis) {
      await expect(fetch(`${api.url}/auth/me`)).rejects.toThrow();
      // A second close is harmless.
      await api.close();
    }
  });

  it("gives each server its own copy of the model", async () => {
    const [a, b] = await Promise.all([startMockApi(), startMockApi()]);
    try {
      const cvm = a.state.cvms.get(SEED.exampleCvm.id)!;
      cvm.status = "stopped";
      const inA = await getJson(a.url, `/cvms/${cvm.id}`, { apiKey: SEED.apiKeys.demo });
      const inB = await getJson(b.url, `/cvms/${cvm.id}`, { apiKey: SEED.apiKeys.demo });
      expect(inA.body.status).toBe("stopped");
      expect(inB.body.status).toBe("running");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("reports a port already in use", async () => {
    const first = await startMockApi();
    try {
      await expect(startMockApi({ port: first.port })).rejects.toMatchObject({
        code: "EADDRINUSE",
      });
    } finally {
      await first.close();
    }
  });
});
