import { APP_AUTH_ABI } from "./abi";
import type { OnchainArgs } from "./args";
import type { TransactionContext } from "./context";
import { requireAppOwner } from "./prerequisites";
import { sendTransaction } from "./send-transaction";
import type { Hex, OnchainReceipt } from "./types";

/** The arguments `addDevice` and `removeDevice` share: the app contract and the device. */
export function readAppDevice(input: OnchainArgs): { app: Hex; deviceId: Hex } {
  return { app: input.address("appAddress", true), deviceId: input.bytes32("deviceId") };
}

/**
 * Sends `functionName(args)` to the app contract at `app`, once its `owner()`
 * is the sender: the device allowlist's writes.
 */
export async function sendAppTransaction(
  context: TransactionContext,
  app: Hex,
  functionName: "addDevice" | "removeDevice" | "setAllowAnyDevice",
  args: readonly unknown[],
): Promise<OnchainReceipt> {
  await requireAppOwner(context, app);
  return sendTransaction(context, { address: app, abi: APP_AUTH_ABI, functionName, args });
}
