import { createAppInstanceResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";
import { appIdSegment } from "../internal/app-id";
import { shapeUpdateResult } from "../internal/update-result";

export interface CreateAppInstanceArgs {
  /** The app id (40 hex characters, with or without `0x` / `app_`). */
  appId: string;
  /** The node to run on; the API picks one when omitted. */
  node_id?: number;
  /** The node by its teepod id: a different id from `node_id`, not an alias of it. */
  teepod_id?: number;
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
 * Resolves the new CVM's VM record (status `starting`; its `id` the `cvm_...`
 * hashid from 2026-05-22, a number before), or, when the app's KMS
 * is on-chain and the compose hash is not registered in its contract yet (HTTP
 * 465), `{ status: "precondition_required", compose_hash, app_id, commit_token?, ... }`:
 * register the hash, then call again with `compose_hash`, `token` (the
 * `commit_token`) and `transaction_hash`. `isComposeHashRegistrationRequired`
 * tells the two apart. (The public `@phala/cloud` throws on the 465.)
 *
 * The body holds the fields of the API's `CreateAppInstanceRequest`; the new
 * CVM's name is the API's to choose (the operation takes no `name`).
 */
export const createAppInstance = /* @__PURE__ */ defineVersionedAction({
  name: "createAppInstance",
  responses: createAppInstanceResponseSchemas,
  plan: (args: CreateAppInstanceArgs) => ({
    method: "POST",
    path: `/apps/${appIdSegment("createAppInstance", args)}/instances`,
    body: checkBodyArgs(
      "createAppInstance",
      args,
      {
        node_id: "int",
        teepod_id: "int",
        docker_compose_file: "string",
        pre_launch_script: "string",
        encrypted_env: "string",
        compose_hash: "string",
        token: "string",
        transaction_hash: "string",
      },
      { pathKeys: ["appId"] },
    ),
    acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
  }),
  shape: shapeUpdateResult,
});

export const safeCreateAppInstance = /* @__PURE__ */ safe(createAppInstance);
