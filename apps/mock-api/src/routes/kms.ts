import type { KmsInfoSchema } from "@phala/cloud-schemas";
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../env";
import { MockApiError, phalaError, ROUTE_NOT_FOUND_BODY, validationError } from "../errors";
import { normalizeAppId, workspaceApps } from "../lookup";
import type { MockKms } from "../model";
import { paged, QueryReader, readPagination } from "../query";
import { OS_IMAGES, sortedNodes } from "../resources/capacity";
import {
  CHAIN_NAMES,
  envKeyPairFor,
  findKms,
  findKmsContract,
  kmsContracts,
  mockPubkeySignature,
  nextAppIdFor,
  toHex,
} from "../resources/kms";
import type { MockEndpoint } from "../versions/endpoints";
import { renderKmsContract, renderKmsContractNode } from "../versions/render-2026-06-23";
import type { WireInput } from "../versions/sdk-types";
import { respond } from "./respond";

/** A KMS node, as `GET /kms` (before 2026-06-23) and `GET /kms/{kms_id}` describe it. */
export function renderKmsInfo(kms: MockKms): WireInput<typeof KmsInfoSchema> {
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

/**
 * A route that exists only in the versions serving `endpoint`: an unknown route
 * (FastAPI's 404, key or not) in the others.
 */
function onlyServing(endpoint: MockEndpoint): MiddlewareHandler<MockEnv> {
  return async (c, next) => {
    if (!c.get("chain").serves(endpoint, c.get("apiVersion"))) {
      return c.json(ROUTE_NOT_FOUND_BODY, 404);
    }
    await next();
  };
}

export function registerKmsRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  // KMS nodes before 2026-06-23; KMS contracts from it (the SDK pins getKmsList to 2026-05-22).
  api.get("/kms", requireApiKey, (c) => {
    const { state, version } = c.get("render");
    const query = new QueryReader((name) => c.req.queries(name) ?? []);
    const { page, pageSize } = readPagination(query, 20);
    const onChain = query.bool("is_onchain");
    query.assertValid();
    if (c.get("chain").serves("listKmsContracts", version)) {
      const contracts = kmsContracts(state).filter(
        (contract) => onChain === undefined || (contract.chainId !== 0) === onChain,
      );
      return respond(c, "listKmsContracts", paged(contracts, page, pageSize, renderKmsContract));
    }
    const all = [...state.kms.values()].filter(
      (kms) => onChain === undefined || (kms.chainId !== null) === onChain,
    );
    return respond(c, "getKmsList", paged(all, page, pageSize, renderKmsInfo));
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

  // A KMS node (by id or slug) before 2026-06-23; a KMS contract (slug or kc_ id) from it.
  api.get("/kms/:kms_id", requireApiKey, (c) => {
    const { state, version } = c.get("render");
    const id = c.req.param("kms_id");
    if (c.get("chain").serves("getKmsContract", version)) {
      const contract = findKmsContract(state, id);
      if (!contract) throw kmsNotFoundError(id);
      return respond(c, "getKmsContract", renderKmsContract(contract));
    }
    const kms = findKms(state, id);
    if (!kms) throw kmsNotFoundError(id);
    return respond(c, "getKmsInfo", renderKmsInfo(kms));
  });

  api.get("/kms/:kms_slug/nodes", onlyServing("listKmsContractNodes"), requireApiKey, (c) => {
    const { state } = c.get("render");
    const slug = c.req.param("kms_slug");
    const contract = findKmsContract(state, slug);
    if (!contract) throw kmsNotFoundError(slug);
    return respond(c, "listKmsContractNodes", {
      items: contract.nodes.map(renderKmsContractNode),
      total: contract.nodes.length,
    });
  });

  // `{kms}` names a KMS node (id or slug) before 2026-06-23, a KMS contract from
  // it: its nodes share one root key, so the contract's first node answers.
  api.get("/kms/:kms/pubkey/:app_id", requireApiKey, async (c) => {
    const { state, version } = c.get("render");
    const byNode = c.get("chain").serves("getAppEnvEncryptPubKey", version);
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
    const named = c.req.param("kms");
    const kms = byNode ? findKms(state, named) : findKmsContract(state, named)?.nodes[0];
    if (!kms) throw kmsNotFoundError(named);
    const appId = normalizeAppId(rawAppId);
    const pair = await envKeyPairFor(state, kms, appId);
    const publicKey = toHex(await crypto.subtle.exportKey("raw", pair.publicKey));
    const body = { public_key: publicKey, signature: mockPubkeySignature(kms, appId, publicKey) };
    return byNode ? respond(c, "getAppEnvEncryptPubKey", body) : c.json(body, 200);
  });
}
