import { beforeEach, describe, expect, it, vi } from "vitest";
import { getCvmInfo, safeGetCvmInfo } from "./actions";
import { APIPromise } from "./api-promise";
import { createBaseClient } from "./client";
import { NotFoundError } from "./errors";
import { cvmDetailV20260121, fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_LOG", "off");
});

function client(reply: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(reply);
  return {
    fake,
    client: createBaseClient({ apiKey: TEST_API_KEY, baseURL: TEST_BASE_URL, fetch: fake.fetch }),
  };
}

describe("APIPromise", () => {
  it("an action returns an APIPromise that resolves to the data", async () => {
    const { client: c } = client({ body: cvmDetailV20260121() });
    const call = getCvmInfo(c, { id: "cvm_1" });
    expect(call).toBeInstanceOf(APIPromise);
    expect(call).toBeInstanceOf(Promise);
    expect((await call).name).toBe("price-oracle");
  });

  it(".withResponse() gives data, the response (status, headers) and the request id, from one request", async () => {
    const { fake, client: c } = client({
      body: cvmDetailV20260121(),
      headers: { "x-request-id": "req_77" },
    });
    const call = getCvmInfo(c, { id: "cvm_1" });
    const { data, response, requestId } = await call.withResponse();
    expect(data.name).toBe("price-oracle");
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req_77");
    expect(requestId).toBe("req_77");
    expect((await call).id).toBe(data.id);
    expect(fake.calls).toHaveLength(1);
  });

  it("errors reject both forms; catch and finally work", async () => {
    const { client: c } = client({
      status: 404,
      body: { detail: "no" },
      headers: { "x-request-id": "req_4" },
    });
    const call = getCvmInfo(c, { id: "cvm_1" });
    const error = await call.withResponse().catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe("req_4");
    const onFinally = vi.fn();
    expect(await call.catch((e) => e).finally(onFinally)).toBe(error);
    expect(onFinally).toHaveBeenCalledOnce();
  });

  it("client.request has .withResponse() too; safe twins stay plain promises", async () => {
    const { client: c } = client({ body: { ok: true }, headers: { "x-request-id": "r" } });
    const { data, requestId } = await c.request({ path: "/x" }).withResponse();
    expect(data).toEqual({ ok: true });
    expect(requestId).toBe("r");
    const safe = safeGetCvmInfo(c, { id: "cvm_1" });
    expect(safe).not.toBeInstanceOf(APIPromise);
  });
});
