// GET /kms, GET /kms/{kms_id} and GET /kms/{kms_slug}/nodes: the KMS nodes, and
// from 2026-06-23 the KMS contracts they form.
//
// GET /kms/{kms_slug}/nodes is absent from the API reference (listed in
// contract/exceptions.json): it is filed under KMS, the tag of every other
// operation under /kms.
import type { KmsInfoSchema } from "@phala/cloud-schemas";
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { type MockApiError, phalaError, ROUTE_NOT_FOUND_BODY } from "../../internal/errors";
import { paged, QueryReader, readPagination } from "../../internal/query";
import { respond } from "../../internal/respond";
import type { MockKms } from "../../model";
import type { MockEndpoint } from "../../versions/endpoints";
import { renderKmsContract, renderKmsContractNode } from "../../versions/render-2026-06-23";
import type { WireInput } from "../../versions/sdk-types";
import { findKms, findKmsContract, kmsContracts } from "./contracts";

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

export function kmsNotFoundError(idOrSlug: string): MockApiError {
  return phalaError(404, {
    errorCode: "ERR-02-011",
    message: "KMS not found",
    details: [{ field: "kms_id", value: idOrSlug, message: null }],
    suggestions: ["List the available KMS with GET /kms"],
  });
}

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

export function registerKmsListRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
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
}
