import { type CvmIdInput, normalizeCvmId } from "../../cvm-id";

/** `/cvms/{id}` plus `suffix`, the id normalised the way the API takes it. */
export function cvmPath(endpoint: string, args: CvmIdInput, suffix = ""): string {
  return `/cvms/${encodeURIComponent(normalizeCvmId(endpoint, args))}${suffix}`;
}
