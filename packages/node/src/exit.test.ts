import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { PROXY_VARIABLES, startTestApi, type TestApi } from "./test-utils";

// The built package, as a user's script loads it: build first (turbo runs this test after build).
const dist = fileURLToPath(new URL("../dist/", import.meta.url));

const scripts = {
  esm: (entry: string) => `
import { createClient } from ${JSON.stringify(pathToFileURL(entry).href)};
const client = createClient({ apiKey: "phak_exit_test", baseURL: process.argv[2] });
for (let i = 0; i < 3; i++) await client.getCurrentUser();
console.log("done");
`,
  cjs: (entry: string) => `
const { createClient } = require(${JSON.stringify(entry)});
(async () => {
  const client = createClient({ apiKey: "phak_exit_test", baseURL: process.argv[2] });
  for (let i = 0; i < 3; i++) await client.getCurrentUser();
  console.log("done");
})();
`,
};

let server: TestApi | undefined;
let scratch: string | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("a script using the built package", () => {
  it.each([
    ["esm", "index.js", "script.mjs"],
    ["cjs", "index.cjs", "script.cjs"],
  ] as const)(
    "exits promptly after its last call (%s), without closing the client",
    async (format, file, scriptName) => {
      const entry = join(dist, file);
      if (!existsSync(entry)) {
        throw new Error(`${entry} is missing: run \`pnpm --filter @phala/cloud-node build\` first`);
      }
      server = await startTestApi();
      // The server would keep an idle connection for a minute: only the client's
      // own unref'd idle sockets can let the child exit early.
      server.server.keepAliveTimeout = 60_000;
      scratch = mkdtempSync(join(tmpdir(), "phala-cloud-node-exit-"));
      const script = join(scratch, scriptName);
      writeFileSync(script, scripts[format](entry));

      const env = { ...process.env };
      for (const name of PROXY_VARIABLES) delete env[name];
      delete env.NODE_OPTIONS;
      const child = spawn(process.execPath, [script, server.baseURL], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      let lastCallAt: number | undefined;
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("done")) lastCallAt ??= performance.now();
      });
      const [code] = await once(child, "exit");
      const exitedAt = performance.now();

      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(lastCallAt).toBeDefined();
      expect(server.requests).toHaveLength(3);
      expect(server.connections()).toBe(1);
      // The socket stayed open (the server keeps it 60 s), yet the child exited:
      // well before that minute, however loaded the machine (not a speed test).
      expect(exitedAt - (lastCallAt ?? 0)).toBeLessThan(30_000);
    },
    45_000,
  );
});
