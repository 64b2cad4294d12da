import type { RequestPlan } from "../../action";
import { CVM_ID_KEYS, checkBodyArgs } from "../../body-args";
import type { CvmIdInput } from "../../cvm-id";
import { COMPOSE_HASH_REGISTRATION_REQUIRED, registrationHeaders } from "../../registration";
import { cvmPath } from "./cvm-path";

/**
 * The plan of an update whose body is a file sent as is (the docker-compose YAML,
 * the pre-launch script): the API reads the body as the file, not as JSON, and
 * answers 465 when the new compose hash must first be registered on-chain.
 */
export function planTextFileUpdate(
  name: string,
  args: CvmIdInput,
  file: { segment: string; field: string; contentType: string },
): RequestPlan {
  const path = cvmPath(name, args, file.segment);
  const fields = checkBodyArgs(
    name,
    args,
    {
      [file.field]: { kind: "string", required: true },
      compose_hash: "hash",
      transaction_hash: "transactionHash",
    },
    { pathKeys: CVM_ID_KEYS },
  );
  return {
    method: "PATCH",
    path,
    body: fields[file.field],
    headers: {
      "Content-Type": file.contentType,
      ...registrationHeaders(fields.compose_hash, fields.transaction_hash),
    },
    acceptStatus: [COMPOSE_HASH_REGISTRATION_REQUIRED],
  };
}
