import type { Connection } from "./connect";
import type { FailureContext } from "./failures";
import type { Viem } from "./load-viem";
import type { TransactionSettings } from "./settings";

/** One transaction helper's call: viem, the clients, the checked options. */
export interface TransactionContext {
  endpoint: string;
  viem: Viem;
  connection: Connection;
  settings: TransactionSettings;
}

/** What an error of this call says about it (never the key itself). */
export function failureContext(
  context: TransactionContext,
  more: Pick<FailureContext, "contractAddress" | "transactionHash"> = {},
): FailureContext {
  return {
    endpoint: context.endpoint,
    key: context.settings.privateKey,
    chainId: context.connection.chainId,
    ...more,
  };
}
