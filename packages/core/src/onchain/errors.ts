import { type ErrorContext, PhalaCloudError, type PhalaCloudErrorJSON } from "../errors";

// The errors of the on-chain helpers: one class per cause, each a
// `PhalaCloudError` naming the helper (`endpoint`), so `safe*` twins and
// `instanceof PhalaCloudError` treat them like the API's. Wrong arguments are the
// SDK's `RequestValidationError`, an abort its `APIUserAbortError`. No message
// or field ever holds the private key.

/** viem, the optional peer dependency the on-chain helpers run on, could not be loaded. */
export class ViemNotInstalledError extends PhalaCloudError {
  override name = "ViemNotInstalledError";

  constructor(endpoint: string, cause: unknown, installed: boolean) {
    super(
      installed
        ? `${endpoint} could not load viem, its optional peer dependency: reinstall it (npm install viem)`
        : `${endpoint} needs viem, an optional peer dependency of the SDK: install it (npm install viem)`,
      { endpoint, cause },
    );
  }
}

interface OnchainErrorOptions extends ErrorContext {
  cause?: unknown;
  /** The transaction, once it was sent. */
  transactionHash?: string | undefined;
  /** The contract called. */
  contractAddress?: string | undefined;
  chainId?: number | undefined;
}

/** A call to the chain failed: the node could not be reached, or refused the call. */
export class OnchainError extends PhalaCloudError {
  override name = "OnchainError";
  /** The transaction's hash, when it was sent before the failure. */
  readonly transactionHash: string | undefined;
  /** The contract the helper called. */
  readonly contractAddress: string | undefined;
  /** The chain's id, when it was known. */
  readonly chainId: number | undefined;

  constructor(message: string, options: OnchainErrorOptions) {
    super(message, options);
    this.transactionHash = options.transactionHash;
    this.contractAddress = options.contractAddress;
    this.chainId = options.chainId;
  }

  override toJSON(): PhalaCloudErrorJSON & {
    transactionHash: string | undefined;
    contractAddress: string | undefined;
    chainId: number | undefined;
  } {
    return {
      ...super.toJSON(),
      transactionHash: this.transactionHash,
      contractAddress: this.contractAddress,
      chainId: this.chainId,
    };
  }
}

/** Which check before sending failed. */
export type OnchainPrerequisite = "chain" | "balance" | "owner" | "contract";

/**
 * A check before sending failed, so nothing was sent: the wallet is on another
 * chain, its balance is below `minBalance`, the sender is not the app contract's
 * owner, or there is no contract at the address.
 */
export class OnchainPrerequisiteError extends OnchainError {
  override name = "OnchainPrerequisiteError";
  readonly check: OnchainPrerequisite;

  constructor(check: OnchainPrerequisite, message: string, options: OnchainErrorOptions) {
    super(message, options);
    this.check = check;
  }
}

/** The contract refused the call: its simulation reverted, or the mined transaction did. */
export class OnchainRevertError extends OnchainError {
  override name = "OnchainRevertError";
  /** The contract's reason (its revert string or custom error's name), when the node said. */
  readonly reason: string | undefined;

  constructor(message: string, options: OnchainErrorOptions & { reason?: string | undefined }) {
    super(message, options);
    this.reason = options.reason;
  }
}

/** The transaction was mined, but its receipt lacks the event that says it did its work. */
export class OnchainEventMissingError extends OnchainError {
  override name = "OnchainEventMissingError";
  /** The event looked for, e.g. `AppDeployedViaFactory`. */
  readonly event: string;

  constructor(event: string, message: string, options: OnchainErrorOptions) {
    super(message, options);
    this.event = event;
  }
}

/** No receipt came within `timeout`: the transaction was sent and may still be mined. */
export class OnchainTimeoutError extends OnchainError {
  override name = "OnchainTimeoutError";
  /** The wait that elapsed, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number, options: OnchainErrorOptions) {
    super(
      `No receipt for transaction ${options.transactionHash} within ${timeout} ms; it may still be mined`,
      options,
    );
    this.timeout = timeout;
  }
}
