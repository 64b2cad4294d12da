import { APP_AUTH_ABI } from "./abi";
import { runRead, safeOnchain } from "./run-onchain";
import type { OnchainReader, OnchainReadOptions } from "./types";

/** The arguments of `checkDeviceAllowed`: the app contract, the device, how to reach the chain. */
export type CheckDeviceAllowedArgs = OnchainReadOptions & {
  /** Reads through this client instead of one made over `rpcUrl`. */
  publicClient?: OnchainReader;
  /** The app contract (the app id): 40 hex digits, `0x` added when missing. */
  appAddress: string;
  /** The device (a node's `device_id`): 64 hex digits, with or without `0x`. */
  deviceId: string;
};

const NAME = "checkDeviceAllowed";

/**
 * Whether the app contract at `appAddress` lets a device run the app: true when
 * its `allowAnyDevice()` is, else its `allowedDeviceIds(bytes32)`; read (no
 * transaction).
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function checkDeviceAllowed(args: CheckDeviceAllowedArgs): Promise<boolean> {
  return runRead(
    NAME,
    args,
    (input) => ({ app: input.address("appAddress", true), deviceId: input.bytes32("deviceId") }),
    async (reader, { app, deviceId }) => {
      const read = (functionName: string, args?: readonly unknown[]) =>
        reader.readContract({ address: app, abi: APP_AUTH_ABI, functionName, args });
      if ((await read("allowAnyDevice")) === true) return true;
      return (await read("allowedDeviceIds", [deviceId])) === true;
    },
  );
}

/** `checkDeviceAllowed` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeCheckDeviceAllowed = /* @__PURE__ */ safeOnchain(NAME, checkDeviceAllowed);
