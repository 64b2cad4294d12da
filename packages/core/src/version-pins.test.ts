import { ENDPOINT_VERSION_PINS } from "@phala/cloud-schemas";
import { describe, expect, it } from "vitest";
import * as actions from "./actions";
import { createBaseClient } from "./client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";
import { API_VERSIONS } from "./versions";

/** Arguments each pinned action can be called with. */
const ARGS: Record<string, unknown> = {
  getKmsList: undefined,
  getKmsInfo: { kms_id: "kms-1" },
  getAppEnvEncryptPubKey: { kms: "phala", app_id: "a".repeat(40) },
  listKmsContracts: undefined,
  getKmsContract: { slug: "kms-base" },
  listKmsContractNodes: { slug: "kms-base" },
};

describe("each pinned endpoint's action carries its pins (ENDPOINT_VERSION_PINS)", () => {
  it("every pinned endpoint is listed here", () => {
    expect(Object.keys(ARGS).sort()).toEqual(Object.keys(ENDPOINT_VERSION_PINS).sort());
  });

  for (const [endpoint, pins] of Object.entries(ENDPOINT_VERSION_PINS)) {
    it.each(API_VERSIONS)(
      `${endpoint} from a %s client sends its pinned version`,
      async (version) => {
        const fake = fakeFetch({ body: {} });
        const client = createBaseClient({
          apiKey: TEST_API_KEY,
          baseURL: TEST_BASE_URL,
          fetch: fake.fetch,
          version,
        });
        const action = (actions as unknown as Record<string, unknown>)[endpoint] as (
          ...all: unknown[]
        ) => Promise<unknown>;
        await action(client, ARGS[endpoint], { schema: false });
        expect(fake.calls[0]!.headers["x-phala-version"]).toBe(pins[version] ?? version);
      },
    );
  }
});
