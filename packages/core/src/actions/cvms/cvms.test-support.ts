// Helpers of the CVM actions' tests: a client on a fake fetch, the refusal
// checks, and the checks every action of a kind runs (each action's test file
// calls them for its own action).
import { describe, expect, it } from "vitest";
import type { AnyClient } from "../../client";
import { createBaseClient } from "../../client";
import { NotFoundError, RequestValidationError, ResponseValidationError } from "../../errors";
import { type FakeReply, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import type { ApiVersion } from "../../versions";
import {
  expectedRegistration,
  HASH,
  registrationRequiredBody,
  TX,
  VM_UUID_HEX,
  YAML,
} from "./fixtures.test-support";

export type AnyAction = (client: any, args: any, options?: any) => Promise<any>;

/** A client whose fetch answers `reply` and records each call. */
export function setup(reply: FakeReply = { body: {} }, version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client };
}

/** Arguments a test passes on purpose against the action's types. */
export const bad = (args: unknown) => args as never;

/** Calls an action with arguments it must refuse before sending anything. */
export async function refused(call: (client: AnyClient) => Promise<unknown>, path: string) {
  const { fake, client } = setup({ body: {} });
  const error = await call(client).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).issues.map((issue) => issue.path)).toContain(path);
  expect(fake.calls).toHaveLength(0);
}

/** The call is refused before sending: a RequestValidationError of `endpoint` naming `field`. */
export async function invalid(promise: Promise<unknown>, endpoint: string, field: string) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).endpoint).toBe(endpoint);
  expect((error as RequestValidationError).issues.map((i) => i.path)).toContain(field);
}

/** One action called with valid arguments: what it sends, what it answers, what it resolves. */
export interface ActionCallCase {
  name: string;
  method: string;
  path: string;
  body: unknown;
  reply: FakeReply;
  call: (client: AnyClient) => Promise<unknown>;
  safeCall: (client: AnyClient) => Promise<unknown>;
  expected: unknown;
}

/** The request, the result, the safe twin and the refusals of an action's call. */
export function describeActionCall(actionCase: ActionCallCase) {
  // `describe.each` names the suite as the group file's table did ('startCvm', quoted).
  describe.each([actionCase])("$name", (testCase) => {
    it(`sends ${testCase.method} ${testCase.path} with its body and the SDK's headers`, async () => {
      const { fake, client } = setup(testCase.reply);
      await testCase.call(client);
      expect(fake.calls).toHaveLength(1);
      const call = fake.calls[0]!;
      expect(call.method).toBe(testCase.method);
      expect(call.url).toBe(`${TEST_BASE_URL}${testCase.path}`);
      expect(call.body).toEqual(testCase.body);
      expect(call.headers["x-phala-version"]).toBe("2026-01-21");
      expect(call.headers["x-api-key"]).toBe(TEST_API_KEY);
      if (testCase.body !== undefined)
        expect(call.headers["content-type"]).toBe("application/json");
    });

    it("resolves the validated result", async () => {
      const { client } = setup(testCase.reply);
      expect(await testCase.call(client)).toEqual(testCase.expected);
    });

    it("safe twin resolves { success: true, data }", async () => {
      const { client } = setup(testCase.reply);
      expect(await testCase.safeCall(client)).toEqual({ success: true, data: testCase.expected });
    });

    it("rejects a body of the wrong shape with ResponseValidationError", async () => {
      const { client } = setup({ status: 200, body: [{ unexpected: true }] });
      const error = await testCase.call(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).endpoint).toBe(testCase.name);
    });

    it("safe twin resolves { success: false } on an API error", async () => {
      const { client } = setup({
        status: 404,
        body: {
          detail: {
            error_code: "ERR-03-001",
            message: "CVM not found",
            details: [],
            suggestions: [],
            links: [],
          },
        },
      });
      const result = (await testCase.safeCall(client)) as { success: boolean; error: unknown };
      expect(result.success).toBe(false);
      expect(result.error).toBeInstanceOf(NotFoundError);
    });
  });
}

/** A read of `GET /cvms/{id}{suffix}` answered with JSON: its request, refusals and safe twin. */
export function describeJsonRead(
  name: string,
  action: AnyAction,
  safeAction: AnyAction,
  suffix: string,
  body: () => unknown,
) {
  describe(name, () => {
    it(`sends GET /cvms/{id}${suffix} with the version and JSON accept headers`, async () => {
      const { fake, client } = setup({ body: body() });
      const result = await action(client, { uuid: "BF1B6F57-1470-4531-9AD9-22013366635B" });
      expect(fake.calls).toHaveLength(1);
      const call = fake.calls[0]!;
      expect(call.method).toBe("GET");
      expect(call.url).toBe(`${TEST_BASE_URL}/cvms/${VM_UUID_HEX}${suffix}`);
      expect(call.headers["x-phala-version"]).toBe("2026-01-21");
      expect(call.headers.accept).toBe("application/json");
      expect(call.body).toBeUndefined();
      expect(result).toEqual(body());
    });

    it("refuses a call without a CVM id, sending nothing", async () => {
      const { fake, client } = setup({ body: body() });
      const error = await action(client, {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).endpoint).toBe(name);
      expect(fake.calls).toHaveLength(0);
    });

    it("refuses a body of the wrong shape", async () => {
      const { client } = setup({ body: { is_online: "yes", status: 7, name: 1, hostname: 5 } });
      const error = await action(client, { id: "cvm_1" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseValidationError);
      expect((error as ResponseValidationError).endpoint).toBe(name);
    });

    it("has a safe twin", async () => {
      const ok = await safeAction(setup({ body: body() }).client, { id: "cvm_1" });
      expect(ok).toEqual({ success: true, data: body() });
      const failed = await safeAction(setup({ status: 404, body: { detail: "x" } }).client, {
        id: "cvm_1",
      });
      expect(failed.success).toBe(false);
    });
  });
}

/** A read of a text file: `GET /cvms/{id}{suffix}` accepting `type`, resolving the text. */
export function itReturnsTheTextFile(
  name: string,
  action: AnyAction,
  suffix: string,
  type: string,
  text: string,
) {
  it(`${name} returns the body as a string`, async () => {
    const { fake, client } = setup({ raw: text, headers: { "content-type": type } });
    const result = await action(client, { name: "price-oracle" });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/cvms/price-oracle${suffix}`);
    expect(fake.calls[0]!.headers.accept).toBe(`${type}, application/json`);
    expect(result).toBe(text);
  });
}

/**
 * An update whose body is a file sent as is (`PATCH /cvms/{id}{suffix}`, the
 * file in the `field` argument): the body, the registration headers, its results.
 */
export function describeTextFileUpdate(
  name: string,
  action: AnyAction,
  safeAction: AnyAction,
  field: string,
  suffix: string,
) {
  describe(name, () => {
    const call = (client: any, extra: Record<string, unknown> = {}) =>
      action(client, { id: "cvm_1", [field]: YAML, ...extra });

    it(`PATCHes ${suffix} with the file as the body`, async () => {
      const body = {
        status: "in_progress",
        message: "Update in progress",
        correlation_id: "op_2",
        allowed_envs_changed: null,
      };
      const { fake, client } = setup({ status: 202, body });
      const result = await call(client);
      const sent = fake.calls[0]!;
      expect(sent.method).toBe("PATCH");
      expect(sent.url).toBe(`${TEST_BASE_URL}/cvms/cvm_1${suffix}`);
      expect(sent.body).toBe(YAML);
      expect(sent.headers["x-compose-hash"]).toBeUndefined();
      expect(result).toEqual(body);
    });

    it("sends compose_hash and transaction_hash as X-Compose-Hash / X-Transaction-Hash", async () => {
      const { fake, client } = setup({ status: 202, body: { status: "in_progress" } });
      await call(client, { compose_hash: HASH, transaction_hash: TX });
      expect(fake.calls[0]!.headers["x-compose-hash"]).toBe(HASH);
      expect(fake.calls[0]!.headers["x-transaction-hash"]).toBe(TX);
      expect(fake.calls[0]!.body).toBe(YAML);
    });

    it("returns no_change and precondition_required as results", async () => {
      const noChange = { status: "no_change", message: "unchanged" };
      expect(await call(setup({ body: noChange }).client)).toEqual(noChange);
      expect(await call(setup({ status: 465, body: registrationRequiredBody() }).client)).toEqual(
        expectedRegistration,
      );
      const safeResult = await safeAction(setup({ body: noChange }).client, {
        id: "cvm_1",
        [field]: YAML,
      });
      expect(safeResult).toEqual({ success: true, data: noChange });
    });

    it("refuses a missing file or a bad transaction hash", async () => {
      const { fake, client } = setup();
      await invalid(action(client, { id: "cvm_1" }), name, field);
      await invalid(call(client, { transaction_hash: "0x12" }), name, "transaction_hash");
      expect(fake.calls).toHaveLength(0);
    });
  });
}
