// PATCH /cvms/instance-ids and PATCH /cvms/{cvm_id}/instance-id: the instance id
// a CVM's node reports, refreshed into the record.
import type { InstanceIdRefreshResultV20260522Schema } from "@phala/cloud-schemas";
import type { Context, Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { resolveCvm, workspaceCvms } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import type { MockCvm } from "../../model";
import type { WireInput } from "../../versions/sdk-types";
import { cvmOf } from "./shared";
import { currentCvmStatus } from "./status-machine";

/** One refresh's result, with the CVM's hashid (null when there is none). */
type RefreshItem = WireInput<typeof InstanceIdRefreshResultV20260522Schema> & {
  status: "updated" | "unchanged" | "skipped" | "conflict" | "error";
};

/** What refreshing a CVM's instance id from its node finds; saved unless a dry run. */
function refreshInstanceId(
  c: Context<MockEnv>,
  cvm: MockCvm,
  identifier: string,
  options: { overwrite: boolean; dryRun: boolean },
): RefreshItem {
  const { state } = c.get("render");
  const base = { cvm_id: cvm.id, identifier, old_instance_id: cvm.instanceId };
  const status = currentCvmStatus(state, cvm);
  // The node knows a VM's instance id once it has booted; the mock derives it from the VM.
  const reported =
    cvm.instanceId ??
    (status === "running" ? `${cvm.vmUuid.replaceAll("-", "")}${cvm.appId}`.slice(0, 40) : null);
  if (reported === null) {
    return {
      ...base,
      status: "skipped",
      new_instance_id: null,
      source: "none",
      verified_with_gateway: false,
      reason: "the VM has not booted yet",
    };
  }
  const verified = cvm.gatewayEnabled;
  if (reported === cvm.instanceId) {
    return {
      ...base,
      status: "unchanged",
      new_instance_id: reported,
      source: "teepod_state",
      verified_with_gateway: verified,
      reason: null,
    };
  }
  if (cvm.instanceId !== null && !options.overwrite) {
    return {
      ...base,
      status: "conflict",
      new_instance_id: reported,
      source: "teepod_state",
      verified_with_gateway: verified,
      reason: "an instance id is already recorded; pass overwrite to replace it",
    };
  }
  if (!options.dryRun) cvm.instanceId = reported;
  return {
    ...base,
    status: "updated",
    new_instance_id: reported,
    source: "teepod_state",
    verified_with_gateway: verified,
    reason: options.dryRun ? "dry run: not saved" : null,
  };
}

export function registerInstanceIdRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  // Before /cvms/:cvm_id/... so "instance-ids" is never taken for a CVM id.
  api.patch("/cvms/instance-ids", requireApiKey, async (c) => {
    const { state, caller } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const cvmIds = body.strings("cvm_ids");
    const runningOnly = body.bool("running_only") ?? true;
    const missingOnly = body.bool("missing_only") ?? true;
    const overwrite = body.bool("overwrite") ?? false;
    const limit = body.int("limit", { ge: 1, le: 500 }) ?? 100;
    const dryRun = body.bool("dry_run") ?? false;
    body.assertValid();
    const targets: { identifier: string; cvm: MockCvm | null }[] = cvmIds
      ? cvmIds.map((identifier) => ({
          identifier,
          cvm: resolveCvm(state, caller.workspace.id, identifier),
        }))
      : workspaceCvms(state, caller.workspace.id).map((cvm) => ({ identifier: cvm.id, cvm }));
    const eligible = targets.filter(
      ({ cvm }) =>
        cvm === null ||
        ((!runningOnly || currentCvmStatus(state, cvm) === "running") &&
          (!missingOnly || cvm.instanceId === null)),
    );
    const scanned = eligible.slice(0, limit);
    const items: RefreshItem[] = scanned.map(({ identifier, cvm }) =>
      cvm
        ? refreshInstanceId(c, cvm, identifier, { overwrite, dryRun })
        : {
            // No CVM: no hashid (the chain gives older versions the placeholder 0).
            cvm_id: null,
            identifier,
            status: "error",
            old_instance_id: null,
            new_instance_id: null,
            source: "none",
            verified_with_gateway: false,
            reason: "CVM not found",
          },
    );
    const count = (status: RefreshItem["status"]) =>
      items.filter((item) => item.status === status).length;
    return respond(c, "refreshCvmInstanceIds", {
      total: targets.length,
      scanned: items.length,
      updated: count("updated"),
      unchanged: count("unchanged"),
      skipped: count("skipped"),
      conflicts: count("conflict"),
      errors: count("error"),
      items,
    });
  });

  api.patch("/cvms/:cvm_id/instance-id", requireApiKey, async (c) => {
    const body = new BodyReader(await readJsonObject(c.req, "empty-object"));
    const overwrite = body.bool("overwrite") ?? false;
    const dryRun = body.bool("dry_run") ?? false;
    body.assertValid();
    const cvm = cvmOf(c);
    const result = refreshInstanceId(c, cvm, c.req.param("cvm_id"), { overwrite, dryRun });
    return respond(c, "refreshCvmInstanceId", result);
  });
}
