// Runs the Deno conformance suite (deno/conformance.test.ts) in the real Deno binary
// against the mock API started here, in Node, on 127.0.0.1. It imports the built
// package (dist/index.js): the test task depends on `build`.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBaseClient, createClient, createDenoFetch, PhalaCloudError } from "./index";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const denoBin = join(packageDir, "node_modules", ".bin", "deno");
/** What deno/conformance.test.ts expects in PHALA_CLOUD_API_KEY. */
const ENV_API_KEY = "deno-conformance-env-key";
const DENO_TIMEOUT_MS = 60_000;

interface DenoRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function runDeno(args: string[], env: Record<string, string>): Promise<DenoRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(denoBin, args, {
      cwd: packageDir,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: DENO_TIMEOUT_MS,
      killSignal: "SIGKILL",
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, output }));
  });
}

// Deno colours its report even when piped unless NO_COLOR is set; strip any left.
const plain = (text: string) => stripVTControlCharacters(text);

describe("under Deno (the deno binary, real permissions)", () => {
  let mock: Awaited<ReturnType<typeof startMockApi>>;

  beforeAll(async () => {
    // Only these keys are accepted, so a request without the env key would be a 401.
    mock = await startMockApi({ apiKeys: { [ENV_API_KEY]: undefined, "your-api-key": undefined } });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("the conformance suite passes", { timeout: DENO_TIMEOUT_MS + 10_000 }, async () => {
    expect(existsSync(join(packageDir, "dist", "index.js")), "build first: dist/index.js").toBe(
      true,
    );
    // Deno's caches stay inside the package, never in $HOME.
    const denoDir = join(packageDir, "node_modules", ".cache", "deno");
    mkdirSync(denoDir, { recursive: true });
    const run = await runDeno(
      [
        "test",
        "--allow-net",
        "--allow-read",
        "--allow-env",
        "--no-check",
        "--no-lock",
        "--quiet",
        "deno/conformance.test.ts",
      ],
      {
        PHALA_MOCK_URL: mock.url,
        PHALA_CLOUD_API_KEY: ENV_API_KEY,
        DENO_DIR: denoDir,
        DENO_NO_UPDATE_CHECK: "1",
        NO_COLOR: "1",
      },
    );
    const output = plain(run.output);
    const summary = output.split("\n").filter((line) => /passed|failed|error/i.test(line));
    const report = `deno exited ${run.code ?? run.signal}\n${summary.join("\n")}\n\n${output}`;
    expect(run.code, report).toBe(0);
    // Every Deno.test of the suite ran and passed: none skipped, none filtered out.
    const declared = readFileSync(join(packageDir, "deno", "conformance.test.ts"), "utf8").match(
      /^Deno\.test\(/gm,
    )?.length;
    expect(declared).toBeGreaterThan(0);
    expect(output, report).toContain(`ok | ${declared} passed | 0 failed`);
  });
});

describe("under Node (no Deno namespace)", () => {
  it("imports and builds clients on the global fetch", () => {
    const client = createClient({ apiKey: "k", baseURL: "http://127.0.0.1:1/api/v1" });
    expect(client.version).toBe("2026-01-21");
    expect(typeof client.getCvmInfo).toBe("function");
    expect(createBaseClient({ apiKey: "k" }).version).toBe("2026-01-21");
    const plainFetch = createDenoFetch();
    expect(plainFetch.httpClient).toBeUndefined();
    plainFetch.close();
  });

  it("proxy/TLS options outside Deno are a clear PhalaCloudError", () => {
    expect(() => createDenoFetch({ caCerts: [] })).toThrow(PhalaCloudError);
    expect(() => createClient({ apiKey: "k", proxy: { url: "http://127.0.0.1:3128" } })).toThrow(
      /need Deno \(Deno\.createHttpClient\)/,
    );
  });

  it("a fetch given with proxy/TLS options is refused", () => {
    expect(() => createClient({ apiKey: "k", fetch: globalThis.fetch, caCerts: [] })).toThrow(
      /either `fetch`/,
    );
  });

  it("passes the HttpClient as `client` in every fetch init", async () => {
    const closed: string[] = [];
    const httpClient = { close: () => closed.push("caller") };
    const seen: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (_input: unknown, init?: RequestInit & { client?: unknown }) => {
      seen.push(init?.client);
      return new Response(JSON.stringify({ ok: true }), {
        headers: { "content-type": "application/json" },
      });
    }) as typeof fetch;
    try {
      const client = createClient({
        apiKey: "k",
        baseURL: "http://127.0.0.1:1/api/v1",
        httpClient,
      });
      await client.request({ path: "/a" });
      await client.withVersion("2025-10-28").request({ path: "/b" });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(seen).toEqual([httpClient, httpClient]);
    // The caller's client is the caller's to close.
    createDenoFetch({ httpClient }).close();
    expect(closed).toEqual([]);
  });

  it("close() closes the HttpClient it created, once", () => {
    const closed: string[] = [];
    const g = globalThis as { Deno?: unknown };
    g.Deno = {
      createHttpClient: (options: unknown) => ({
        close: () => closed.push(JSON.stringify(options)),
      }),
    };
    try {
      const denoFetch = createDenoFetch({
        caCerts: ["PEM"],
        proxy: { url: "http://127.0.0.1:3128", basicAuth: { username: "u", password: "p" } },
      });
      denoFetch.close();
      denoFetch.close();
    } finally {
      delete g.Deno;
    }
    expect(closed).toEqual([
      JSON.stringify({
        caCerts: ["PEM"],
        proxy: { url: "http://127.0.0.1:3128", basicAuth: { username: "u", password: "p" } },
      }),
    ]);
  });
});
