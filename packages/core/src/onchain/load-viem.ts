import { ViemNotInstalledError } from "./errors";
import type {
  Hex,
  OnchainAccount,
  OnchainChain,
  OnchainLog,
  OnchainPublicClient,
  OnchainWalletClient,
} from "./types";

/** A decoded event of a receipt. */
export interface DecodedEvent {
  address: string;
  eventName: string;
  args: Record<string, unknown>;
}

/**
 * The part of viem the helpers call, typed here so that no declaration of the
 * SDK names viem's own types (its published types compile without viem).
 */
export interface Viem {
  createPublicClient(config: { chain?: OnchainChain; transport: unknown }): OnchainPublicClient;
  createWalletClient(config: {
    account: OnchainAccount;
    chain?: OnchainChain;
    transport: unknown;
  }): OnchainWalletClient;
  http(url?: string): unknown;
  privateKeyToAccount(privateKey: Hex): OnchainAccount;
  parseEther(ether: string): bigint;
  formatEther(wei: bigint): string;
  getAddress(address: string): Hex;
  parseEventLogs(args: {
    abi: readonly unknown[];
    logs: readonly OnchainLog[];
    eventName: string;
    strict?: boolean;
  }): DecodedEvent[];
}

/** Whether the import failed for want of the package (the error or a cause says so). */
function isModuleNotFound(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const { code, message, cause } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") return true;
    if (
      /cannot find (?:module|package)|failed to resolve|could not resolve/i.test(String(message))
    ) {
      return true;
    }
    current = cause;
  }
  return false;
}

let loaded: Viem | undefined;

/**
 * viem, imported at the first call of an on-chain helper (never at the SDK's
 * import): a `ViemNotInstalledError` naming `endpoint` when it cannot be.
 */
export async function loadViem(endpoint: string): Promise<Viem> {
  if (loaded) return loaded;
  try {
    // Literal specifiers, so the bundler of an app that calls a helper finds
    // viem; each `await import()` directly in a try, so that esbuild and webpack
    // build an app that never installs viem, leaving the import to fail here.
    const viem = await import("viem");
    const accounts = await import("viem/accounts");
    loaded = {
      createPublicClient: viem.createPublicClient,
      createWalletClient: viem.createWalletClient,
      http: viem.http,
      parseEther: viem.parseEther,
      formatEther: viem.formatEther,
      getAddress: viem.getAddress,
      parseEventLogs: viem.parseEventLogs,
      privateKeyToAccount: accounts.privateKeyToAccount,
    } as unknown as Viem;
    return loaded;
  } catch (error) {
    throw new ViemNotInstalledError(endpoint, error, !isModuleNotFound(error));
  }
}
