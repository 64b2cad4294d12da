/**
 * The chain an on-chain KMS runs on, as plain data in the shape viem's `Chain`
 * takes (`id`, `name`, `nativeCurrency`, `rpcUrls`), so it can be passed to
 * viem or to this SDK's `addComposeHash`/`deployAppAuth` as it is. The API sends
 * only `chain_id`; the SDK knows the chains Phala's KMS contracts are deployed
 * on, plus a local development chain.
 */
export interface KmsChain {
  readonly id: number;
  readonly name: string;
  readonly nativeCurrency: {
    readonly name: string;
    readonly symbol: string;
    readonly decimals: number;
  };
  readonly rpcUrls: { readonly default: { readonly http: readonly string[] } };
}

const ether = { name: "Ether", symbol: "ETH", decimals: 18 } as const;

function chain(id: number, name: string, rpc: string): KmsChain {
  return { id, name, nativeCurrency: ether, rpcUrls: { default: { http: [rpc] } } };
}

/**
 * The known chain of a KMS `chain_id`: Ethereum (1), Base (8453) and a local
 * Anvil/Hardhat node (31337); `undefined` for any other id (or none). A new
 * object each call, so a caller may change its copy.
 */
export function kmsChain(chainId: unknown): KmsChain | undefined {
  switch (chainId) {
    case 1:
      return chain(1, "Ethereum", "https://eth.merkle.io");
    case 8453:
      return chain(8453, "Base", "https://mainnet.base.org");
    case 31337:
      return chain(31337, "Anvil", "http://127.0.0.1:8545");
    default:
      return undefined;
  }
}
