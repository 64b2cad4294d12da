// Fake viem clients for the helpers' unit tests: each method a spy, answering
// what a chain would, the receipts carrying logs encoded by viem itself.
import { encodeAbiParameters, encodeEventTopics, getAddress } from "viem";
import { vi } from "vitest";
import { kmsChain } from "../helpers/chains";
import { APP_AUTH_ABI, KMS_AUTH_ABI } from "./abi";
import type { Hex, OnchainLog, OnchainReceipt } from "./types";

export const SENDER: Hex = `0x${"a1".repeat(20)}`;
export const APP: Hex = `0x${"b2".repeat(20)}`;
export const KMS: Hex = `0x${"c3".repeat(20)}`;
export const HASH: Hex = `0x${"d4".repeat(32)}`;
export const DEVICE: Hex = `0x${"e5".repeat(32)}`;
export const TX: Hex = `0x${"f6".repeat(32)}`;
/** A key no test signs with: only its absence from errors is checked. */
export const PRIVATE_KEY: Hex = `0x${"4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"}`;
export const CHAIN = kmsChain(31337)!;

export function composeHashAddedLog(hash: Hex, address: Hex = APP): OnchainLog {
  return {
    address,
    topics: encodeEventTopics({ abi: APP_AUTH_ABI, eventName: "ComposeHashAdded" }) as Hex[],
    data: encodeAbiParameters([{ type: "bytes32" }], [hash]),
  };
}

export function appDeployedLog(appId: Hex, deployer: Hex, address: Hex = KMS): OnchainLog {
  return {
    address,
    topics: encodeEventTopics({
      abi: KMS_AUTH_ABI,
      eventName: "AppDeployedViaFactory",
      args: { appId, deployer },
    }) as Hex[],
    data: "0x",
  };
}

export function receiptOf(logs: OnchainLog[], status: "success" | "reverted" = "success") {
  return { status, transactionHash: TX, blockNumber: 7n, gasUsed: 21_000n, logs };
}

export interface FakeChainOptions {
  chainId?: number;
  walletChainId?: number;
  balance?: bigint;
  owner?: Hex;
  code?: Hex | undefined;
  allowed?: boolean;
  receipt?: OnchainReceipt;
}

/** A wallet and a public client over a chain that answers as `options` say. */
export function fakeChain(options: FakeChainOptions = {}) {
  const publicClient = {
    getChainId: vi.fn(async () => options.chainId ?? 31337),
    getBalance: vi.fn(async (_: { address: Hex }) => options.balance ?? 10n ** 18n),
    getCode: vi.fn(async (_: { address: Hex }) =>
      "code" in options ? options.code : ("0x6080" as Hex),
    ),
    readContract: vi.fn(async (call: { functionName: string; args?: readonly unknown[] }) => {
      if (call.functionName === "owner") return getAddress(options.owner ?? SENDER);
      return options.allowed ?? false;
    }),
    waitForTransactionReceipt: vi.fn(
      async (_: { hash: Hex; timeout?: number }): Promise<OnchainReceipt> =>
        options.receipt ?? receiptOf([composeHashAddedLog(HASH)]),
    ),
  };
  const walletClient = {
    account: { address: getAddress(SENDER) },
    chain: undefined,
    getChainId: vi.fn(async () => options.walletChainId ?? options.chainId ?? 31337),
    writeContract: vi.fn(async (_: unknown): Promise<Hex> => TX),
  };
  return { publicClient, walletClient };
}
