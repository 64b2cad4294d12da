// Where the server's SDK client points, worked out from the same two variables
// on every runtime (process.env on Node, Deno.env on Deno, bindings on Workers).

/** The variables the server reads. Anything else in the environment is ignored. */
export interface ServerEnv {
  PHALA_CLOUD_API_KEY?: string;
  PHALA_CLOUD_API_PREFIX?: string;
}

/**
 * The mock API's demo key (`SEED.apiKeys.demo` of `@phala/cloud-mock-api`): sent
 * when no key is configured. It is only meaningful to the mock, which also takes
 * any non-empty key as its demo identity.
 */
export const MOCK_DEMO_API_KEY = "phak_demo_0123456789abcdef";

export type ApiTarget =
  /** A key was given: the real API, or `PHALA_CLOUD_API_PREFIX` when set. */
  | { kind: "api"; apiKey: string; baseURL: string | undefined }
  /** No key, but a prefix: a mock API running elsewhere. */
  | { kind: "mock"; apiKey: string; baseURL: string }
  /** Neither: the entry starts the mock API itself (Node, Deno; not Workers). */
  | { kind: "embedded-mock" };

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export function resolveApiTarget(env: ServerEnv): ApiTarget {
  const apiKey = nonEmpty(env.PHALA_CLOUD_API_KEY);
  const baseURL = nonEmpty(env.PHALA_CLOUD_API_PREFIX);
  if (apiKey) return { kind: "api", apiKey, baseURL };
  if (baseURL) return { kind: "mock", apiKey: MOCK_DEMO_API_KEY, baseURL };
  return { kind: "embedded-mock" };
}

/** What the status page says it is showing; never includes the key. */
export function describeTarget(target: ApiTarget, baseURL?: string): string {
  switch (target.kind) {
    case "api":
      return `Phala Cloud API (${target.baseURL ?? "default endpoint"})`;
    case "mock":
      return `mock API at ${target.baseURL}`;
    case "embedded-mock":
      return `mock API started in process${baseURL ? ` (${baseURL})` : ""}`;
  }
}
