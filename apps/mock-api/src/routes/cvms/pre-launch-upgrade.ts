// GET /cvms/{cvm_id}/pre-launch-script/upgrade-status and POST
// /cvms/{cvm_id}/pre-launch-script/upgrade-to-latest-official: the official
// pre-launch scripts the platform maintains, and moving a CVM that runs an older
// one to the latest, through the update flow (465 first on an on-chain KMS).
import type { Context, Hono, MiddlewareHandler } from "hono";
import { deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import type { MockCvm } from "../../model";
import type { RenderVersion } from "../../versions/endpoints";
import type { WireBody } from "../../versions/sdk-types";
import { composeExtras } from "./compose-store";
import { cvmOf } from "./shared";
import { headerProof, runUpdate } from "./update-flow";

/** The official pre-launch scripts, oldest first: the last is the latest. */
export const OFFICIAL_PRE_LAUNCH_SCRIPTS: readonly string[] = [
  "#!/bin/sh\n# Phala Cloud official pre-launch script v1\nset -e\necho 'preparing the CVM'\n",
  "#!/bin/sh\n# Phala Cloud official pre-launch script v2\nset -e\necho 'preparing the CVM'\nsysctl -w net.core.somaxconn=1024 || true\n",
];

const LATEST = OFFICIAL_PRE_LAUNCH_SCRIPTS[OFFICIAL_PRE_LAUNCH_SCRIPTS.length - 1]!;

/** A script's hash as the CVM record's `pre_launch_script_hash` gives it. */
const scriptHash = (script: string) => deterministicHex(`pre-launch:${script}`, 64);

function upgradeStatus(
  c: Context<MockEnv>,
  cvm: MockCvm,
): WireBody<"getPreLaunchScriptUpgradeStatus", RenderVersion> {
  const script = composeExtras(c.get("render").state, cvm).preLaunchScript;
  const isOfficial = OFFICIAL_PRE_LAUNCH_SCRIPTS.includes(script);
  const isLatest = script === LATEST;
  return {
    current_hash: cvm.preLaunchScriptHash,
    latest_official_hash: scriptHash(LATEST),
    is_official: isOfficial,
    is_latest: isLatest,
    can_upgrade: isOfficial && !isLatest,
  };
}

export function registerPreLaunchUpgradeRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.get("/cvms/:cvm_id/pre-launch-script/upgrade-status", requireApiKey, (c) =>
    c.json(upgradeStatus(c, cvmOf(c))),
  );

  api.post("/cvms/:cvm_id/pre-launch-script/upgrade-to-latest-official", requireApiKey, (c) => {
    const cvm = cvmOf(c);
    const status = upgradeStatus(c, cvm);
    if (status.is_latest) {
      return c.json(
        {
          status: "no_change",
          message: "The CVM already runs the latest official pre-launch script",
          correlation_id: null,
        },
        202,
      );
    }
    // A script of the user's own (or none) is not replaced behind their back.
    if (!status.is_official) {
      throw phalaError(400, {
        message:
          "The CVM's pre-launch script is not an unmodified official one; it cannot be upgraded",
        details: [{ field: "pre_launch_script_hash", value: status.current_hash, message: null }],
        suggestions: ["Set the script yourself with PATCH /cvms/{cvm_id}/pre-launch-script"],
      });
    }
    const operation = runUpdate(c, cvm, { preLaunchScript: LATEST }, headerProof(c));
    return c.json(
      {
        status: "in_progress",
        message: "Pre-launch script upgrade in progress",
        correlation_id: operation,
      },
      202,
    );
  });
}
