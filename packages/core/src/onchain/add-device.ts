import { readAppDevice, sendAppTransaction } from "./app-device";
import { runTransaction, safeOnchain } from "./run-onchain";
import type { OnchainSigner, OnchainTransactionOptions, OnchainTransactionResult } from "./types";

/** The arguments of `addDevice` (and `removeDevice`): the app contract and the device. */
export type AddDeviceArgs = OnchainTransactionOptions &
  OnchainSigner & {
    /** The app contract (the app id): 40 hex digits, `0x` added when missing. */
    appAddress: string;
    /** The device to allow (a node's `device_id`): 64 hex digits, with or without `0x`. */
    deviceId: string;
  };

/** What `addDevice` and `removeDevice` resolve: the contract, the device, the transaction. */
export interface DeviceAllowlistChange extends OnchainTransactionResult {
  appAddress: string;
  /** The device, `0x` and 64 lower-case hex digits. */
  deviceId: string;
}

const NAME = "addDevice";

/**
 * The transaction `name(bytes32)` on the app contract, for one device: what
 * `addDevice` and `removeDevice` send (not exported by the package).
 */
export function changeDeviceAllowlist(
  name: "addDevice" | "removeDevice",
  args: AddDeviceArgs,
): Promise<DeviceAllowlistChange> {
  return runTransaction(name, args, readAppDevice, async (context, { app, deviceId }) => {
    const receipt = await sendAppTransaction(context, app, name, [deviceId]);
    return {
      appAddress: context.viem.getAddress(app),
      deviceId,
      transactionHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      gasUsed: receipt.gasUsed,
    };
  });
}

/**
 * Allows a device to run the app: the transaction `addDevice(bytes32)` on the
 * app contract at `appAddress`, sent once its `owner()` is the sender.
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function addDevice(args: AddDeviceArgs): Promise<DeviceAllowlistChange> {
  return changeDeviceAllowlist(NAME, args);
}

/** `addDevice` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeAddDevice = /* @__PURE__ */ safeOnchain(NAME, addDevice);
