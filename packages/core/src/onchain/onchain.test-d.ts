import {
  type Chain,
  createPublicClient,
  createWalletClient,
  http,
  type PublicClient,
  type TransactionReceipt,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { base, mainnet } from "viem/chains";
import { describe, expectTypeOf, it } from "vitest";
import { kmsChain } from "../helpers/chains";
import {
  type AddComposeHash,
  type AddComposeHashArgs,
  addComposeHash,
  checkComposeHashAllowed,
  type DeployAppAuth,
  deployAppAuth,
  type OnchainChain,
  type OnchainPublicClient,
  type OnchainWalletClient,
  safeAddComposeHash,
} from "./index";

const key = `0x${"11".repeat(32)}` as const;
const account = privateKeyToAccount(key);
const publicClient = createPublicClient({ chain: base, transport: http() });
const walletClient = createWalletClient({ account, chain: base, transport: http() });

describe("viem's clients and chains fit the structural types", () => {
  it("accepts viem's PublicClient, WalletClient and Chain", () => {
    expectTypeOf(publicClient).toExtend<OnchainPublicClient>();
    expectTypeOf(walletClient).toExtend<OnchainWalletClient>();
    expectTypeOf<PublicClient>().toExtend<OnchainPublicClient>();
    expectTypeOf<Chain>().toExtend<OnchainChain>();
    expectTypeOf(mainnet).toExtend<OnchainChain>();
    expectTypeOf(kmsChain(8453)).toExtend<OnchainChain | undefined>();
  });

  it("takes the docs' calls as written, with viem's own callback types", () => {
    const args: AddComposeHashArgs = {
      chain: base,
      kmsContractAddress: "0x1234567890abcdef1234567890abcdef12345678",
      appId: "0xabcdef1234567890abcdef1234567890abcdef12" as `0x${string}`,
      composeHash: "ab".repeat(32),
      privateKey: key,
      onTransactionConfirmed: (receipt: TransactionReceipt) => receipt.blockNumber,
      onTransactionSubmitted: (hash: `0x${string}`) => hash,
    };
    expectTypeOf(addComposeHash(args)).resolves.toEqualTypeOf<AddComposeHash>();
    expectTypeOf(
      deployAppAuth({ kmsContractAddress: null, walletClient, publicClient }),
    ).resolves.toEqualTypeOf<DeployAppAuth>();
    expectTypeOf(
      checkComposeHashAllowed({ publicClient, appAddress: "0x1", composeHash: "0x2" }),
    ).resolves.toBeBoolean();
    const wallet: WalletClient = walletClient;
    deployAppAuth({ kmsContractAddress: "0x1", walletClient: wallet, chain: kmsChain(1) });
  });

  it("refuses both signers, or neither", async () => {
    // @ts-expect-error privateKey or walletClient, not both
    addComposeHash({ appId: "0x1", composeHash: "0x2", privateKey: key, walletClient });
    // @ts-expect-error one of them is required
    addComposeHash({ appId: "0x1", composeHash: "0x2", chain: base });
    const result = await safeAddComposeHash({ appId: "0x1", composeHash: "0x2", walletClient });
    if (result.success) expectTypeOf(result.data.transactionHash).toEqualTypeOf<`0x${string}`>();
    else expectTypeOf(result.error.message).toBeString();
  });
});
