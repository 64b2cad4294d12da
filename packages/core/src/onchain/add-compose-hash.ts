import { APP_AUTH_ABI } from "./abi";
import { failureContext, type TransactionContext } from "./context";
import { OnchainEventMissingError } from "./errors";
import { errorOptions } from "./failures";
import { requireAppOwner } from "./prerequisites";
import { runTransaction, safeOnchain } from "./run-onchain";
import { sendTransaction } from "./send-transaction";
import type {
  Hex,
  OnchainSigner,
  OnchainTransactionOptions,
  OnchainTransactionResult,
} from "./types";

/** The arguments of `addComposeHash`: the app, the hash, who signs and how to reach the chain. */
export type AddComposeHashArgs = OnchainTransactionOptions &
  OnchainSigner & {
    /**
     * The KMS contract of the app (`kms_info.kms_contract_address`). Checked when
     * given, not needed: the app contract's address is the app id.
     */
    kmsContractAddress?: string | null;
    /** The app id: the address of its auth contract (40 hex digits, `0x` added when missing). */
    appId: string;
    /** The compose hash to allow: 64 hex digits, with or without `0x` (a 465's `compose_hash`). */
    composeHash: string;
  };

/** What `addComposeHash` resolves: the hash registered, where, and by which transaction. */
export interface AddComposeHash extends OnchainTransactionResult {
  /** The compose hash registered, `0x` and 64 lower-case hex digits. */
  composeHash: string;
  /** The app id, as the app contract's checksummed address. */
  appId: string;
  /** The app contract's address (the app id). */
  appAuthAddress: string;
}

const NAME = "addComposeHash";

/**
 * Registers a compose hash in an app's auth contract: the transaction
 * `addComposeHash(bytes32)` on the contract at `appId`, which an on-chain-KMS
 * update waits for (its HTTP 465 `precondition_required` result). Reads the
 * contract's `owner()` first and sends nothing unless the sender owns it; checks
 * the wallet's chain and balance unless `skipPrerequisiteChecks`; resolves once
 * the transaction is mined and its `ComposeHashAdded` event (or the contract's
 * `allowedComposeHashes`) confirms the hash. Then repeat the update with
 * `compose_hash` and `transaction_hash: result.transactionHash`.
 *
 * Needs viem (an optional peer dependency), imported at the first call.
 */
export function addComposeHash(args: AddComposeHashArgs): Promise<AddComposeHash> {
  return runTransaction(
    NAME,
    args,
    (input) => {
      input.address("kmsContractAddress", false);
      return { app: input.address("appId", true), composeHash: input.bytes32("composeHash") };
    },
    async (context, { app, composeHash }) => {
      await requireAppOwner(context, app);
      const receipt = await sendTransaction(context, {
        address: app,
        abi: APP_AUTH_ABI,
        functionName: "addComposeHash",
        args: [composeHash],
      });
      const events = context.viem
        .parseEventLogs({ abi: APP_AUTH_ABI, logs: receipt.logs, eventName: "ComposeHashAdded" })
        .filter((event) => event.address.toLowerCase() === app);
      const confirmed = events.some((event) => event.args.composeHash === composeHash);
      // An app contract that registers without the event still says so when read.
      if (!confirmed && !(await isAllowed(context, app, composeHash))) {
        throw new OnchainEventMissingError(
          "ComposeHashAdded",
          `Transaction ${receipt.transactionHash} was mined, but the app contract ${app} neither emitted ComposeHashAdded(${composeHash}) nor allows the hash`,
          errorOptions(
            failureContext(context, {
              contractAddress: app,
              transactionHash: receipt.transactionHash,
            }),
          ),
        );
      }
      const address = context.viem.getAddress(app);
      return {
        composeHash,
        appId: address,
        appAuthAddress: address,
        transactionHash: receipt.transactionHash,
        blockNumber: receipt.blockNumber,
        gasUsed: receipt.gasUsed,
      };
    },
  );
}

/** Whether the app contract allows the hash (`false` when it cannot be read). */
async function isAllowed(
  context: TransactionContext,
  app: Hex,
  composeHash: Hex,
): Promise<boolean> {
  try {
    const allowed = await context.connection.publicClient.readContract({
      address: app,
      abi: APP_AUTH_ABI,
      functionName: "allowedComposeHashes",
      args: [composeHash],
    });
    return allowed === true;
  } catch {
    return false;
  }
}

/** `addComposeHash` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export const safeAddComposeHash = /* @__PURE__ */ safeOnchain(NAME, addComposeHash);
