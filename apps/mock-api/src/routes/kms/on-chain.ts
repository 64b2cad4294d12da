// GET /kms/on-chain/{chain}: a chain's KMS contracts, with the devices and OS
// images they allow.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { MockApiError } from "../../internal/errors";
import { OS_IMAGES, sortedNodes } from "../instance-types/catalogue";

/** Names the API accepts for each chain (mock data, for the seeded on-chain KMS). */
export const CHAIN_NAMES: Record<number, string> = { 1: "ethereum", 8453: "base" };

export function registerOnChainRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/kms/on-chain/:chain", requireApiKey, (c) => {
    const { state } = c.get("render");
    const chain = c.req.param("chain").toLowerCase();
    const chainId = Object.entries(CHAIN_NAMES).find(
      ([id, name]) => name === chain || id === chain,
    )?.[0];
    if (chainId === undefined) {
      throw new MockApiError(404, { detail: `Chain '${c.req.param("chain")}' is not supported` });
    }
    const nodes = sortedNodes(state);
    const contracts = [...state.kms.values()]
      .filter((kms) => kms.chainId === Number(chainId) && kms.contractAddress)
      .map((kms) => ({
        contract_address: kms.contractAddress!,
        chain_id: kms.chainId!,
        chain_name: CHAIN_NAMES[kms.chainId!]!,
        devices: nodes.map((node) => ({
          device_id: node.deviceId,
          node_name: node.name,
          on_chain_allowed: true,
        })),
        // On-chain KMS allow production images only.
        os_images: OS_IMAGES.map((image) => ({
          name: image.name,
          version: image.version.join("."),
          os_image_hash: image.imageHash,
          on_chain_allowed: !image.isDev,
        })),
      }));
    return c.json(
      { chain_name: CHAIN_NAMES[Number(chainId)]!, chain_id: Number(chainId), contracts },
      200,
    );
  });
}
