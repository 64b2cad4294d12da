// PATCH /cvms/{cvm_id}/resources: a new size for a CVM.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { operationAccepted } from "../../internal/respond";
import { assertGrowthAllowed } from "../workspaces/limits";
import { cvmOf } from "./shared";
import { planResize } from "./sizes";
import { applyChangeWithRestart, currentCvmStatus } from "./status-machine";

export function registerResourceRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.patch("/cvms/:cvm_id/resources", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const vcpu = body.int("vcpu", { ge: 1 });
    const memory = body.int("memory", { ge: 1 });
    const diskSize = body.int("disk_size", { ge: 1 });
    const instanceType = body.string("instance_type");
    const allowRestart = body.flag("allow_restart") ?? false;
    body.assertValid();
    const cvm = cvmOf(c);
    if ([vcpu, memory, diskSize, instanceType].every((value) => value === undefined)) {
      throw phalaError(400, {
        errorCode: "ERR-02-008",
        message: "Nothing to update: give vcpu, memory, disk_size or instance_type",
      });
    }
    const resize = planResize(cvm, { vcpu, memory, diskSize, instanceType });
    const status = currentCvmStatus(state, cvm);
    if (status === "running" && !allowRestart) {
      throw phalaError(400, {
        errorCode: "ERR-02-008",
        message: "Resizing a running CVM restarts it; pass allow_restart: true",
        details: [{ field: "allow_restart", value: false, message: null }],
        suggestions: ["Set allow_restart to true, or stop the CVM first"],
      });
    }
    assertGrowthAllowed(state, caller.workspace, cvm, {
      vcpu: resize.vcpu,
      memoryMb: resize.memoryMb,
      diskGb: resize.diskGb,
      gpus: resize.gpus,
    });
    const operation = applyChangeWithRestart(state, cvm, "resize", now);
    if (resize.instanceType !== undefined) {
      cvm.instanceType = resize.instanceType;
      cvm.vcpu = resize.vcpu as number;
      cvm.memoryMb = resize.memoryMb as number;
      cvm.gpus = resize.gpus as number;
      cvm.hourlyPrice = resize.hourlyPrice as string;
    }
    if (resize.diskGb !== undefined) cvm.diskGb = resize.diskGb;
    return c.json(operationAccepted(operation, "Resize in progress"), 202);
  });
}
