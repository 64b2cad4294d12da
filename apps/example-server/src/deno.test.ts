// The Deno entry in the Deno binary: dist/deno.js (esbuild, Deno export
// conditions, everything bundled but `node:` built-ins) run with
// `deno run --allow-net --allow-env --allow-read`. Deno gets its own DENO_DIR in
// a temp folder; every server is killed after its test.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningMockApi, startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Captured,
  capture,
  childEnv,
  DIST,
  denoBinary,
  expectSecretAbsent,
  type RunningServer,
  spawnServer,
} from "./test-support";
import type { AccountResponse, CvmListResponse } from "./view";

const TIMEOUT_MS = 60_000;

let mock: RunningMockApi;
let denoDir: string;
const servers: RunningServer[] = [];

beforeAll(async () => {
  mock = await startMockApi();
  denoDir = mkdtempSync(join(tmpdir(), "phala-example-server-deno-"));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop(0)));
  await mock?.close();
  if (denoDir) rmSync(denoDir, { recursive: true, force: true });
});

async function startDeno(env: Record<string, string>): Promise<RunningServer> {
  const server = await spawnServer(
    denoBinary(),
    ["run", "--allow-net", "--allow-env", "--allow-read", "--no-check", "--quiet", DIST.deno],
    childEnv({
      HOME: denoDir,
      DENO_DIR: join(denoDir, "cache"),
      DENO_NO_UPDATE_CHECK: "1",
      PORT: "0",
      ...env,
    }),
    TIMEOUT_MS,
  );
  servers.push(server);
  return server;
}

describe("deno > dist/deno.js", () => {
  it(
    "serves every route against the Node-started mock given as PHALA_CLOUD_API_PREFIX",
    async () => {
      const key = "phak_deno_secret_13579bdf2468ace0";
      const server = await startDeno({
        PHALA_CLOUD_API_PREFIX: mock.url,
        PHALA_CLOUD_API_KEY: key,
      });
      const seen: Captured[] = [];
      const get = async (path: string) => {
        const res = await capture(await fetch(`${server.url}${path}`));
        seen.push(res);
        return res;
      };

      const list = await get("/api/cvms");
      expect(list.status).toBe(200);
      const body = JSON.parse(list.text) as CvmListResponse;
      expect(body.cvms.map((cvm) => cvm.name)).toContain("cvm-abc123");
      expect(body.total).toBe(body.cvms.length);

      expect((await get("/api/cvms/cvm-abc123")).status).toBe(200);
      const missing = await get("/api/cvms/no-such-cvm");
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.text).error.name).toBe("NotFoundError");
      const me = await get("/api/me");
      expect((JSON.parse(me.text) as AccountResponse).workspace.name).toBe("Acme Research");
      const page = await get("/");
      expect(page.status).toBe(200);
      expect(page.text).toContain(">cvm-abc123</a>");

      expectSecretAbsent(seen, key);
      await server.stop();
    },
    TIMEOUT_MS + 10_000,
  );

  it(
    "with nothing configured, starts the mock API inside Deno and serves it",
    async () => {
      const server = await startDeno({});
      expect(server.output()).toContain("mock API started in process");
      const res = await fetch(`${server.url}/api/cvms`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as CvmListResponse;
      expect(body.cvms.map((cvm) => cvm.name)).toContain("cvm-abc123");
      expect(await server.stop()).toBe(0);
    },
    TIMEOUT_MS + 10_000,
  );
});
