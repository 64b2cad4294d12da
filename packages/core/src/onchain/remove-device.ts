import {
  type AddDeviceArgs,
  changeDeviceAllowlist,
  type DeviceAllowlistChange,
} from "./add-device";
import { safeOnchain } from "./run-onchain";

/** The arguments of `removeDevice`: those of `addDevice`. */
export type RemoveDeviceArgs = AddDeviceArgs;

const NAME = "removeDevice";

/**
 * Takes a device off the app's allowlist: the transaction `removeDevice(bytes32)`
 * on the app contract at `appAddress`, sent once its `owner()` is the sender.
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function removeDevice(args: RemoveDeviceArgs): Promise<DeviceAllowlistChange> {
  return changeDeviceAllowlist(NAME, args);
}

/** `removeDevice` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeRemoveDevice = /* @__PURE__ */ safeOnchain(NAME, removeDevice);
