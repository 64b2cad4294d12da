import { checkBodyArgs } from "../../body-args";
import { COMPOSE_HASH_REGISTRATION_REQUIRED } from "../../registration";

/** What a new replica may be given: `replicateCvm` and `replicateAppCvm` take the same. */
export interface ReplicaFields {
  /** The node for the replica; the API picks one when omitted. */
  node_id?: number;
  /** The node by its teepod id: another id space than `node_id`, not an alias of it. */
  teepod_id?: number;
  /** The replica's env vars, hex from `encryptEnvVars`; the source CVM's when omitted. */
  encrypted_env?: string;
  /** The compose hash the replica runs (64 hex), e.g. the one registered on-chain. */
  compose_hash?: string;
  /**
   * Only prepare the replica (sent as `X-Prepare-Only: true`): for an app whose
   * KMS is an on-chain contract the answer carries a one-time `commit_token`, so
   * another party (a multisig) can register the hash or device and commit it
   * with `commitCvmReplica`.
   */
  prepareOnly?: boolean;
}

/**
 * The request of a replica at `path` (`POST .../replicas`): the fields given as
 * the body, `prepareOnly` as its header, the 465 answer accepted as a result.
 */
export function replicaRequest(
  name: string,
  args: ReplicaFields,
  path: string,
  pathKeys: Iterable<string>,
) {
  const { prepareOnly, ...body } = checkBodyArgs(
    name,
    args,
    {
      node_id: "positiveInt",
      teepod_id: "positiveInt",
      encrypted_env: "hex",
      compose_hash: "hash",
      prepareOnly: "boolean",
    },
    { pathKeys },
  );
  return {
    method: "POST" as const,
    path,
    body,
    headers: prepareOnly ? { "X-Prepare-Only": "true" } : undefined,
    acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
  };
}
