import type {
  GetAppEnvEncryptPubKey,
  GetKmsListResponse,
  GetKmsOnChainDetailResponse,
  KmsInfo,
  NextAppIds,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import { createBaseClient } from "../../client";
import {
  getAppEnvEncryptPubKey,
  getKmsInfo,
  getKmsList,
  getKmsOnChainDetail,
  nextAppIds,
} from "./index";

const client = createBaseClient({ apiKey: "k", version: "2025-10-28" });

describe("KMS action types", () => {
  it("type each result", () => {
    expectTypeOf(
      getKmsList(client, { is_onchain: true }),
    ).resolves.toEqualTypeOf<GetKmsListResponse>();
    expectTypeOf(getKmsInfo(client, { kms_id: "k" })).resolves.toEqualTypeOf<KmsInfo>();
    expectTypeOf(
      getAppEnvEncryptPubKey(client, { kms: "k", app_id: "a" }),
    ).resolves.toEqualTypeOf<GetAppEnvEncryptPubKey>();
    expectTypeOf(nextAppIds(client)).resolves.toEqualTypeOf<NextAppIds>();
    expectTypeOf(
      getKmsOnChainDetail(client, { chain: "base" }),
    ).resolves.toEqualTypeOf<GetKmsOnChainDetailResponse>();
    expectTypeOf<GetAppEnvEncryptPubKey["public_key"]>().toEqualTypeOf<string>();
  });

  it("require the path arguments", () => {
    // @ts-expect-error app_id is required
    getAppEnvEncryptPubKey(client, { kms: "k" });
  });
});
