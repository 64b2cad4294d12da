import { isRecord } from "../errors";
import type { OnchainArgs } from "./args";
import { holdPrivateKey, type PrivateKey } from "./private-key";
import type {
  OnchainChain,
  OnchainPublicClient,
  OnchainReader,
  OnchainRetryOptions,
  OnchainTransactionOptions,
  OnchainWalletClient,
} from "./types";

/** The least balance the sender must have by default, in ETH: the official SDK's. */
export const DEFAULT_MIN_BALANCE = "0.001";
/** How long a helper waits for the receipt by default: two minutes, the official SDK's. */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Retries of a submission when `retryOptions` leaves a field out: as `OnchainRetryOptions` says. */
const DEFAULT_RETRY = { maxRetries: 3, initialDelay: 1000, maxDelay: 10_000, backoffFactor: 2 };

/** How a read reaches the chain, checked. */
export interface ReadSettings {
  chain: OnchainChain | undefined;
  rpcUrl: string | undefined;
  publicClient: OnchainReader | undefined;
}

/** `retryOptions` checked, its defaults applied. */
export type RetrySettings = Required<Omit<OnchainRetryOptions, "retryCondition">> &
  Pick<OnchainRetryOptions, "retryCondition">;

/** A transaction helper's shared options, checked, defaults applied. */
export interface TransactionSettings {
  chain: OnchainChain | undefined;
  rpcUrl: string | undefined;
  privateKey: PrivateKey | undefined;
  walletClient: OnchainWalletClient | undefined;
  publicClient: OnchainPublicClient | undefined;
  skipPrerequisiteChecks: boolean;
  minBalance: string;
  timeout: number;
  retry: RetrySettings | undefined;
  signal: AbortSignal | undefined;
  onStateChange: OnchainTransactionOptions["onTransactionStateChange"];
  onSubmitted: OnchainTransactionOptions["onTransactionSubmitted"];
  onConfirmed: OnchainTransactionOptions["onTransactionConfirmed"];
}

const PUBLIC_CLIENT_METHODS = [
  "getChainId",
  "getBalance",
  "getCode",
  "readContract",
  "waitForTransactionReceipt",
] as const;
const WALLET_CLIENT_METHODS = ["getChainId", "writeContract"] as const;

function rpcUrlOf(chain: OnchainChain | undefined): string | undefined {
  return chain?.rpcUrls?.default?.http?.[0];
}

/**
 * A client must be made over HTTP: the node is `rpcUrl`, or the chain's RPC URL.
 * Reports which argument is missing when neither is there.
 */
function requireTransport(input: OnchainArgs, chain: OnchainChain | undefined, rpcUrl: unknown) {
  if (rpcUrl !== undefined) return;
  if (!chain) {
    input.fail("chain", "required unless rpcUrl is given, or the clients are");
  } else if (!rpcUrlOf(chain)) {
    input.fail("rpcUrl", "required: the chain names no RPC URL (rpcUrls.default.http)");
  }
}

/** Reads `chain`, `rpcUrl` and `publicClient` of a read helper. */
export function readReadSettings(input: OnchainArgs): ReadSettings {
  const chain = input.chain("chain");
  const rpcUrl = input.url("rpcUrl");
  const publicClient = input.client<OnchainReader>(
    "publicClient",
    ["readContract"],
    "a public client",
  );
  if (!publicClient && input.value("publicClient") === undefined) {
    requireTransport(input, chain, input.value("rpcUrl"));
  }
  return { chain, rpcUrl, publicClient };
}

function readRetry(input: OnchainArgs): RetrySettings | undefined {
  const value = input.value("retryOptions");
  if (value === undefined) return undefined;
  if (!isRecord(value)) return input.fail("retryOptions", "expected an object");
  const retry: RetrySettings = { ...DEFAULT_RETRY };
  for (const key of ["maxRetries", "initialDelay", "maxDelay", "backoffFactor"] as const) {
    const given = value[key];
    if (given === undefined) continue;
    const min = key === "backoffFactor" ? 1 : 0;
    if (typeof given === "number" && Number.isFinite(given) && given >= min) retry[key] = given;
    else input.fail(`retryOptions.${key}`, `expected a number >= ${min}`);
  }
  const condition = value.retryCondition;
  if (typeof condition === "function") retry.retryCondition = condition as (e: Error) => boolean;
  else if (condition !== undefined)
    input.fail("retryOptions.retryCondition", "expected a function");
  for (const key of Object.keys(value)) {
    if (!(key in DEFAULT_RETRY) && key !== "retryCondition") {
      input.fail(`retryOptions.${key}`, "unknown option");
    }
  }
  return retry;
}

/** Reads the options every transaction helper takes, and who signs. */
export function readTransactionSettings(input: OnchainArgs): TransactionSettings {
  const chain = input.chain("chain");
  const rpcUrl = input.url("rpcUrl");
  const key = input.privateKey("privateKey");
  const walletClient = input.client<OnchainWalletClient>(
    "walletClient",
    WALLET_CLIENT_METHODS,
    "a wallet client",
  );
  const publicClient = input.client<OnchainPublicClient>(
    "publicClient",
    PUBLIC_CLIENT_METHODS,
    "a public client",
  );
  const hasKey = input.value("privateKey") !== undefined;
  const hasWallet = input.value("walletClient") !== undefined;
  if (hasKey && hasWallet) {
    input.fail("walletClient", "give privateKey or walletClient, not both");
  } else if (!hasKey && !hasWallet) {
    input.fail("privateKey", "required: give privateKey or walletClient");
  }
  if (walletClient && !walletClient.account?.address) {
    input.fail("walletClient", "expected a wallet client with an account (the sender)");
  }
  // A wallet is made from the key, a public client unless one is given: both need a node.
  const oneSigner = hasKey !== hasWallet;
  if (oneSigner && (hasKey || input.value("publicClient") === undefined)) {
    const walletChain = hasKey ? undefined : walletClient?.chain;
    requireTransport(input, chain ?? walletChain, input.value("rpcUrl"));
  }
  return {
    chain,
    rpcUrl,
    privateKey: key === undefined ? undefined : holdPrivateKey(key),
    walletClient,
    publicClient,
    skipPrerequisiteChecks: input.boolean("skipPrerequisiteChecks") ?? false,
    minBalance: input.ether("minBalance") ?? DEFAULT_MIN_BALANCE,
    timeout: input.number("timeout", 1) ?? DEFAULT_TIMEOUT_MS,
    retry: readRetry(input),
    signal: input.signal("signal"),
    onStateChange: input.callback("onTransactionStateChange"),
    onSubmitted: input.callback("onTransactionSubmitted"),
    onConfirmed: input.callback("onTransactionConfirmed"),
  };
}
