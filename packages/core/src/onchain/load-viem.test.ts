import { describe, expect, it, vi } from "vitest";
import { PhalaCloudError, RequestValidationError } from "../errors";
import { kmsChain } from "../helpers/chains";
import { addComposeHash, safeAddComposeHash } from "./add-compose-hash";
import { checkComposeHashAllowed } from "./check-compose-hash-allowed";
import { deployAppAuth } from "./deploy-app-auth";
import { ViemNotInstalledError } from "./errors";

// As where viem is not installed: its import fails the way Node's does.
vi.mock("viem", () => {
  throw Object.assign(new Error("Cannot find package 'viem' imported from /app/index.js"), {
    code: "ERR_MODULE_NOT_FOUND",
  });
});

// Not from onchain.test-support, which imports viem.
const CHAIN = kmsChain(31337)!;
const APP = `0x${"b2".repeat(20)}`;
const KMS = `0x${"c3".repeat(20)}`;
const HASH = `0x${"d4".repeat(32)}`;
const PRIVATE_KEY = `0x${"4c".repeat(32)}`;

describe("without viem", () => {
  it("a helper's call is a ViemNotInstalledError saying to install it", async () => {
    const error = await addComposeHash({
      chain: CHAIN,
      appId: APP,
      composeHash: HASH,
      privateKey: PRIVATE_KEY,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ViemNotInstalledError);
    expect(error).toBeInstanceOf(PhalaCloudError);
    expect(error.message).toBe(
      "addComposeHash needs viem, an optional peer dependency of the SDK: install it (npm install viem) (addComposeHash)",
    );
    expect(error.endpoint).toBe("addComposeHash");
    expect(JSON.stringify(error)).not.toContain(PRIVATE_KEY.slice(2));

    await expect(
      deployAppAuth({ chain: CHAIN, kmsContractAddress: KMS, privateKey: PRIVATE_KEY }),
    ).rejects.toThrow(/deployAppAuth needs viem/);
    await expect(
      checkComposeHashAllowed({ chain: CHAIN, appAddress: APP, composeHash: HASH }),
    ).rejects.toBeInstanceOf(ViemNotInstalledError);
    const safe = await safeAddComposeHash({
      chain: CHAIN,
      appId: APP,
      composeHash: HASH,
      privateKey: PRIVATE_KEY,
    });
    expect(safe).toMatchObject({ success: false, error: { name: "ViemNotInstalledError" } });
  });

  it("wrong arguments are still reported as such first", async () => {
    await expect(
      addComposeHash({ chain: CHAIN, appId: "x", composeHash: HASH, privateKey: PRIVATE_KEY }),
    ).rejects.toBeInstanceOf(RequestValidationError);
  });
});
