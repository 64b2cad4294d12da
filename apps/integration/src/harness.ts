import { startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * Starts the mock API for a test file, points the SDK's environment fallback at
 * it (so the guide's examples run unchanged), and records what the SDK sends
 * through the runtime's global fetch.
 */
export function useMockApi(options: Parameters<typeof startMockApi>[0] = {}) {
  const sent: SentRequest[] = [];
  const ctx = { url: "", sent };
  let mock: Awaited<ReturnType<typeof startMockApi>> | undefined;

  beforeAll(async () => {
    mock = await startMockApi(options);
    ctx.url = mock.url;
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    sent.length = 0;
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", ctx.url);
    vi.stubEnv("PHALA_CLOUD_API_KEY", "");
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
      sent.push({
        method: init?.method ?? "GET",
        url: String(input),
        headers: new Headers(init?.headers),
      });
      return realFetch(input, init);
    });
    return () => {
      vi.restoreAllMocks();
      vi.unstubAllEnvs();
    };
  });
  return ctx;
}
