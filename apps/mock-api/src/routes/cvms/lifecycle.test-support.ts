// Shared by the tests of the CVM lifecycle routes (provision, power, replicas,
// resources, ...): a fresh mock for each test, with a short transition time and
// a request clock the tests move on.
import { afterEach, beforeEach, expect } from "vitest";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

// Long enough that a loaded CI machine still reads the transitional status
// (`starting`, `stopping`) right after the request that began it.
export const TRANSITION_MS = 2000;
export const key = SEED.apiKeys.demo;
export const running = SEED.exampleCvm; // cvm-abc123, running
export const stopped = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "acme-web-3")!;
export const otherWorkspace = SEED.otherWorkspaceCvms[0]!;

/** The mock of the running test (see `useLifecycleMock`). */
export let api: RunningMockApi;
let clock: number;

/** Starts a fresh mock before each test of the calling file, and closes it after. */
export function useLifecycleMock(): void {
  beforeEach(async () => {
    clock = Date.parse("2026-03-05T10:00:00.000Z");
    api = await startMockApi({ transitionMs: TRANSITION_MS, now: () => new Date(clock) });
  });
  afterEach(() => api.close());
}

/** Moves the mock's request clock on by `ms`. */
export function advanceClock(ms: number): void {
  clock += ms;
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

export async function send(
  method: string,
  path: string,
  body?: unknown,
  options: {
    version?: string;
    apiKey?: string | null;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== null) headers["X-API-Key"] = options.apiKey ?? key;
  if (options.version) headers["X-Phala-Version"] = options.version;
  let payload: string | undefined = options.raw;
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${api.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const afterTransition = () => sleep(TRANSITION_MS + 250);

export const COMPOSE = `services:
  web:
    image: nginx:1.27-alpine
    ports:
      - "8080:80"
`;

export function provisionBody(overrides: Record<string, unknown> = {}) {
  return {
    name: "my-new-app",
    instance_type: "tdx.medium",
    compose_file: { docker_compose_file: COMPOSE, allowed_envs: ["API_KEY"], public_logs: false },
    env_keys: ["API_KEY"],
    ...overrides,
  };
}

export async function provisionAndCommit(name = "my-new-app") {
  const provision = await send("POST", "/cvms/provision", provisionBody({ name }));
  expect(provision.status).toBe(200);
  const commit = await send("POST", "/cvms", {
    app_id: provision.body.app_id,
    compose_hash: provision.body.compose_hash,
    encrypted_env: "00ff",
    env_keys: ["API_KEY"],
  });
  expect(commit.status).toBe(200);
  return { provision: provision.body, vm: commit.body };
}

export function expectPhalaError(sent: Sent, status: number, code: string) {
  expect(sent.status).toBe(status);
  expect(sent.body.detail.error_code).toBe(code);
  expect(typeof sent.body.detail.message).toBe("string");
  expect(Array.isArray(sent.body.detail.details)).toBe(true);
}

/** Another operation runs: a 409 without an error code (a client may retry it). */
export function expectInProgress(sent: Sent) {
  expect(sent.status).toBe(409);
  expect(sent.body.detail).not.toHaveProperty("error_code");
  expect(sent.body.detail.message).toContain("in progress");
}

export function expect422(sent: Sent, loc: (string | number)[], type: string) {
  expect(sent.status).toBe(422);
  const item = sent.body.detail.find(
    (issue: { loc: unknown[] }) => JSON.stringify(issue.loc) === JSON.stringify(loc),
  );
  expect(item, JSON.stringify(sent.body)).toBeDefined();
  expect(item.type).toBe(type);
  expect(typeof item.msg).toBe("string");
}
