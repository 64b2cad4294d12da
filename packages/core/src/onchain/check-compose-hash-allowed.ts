import { APP_AUTH_ABI } from "./abi";
import { runRead, safeOnchain } from "./run-onchain";
import type { OnchainReader, OnchainReadOptions } from "./types";

/** The arguments of `checkComposeHashAllowed`: the app contract, the hash, how to reach the chain. */
export type CheckComposeHashAllowedArgs = OnchainReadOptions & {
  /** Reads through this client instead of one made over `rpcUrl`. */
  publicClient?: OnchainReader;
  /** The app contract (the app id): 40 hex digits, `0x` added when missing. */
  appAddress: string;
  /** The compose hash: 64 hex digits, with or without `0x`. */
  composeHash: string;
};

const NAME = "checkComposeHashAllowed";

/**
 * Whether the app contract at `appAddress` allows a compose hash: its
 * `allowedComposeHashes(bytes32)`, read (no transaction).
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function checkComposeHashAllowed(args: CheckComposeHashAllowedArgs): Promise<boolean> {
  return runRead(
    NAME,
    args,
    (input) => ({ app: input.address("appAddress", true), hash: input.bytes32("composeHash") }),
    async (reader, { app, hash }) =>
      (await reader.readContract({
        address: app,
        abi: APP_AUTH_ABI,
        functionName: "allowedComposeHashes",
        args: [hash],
      })) === true,
  );
}

/** `checkComposeHashAllowed` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeCheckComposeHashAllowed = /* @__PURE__ */ safeOnchain(
  NAME,
  checkComposeHashAllowed,
);
