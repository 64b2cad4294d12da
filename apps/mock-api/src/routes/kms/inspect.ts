// GET /kms/{kms_id}/info: a KMS node inspected live. The mock's KMS nodes always
// answer: their RPC and guest agent report what the model holds, every node
// uses every KMS, and an on-chain KMS's contract agrees with its node.
import type { Hono, MiddlewareHandler } from "hono";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import type { MockKms, MockState } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { OS_IMAGES } from "../instance-types/catalogue";
import { findKms } from "./contracts";
import { kmsNotFoundError } from "./list";

/** The KMS's root keys as its bootstrap reported them. */
function bootstrapInfo(kms: MockKms) {
  return {
    k256_pubkey: kms.k256Pubkey,
    ca_pubkey: `0x04${deterministicHex(`ca:${kms.id}`, 128)}`,
    quote_length: 5006,
    eventlog_length: 31,
  };
}

export function renderKmsInspection(
  state: MockState,
  kms: MockKms,
): WireBody<"inspectKms", RenderVersion> {
  const gatewayAppId = `0x${kms.gatewayAppId}`;
  return {
    id: kms.id,
    slug: kms.slug,
    endpoint: kms.url,
    kms_type: kms.kind,
    db_version: kms.version,
    rpc: {
      version: kms.version,
      is_dev: false,
      chain_id: kms.chainId,
      kms_contract_address: kms.contractAddress,
      gateway_app_id: gatewayAppId,
      bootstrap_info: bootstrapInfo(kms),
      version_synced: true,
    },
    rpc_error: null,
    guest_agent: {
      device_id: deterministicHex(`kms-device:${kms.id}`, 64),
      mr_aggregated: deterministicHex(`kms-mr:${kms.id}`, 64),
      os_image_hash: deterministicHex(`kms-os:${kms.version}`, 64),
      instance_id: deterministicHex(`kms-instance:${kms.id}`, 40),
      app_id: deterministicHex(`kms-app:${kms.id}`, 40),
      mr_key_provider: null,
      compose_hash: deterministicHex(`kms-compose:${kms.id}`, 64),
    },
    guest_agent_error: null,
    teepods: [...state.nodes.values()].map((node) => ({
      id: node.id,
      name: node.name,
      teepod_version_db: node.version,
      teepod_version_real: node.version,
      kms_url: kms.url,
      kms_urls: [kms.url],
      available_os_images: OS_IMAGES.filter((image) => image.nodeNames.includes(node.name)).map(
        (image) => ({ name: image.name, version: image.version.join("."), is_dev: image.isDev }),
      ),
      error: null,
    })),
    on_chain:
      kms.chainId === null
        ? null
        : {
            kms_info: bootstrapInfo(kms),
            gateway_app_id: gatewayAppId,
            owner: `0x${deterministicHex(`kms-owner:${kms.id}`, 40)}`,
            verification: {
              k256_pubkey_match: true,
              ca_pubkey_match: true,
              gateway_app_id_match: true,
              device_id_allowed: true,
              os_image_allowed: true,
              mr_aggregated_allowed: true,
            },
            error: null,
          },
  };
}

export function registerKmsInspectRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // A KMS node by id or slug, in every version (the official SDKs do not call it).
  api.get("/kms/:kms_id/info", requireApiKey, (c) => {
    const { state } = c.get("render");
    const id = c.req.param("kms_id");
    const kms = findKms(state, id);
    if (!kms) throw kmsNotFoundError(id);
    return c.json(renderKmsInspection(state, kms));
  });
}
