import { PhalaCloudError } from "../errors";
import { OnchainError, OnchainRevertError } from "./errors";
import type { PrivateKey } from "./private-key";

/** Where a failure happened, for the error that reports it. */
export interface FailureContext {
  endpoint: string;
  key: PrivateKey | undefined;
  contractAddress?: string | undefined;
  chainId?: number | undefined;
  transactionHash?: string | undefined;
}

type Described = { name?: unknown; shortMessage?: unknown; message?: unknown; cause?: unknown };

/** Each error of a chain of causes (viem wraps the node's error several times). */
function* causes(error: unknown): Generator<Described> {
  let current: unknown = error;
  for (let depth = 0; depth < 10 && typeof current === "object" && current !== null; depth++) {
    yield current as Described;
    current = (current as Described).cause;
  }
}

/** The first line of viem's `shortMessage`, or of the message. */
function summary(error: unknown): string {
  for (const item of causes(error)) {
    const text = typeof item.shortMessage === "string" ? item.shortMessage : item.message;
    if (typeof text === "string" && text.trim() !== "") return text.trim().split("\n")[0]!;
  }
  return String(error);
}

/**
 * Whether `error` says the contract reverted, and why when the node said: viem's
 * decoded revert, or a node's own wording (Ganache's `data.reason`, "VM Exception
 * ... revert <reason>").
 */
export function revertOf(error: unknown): { reason: string | undefined } | undefined {
  let reverted = false;
  let reason: string | undefined;
  for (const item of causes(error)) {
    const data = (item as { data?: unknown }).data;
    if (item.name === "ContractFunctionRevertedError") {
      reverted = true;
      const decoded = (item as { reason?: unknown }).reason;
      const errorName = (data as { errorName?: unknown } | undefined)?.errorName;
      reason ??= typeof decoded === "string" ? decoded : (errorName as string | undefined);
    } else if (item.name === "ExecutionRevertedError") {
      reverted = true;
    }
    if (typeof data === "object" && data !== null) {
      const nodeReason = (data as { reason?: unknown }).reason;
      if (typeof nodeReason === "string" && nodeReason !== "") {
        reverted = true;
        reason ??= nodeReason;
      }
    }
    const message = typeof item.message === "string" ? item.message : "";
    const said = /\brevert(?:ed)?\b:?\s*([^\n]*)/i.exec(message);
    if (said) {
      reverted = true;
      const text = said[1]?.trim();
      if (text && /[a-z]/i.test(text) && !/^(?:the|with)\b/i.test(text)) reason ??= text;
    }
  }
  return reverted ? { reason } : undefined;
}

/** The options of an error about this failure (the key left out, and the cause when it holds it). */
export function errorOptions(context: FailureContext, cause?: unknown) {
  return {
    endpoint: context.endpoint,
    contractAddress: context.contractAddress,
    chainId: context.chainId,
    transactionHash: context.transactionHash,
    // A foreign error is kept as the cause only when the key appears nowhere in it.
    cause: context.key?.appearsIn(cause) ? undefined : cause,
  };
}

/** What a foreign error says, in one line, the key scrubbed out. */
export function failureText(error: unknown, context: FailureContext): string {
  const said = summary(error);
  return context.key ? context.key.scrub(said) : said;
}

/** `doing` failed with `error`: the SDK's own errors as they are, any other as an `OnchainError`. */
export function onchainFailure(error: unknown, doing: string, context: FailureContext): Error {
  if (error instanceof PhalaCloudError) return error;
  return new OnchainError(
    `${doing} failed: ${failureText(error, context)}`,
    errorOptions(context, error),
  );
}

/** A failed submission of `functionName`: a revert (the contract refused) or another failure. */
export function submissionFailure(
  error: unknown,
  functionName: string,
  context: FailureContext,
): Error {
  if (error instanceof PhalaCloudError) return error;
  const revert = revertOf(error);
  if (!revert) return onchainFailure(error, `Sending ${functionName}`, context);
  const reason = revert.reason && context.key ? context.key.scrub(revert.reason) : revert.reason;
  return new OnchainRevertError(
    `The contract refused ${functionName}${reason ? `: ${reason}` : ""}`,
    { ...errorOptions(context, error), reason },
  );
}
