import { type SafeResult, toPhalaCloudError } from "../action";
import { OnchainArgs } from "./args";
import { connect, connectReader } from "./connect";
import { failureContext, type TransactionContext } from "./context";
import { onchainFailure } from "./failures";
import { loadViem, type Viem } from "./load-viem";
import { checkWalletPrerequisites } from "./prerequisites";
import { readReadSettings, readTransactionSettings } from "./settings";
import type { OnchainReader } from "./types";
import { settleWithin, throwIfAborted } from "./wait";

/**
 * Runs a transaction helper: checks every argument (its own with `readOwn`;
 * nothing is loaded or sent when one is wrong), loads viem, makes or takes the
 * clients, checks the wallet's chain and balance unless told not to, then runs
 * `body`. Whatever fails comes out as one of the SDK's errors, the key in none.
 */
export async function runTransaction<Own, Out>(
  endpoint: string,
  args: unknown,
  readOwn: (input: OnchainArgs) => Own,
  body: (context: TransactionContext, own: Own) => Promise<Out>,
): Promise<Out> {
  const input = new OnchainArgs(args);
  const settings = readTransactionSettings(input);
  const own = readOwn(input);
  input.done(endpoint);
  throwIfAborted(endpoint, settings.signal);
  const viem = await loadViem(endpoint);
  let context: TransactionContext | undefined;
  const run = async () => {
    const connection = await connect(viem, settings, endpoint);
    context = { endpoint, viem, connection, settings };
    if (!settings.skipPrerequisiteChecks) await checkWalletPrerequisites(context);
    return body(context, own);
  };
  try {
    return await settleWithin(run(), endpoint, settings.signal);
  } catch (error) {
    throw onchainFailure(
      error,
      context ? endpoint : "Connecting to the chain",
      context ? failureContext(context) : { endpoint, key: settings.privateKey },
    );
  }
}

/** Runs a read helper: its arguments checked, viem loaded, the client made or taken. */
export async function runRead<Own, Out>(
  endpoint: string,
  args: unknown,
  readOwn: (input: OnchainArgs) => Own,
  body: (reader: OnchainReader, own: Own, viem: Viem) => Promise<Out>,
): Promise<Out> {
  const input = new OnchainArgs(args);
  const settings = readReadSettings(input);
  const own = readOwn(input);
  input.done(endpoint);
  const viem = await loadViem(endpoint);
  try {
    return await body(connectReader(viem, settings), own, viem);
  } catch (error) {
    throw onchainFailure(error, endpoint, { endpoint, key: undefined });
  }
}

/**
 * The `safe` twin of an on-chain helper: never throws, resolves `{ success, data }`
 * or `{ success: false, error }` with the SDK's error (a `PhalaCloudError`).
 */
export function safeOnchain<A, T>(
  endpoint: string,
  helper: (args: A) => Promise<T>,
): (args: A) => Promise<SafeResult<T>> {
  return async (args) => {
    try {
      return { success: true, data: await helper(args) };
    } catch (error) {
      return { success: false, error: toPhalaCloudError(error, endpoint) };
    }
  };
}
