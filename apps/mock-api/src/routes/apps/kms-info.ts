// GET /apps/{app_id}/kms-info: where an app's keys come from and, on-chain, its
// contracts and who deployed the app contract (the seed's deployers are wallets).
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { getKms } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { ownApp } from "./shared";

export function registerAppKmsInfoRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/apps/:app_id/kms-info", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const kms = getKms(state, app.kmsId);
    const onChain = kms.chainId !== null;
    const body: WireBody<"getAppKmsInfo", RenderVersion> = {
      is_onchain_kms: onChain,
      chain_id: kms.chainId,
      kms_contract_address: kms.contractAddress,
      app_contract_address: onChain ? (app.contractAddress ?? `0x${app.appId}`) : null,
      deployer_address: onChain ? app.deployerAddress : null,
      deployer_type: onChain && app.deployerAddress ? "eoa" : null,
      is_contract: false,
      safe_app_url: null,
    };
    return c.json(body);
  });
}
