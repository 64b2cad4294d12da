import type { AddDeviceArgs, DeviceAllowlistChange } from "./add-device";
import { readAppDevice, sendAppTransaction } from "./app-device";
import { runTransaction, safeOnchain } from "./run-onchain";

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
  return runTransaction(NAME, args, readAppDevice, async (context, { app, deviceId }) => {
    const receipt = await sendAppTransaction(context, app, "removeDevice", [deviceId]);
    return {
      appAddress: context.viem.getAddress(app),
      deviceId,
      transactionHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      gasUsed: receipt.gasUsed,
    };
  });
}

/** `removeDevice` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeRemoveDevice = /* @__PURE__ */ safeOnchain(NAME, removeDevice);
