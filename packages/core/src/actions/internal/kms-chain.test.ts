import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { createBaseClient } from "../../client";
import { kmsChain } from "../../helpers/chains";
import { setup } from "../cvms/cvms.test-support";
import {
  HASH,
  KMS_INFO,
  provisionReply,
  registrationRequiredBody,
  TX,
  YAML,
} from "../cvms/fixtures.test-support";
import { provisionCvm } from "../cvms/provision-cvm";
import { provisionCvmComposeFileUpdate } from "../cvms/provision-cvm-compose-file-update";
import { updateCvmEnvs } from "../cvms/update-cvm-envs";
import { updateDockerCompose } from "../cvms/update-docker-compose";
import { updatePreLaunchScript } from "../cvms/update-pre-launch-script";
import { addHiddenField, withKmsChain, withKmsInfoChain, withKmsListChain } from "./kms-chain";
import { withCorrelationId, withOnChainHashFields } from "./update-result";

// `kms_info.chain` as the official SDK's reference reads it: the update flows'
// 465, the provisions. (patchCvm, confirmCvmPatch, getKmsInfo and getKmsList
// are tested beside them.)

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const BASE = kmsChain(8453);

type Client = ReturnType<typeof createBaseClient>;

describe("the 465 of the update flows: kms_info.chain", () => {
  const calls = [
    ["updateCvmEnvs", (c: Client) => updateCvmEnvs(c, { id: "cvm_1", encrypted_env: "00" })],
    [
      "updateDockerCompose",
      (c: Client) => updateDockerCompose(c, { id: "cvm_1", docker_compose_file: YAML }),
    ],
    [
      "updatePreLaunchScript",
      (c: Client) => updatePreLaunchScript(c, { id: "cvm_1", pre_launch_script: "#!/bin/sh\n" }),
    ],
  ] as const;

  it.each(calls)("%s: the chain of chain_id, not enumerable", async (_name, call) => {
    const { client } = setup({ status: 465, body: registrationRequiredBody() });
    const result = await call(client);
    if (result.status !== "precondition_required") throw new Error("expected the 465");
    expect(result.kms_info?.chain).toEqual(BASE);
    expect(result.kms_info).toStrictEqual(KMS_INFO);
    expect(JSON.parse(JSON.stringify(result)).kms_info).toStrictEqual(KMS_INFO);
    // The camelCase names are patchCvm's documented result alone; these pages use the API's.
    expect("composeHash" in result).toBe(false);
  });

  it.each(calls)("%s: the other answers are left as they are", async (_name, call) => {
    const body = { status: "in_progress", message: "ok", correlation_id: "op_1" };
    const { client } = setup({ body });
    const result = await call(client);
    expect(result.status).toBe("in_progress");
    expect("chain" in result).toBe(false);
  });

  it("the follow-up with the hashes answers the same way", async () => {
    const { client } = setup({ body: { status: "in_progress", correlation_id: "op_2" } });
    const result = await updateDockerCompose(client, {
      id: "cvm_1",
      docker_compose_file: YAML,
      compose_hash: HASH,
      transaction_hash: TX,
    });
    expect(result.status).toBe("in_progress");
  });
});

describe("the provisions: kms_info.chain", () => {
  it("provisionCvm: undefined for the Phala KMS, the chain for an on-chain one", async () => {
    const phala = await provisionCvm(setup({ body: provisionReply() }).client, {
      name: "my-app",
      compose_file: { docker_compose_file: YAML },
    });
    expect(phala.kms_info?.chain).toBeUndefined();
    expect(phala.kms_info && Object.hasOwn(phala.kms_info, "chain")).toBe(true);
    const body = { ...provisionReply(), app_id: null, kms_info: { ...KMS_INFO, id: "kms-base" } };
    const onChain = await provisionCvm(setup({ body }).client, {
      name: "my-app",
      compose_file: { docker_compose_file: YAML },
      kms: "BASE",
    });
    expect(onChain.kms_info?.chain).toEqual(BASE);
    expect(onChain).toStrictEqual(body);
  });

  it("provisionCvmComposeFileUpdate: the chain of chain_id; none without kms_info", async () => {
    const body = {
      app_id: "ab".repeat(20),
      device_id: null,
      compose_hash: HASH,
      kms_info: { ...KMS_INFO, chain_id: 1 },
      compose_hash_registered: false,
      compose_unchanged: null,
    };
    const args = { id: "cvm_1", app_compose: { docker_compose_file: YAML } };
    const result = await provisionCvmComposeFileUpdate(setup({ body }).client, args);
    expect(result.kms_info?.chain?.name).toBe("Ethereum");
    expect(result).toStrictEqual(body);
    const offChain = await provisionCvmComposeFileUpdate(
      setup({ body: { ...body, kms_info: null } }).client,
      args,
    );
    expect(offChain.kms_info).toBeNull();
    const raw = (await provisionCvmComposeFileUpdate(setup({ body }).client, args, {
      schema: false,
    })) as typeof body;
    expect("chain" in raw.kms_info).toBe(false);
  });
});

describe("the finish helpers", () => {
  it("keep a key the answer has itself, and leave what is not an object", () => {
    const sent = { chain_id: 8453, chain: "as sent" };
    expect(withKmsChain(sent).chain).toBe("as sent");
    const target = { a: 1 };
    addHiddenField(target, "b", 2);
    addHiddenField(target, "a", 3);
    expect(target).toStrictEqual({ a: 1 });
    expect((target as { b?: number }).b).toBe(2);
    expect(Object.getOwnPropertyDescriptor(target, "b")).toEqual({
      value: 2,
      enumerable: false,
      writable: true,
      configurable: true,
    });
    // A client with validateResponses: false still runs finish: whatever came is left alone.
    for (const value of [null, undefined, "text", 3, [1]]) {
      expect(withKmsChain(value)).toBe(value);
      expect(withKmsInfoChain(value)).toBe(value);
      expect(withKmsListChain(value)).toBe(value);
      expect(withOnChainHashFields(value)).toBe(value);
      expect(withCorrelationId(value)).toBe(value);
    }
    // A status that is neither branch gets no discriminant.
    const other = withOnChainHashFields({ status: "in_progress", correlation_id: "op" });
    expect("requiresOnChainHash" in other).toBe(false);
    expect(withKmsListChain({ items: "none" })).toEqual({ items: "none" });
    expect(withKmsInfoChain({ kms_info: "text" })).toEqual({ kms_info: "text" });
  });
});
