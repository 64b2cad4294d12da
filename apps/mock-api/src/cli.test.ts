import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CliUsageError, parseCliArgs } from "./cli-args";
import { getJson } from "./internal/test-support";
import { SEED } from "./seed";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

describe("parseCliArgs", () => {
  it("defaults to 127.0.0.1:4010", () => {
    expect(parseCliArgs([])).toEqual({ port: 4010, host: "127.0.0.1", help: false });
  });

  it("reads --port and --host, spaced or with =, and skips pnpm's bare --", () => {
    expect(parseCliArgs(["--", "--port", "0", "--host=::1"])).toEqual({
      port: 0,
      host: "::1",
      help: false,
    });
    expect(parseCliArgs(["--port=5000", "--host", "0.0.0.0"])).toMatchObject({
      port: 5000,
      host: "0.0.0.0",
    });
  });

  it("rejects bad input", () => {
    expect(() => parseCliArgs(["--port", "http"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--port", "70000"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--port"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--verbose"])).toThrow(CliUsageError);
  });
});

/** Runs the built CLI; resolves with its first stdout line naming the URL. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    exited.then(() => reject(new Error(`CLI exited before listening:\n${output}`)));
  });
  return { child, url, exited, output: () => output };
}

describe("CLI (dist/cli.js)", () => {
  it("needs the build", () => {
    expect(existsSync(CLI), "run `pnpm --filter @phala/cloud-mock-api build` first").toBe(true);
  });

  it("starts, answers with the demo key and exits cleanly on SIGTERM", async () => {
    const cli = startCli(["--", "--port", "0"]);
    try {
      const url = await cli.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
      expect(url).not.toMatch(/:0\//);

      const me = await getJson(url, "/auth/me", { apiKey: SEED.apiKeys.demo });
      expect(me.status).toBe(200);
      expect(me.body.user.username).toBe("alice");

      cli.child.kill("SIGTERM");
      expect(await cli.exited).toEqual({ code: 0, signal: null });
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("exits cleanly on SIGINT too", async () => {
    const cli = startCli(["--port", "0"]);
    try {
      await cli.url;
      cli.child.kill("SIGINT");
      expect(await cli.exited).toEqual({ code: 0, signal: null });
    } finally {
      cli.child.kill("SIGKILL");
    }
  });

  it("exits with status 2 on a bad argument", async () => {
    const cli = startCli(["--port", "nope"]);
    cli.url.catch(() => {});
    expect(await cli.exited).toEqual({ code: 2, signal: null });
  });
});
