// The CVM an app-scoped path names by its VM UUID (`/apps/{app_id}/cvms/{vm_uuid}/...`,
// `/apps/{app_id}/pending-updates/{vm_uuid}/...`).
import type { Context } from "hono";
import type { MockEnv } from "../../internal/env";
import { cvmNotFoundError } from "../../internal/errors";
import { appCvms } from "../../internal/lookup";
import type { MockApp, MockCvm, MockState } from "../../model";

const bareUuid = (uuid: string) => uuid.trim().toLowerCase().replaceAll("-", "");

/** The app's live CVM with this VM UUID (dashes optional), or undefined. */
export function findAppCvm(state: MockState, app: MockApp, vmUuid: string): MockCvm | undefined {
  return appCvms(state, app.appId).find((cvm) => bareUuid(cvm.vmUuid) === bareUuid(vmUuid));
}

/** The app's live CVM the `vm_uuid` path parameter names, or the API's 404. */
export function appCvmByVmUuid(c: Context<MockEnv>, app: MockApp): MockCvm {
  const raw = c.req.param("vm_uuid") ?? "";
  const cvm = findAppCvm(c.get("render").state, app, raw);
  if (!cvm) throw cvmNotFoundError(raw);
  return cvm;
}
