import { describe, expect, it } from "vitest";
import { createBaseClient } from "../../client";
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  NotFoundError,
  RequestValidationError,
  ResponseTooLargeError,
} from "../../errors";
import type { RequestEvent } from "../../hooks";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { CHECKSUM, setup } from "./attestations.test-support";
import { getRawAttestation, safeGetRawAttestation } from "./get-raw-attestation";

/** Every byte value, twice: what a UTF-8 reading of the body would not keep. */
const QUOTE = new Uint8Array(512).map((_, index) => index % 256);

const octets = (bytes: Uint8Array, headers: Record<string, string> = {}) =>
  new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: { "content-type": "application/octet-stream", ...headers },
  });

describe("getRawAttestation", () => {
  it("GETs /attestations/raw/{checksum} and resolves the quote's bytes unchanged", async () => {
    const { client, call } = setup(() => octets(QUOTE));
    const bytes = await getRawAttestation(client, { checksum: ` ${CHECKSUM} ` });
    expect(call().method).toBe("GET");
    expect(call().url).toBe(`${TEST_BASE_URL}/attestations/raw/${CHECKSUM}`);
    expect(call().headers.accept).toBe("application/octet-stream");
    expect(call().headers["x-phala-version"]).toBe("2026-01-21");
    expect(call().headers["x-api-key"]).toBe(TEST_API_KEY);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes).toEqual(QUOTE);
  });

  it("sends the call's version; an empty body is no bytes", async () => {
    const { client, call } = setup(() => new Response(null, { status: 200 }));
    const bytes = await getRawAttestation(client, { checksum: CHECKSUM }, { version: "LATEST" });
    expect(bytes).toEqual(new Uint8Array(0));
    expect(call().headers["x-phala-version"]).toBe("2026-06-23");
  });

  it("an unknown checksum is a 404; the safe twin resolves it", async () => {
    const { client } = setup({ status: 404, body: { detail: "Quote not found" } });
    await expect(getRawAttestation(client, { checksum: CHECKSUM })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const result = await safeGetRawAttestation(client, { checksum: CHECKSUM });
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(NotFoundError);
  });

  it("retries a 503 like any GET", async () => {
    const { client, fake } = setup((_call, index) =>
      index === 0
        ? { status: 503, body: { detail: "busy" }, headers: { "retry-after": "0" } }
        : octets(QUOTE),
    );
    await expect(getRawAttestation(client, { checksum: CHECKSUM })).resolves.toEqual(QUOTE);
    expect(fake.calls).toHaveLength(2);
  });

  it("refuses a missing checksum before sending", async () => {
    const { client, fake } = setup(() => octets(QUOTE));
    const result = await safeGetRawAttestation(client, {} as never);
    expect(result.error).toBeInstanceOf(RequestValidationError);
    expect(fake.calls).toHaveLength(0);
  });

  it("stops past maxResponseBytes, declared or streamed", async () => {
    const declared = setup(() => octets(QUOTE, { "content-length": "512" }));
    await expect(
      getRawAttestation(declared.client, { checksum: CHECKSUM }, { maxResponseBytes: 100 }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
    const streamed = setup(() => octets(QUOTE));
    await expect(
      getRawAttestation(streamed.client, { checksum: CHECKSUM }, { maxResponseBytes: 511 }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("a body that stops coming times out; an abort ends the read", async () => {
    const stalled = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(QUOTE.slice(0, 10));
          },
        }),
        { headers: { "content-type": "application/octet-stream" } },
      );
    const slow = setup(stalled);
    await expect(
      getRawAttestation(slow.client, { checksum: CHECKSUM }, { timeout: 50 }),
    ).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    const aborted = setup(stalled);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      getRawAttestation(aborted.client, { checksum: CHECKSUM }, { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("a body that fails while read quoting the key: the error shows it nowhere", async () => {
    const { client } = setup(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.error(
                new Error(`reset: ${TEST_API_KEY}`, { cause: new Error(TEST_API_KEY) }),
              );
            },
          }),
          { headers: { "content-type": "application/octet-stream" } },
        ),
    );
    const error = await getRawAttestation(client, { checksum: CHECKSUM }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const shown = [
      (error as Error).message,
      (error as Error).stack,
      String((error as Error).cause),
      ((error as Error).cause as Error | undefined)?.stack,
    ].join("\n");
    expect(shown).not.toContain(TEST_API_KEY);
  });

  it("reports a failure to the onError hook once, with its attempt", async () => {
    const errors: RequestEvent[] = [];
    const fake = fakeFetch({ status: 404, body: { detail: "Quote not found" } });
    const client = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fake.fetch,
      hooks: { onError: (event) => void errors.push(event) },
    });
    await safeGetRawAttestation(client, { checksum: CHECKSUM });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      attempt: 1,
      status: 404,
      endpoint: "getRawAttestation",
      url: `${TEST_BASE_URL}/attestations/raw/${CHECKSUM}`,
    });
    expect(errors[0]!.headers["x-api-key"]).not.toBe(TEST_API_KEY);
  });
});
