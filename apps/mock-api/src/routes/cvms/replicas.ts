// POST /cvms/{cvm_id}/replicas and /commit-replica: a new VM of the same app and
// compose on another node; on-chain, once the app contract allows its device.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readCommitRequest, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { respond } from "../../internal/respond";
import { getNode } from "../../model";
import { assertQuotaAllows } from "../workspaces/limits";
import { bareHash } from "./compose-store";
import {
  checkRegistrationProof,
  isOnChain,
  markDeviceRegistered,
  registrationRequiredError,
} from "./registration";
import {
  createReplica,
  deviceAllowed,
  prepareReplica,
  restorePreparedReplica,
  takePreparedReplica,
} from "./replica-store";
import { cvmOf, nodeNotFound, renderVm } from "./shared";
import { assertNodeAvailable } from "./status-machine";

export function registerReplicaRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/:cvm_id/replicas", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const teepodId = body.int("teepod_id");
    // The official SDKs send the target as node_id; it names the same teepod.
    const nodeIdField = body.int("node_id");
    const encryptedEnv = body.string("encrypted_env");
    const composeHash = body.string("compose_hash");
    if (encryptedEnv !== undefined && !/^(0x)?[0-9a-fA-F]*$/.test(encryptedEnv)) {
      body.invalid("encrypted_env", "encrypted_env must be hex");
    }
    body.assertValid();
    const source = cvmOf(c);
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
    // On-chain, the app contract must allow the new node's device first. The 465
    // always carries a commit token (X-Prepare-Only or not): /commit-replica with
    // the registering transaction is the only way to finish, the request body
    // having no transaction field. Where nothing needs registering, the replica
    // is created at once.
    const deviceId = getNode(state, nodeId).deviceId;
    if (isOnChain(state, source) && !deviceAllowed(state, source.appId, deviceId)) {
      const token = prepareReplica(state, source, request, caller.user.id);
      const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/cvms\/.*$/, "");
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
    return respond(c, "replicateCvm", renderVm(c, replica));
  });

  api.post("/cvms/:cvm_id/commit-replica", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const source = cvmOf(c);
    const body = await readCommitRequest(c.req, c.req.query("token"));
    const pending = takePreparedReplica(state, source, body.token);
    if (!pending) {
      throw phalaError(409, {
        errorCode: "ERR-01-006",
        message: "Commit token is invalid or expired",
        details: [{ field: "token", value: body.token, message: null }],
        suggestions: ["Request the replica again to get a fresh commit token"],
      });
    }
    try {
      checkRegistrationProof(
        source.composeHash,
        body.compose_hash || source.composeHash,
        body.transaction_hash || undefined,
        { invalidHash: 400, failedTransaction: 400 },
      );
      assertNodeAvailable(state, pending.nodeId);
    } catch (error) {
      // A failed commit leaves the replica prepared: the caller may try again.
      restorePreparedReplica(state, pending);
      throw error;
    }
    markDeviceRegistered(state, source.appId, getNode(state, pending.nodeId).deviceId);
    const replica = createReplica(state, source, pending, caller, now);
    return respond(c, "commitCvmReplica", renderVm(c, replica));
  });
}
