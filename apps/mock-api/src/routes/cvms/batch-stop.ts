// POST /cvms/batch-stop: many CVMs powered off in one request, each through
// `stopping` to `stopped` as POST /cvms/{cvm_id}/stop moves it.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import type { MockEnv } from "../../internal/env";
import { MockApiError, phalaError, validationError } from "../../internal/errors";
import { resolveCvm } from "../../internal/lookup";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { applyPowerAction } from "./power";
import { currentCvmStatus } from "./status-machine";

/** The contract's `maxItems` of `cvm_ids`. */
const MAX_IDS = 50;

type BatchStopBody = WireBody<"stopCvmsBatch", RenderVersion>;

function errorMessage(error: MockApiError): string {
  const detail = (error.body as { detail?: unknown }).detail;
  if (typeof detail === "string") return detail;
  const message = (detail as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : `HTTP ${error.status}`;
}

export function registerBatchStopRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/batch-stop", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const ids = body.strings("cvm_ids", true);
    body.assertValid();
    const cvmIds = ids as string[];
    if (cvmIds.length > MAX_IDS) {
      throw validationError([
        {
          type: "too_long",
          loc: ["body", "cvm_ids"],
          msg: `List should have at most ${MAX_IDS} items after validation, not ${cvmIds.length}`,
          input: cvmIds,
          ctx: { field_type: "List", max_length: MAX_IDS, actual_length: cvmIds.length },
        },
      ]);
    }
    if (cvmIds.length === 0) {
      throw phalaError(400, {
        errorCode: "ERR-01-002",
        message: "cvm_ids must name at least one CVM",
        details: [{ field: "cvm_ids", value: [], message: null }],
      });
    }
    const result: BatchStopBody = { total: cvmIds.length, stopped: 0, skipped: 0, errors: [] };
    for (const id of cvmIds) {
      const cvm = resolveCvm(state, caller.workspace.id, id);
      if (!cvm) {
        result.errors?.push({ cvm_id: id, error: "CVM not found" });
        continue;
      }
      const status = currentCvmStatus(state, cvm);
      if (status === "stopped" || status === "stopping") {
        result.skipped += 1;
        continue;
      }
      try {
        applyPowerAction(state, cvm, "stop", now);
        result.stopped += 1;
      } catch (error) {
        if (!(error instanceof MockApiError)) throw error;
        result.errors?.push({ cvm_id: id, error: errorMessage(error) });
      }
    }
    return c.json(result);
  });
}
