// The on-chain helpers talk to viem's clients, but the SDK's published types must
// compile where viem is not installed: each client is described here by the part
// the helpers use, which viem's `PublicClient`, `WalletClient` and `Chain` satisfy.
// Callbacks and client methods are declared as methods, so a callback written for
// viem's own types (`(receipt: TransactionReceipt) => ...`) is accepted too.

/** `0x`-prefixed hex, as viem's `Hex`. */
export type Hex = `0x${string}`;

/**
 * A chain: viem's `Chain`, or the plain `KmsChain` that `kmsChain(chainId)` (and a
 * KMS's `kms_info.chain`) gives. `rpcUrls.default.http[0]` is the node used when
 * no `rpcUrl` is given. (A type alias, not an interface, so that it fits viem's
 * `Chain` where a helper hands it to viem.)
 */
export type OnchainChain = {
  readonly id: number;
  readonly name: string;
  readonly nativeCurrency: {
    readonly name: string;
    readonly symbol: string;
    readonly decimals: number;
  };
  readonly rpcUrls: { readonly default: { readonly http: readonly string[] } };
};

/** An account that signs: what a wallet client's `account` has. */
export interface OnchainAccount {
  readonly address: Hex;
}

/** The contract call a helper asks a client to read or write. */
export interface OnchainContractCall {
  address: Hex;
  abi: readonly unknown[];
  functionName: string;
  args?: readonly unknown[];
}

/** One log of a receipt, as viem's `Log` has it. */
export interface OnchainLog {
  readonly address: string;
  readonly topics: readonly string[];
  readonly data: string;
}

/** A mined transaction's receipt, as viem's `TransactionReceipt` has it. */
export interface OnchainReceipt {
  readonly status: "success" | "reverted";
  readonly transactionHash: Hex;
  readonly blockNumber?: bigint;
  readonly gasUsed?: bigint;
  readonly logs: readonly OnchainLog[];
}

/**
 * What the helpers read through (viem's `PublicClient` from `createPublicClient`):
 * the chain id and the sender's balance for the prerequisite checks, the contract
 * state, and the receipt of the transaction sent.
 */
export interface OnchainPublicClient {
  getChainId(): Promise<number>;
  getBalance(args: { address: Hex }): Promise<bigint>;
  getCode(args: { address: Hex }): Promise<Hex | undefined>;
  readContract(args: OnchainContractCall): Promise<unknown>;
  waitForTransactionReceipt(args: {
    hash: Hex;
    confirmations?: number;
    timeout?: number;
  }): Promise<OnchainReceipt>;
}

/** The read helpers (`checkComposeHashAllowed`, `checkDeviceAllowed`) only read contracts. */
export type OnchainReader = Pick<OnchainPublicClient, "readContract">;

/**
 * What the helpers send through (viem's `WalletClient` from `createWalletClient`
 * with an `account`): the account is the sender, and the owner the app contract
 * must have.
 */
export interface OnchainWalletClient {
  readonly account?: OnchainAccount | undefined;
  readonly chain?: OnchainChain | undefined;
  getChainId(): Promise<number>;
  /** Sent from the client's own `account`; `chain: null` leaves the chain to the wallet. */
  writeContract(args: OnchainContractCall & { chain: OnchainChain | null }): Promise<Hex>;
}

/** Where a transaction is, as `onTransactionStateChange` reports it. */
export type OnchainTransactionState =
  | "idle"
  | "submitting"
  | "pending"
  | "success"
  | "error"
  | "timeout";

/** What `onTransactionStateChange` receives at each change: a new object each time. */
export interface OnchainTransactionStatus {
  state: OnchainTransactionState;
  /** The transaction's hash, once it was submitted. */
  hash?: Hex;
  /** Its receipt, once it was mined. */
  receipt?: OnchainReceipt;
  /** What went wrong, in the `error` and `timeout` states. */
  error?: string;
  /** `Date.now()` when the helper started submitting, when it was submitted, when it was mined. */
  startTime?: number;
  submitTime?: number;
  confirmTime?: number;
  /** True when the caller's `signal` ended it. */
  aborted?: boolean;
}

/**
 * Retries of the submission (never of a transaction already sent: a second one
 * would deploy or register twice). Without `retryOptions`, a failed submission
 * fails the call.
 */
export interface OnchainRetryOptions {
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** Milliseconds before the first retry. Default 1000. */
  initialDelay?: number;
  /** Longest wait between two attempts, in milliseconds. Default 10000. */
  maxDelay?: number;
  /** Each wait is the one before times this. Default 2. */
  backoffFactor?: number;
  /** Whether to retry after this error. Default: any error but a revert (which would repeat). */
  retryCondition?(error: Error): boolean;
}

/** How a helper reaches the chain, for reads. */
export interface OnchainReadOptions {
  /**
   * The chain: viem's `Chain` or `kmsChain(chainId)`. Not needed when `rpcUrl` is
   * given (the node is asked for its chain id) or the clients are.
   */
  chain?: OnchainChain | null;
  /** The node's JSON-RPC URL (http or https). Default: the chain's first `rpcUrls.default.http`. */
  rpcUrl?: string;
}

/** How a helper sends a transaction, and what it tells the caller meanwhile. */
export interface OnchainTransactionOptions extends OnchainReadOptions {
  /** Reads, balance and receipts through this client instead of one made over `rpcUrl`. */
  publicClient?: OnchainPublicClient;
  /** Skip the checks before sending: the wallet's chain is the chain, its balance is at least `minBalance`. */
  skipPrerequisiteChecks?: boolean;
  /** The least balance the sender must have, in ETH as a decimal string. Default `"0.001"`. */
  minBalance?: string;
  /** Milliseconds to wait for the receipt once the transaction is sent. Default 120000. */
  timeout?: number;
  /** Retries of a failed submission; none without it. */
  retryOptions?: OnchainRetryOptions;
  /** Ends the call (an `APIUserAbortError`); a transaction already sent stays sent. */
  signal?: AbortSignal;
  /** Called at each change of the transaction's state. A callback that throws does not stop the call. */
  onTransactionStateChange?(status: OnchainTransactionStatus): void;
  /** Called with the transaction's hash once it is sent. */
  onTransactionSubmitted?(hash: Hex): void;
  /** Called with the receipt once the transaction is mined successfully. */
  onTransactionConfirmed?(receipt: OnchainReceipt): void;
}

/**
 * Who signs: a private key (the helper makes its wallet client over `rpcUrl` or
 * the chain's RPC URL) or a wallet client with an account. Exactly one of them.
 */
export type OnchainSigner =
  | {
      /** The sender's private key: `0x` and 64 hex digits. Never kept, logged or put in an error. */
      privateKey: string;
      walletClient?: undefined;
    }
  | {
      /** A wallet client with an `account`, e.g. viem's `createWalletClient({ account, chain, transport })`. */
      walletClient: OnchainWalletClient;
      privateKey?: undefined;
    };

/** What every transaction helper resolves besides its own fields. */
export interface OnchainTransactionResult {
  /** The transaction's hash: the `transaction_hash` of the API call that follows. */
  transactionHash: Hex;
  /** The block it was mined in. */
  blockNumber?: bigint;
  /** The gas it used. */
  gasUsed?: bigint;
}
