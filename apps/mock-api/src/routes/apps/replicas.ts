// POST /apps/{app_id}/cvms/{vm_uuid}/replicas: a replica of one of an app's CVMs,
// named within its app. The API serves it with the handler of POST
// /cvms/{cvm_id}/replicas (cvms/replicas.ts); this route keeps its rules and
// its 465, whose commit token /cvms/{source}/commit-replica takes.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { respond } from "../../internal/respond";
import { getNode } from "../../model";
import { bareHash } from "../cvms/compose-store";
import { isOnChain, registrationRequiredError } from "../cvms/registration";
import { createReplica, deviceAllowed, prepareReplica } from "../cvms/replica-store";
import { nodeNotFound, renderVm } from "../cvms/shared";
import { assertNodeAvailable } from "../cvms/status-machine";
import { assertQuotaAllows } from "../workspaces/limits";
import { appCvmByVmUuid } from "./app-cvm";
import { ownApp } from "./shared";

export function registerAppReplicaRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/apps/:app_id/cvms/:vm_uuid/replicas", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const teepodId = body.int("teepod_id");
    const nodeIdField = body.int("node_id");
    const encryptedEnv = body.string("encrypted_env");
    const composeHash = body.string("compose_hash");
    if (encryptedEnv !== undefined && !/^(0x)?[0-9a-fA-F]*$/.test(encryptedEnv)) {
      body.invalid("encrypted_env", "encrypted_env must be hex");
    }
    body.assertValid();
    const source = appCvmByVmUuid(c, ownApp(c));
    const nodeId = teepodId ?? nodeIdField ?? source.nodeId;
    if (!state.nodes.has(nodeId)) throw nodeNotFound(nodeId);
    if (composeHash !== undefined && bareHash(composeHash.trim()) !== source.composeHash) {
      throw phalaError(400, {
        errorCode: "ERR-01-006",
        message: "Compose hash is invalid or expired: a replica runs its source's compose",
        details: [
          { field: "compose_hash", value: composeHash, message: null },
          { field: "expected_compose_hash", value: source.composeHash, message: null },
        ],
        suggestions: ["Omit compose_hash, or send the source CVM's"],
      });
    }
    assertNodeAvailable(state, nodeId);
    assertQuotaAllows(state, caller.workspace, {
      vmSlots: 1,
      vcpu: source.vcpu,
      memoryMb: source.memoryMb,
      diskGb: source.diskGb,
      gpus: source.gpus,
    });
    const request = { nodeId, encryptedEnv: encryptedEnv ?? null };
    // On-chain, the app contract must allow the new node's device first: the
    // replica is kept until /cvms/{source}/commit-replica brings the token and
    // the registering transaction.
    if (
      isOnChain(state, source) &&
      !deviceAllowed(state, source.appId, getNode(state, nodeId).deviceId)
    ) {
      const token = prepareReplica(state, source, request, caller.user.id);
      const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/apps\/.*$/, "");
      throw registrationRequiredError(state, { appId: source.appId, nodeId }, source.composeHash, {
        message: "Device registration required on-chain",
        composeHashAllowed: true,
        deviceIdAllowed: false,
        commit: {
          token,
          url: `https://cloud.phala.network/cvms/${source.id}/commit-replica?token=${token}`,
          apiUrl: `${baseUrl}/cvms/${source.id}/commit-replica`,
        },
        suggestion:
          "Register the device in the app contract (addDevice), then POST the commit URL with the token and the transaction hash",
      });
    }
    const replica = createReplica(state, source, request, caller, now);
    return respond(c, "replicateAppCvm", renderVm(c, replica));
  });
}
