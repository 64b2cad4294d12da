import { checkAppIsAllowedResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { appIdSegment } from "../internal/app-id";

export interface CheckAppIsAllowedArgs {
  /** The app id, which is also its contract address (with or without `0x`). */
  appId: string;
  compose_hash: string;
  /** The node whose device to check; or give `device_id` directly. */
  node_id?: number;
  device_id?: string;
  /** The chain to ask; with every other field given the API needs no database lookup. */
  chain_id?: number;
}

/**
 * Whether an app's on-chain contract allows a compose hash on a device:
 * `POST /apps/{app_id}/is-allowed`.
 */
export const checkAppIsAllowed = /* @__PURE__ */ defineVersionedAction({
  name: "checkAppIsAllowed",
  responses: checkAppIsAllowedResponseSchemas,
  plan: (args: CheckAppIsAllowedArgs) => ({
    method: "POST",
    path: `/apps/${appIdSegment("checkAppIsAllowed", args)}/is-allowed`,
    body: checkBodyArgs(
      "checkAppIsAllowed",
      args,
      {
        compose_hash: { kind: "nonEmptyString", required: true },
        node_id: "int",
        device_id: "string",
        chain_id: "int",
      },
      { pathKeys: ["appId"] },
    ),
  }),
});

export const safeCheckAppIsAllowed = /* @__PURE__ */ safe(checkAppIsAllowed);
