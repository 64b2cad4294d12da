import type {
  CommitCvmUpdateResult,
  CvmUpdateAccepted,
  OnchainComposeStatus,
  UpdateKmsInfo,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import type { KmsChain } from "../../helpers/chains";
import { commitCvmUpdate } from "./commit-cvm-update";
import { confirmCvmPatch } from "./confirm-cvm-patch";
import { patchCvm, safePatchCvm } from "./patch-cvm";

// The official SDK's documented camelCase fields of the update flows, typed
// per branch: narrowing on `requiresOnChainHash` (or on `status`) gives the
// branch's fields, in every API version.

const client = createBaseClient({ apiKey: "k" });
const hash = "0x".padEnd(66, "a");
const args = { id: "my-app", docker_compose_file: "services: {}\n" };

/** `kms_info` / `kmsInfo` of the 465: the API's KMS description with its `chain`. */
type KmsInfoWithChain = (UpdateKmsInfo & { chain: KmsChain | undefined }) | null;

describe("patchCvm's documented fields", () => {
  it("narrowing on requiresOnChainHash gives the 465 fields, or correlationId", async () => {
    const result = await patchCvm(client, args);
    expectTypeOf(result.requiresOnChainHash).toEqualTypeOf<boolean>();
    if (result.requiresOnChainHash) {
      expectTypeOf(result.status).toEqualTypeOf<"precondition_required">();
      expectTypeOf(result.composeHash).toEqualTypeOf<string>();
      expectTypeOf(result.appId).toEqualTypeOf<string>();
      expectTypeOf(result.deviceId).toEqualTypeOf<string | null>();
      expectTypeOf(result.kmsInfo).toEqualTypeOf<KmsInfoWithChain>();
      expectTypeOf(result.kmsInfo?.chain).toEqualTypeOf<KmsChain | undefined>();
      expectTypeOf(result.kmsInfo?.kms_contract_address).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(result.commitToken).toEqualTypeOf<string | null>();
      expectTypeOf(result.commitUrl).toEqualTypeOf<string | null>();
      expectTypeOf(result.apiCommitUrl).toEqualTypeOf<string | null>();
      expectTypeOf(result.onchainStatus).toEqualTypeOf<OnchainComposeStatus | null>();
      // The API's names stay, kms_info with its chain too.
      expectTypeOf(result.compose_hash).toEqualTypeOf<string>();
      expectTypeOf(result.kms_info).toEqualTypeOf<KmsInfoWithChain>();
      // @ts-expect-error correlationId is the accepted branch's
      result.correlationId;
    } else {
      expectTypeOf(result.status).toEqualTypeOf<"accepted">();
      expectTypeOf(result.requiresOnChainHash).toEqualTypeOf<false>();
      expectTypeOf(result.correlationId).toEqualTypeOf<string | null>();
      expectTypeOf(result.correlation_id).toEqualTypeOf<string | null>();
      // @ts-expect-error composeHash is the 465 branch's
      result.composeHash;
    }
  });

  it("narrowing on status keeps working and gives the same branches", async () => {
    const result = await patchCvm(client, args);
    if (result.status === "precondition_required") {
      expectTypeOf(result.requiresOnChainHash).toEqualTypeOf<true>();
      expectTypeOf(result.composeHash).toEqualTypeOf<string>();
      expectTypeOf(result.kms_info?.chain).toEqualTypeOf<KmsChain | undefined>();
    } else {
      expectTypeOf(result.requiresOnChainHash).toEqualTypeOf<false>();
      expectTypeOf(result).toMatchTypeOf<CvmUpdateAccepted>();
    }
  });

  it("has them in every API version, the safe twin and the bound method", async () => {
    // A union of every version's result: each must have the discriminant and the fields.
    const results = [
      await patchCvm(client, args, { version: "2025-10-28" }),
      await patchCvm(client, args, { version: "2026-01-21" }),
      await patchCvm(client, args, { version: "2026-05-22" }),
      await patchCvm(client, args, { version: "2026-06-23" }),
      await patchCvm(createBaseClient({ apiKey: "k", version: "LATEST" }), args),
      await patchCvm(createBaseClient({ apiKey: "k", version: "2025-10-28" }), args),
    ];
    for (const result of results) {
      if (result.requiresOnChainHash) {
        expectTypeOf(result.composeHash).toEqualTypeOf<string>();
        expectTypeOf(result.kmsInfo?.chain).toEqualTypeOf<KmsChain | undefined>();
      } else {
        expectTypeOf(result.correlationId).toEqualTypeOf<string | null>();
      }
    }
    const safe = await safePatchCvm(client, args);
    expectTypeOf(safe).toMatchTypeOf<SafeResult<{ requiresOnChainHash: boolean }>>();
    if (safe.success && safe.data.requiresOnChainHash) {
      expectTypeOf(safe.data.composeHash).toEqualTypeOf<string>();
    }
    const bound = client.extend({ patchCvm });
    const viaMethod = await bound.patchCvm(args);
    if (viaMethod.requiresOnChainHash) expectTypeOf(viaMethod.appId).toEqualTypeOf<string>();
  });

  it("the caller's schema (or none) gives the caller's type, without them", () => {
    expectTypeOf(patchCvm(client, args, { schema: false })).resolves.toEqualTypeOf<unknown>();
  });
});

describe("confirmCvmPatch's and commitCvmUpdate's documented fields", () => {
  it("confirmCvmPatch: correlationId on the accepted branch, the 465 fields on the other", async () => {
    const confirmed = await confirmCvmPatch(client, {
      id: "my-app",
      composeHash: hash,
      transactionHash: hash,
    });
    if (confirmed.requiresOnChainHash) {
      expectTypeOf(confirmed.composeHash).toEqualTypeOf<string>();
    } else {
      expectTypeOf(confirmed.correlationId).toEqualTypeOf<string | null>();
    }
  });

  it("commitCvmUpdate: correlationId beside status", async () => {
    const committed = await commitCvmUpdate(client, {
      id: "my-app",
      token: "ct_1",
      composeHash: hash,
      transactionHash: hash,
    });
    expectTypeOf(committed).toEqualTypeOf<
      CommitCvmUpdateResult & { correlationId: string | null }
    >();
    expectTypeOf(committed.correlationId).toEqualTypeOf<string | null>();
    expectTypeOf(committed.status).toEqualTypeOf<string>();
  });
});
