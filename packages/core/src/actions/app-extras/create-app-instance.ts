import { AppInstanceSchema } from "@phala/cloud-schemas";
import { defineAction, safe } from "../../action";
import { appIdSegment } from "../app-id";
import { checkBodyArgs } from "./body-args";

export interface CreateAppInstanceArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The new CVM's name; the API picks one when omitted. */
  name?: string;
  /** The node to run on; the API picks one when omitted. */
  node_id?: number;
  /** A new compose file for this instance; the app's current one when omitted. */
  docker_compose_file?: string;
  pre_launch_script?: string;
  /** Hex from `encryptEnvVars` with the app's env-encryption public key. */
  encrypted_env?: string;
  /**
   * On-chain KMS apps, second call: the compose hash registered on-chain, the
   * commit token the first call's 465 answer carried, and the registering transaction.
   */
  compose_hash?: string;
  token?: string;
  transaction_hash?: string;
}

/**
 * One more CVM instance of an existing app: `POST /apps/{app_id}/instances`.
 * The new CVM starts in status `starting`.
 */
export const createAppInstance = /* @__PURE__ */ defineAction({
  name: "createAppInstance",
  response: AppInstanceSchema,
  plan: (args: CreateAppInstanceArgs) => ({
    method: "POST",
    path: `/apps/${appIdSegment("createAppInstance", args)}/instances`,
    body: checkBodyArgs("createAppInstance", args, ["appId"], {
      name: "string",
      node_id: "int",
      docker_compose_file: "string",
      pre_launch_script: "string",
      encrypted_env: "string",
      compose_hash: "string",
      token: "string",
      transaction_hash: "string",
    }),
  }),
});

export const safeCreateAppInstance = /* @__PURE__ */ safe(createAppInstance);
