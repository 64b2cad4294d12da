import { PhalaCloudError } from "../errors";

/**
 * The runtime's Web Crypto. Looked up at call time, not import time, so that
 * importing the SDK never fails where crypto is missing; only these helpers do.
 */
export function webCrypto(helper: string): Crypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (!crypto?.subtle) {
    throw new PhalaCloudError(
      `${helper} needs the Web Crypto API (globalThis.crypto.subtle), which this runtime does not provide`,
    );
  }
  return crypto;
}
