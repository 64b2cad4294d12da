import * as z from "zod";

// Read endpoints under /cvms/{id}/... answer the same shape in every API version.
// Live data (sysinfo, containers, network, attestation) comes from the VM's guest
// agent: when the VM is not reachable the API still answers 200, with
// `is_online: false`, an `error` and the live fields null.

/** `GET /cvms/{id}/docker-compose.yml` and `GET /cvms/{id}/pre-launch-script`: plain text. */
export const CvmTextFileSchema = z.string();
export type CvmTextFile = z.infer<typeof CvmTextFileSchema>;
