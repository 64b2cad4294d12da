import { sendAppTransaction } from "./app-device";
import { runTransaction, safeOnchain } from "./run-onchain";
import type { OnchainSigner, OnchainTransactionOptions, OnchainTransactionResult } from "./types";

/** The arguments of `setAllowAnyDevice`: the app contract and the flag. */
export type SetAllowAnyDeviceArgs = OnchainTransactionOptions &
  OnchainSigner & {
    /** The app contract (the app id): 40 hex digits, `0x` added when missing. */
    appAddress: string;
    /** Whether any device may run the app, or only those on its allowlist. */
    allow: boolean;
  };

/** What `setAllowAnyDevice` resolves: the contract, the flag set, the transaction. */
export interface SetAllowAnyDevice extends OnchainTransactionResult {
  appAddress: string;
  allow: boolean;
}

const NAME = "setAllowAnyDevice";

/**
 * Lets any device run the app, or only those on its allowlist: the transaction
 * `setAllowAnyDevice(bool)` on the app contract at `appAddress`, sent once its
 * `owner()` is the sender.
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function setAllowAnyDevice(args: SetAllowAnyDeviceArgs): Promise<SetAllowAnyDevice> {
  return runTransaction(
    NAME,
    args,
    (input) => ({
      app: input.address("appAddress", true),
      allow: input.boolean("allow", true) ?? false,
    }),
    async (context, { app, allow }) => {
      const receipt = await sendAppTransaction(context, app, "setAllowAnyDevice", [allow]);
      return {
        appAddress: context.viem.getAddress(app),
        allow,
        transactionHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        gasUsed: receipt.gasUsed,
      };
    },
  );
}

/** `setAllowAnyDevice` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeSetAllowAnyDevice = /* @__PURE__ */ safeOnchain(NAME, setAllowAnyDevice);
