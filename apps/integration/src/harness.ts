import { startMockApi } from "@phala/cloud-mock-api";
import { afterAll, beforeAll, beforeEach, vi } from "vitest";

export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * Starts the mock API for a test file, points the SDK's environment fallback at
 * it (so the guide's examples run unchanged), and records each request the
 * mock receives.
 */
export function useMockApi(options: Parameters<typeof startMockApi>[0] = {}) {
  const sent: SentRequest[] = [];
  const ctx = { url: "", sent };
  let mock: Awaited<ReturnType<typeof startMockApi>> | undefined;

  beforeAll(async () => {
    // Recorded by the server, so what any transport sent (global fetch, undici) is seen.
    mock = await startMockApi({ ...options, onRequest: (request) => sent.push(request) });
    ctx.url = mock.url;
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    sent.length = 0;
    vi.stubEnv("PHALA_CLOUD_API_PREFIX", ctx.url);
    vi.stubEnv("PHALA_CLOUD_API_KEY", "");
    return () => {
      vi.unstubAllEnvs();
    };
  });
  return ctx;
}
