import { describe, expect, it } from "vitest";
import { APP_HEX, TEST_BASE_URL } from "../../test-utils";
import { setup, validationError } from "./apps.test-support";
import { getAppKmsInfo } from "./get-app-kms-info";

describe("getAppKmsInfo", () => {
  it("GET /apps/{app_id}/kms-info: an on-chain app's contracts and deployer", async () => {
    const body = {
      is_onchain_kms: true,
      chain_id: 8453,
      kms_contract_address: "0x2f83172A49584C017F2B256F0FB2Dca14126Ba9C",
      app_contract_address: `0x${APP_HEX}`,
      deployer_address: `0x${"d".repeat(40)}`,
      deployer_type: "safe",
      is_contract: true,
      safe_app_url: "https://app.safe.global/home?safe=base:0xd",
    };
    const { client, call } = setup(body);
    await expect(getAppKmsInfo(client, { appId: APP_HEX })).resolves.toEqual(body);
    expect(call().url).toBe(`${TEST_BASE_URL}/apps/${APP_HEX}/kms-info`);
  });

  it("the Phala KMS: everything absent is false or null", async () => {
    const { client } = setup({});
    await expect(getAppKmsInfo(client, { appId: APP_HEX })).resolves.toEqual({
      is_onchain_kms: false,
      chain_id: null,
      kms_contract_address: null,
      app_contract_address: null,
      deployer_address: null,
      deployer_type: null,
      is_contract: false,
      safe_app_url: null,
    });
  });

  it("refuses a chain id that is not a number", async () => {
    const { client } = setup({ chain_id: "base" });
    const error = await validationError(getAppKmsInfo(client, { appId: APP_HEX }));
    expect(error.issues[0]?.path).toBe("chain_id");
  });
});
