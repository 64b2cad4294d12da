// Shared by the tests of the app routes: one mock for all the tests of a file,
// and the seed's apps.
import { afterAll, beforeAll } from "vitest";
import { sendJson } from "../../internal/test-http";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

/** The mock of the running test file (see `useAppsMock`). */
export let mock: RunningMockApi;
export const key = SEED.apiKeys.demo;
export const web = SEED.apps.web.appId;
export const oracle = SEED.apps.oracle.appId;

/** Starts one mock before the tests of the calling file, and closes it after them. */
export function useAppsMock(): void {
  beforeAll(async () => {
    mock = await startMockApi();
  });
  afterAll(async () => {
    await mock.close();
  });
}

export function postJson(path: string, body: unknown, apiKey = key, version?: string) {
  return sendJson(mock.url, "POST", path, { apiKey, version, body, jsonContentType: true });
}
