// What an app contract allows: GET /apps/{app_id}/device-allowlist, and the
// on-chain checks POST /apps/{app_id}/is-allowed and /apps/{app_id}/cvms/is-allowed
// (POST /cvms/{cvm_id}/is-allowed, in cvms/, makes the same check).
import type { Hono, MiddlewareHandler } from "hono";
import { readJsonBody } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { type ValidationIssue, validationError } from "../../internal/errors";
import { appCvms } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import { getKms, getNode, type MockApp, type MockCvm, type MockState } from "../../model";
import { appRevisions } from "./revisions";
import { ownApp } from "./shared";

export function isOnChain(state: MockState, app: MockApp): boolean {
  return getKms(state, app.kmsId).chainId !== null;
}

/** What the app contract allows: the compose hashes it recorded and the devices its CVMs run on. */
export function contractAllowlist(state: MockState, app: MockApp) {
  const hashes = new Set(appRevisions(state, app.appId).map((revision) => revision.composeHash));
  const devices = new Set(
    appCvms(state, app.appId).map((cvm) => getNode(state, cvm.nodeId).deviceId),
  );
  return { hashes, devices };
}

export function contractAddress(app: MockApp): string {
  return app.contractAddress ?? `0x${app.appId}`;
}

/** The on-chain check of one compose hash on one device. */
export function checkAllowed(
  state: MockState,
  app: MockApp,
  composeHash: string,
  deviceId: string,
  /** The CVM checked, by its hashid (the version chain numbers it for older versions). */
  cvmId?: string,
) {
  const base = {
    ...(cvmId === undefined ? {} : { cvm_id: cvmId }),
    app_contract_address: contractAddress(app),
    compose_hash: composeHash,
    device_id: deviceId,
    allow_any_device: false,
  };
  if (!isOnChain(state, app)) {
    return {
      ...base,
      compose_hash_allowed: false,
      device_id_allowed: null,
      is_allowed: false,
      error: "App does not use an on-chain KMS",
    };
  }
  const { hashes, devices } = contractAllowlist(state, app);
  const composeHashAllowed = hashes.has(composeHash.replace(/^0x/, "").toLowerCase());
  const deviceAllowed = devices.has(deviceId.replace(/^0x/, "").toLowerCase());
  return {
    ...base,
    compose_hash_allowed: composeHashAllowed,
    device_id_allowed: deviceAllowed,
    is_allowed: composeHashAllowed && deviceAllowed,
    error: null,
  };
}

export function renderDeviceAllowlist(state: MockState, app: MockApp) {
  const kms = getKms(state, app.kmsId);
  if (kms.chainId === null) {
    return {
      is_onchain_kms: false,
      allow_any_device: null,
      chain_id: null,
      app_contract_address: null,
      devices: [],
    };
  }
  const byNode = new Map<number, MockCvm[]>();
  for (const cvm of appCvms(state, app.appId)) {
    byNode.set(cvm.nodeId, [...(byNode.get(cvm.nodeId) ?? []), cvm]);
  }
  return {
    is_onchain_kms: true,
    allow_any_device: false,
    chain_id: kms.chainId,
    app_contract_address: contractAddress(app),
    devices: [...byNode].map(([nodeId, cvms]) => {
      const node = getNode(state, nodeId);
      return {
        device_id: node.deviceId,
        node_name: node.name,
        allowed_onchain: true,
        status: "allowed",
        // Hashids, in the order of the table ids older versions show.
        cvm_ids: cvms.sort((a, b) => a.tableId - b.tableId).map((cvm) => cvm.id),
      };
    }),
  };
}

/** Optional typed fields of an is-allowed body, checked as pydantic would. */
export function readCheckBody(
  raw: unknown,
  fields: Record<string, "string" | "requiredString" | "int">,
): Record<string, string | number | undefined> {
  const body = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {};
  const issues: ValidationIssue[] = [];
  const out: Record<string, string | number | undefined> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined || value === null) {
      if (kind === "requiredString") {
        issues.push({ type: "missing", loc: ["body", field], msg: "Field required", input: body });
      }
      continue;
    }
    if (kind === "int" ? !Number.isInteger(value) : typeof value !== "string") {
      issues.push({
        type: kind === "int" ? "int_type" : "string_type",
        loc: ["body", field],
        msg: kind === "int" ? "Input should be a valid integer" : "Input should be a valid string",
        input: value,
      });
      continue;
    }
    out[field] = value as string | number;
  }
  if (issues.length > 0) throw validationError(issues);
  return out;
}

export function registerAllowlistRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/apps/:app_id/device-allowlist", requireApiKey, (c) => {
    return respond(
      c,
      "getAppDeviceAllowlist",
      renderDeviceAllowlist(c.get("render").state, ownApp(c)),
    );
  });

  api.post("/apps/:app_id/is-allowed", requireApiKey, async (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    const body = readCheckBody(await readJsonBody(c.req, "empty-object"), {
      compose_hash: "requiredString",
      node_id: "int",
      device_id: "string",
      chain_id: "int",
    });
    const deviceId =
      (body.device_id as string | undefined) ??
      (typeof body.node_id === "number" ? state.nodes.get(body.node_id)?.deviceId : undefined) ??
      "";
    return c.json(checkAllowed(state, app, body.compose_hash as string, deviceId), 200);
  });

  // Takes no body: every CVM of the app is checked.
  api.post("/apps/:app_id/cvms/is-allowed", requireApiKey, (c) => {
    const { state } = c.get("render");
    const app = ownApp(c);
    if (!isOnChain(state, app)) {
      return respond(c, "checkAppCvmsIsAllowed", {
        is_onchain: false,
        results: [],
        total: 0,
        allowed_count: 0,
        denied_count: 0,
        error_count: 0,
        skipped_cvm_ids: [],
      });
    }
    const cvms = appCvms(state, app.appId);
    // A CVM that never booted has no device to check yet.
    const checked = cvms.filter((cvm) => cvm.instanceId !== null);
    const results = checked.map((cvm) =>
      checkAllowed(state, app, cvm.composeHash, getNode(state, cvm.nodeId).deviceId, cvm.id),
    );
    return respond(c, "checkAppCvmsIsAllowed", {
      is_onchain: true,
      results: results.map((result) => ({ ...result, cvm_id: result.cvm_id as string })),
      total: cvms.length,
      allowed_count: results.filter((r) => r.is_allowed).length,
      denied_count: results.filter((r) => !r.is_allowed && !r.error).length,
      error_count: results.filter((r) => r.error).length,
      skipped_cvm_ids: cvms.filter((cvm) => cvm.instanceId === null).map((cvm) => cvm.id),
    });
  });
}
