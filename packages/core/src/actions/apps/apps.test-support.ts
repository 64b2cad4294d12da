// Shared by the tests of this folder's actions (and by those of getCurrentUser and
// checkCvmIsAllowed): a client answering one body, the bodies several of them
// receive, and the checks of a refused call or a refused answer.
import { expect } from "vitest";
import { createBaseClient } from "../../client";
import { PhalaCloudError, RequestValidationError, ResponseValidationError } from "../../errors";
import { APP_HEX, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import type { ApiVersion } from "../../versions";

/** A client (on `version`, the default one when omitted) whose fetch answers `body`. */
export function setup<const V extends ApiVersion = "2026-01-21">(body: unknown = {}, version?: V) {
  const fake = fakeFetch({ body });
  const client = createBaseClient<V>({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client, call: () => fake.calls[0]! };
}

export const revision = {
  revision_id: "rev_1",
  app_id: APP_HEX,
  vm_uuid: "bf1b6f57147045319ad922013366635b",
  compose_hash: "ab".repeat(32),
  created_at: "2026-01-22T10:00:00Z",
  // Required by the contract, and nullable: revisions made outside a traced request have none.
  trace_id: null,
  operation_type: "create",
};

/** One is-allowed answer, as the app, app-CVMs and CVM checks give it. */
export const isAllowed = {
  app_contract_address: `0x${APP_HEX}`,
  compose_hash: "ab".repeat(32),
  device_id: "cd".repeat(32),
  compose_hash_allowed: true,
  allow_any_device: false,
  device_id_allowed: true,
  is_allowed: true,
};

/** Awaits a call that must be refused before sending, and checks the error names `field`. */
export async function expectInvalid(promise: Promise<unknown>, endpoint: string, field: string) {
  const error = await promise.then(
    () => {
      throw new Error("expected a RequestValidationError");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestValidationError);
  expect(error).toBeInstanceOf(PhalaCloudError);
  const e = error as RequestValidationError;
  expect(e.name).toBe("RequestValidationError");
  expect(e.endpoint).toBe(endpoint);
  expect(e.issues.map((i) => i.path)).toContain(field);
  expect(e.message).toContain(endpoint);
  if (field) expect(e.message).toContain(field);
  return e;
}

/** Awaits a call whose answer must fail validation, and returns the error. */
export async function validationError(promise: Promise<unknown>): Promise<ResponseValidationError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a ResponseValidationError");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect(error).toBeInstanceOf(PhalaCloudError);
  return error as ResponseValidationError;
}
