// POST /apps/{app_id}/revisions/{revision_id}/redeploy: an earlier revision's
// compose file, applied again to the app's CVMs (or the ones named). On an
// on-chain KMS a compose hash the app contract does not allow yet is answered
// 465 (each waiting CVM keeps the update pending, as the update endpoints do),
// until the call comes again with the registering transaction in its query.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError, phalaError } from "../../internal/errors";
import { appCvms } from "../../internal/lookup";
import { QueryReader } from "../../internal/query";
import { operationAccepted } from "../../internal/respond";
import type { MockCvm } from "../../model";
import {
  applyChange,
  type CvmChange,
  composeExtras,
  composeHashAfter,
} from "../cvms/compose-store";
import {
  checkRegistrationProof,
  isOnChain,
  isRegistered,
  markRegistered,
  registrationRequiredError,
} from "../cvms/registration";
import { assertIdle, assertNodeAvailable } from "../cvms/status-machine";
import { findAppCvm } from "./app-cvm";
import { appRevisions, recordRevision, revisionFor } from "./revisions";
import { ownApp } from "./shared";

/** The statuses this flow answers a bad proof with: the contract lists neither 466 nor 467 here. */
const REDEPLOY_PROOF = { invalidHash: 409, failedTransaction: 400 } as const;

export function registerRedeployRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/apps/:app_id/revisions/:revision_id/redeploy", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const app = ownApp(c);
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const vmUuids = body.strings("vm_uuids");
    body.assertValid();
    const transactionHash = new QueryReader((name) => c.req.queries(name) ?? []).string(
      "transaction_hash",
    );
    const revisionId = c.req.param("revision_id");
    const revision = appRevisions(state, app.appId).find((r) => r.revisionId === revisionId);
    if (!revision) {
      return c.json({ detail: `Revision ${revisionId} not found for app ${app.appId}` }, 404);
    }
    const targets: MockCvm[] = vmUuids
      ? vmUuids.map((vmUuid) => {
          const cvm = findAppCvm(state, app, vmUuid);
          if (!cvm) throw cvmNotFoundError(vmUuid);
          return cvm;
        })
      : appCvms(state, app.appId);
    if (targets.length === 0) {
      throw phalaError(400, {
        errorCode: "ERR-01-002",
        message: "The app has no CVM to redeploy the revision to",
        details: [{ field: "vm_uuids", value: vmUuids ?? [], message: null }],
      });
    }
    for (const cvm of targets) {
      assertIdle(state, cvm);
      assertNodeAvailable(state, cvm.nodeId);
    }
    const change: CvmChange = { dockerComposeFile: revision.composeFile };
    // Checked for every target before any is changed: a 465 leaves them all as they were.
    const unregistered = targets
      .map((cvm) => ({ cvm, hash: composeHashAfter(state, cvm, change) }))
      .filter(
        ({ cvm, hash }) =>
          hash !== cvm.composeHash && isOnChain(state, cvm) && !isRegistered(state, cvm, hash),
      );
    const first = unregistered[0];
    if (first && transactionHash === undefined) {
      for (const { cvm, hash } of unregistered) {
        composeExtras(state, cvm).pending = { composeHash: hash, change, commitToken: null };
      }
      throw registrationRequiredError(state, first.cvm, first.hash, {
        suggestion:
          "Register the compose hash in the app contract (addComposeHash), then repeat the redeploy with its transaction_hash",
      });
    }
    for (const { cvm, hash } of unregistered) {
      checkRegistrationProof(hash, hash, transactionHash, REDEPLOY_PROOF);
      markRegistered(state, cvm, hash);
    }
    const createdAt = now.toISOString();
    const operations = targets.map((cvm) => {
      const operation = applyChange(state, cvm, change, now);
      recordRevision(state, { ...revisionFor(cvm, "redeploy", createdAt), userId: caller.user.id });
      return operation;
    });
    return c.json(operationAccepted(operations[0]!, "Redeploy in progress"), 202);
  });
}
