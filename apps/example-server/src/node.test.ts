// The Node entry as users start it (`pnpm start` = `node dist/node.js`): with
// nothing configured it starts the mock API itself; with a key it uses the given API.
import { type RunningMockApi, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Captured,
  capture,
  childEnv,
  DIST,
  expectSecretAbsent,
  type RunningServer,
  spawnServer,
} from "./test-support";
import type { AccountResponse, CvmListResponse } from "./view";

const servers: RunningServer[] = [];
let mock: RunningMockApi;

beforeAll(async () => {
  mock = await startMockApi();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop(0)));
  await mock?.close();
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const server = await spawnServer(
    process.execPath,
    [DIST.node],
    childEnv({ PORT: "0", ...env }),
    90_000,
  );
  servers.push(server);
  return server;
}

describe("node > dist/node.js", () => {
  it("with no key, serves the status page from the mock it started in process, and stops on SIGTERM", async () => {
    const server = await start({});
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.output()).toContain("mock API started in process");

    const page = await capture(await fetch(`${server.url}/`));
    expect(page.status).toBe(200);
    expect(page.text).toContain(">cvm-abc123</a>");

    const list = await fetch(`${server.url}/api/cvms`);
    expect(list.status).toBe(200);
    const body = (await list.json()) as CvmListResponse;
    expect(body.cvms.map((cvm) => cvm.name)).toContain("cvm-abc123");
    expect(body.total).toBe(body.cvms.length);

    expect((await fetch(`${server.url}/api/cvms/nope`)).status).toBe(404);
    expect(await server.stop()).toBe(0);
  });

  it("with PHALA_CLOUD_API_KEY and PHALA_CLOUD_API_PREFIX, uses that API and never shows the key", async () => {
    const key = "phak_node_entry_secret_0a1b2c3d4e5f";
    const server = await start({ PHALA_CLOUD_API_KEY: key, PHALA_CLOUD_API_PREFIX: mock.url });
    expect(server.output()).not.toContain(key);
    const seen: Captured[] = [];
    for (const path of [
      "/",
      "/api/cvms",
      "/api/me",
      "/api/cvms/cvm-abc123",
      "/api/cvms/nope",
      "/healthz",
    ]) {
      seen.push(await capture(await fetch(`${server.url}${path}`)));
    }
    expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 200]);
    expect((JSON.parse(seen[2]!.text) as AccountResponse).workspace.name).toBe("Acme Research");
    expectSecretAbsent(seen, key);
    expect(await server.stop()).toBe(0);
  });
});
