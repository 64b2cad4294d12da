// Shared by the tests of the routes that update a CVM (compose, envs, PATCH
// /cvms/{cvm_id}): a fresh mock for each test, and the seed's off-chain (Phala
// KMS) and on-chain (Ethereum, Base) CVMs.
import { UpdateKmsInfoSchema } from "@phala/cloud-schemas";
import { afterEach, beforeEach, expect } from "vitest";
import { getJson, type JsonResponse } from "../../internal/test-support";
import { SEED } from "../../seed";
import { type RunningMockApi, startMockApi } from "../../server";

export const key = SEED.apiKeys.demo;
export const TX = `0x${"ab".repeat(32)}`;
export const NEW_YAML =
  'services:\n  web:\n    image: nginx:1.28-alpine\n    ports:\n      - "8080:8080"\n';
// Off-chain (Phala KMS), and on-chain (Ethereum, Base) CVMs of the seed.
export const offChain = SEED.exampleCvm;
export const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
export const inference = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "inference-1")!;

/** The mock of the running test (see `useUpdatesMock`). */
export let api: RunningMockApi;

/** Starts a fresh mock before each test of the calling file (updates change the model). */
export function useUpdatesMock(): void {
  beforeEach(async () => {
    api = await startMockApi();
  });
  afterEach(() => api.close());
}

export async function send(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const text =
    typeof body === "string" ? body : body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      "X-API-Key": key,
      ...(body !== undefined && typeof body !== "string"
        ? { "Content-Type": "application/json" }
        : {}),
      ...headers,
    },
    body: text,
  });
  const raw = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: raw ? JSON.parse(raw) : undefined,
  };
}

export const text = async (path: string) =>
  (await fetch(`${api.url}${path}`, { headers: { "X-API-Key": key } })).text();
export const info = async (id: string) =>
  (await getJson(api.url, `/cvms/${id}`, { apiKey: key })).body;

/** The `details` of a Phala error body as a field -> value map. */
export function detailsOf(body: any): Record<string, any> {
  return Object.fromEntries(body.detail.details.map((d: any) => [d.field, d.value]));
}

export function expectRegistrationRequired(response: JsonResponse, appId: string) {
  expect(response.status).toBe(465);
  expect(response.body.detail.error_code).toBe("ERR-01-005");
  expect(response.body.detail.message).toBe("Compose hash registration required on-chain");
  const details = detailsOf(response.body);
  expect(details.compose_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(details.app_id).toBe(`0x${appId}`);
  expect(details.device_id).toMatch(/^[0-9a-f]{64}$/);
  expect(UpdateKmsInfoSchema.safeParse(details.kms_info).success).toBe(true);
  expect(details.kms_info.chain_id).not.toBeNull();
  return details;
}
