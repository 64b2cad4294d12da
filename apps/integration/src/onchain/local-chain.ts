// An Ethereum chain in the test's own process (Ganache, on 127.0.0.1, a random
// port), with TestKms.sol compiled by solc and deployed: what the on-chain
// helpers' tests send their transactions to. Started once per test file.
import { readFileSync } from "node:fs";
import { type KmsChain, kmsChain } from "@phala/cloud";
import ganache from "ganache";
import solc from "solc";
import {
  type Abi,
  createPublicClient,
  createWalletClient,
  getAddress,
  type Hex,
  http,
  type PublicClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

/** The chain id of a local node (Anvil's and Hardhat's): `kmsChain(31337)` knows it. */
export const LOCAL_CHAIN_ID = 31337;

/** Test keys: the owner deploys and owns the apps, the stranger has funds, the pauper none. */
export const KEYS = {
  owner: `0x${"1".repeat(63)}1` as Hex,
  stranger: `0x${"2".repeat(64)}` as Hex,
  pauper: `0x${"3".repeat(64)}` as Hex,
} as const;

export const ADDRESSES = {
  owner: privateKeyToAccount(KEYS.owner).address,
  stranger: privateKeyToAccount(KEYS.stranger).address,
  pauper: privateKeyToAccount(KEYS.pauper).address,
} as const;

interface Compiled {
  abi: Abi;
  bytecode: Hex;
}

/** TestKms.sol compiled once per process (a second or two). */
let compiled: Record<"TestAppAuth" | "TestKms" | "SilentKms", Compiled> | undefined;

function compile() {
  if (compiled) return compiled;
  const source = readFileSync(new URL("./TestKms.sol", import.meta.url), "utf8");
  const input = {
    language: "Solidity",
    sources: { "TestKms.sol": { content: source } },
    settings: {
      // Ganache 7 predates Shanghai's PUSH0: compile for the EVM before it.
      evmVersion: "paris",
      optimizer: { enabled: true, runs: 200 },
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input)));
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
  if (errors.length > 0)
    throw new Error(errors.map((e: { message: string }) => e.message).join("\n"));
  const contracts = output.contracts["TestKms.sol"];
  const of = (name: string): Compiled => ({
    abi: contracts[name].abi,
    bytecode: `0x${contracts[name].evm.bytecode.object}`,
  });
  compiled = { TestAppAuth: of("TestAppAuth"), TestKms: of("TestKms"), SilentKms: of("SilentKms") };
  return compiled;
}

export interface LocalChain {
  /** The node's JSON-RPC URL, on 127.0.0.1. */
  url: string;
  /** `kmsChain(31337)`: the plain chain a KMS's `kms_info.chain` is (its RPC URL is not this node's). */
  chain: KmsChain;
  /** The same chain with this node as its RPC URL, as viem's `defineChain` would give. */
  chainHere: KmsChain;
  /** The test KMS contract (emits `AppDeployedViaFactory`), and one that deploys silently. */
  kms: Hex;
  silentKms: Hex;
  contracts: ReturnType<typeof compile>;
  publicClient: PublicClient;
  /** Deploys an app contract directly (not through a KMS), owned by `owner`. */
  deployApp(owner: Hex): Promise<Hex>;
  close(): Promise<void>;
}

const ETHER = 10n ** 18n;

/** Starts the node, funds the owner and the stranger, deploys the KMS contracts. */
export async function startLocalChain(): Promise<LocalChain> {
  const contracts = compile();
  const balance = `0x${(1000n * ETHER).toString(16)}`;
  const server = ganache.server({
    logging: { quiet: true },
    chain: { chainId: LOCAL_CHAIN_ID },
    wallet: {
      accounts: [
        { secretKey: KEYS.owner, balance },
        { secretKey: KEYS.stranger, balance },
      ],
    },
  });
  await server.listen(0, "127.0.0.1");
  const address = server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const chain = kmsChain(LOCAL_CHAIN_ID)!;
  const chainHere: KmsChain = { ...chain, rpcUrls: { default: { http: [url] } } };
  const publicClient = createPublicClient({
    chain: chainHere,
    transport: http(url),
    pollingInterval: 50,
  });
  const deployer = createWalletClient({
    account: privateKeyToAccount(KEYS.owner),
    chain: chainHere,
    transport: http(url),
  });
  const deploy = async (name: keyof typeof contracts, args: readonly unknown[] = []) => {
    const { abi, bytecode } = contracts[name];
    const hash = await deployer.deployContract({ abi, bytecode, args });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    return getAddress(receipt.contractAddress!);
  };
  const kms = await deploy("TestKms");
  const silentKms = await deploy("SilentKms");
  const zero = `0x${"0".repeat(64)}`;
  return {
    url,
    chain,
    chainHere,
    kms,
    silentKms,
    contracts,
    publicClient,
    deployApp: (owner) => deploy("TestAppAuth", [owner, false, false, zero, zero]),
    close: () => server.close(),
  };
}

/** Reads a view function of an app contract deployed by the tests. */
export function readApp(
  local: LocalChain,
  app: string,
  functionName:
    | "owner"
    | "allowAnyDevice"
    | "allowedComposeHashes"
    | "allowedDeviceIds"
    | "upgradesDisabled",
  args: readonly unknown[] = [],
): Promise<unknown> {
  return local.publicClient.readContract({
    address: app as Hex,
    abi: local.contracts.TestAppAuth.abi,
    functionName,
    args,
  });
}
