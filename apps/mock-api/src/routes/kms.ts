import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";
import { MockApiError, phalaError, validationError } from "../errors";
import { normalizeAppId, workspaceApps } from "../lookup";
import type { MockKms } from "../model";
import { QueryReader, readPagination } from "../query";
import { OS_IMAGES } from "../resources/capacity";
import {
  CHAIN_NAMES,
  envKeyPairFor,
  findKms,
  mockPubkeySignature,
  nextAppIdFor,
  toHex,
} from "../resources/kms";

export function renderKmsInfo(kms: MockKms) {
  return {
    id: kms.id,
    slug: kms.slug,
    url: kms.url,
    version: kms.version,
    chain_id: kms.chainId,
    kms_contract_address: kms.contractAddress,
    gateway_app_id: kms.gatewayAppId,
  };
}

function kmsNotFoundError(idOrSlug: string): MockApiError {
  return phalaError(404, {
    errorCode: "ERR-02-011",
    message: "KMS not found",
    details: [{ field: "kms_id", value: idOrSlug, message: null }],
    suggestions: ["List the available KMS with GET /kms"],
  });
}

const APP_ID = /^(?:0x|app_)?[0-9a-f]{40}$/i;
const MAX_NEXT_APP_IDS = 20;

export function registerKmsRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  api.get("/kms", requireApiKey, (c) => {
    const { state } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 20);
    const onChain = query.bool("is_onchain");
    query.assertValid();
    const all = [...state.kms.values()].filter(
      (kms) => onChain === undefined || (kms.chainId !== null) === onChain,
    );
    return c.json(
      {
        items: all.slice((page - 1) * pageSize, page * pageSize).map(renderKmsInfo),
        total: all.length,
        page,
        page_size: pageSize,
        pages: Math.max(1, Math.ceil(all.length / pageSize)),
      },
      200,
    );
  });

  // Fixed paths before `/kms/:kms_id...`, so "phala" and "on-chain" are never taken for ids.
  api.get("/kms/phala/next_app_id", requireApiKey, (c) => {
    const { state, caller } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const counts = query.int("counts", 1, { ge: 1, le: MAX_NEXT_APP_IDS });
    query.assertValid();
    // The deployer's nonce: one per app the workspace has created so far.
    const firstNonce = workspaceApps(state, caller.workspace.id).length;
    return c.json(
      {
        app_ids: Array.from({ length: counts }, (_, i) => ({
          app_id: nextAppIdFor(caller.workspace.id, firstNonce + i),
          nonce: firstNonce + i,
        })),
      },
      200,
    );
  });

  api.get("/kms/on-chain/:chain", requireApiKey, (c) => {
    const { state } = c.get("render");
    const chain = c.req.param("chain").toLowerCase();
    const chainId = Object.entries(CHAIN_NAMES).find(
      ([id, name]) => name === chain || id === chain,
    )?.[0];
    if (chainId === undefined) {
      throw new MockApiError(404, { detail: `Chain '${c.req.param("chain")}' is not supported` });
    }
    const nodes = [...state.nodes.values()].sort((a, b) => a.id - b.id);
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

  api.get("/kms/:kms_id", requireApiKey, (c) => {
    const { state } = c.get("render");
    const id = c.req.param("kms_id");
    const kms = findKms(state, id);
    if (!kms) throw kmsNotFoundError(id);
    return c.json(renderKmsInfo(kms), 200);
  });

  api.get("/kms/:kms/pubkey/:app_id", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const rawAppId = c.req.param("app_id");
    if (!APP_ID.test(rawAppId)) {
      throw validationError([
        {
          type: "value_error",
          loc: ["path", "app_id"],
          msg: "Value error, app_id must be 40 hex characters",
          input: rawAppId,
        },
      ]);
    }
    const kms = findKms(state, c.req.param("kms"));
    if (!kms) throw kmsNotFoundError(c.req.param("kms"));
    const appId = normalizeAppId(rawAppId);
    const pair = await envKeyPairFor(state, kms, appId);
    const publicKey = toHex(await crypto.subtle.exportKey("raw", pair.publicKey));
    return c.json(
      { public_key: publicKey, signature: mockPubkeySignature(kms, appId, publicKey) },
      200,
    );
  });
}
