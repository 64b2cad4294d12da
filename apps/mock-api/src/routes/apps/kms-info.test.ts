import { describe, expect, it } from "vitest";
import { contractMismatches, getJson } from "../../internal/test-support";
import { SEED } from "../../seed";
import { key, mock, oracle, useAppsMock, web } from "./apps.test-support";

useAppsMock();

const kmsInfo = (appId: string) => getJson(mock.url, `/apps/${appId}/kms-info`, { apiKey: key });

describe("GET /apps/{app_id}/kms-info", () => {
  it("an on-chain app: its chain, contracts and deployer", async () => {
    const { status, body } = await kmsInfo(oracle);
    expect(status).toBe(200);
    expect(contractMismatches("GET /apps/{app_id}/kms-info", body)).toEqual([]);
    const app = mock.state.apps.get(oracle)!;
    expect(body).toMatchObject({
      is_onchain_kms: true,
      chain_id: 1,
      app_contract_address: app.contractAddress,
      deployer_address: app.deployerAddress,
      deployer_type: "eoa",
      is_contract: false,
    });
  });

  it("the Phala KMS: nothing on-chain", async () => {
    const { body } = await kmsInfo(web);
    expect(body).toMatchObject({
      is_onchain_kms: false,
      chain_id: null,
      app_contract_address: null,
      deployer_type: null,
    });
    expect((await kmsInfo(SEED.apps.notebook.appId)).status).toBe(404);
  });
});
