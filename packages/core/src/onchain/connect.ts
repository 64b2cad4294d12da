import { RequestValidationError } from "../errors";
import { kmsChain } from "../helpers/chains";
import type { Viem } from "./load-viem";
import type { ReadSettings, TransactionSettings } from "./settings";
import type {
  Hex,
  OnchainChain,
  OnchainPublicClient,
  OnchainReader,
  OnchainWalletClient,
} from "./types";

/** The clients a transaction goes through, and whom and where it is for. */
export interface Connection {
  publicClient: OnchainPublicClient;
  walletClient: OnchainWalletClient;
  /** The account that signs, and must own the app contract. */
  sender: Hex;
  /** The chain given to `writeContract` (`null`: the wallet's own). */
  chain: OnchainChain | null;
  /** The chain the transaction is meant for. */
  chainId: number;
}

const ETHER = { name: "Ether", symbol: "ETH", decimals: 18 } as const;

/**
 * A chain viem can build clients on: the caller's, with what viem reads and a
 * plain chain may lack filled in (their own fields win).
 */
function completeChain(
  chain: Pick<OnchainChain, "id"> & Partial<OnchainChain>,
  rpcUrl: string | undefined,
): OnchainChain {
  return {
    name: `Chain ${chain.id}`,
    nativeCurrency: ETHER,
    rpcUrls: { default: { http: rpcUrl ? [rpcUrl] : [] } },
    ...chain,
  };
}

/** No chain given, only a node: the node says which chain it is on. */
async function chainOfNode(viem: Viem, rpcUrl: string): Promise<OnchainChain> {
  const id = await viem.createPublicClient({ transport: viem.http(rpcUrl) }).getChainId();
  const known = kmsChain(id);
  return { ...completeChain(known ?? { id }, undefined), rpcUrls: { default: { http: [rpcUrl] } } };
}

async function targetChain(
  viem: Viem,
  settings: { chain: OnchainChain | undefined; rpcUrl: string | undefined },
  fallback: OnchainChain | undefined,
): Promise<OnchainChain | undefined> {
  if (settings.chain) return completeChain(settings.chain, settings.rpcUrl);
  if (settings.rpcUrl) return chainOfNode(viem, settings.rpcUrl);
  return fallback;
}

/** The wallet a private key signs with, over `rpcUrl` or the chain's RPC URL. */
function walletOfKey(
  viem: Viem,
  settings: TransactionSettings,
  chain: OnchainChain | undefined,
  endpoint: string,
): OnchainWalletClient {
  let account: ReturnType<Viem["privateKeyToAccount"]>;
  try {
    account = viem.privateKeyToAccount(settings.privateKey!.reveal());
  } catch {
    // Not a key of the curve (zero, or above its order). The cause is left out: it may quote the key.
    throw new RequestValidationError({
      endpoint,
      issues: [{ path: "privateKey", message: "not a valid secp256k1 private key" }],
    });
  }
  return viem.createWalletClient({ account, chain, transport: viem.http(settings.rpcUrl) });
}

/**
 * The clients of a transaction: the caller's, or made by viem over `rpcUrl` (or
 * the chain's RPC URL); the chain given, the node's, or the wallet's.
 */
export async function connect(
  viem: Viem,
  settings: TransactionSettings,
  endpoint: string,
): Promise<Connection> {
  const given = settings.walletClient;
  const chain = await targetChain(viem, settings, given?.chain);
  const walletClient = given ?? walletOfKey(viem, settings, chain, endpoint);
  const publicClient =
    settings.publicClient ??
    viem.createPublicClient({ chain, transport: viem.http(settings.rpcUrl) });
  const sender = walletClient.account!.address;
  const chainId = chain?.id ?? (await walletClient.getChainId());
  return { publicClient, walletClient, sender, chain: chain ?? null, chainId };
}

/** The client a read goes through: the caller's, or one viem makes. */
export function connectReader(viem: Viem, settings: ReadSettings): OnchainReader {
  if (settings.publicClient) return settings.publicClient;
  // A read needs no chain id: the node answers for its own chain.
  const chain = settings.chain && completeChain(settings.chain, settings.rpcUrl);
  return viem.createPublicClient({ chain, transport: viem.http(settings.rpcUrl) });
}
