import { describe, expect, it } from "vitest";
import { RequestValidationError, ResponseValidationError } from "../../errors";
import { TEST_BASE_URL } from "../../test-utils";
import { inspectKms, safeInspectKms } from "./inspect-kms";
import { setup } from "./kms.test-support";

const inspection = {
  id: "kms-base-prod",
  slug: "base-prod",
  endpoint: "https://kms-base.phala.network",
  kms_type: "base",
  db_version: "v0.5.3",
  rpc: {
    version: "v0.5.3",
    is_dev: false,
    chain_id: 8453,
    kms_contract_address: "0xabc",
    gateway_app_id: "0xdef",
    bootstrap_info: {
      k256_pubkey: "0x02",
      ca_pubkey: "0x03",
      quote_length: 5006,
      eventlog_length: 9,
    },
    version_synced: true,
  },
  teepods: [{ id: 7, name: "prod7", kms_urls: [], available_os_images: [] }],
};

describe("inspectKms", () => {
  it("GETs /kms/{kms_id}/info, absent parts null", async () => {
    const { fake, client } = setup({ body: inspection });
    const result = await inspectKms(client, { kms_id: " base-prod " });
    expect(fake.calls[0]!.url).toBe(`${TEST_BASE_URL}/kms/base-prod/info`);
    expect(result.rpc?.bootstrap_info.quote_length).toBe(5006);
    expect(result).toMatchObject({ rpc_error: null, guest_agent: null, on_chain: null });
    expect(result.teepods?.[0]).toMatchObject({ teepod_version_db: null, error: null });
  });

  it("is not pinned: a 2026-06-23 client sends its own version", async () => {
    const { fake, client } = setup({ body: inspection }, "2026-06-23");
    await inspectKms(client, { kms_id: "base-prod" });
    expect(fake.calls[0]!.headers["x-phala-version"]).toBe("2026-06-23");
  });

  it("refuses an empty id before sending, and an answer without its endpoint", async () => {
    const empty = setup({ body: inspection });
    const refused = await safeInspectKms(empty.client, { kms_id: "" });
    expect(refused.error).toBeInstanceOf(RequestValidationError);
    expect(empty.fake.calls).toHaveLength(0);
    const { endpoint: _, ...partial } = inspection;
    const wrong = setup({ body: partial });
    const result = await safeInspectKms(wrong.client, { kms_id: "base-prod" });
    expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
