import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBaseClient } from "../../client";
import { type RequestValidationError, ResponseValidationError } from "../../errors";
import type { RequestEvent } from "../../hooks";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import { itPinsContractCentric, setup } from "./kms.test-support";
import { listKmsContractNodes, safeListKmsContractNodes } from "./list-kms-contract-nodes";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const contractNode = {
  id: "kms_1",
  slug: "phala-prod3",
  url: "https://kms.dstack-pha-prod3.phala.network",
  version: "0.5.7",
  kms_type: "phala",
};

describe("listKmsContractNodes", () => {
  it("GETs /kms/{slug}/nodes", async () => {
    const body = { items: [contractNode], total: 1 };
    const { fake, client } = setup({ body });
    await expect(listKmsContractNodes(client, { slug: "phala" })).resolves.toEqual(body);
    expect(fake.calls[0]).toMatchObject({
      method: "GET",
      url: `${TEST_BASE_URL}/kms/phala/nodes`,
    });
  });

  it("refuses a missing slug and a node without its version", async () => {
    const { fake, client } = setup({
      body: { items: [{ ...contractNode, version: undefined }], total: 1 },
    });
    const refused = await safeListKmsContractNodes(client, { slug: " " });
    expect((refused.error as RequestValidationError).issues[0]!.path).toBe("slug");
    expect(fake.calls).toHaveLength(0);
    const wrong = await safeListKmsContractNodes(client, { slug: "phala" });
    expect((wrong.error as ResponseValidationError).issues[0]!.path).toBe("items.0.version");
  });
});

describe("listKmsContractNodes: the version it sends (contract-centric)", () => {
  itPinsContractCentric((c) => listKmsContractNodes(c, { slug: "phala" }), {
    items: [],
    total: 0,
  });

  it("errors and hooks report the version sent, not the client's", async () => {
    const events: RequestEvent[] = [];
    const old = createBaseClient({
      apiKey: TEST_API_KEY,
      baseURL: TEST_BASE_URL,
      fetch: fakeFetch({ body: { items: "no" } }).fetch,
      version: "2026-01-21",
      hooks: { onRequest: (event) => void events.push(event) },
    });
    const invalid = await safeListKmsContractNodes(old, { slug: "phala" });
    expect(invalid.error).toBeInstanceOf(ResponseValidationError);
    expect(invalid.error!.apiVersion).toBe("2026-06-23");
    expect(events[0]).toMatchObject({ endpoint: "listKmsContractNodes", apiVersion: "2026-06-23" });
  });
});
