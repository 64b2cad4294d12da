import { APIUserAbortError } from "../errors";
import { failureContext, type TransactionContext } from "./context";
import { OnchainRevertError, OnchainTimeoutError } from "./errors";
import { errorOptions, onchainFailure, revertOf, submissionFailure } from "./failures";
import type { Hex, OnchainContractCall, OnchainReceipt, OnchainTransactionStatus } from "./types";
import { settleWithin, sleep, throwIfAborted } from "./wait";

/** Calls a caller's callback; one that throws does not stop the transaction. */
function notify<A>(callback: ((arg: A) => void) | undefined, arg: A): void {
  try {
    callback?.(arg);
  } catch {
    // The transaction goes on: its result matters more than a callback's failure.
  }
}

/** `writeContract`, retried (when `retryOptions` asks) while nothing has been sent. */
async function submit(context: TransactionContext, call: OnchainContractCall): Promise<Hex> {
  const { connection, settings, endpoint } = context;
  const { walletClient } = connection;
  // No `account`: the wallet's own signs (a local account stays local).
  const request = { ...call, chain: connection.chain };
  const retry = settings.retry;
  let delay = retry?.initialDelay ?? 0;
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(endpoint, settings.signal);
    try {
      return await settleWithin(walletClient.writeContract(request), endpoint, settings.signal);
    } catch (error) {
      if (error instanceof APIUserAbortError) throw error;
      const failure = error instanceof Error ? error : new Error(String(error));
      const again =
        retry !== undefined &&
        attempt < retry.maxRetries &&
        (retry.retryCondition ? retry.retryCondition(failure) : revertOf(error) === undefined);
      if (!again)
        throw submissionFailure(
          error,
          call.functionName,
          failureContext(context, { contractAddress: call.address }),
        );
      await sleep(delay, endpoint, settings.signal);
      delay = Math.min(delay * retry.backoffFactor, retry.maxDelay);
    }
  }
}

/**
 * Sends one contract call and waits for its receipt (one confirmation, within
 * `timeout`), telling the caller's callbacks each step. Resolves the receipt of
 * a successful transaction; a revert, a timeout or an abort is the typed error.
 */
export async function sendTransaction(
  context: TransactionContext,
  call: OnchainContractCall,
): Promise<OnchainReceipt> {
  const { connection, settings, endpoint } = context;
  const status: OnchainTransactionStatus = { state: "idle" };
  const report = (change: Partial<OnchainTransactionStatus>) => {
    Object.assign(status, change);
    notify(settings.onStateChange, { ...status });
  };
  const fail = (error: Error) => {
    if (error instanceof OnchainTimeoutError) report({ state: "timeout", error: error.message });
    else if (error instanceof APIUserAbortError) {
      report({ state: "error", error: error.message, aborted: true });
    } else report({ state: "error", error: error.message });
    return error;
  };

  report({ state: "submitting", startTime: Date.now() });
  let hash: Hex;
  try {
    hash = await submit(context, call);
  } catch (error) {
    throw fail(error as Error);
  }
  report({ state: "pending", hash, submitTime: Date.now() });
  notify(settings.onSubmitted, hash);

  const where = failureContext(context, { contractAddress: call.address, transactionHash: hash });
  let receipt: OnchainReceipt;
  try {
    receipt = await settleWithin(
      connection.publicClient.waitForTransactionReceipt({
        hash,
        confirmations: 1,
        timeout: settings.timeout,
      }),
      endpoint,
      settings.signal,
      settings.timeout,
      () => new OnchainTimeoutError(settings.timeout, errorOptions(where)),
    );
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    throw fail(
      name === "WaitForTransactionReceiptTimeoutError"
        ? new OnchainTimeoutError(settings.timeout, errorOptions(where))
        : onchainFailure(error, `Waiting for the receipt of ${hash}`, where),
    );
  }
  if (receipt.status !== "success") {
    throw fail(
      new OnchainRevertError(
        `Transaction ${hash} (${call.functionName}) reverted on-chain`,
        errorOptions(where),
      ),
    );
  }
  report({ state: "success", receipt, confirmTime: Date.now() });
  notify(settings.onConfirmed, receipt);
  return receipt;
}
