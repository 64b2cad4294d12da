// Helpers of the runtime tests: run a built entry as a child process, wait until
// it serves, stop it; check that a secret appears in no response.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, inject } from "vitest";

export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** The bundles built for this test run by vitest.global-setup.ts (build.mjs, as `pnpm build`). */
export const DIST = inject("bundles");

/** The real executable shipped by the `deno` npm package (not its node wrapper). */
export function denoBinary(): string {
  const require = createRequire(join(APP_DIR, "package.json"));
  return join(dirname(require.resolve("deno/package.json")), "deno");
}

export interface RunningServer {
  /** Base URL printed by the entry, without the trailing slash. */
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed). */
  stop(graceMs?: number): Promise<number | null>;
}

const LISTENING = /CVM status page on (http:\/\/\S+?)\/ /;

/**
 * Spawns a server entry, waits for its "CVM status page on <url>" line and for
 * `/healthz` to answer, within `timeoutMs`. The child is killed on failure.
 */
export async function spawnServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningServer> {
  const child = spawn(command, args, { cwd: APP_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolveExit) => {
    child.on("exit", (code) => resolveExit(code));
  });
  let done = false;
  void exited.then(() => {
    done = true;
  });

  const stop = async (graceMs = 5_000): Promise<number | null> => {
    if (done) return exited;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const deadline = Date.now() + timeoutMs;
  try {
    let url: string | undefined;
    while (!url) {
      if (done) throw new Error("exited before listening");
      if (Date.now() > deadline) throw new Error(`not listening after ${timeoutMs} ms`);
      url = LISTENING.exec(output)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    for (;;) {
      if (done) throw new Error("exited before answering /healthz");
      if (Date.now() > deadline) throw new Error(`/healthz not answering after ${timeoutMs} ms`);
      const ok = await fetch(`${url}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { url, child, output: () => output, stop };
  } catch (error) {
    await stop(0);
    throw new Error(`${command} ${args.join(" ")}: ${(error as Error).message}\n${output}`);
  }
}

/** A minimal environment for a child: no PHALA_* variable leaks in from the test's own. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...extra };
}

export interface Captured {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export async function capture(response: Response): Promise<Captured> {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text: await response.text(),
  };
}

/** The secret is in no status line, header or body seen. */
export function expectSecretAbsent(responses: readonly Captured[], secret: string): void {
  expect(responses.length).toBeGreaterThan(0);
  for (const response of responses) {
    expect(response.text).not.toContain(secret);
    expect(JSON.stringify(response.headers)).not.toContain(secret);
  }
}
