// The on-chain helpers of the official SDK: standalone functions (not client
// actions: they talk to a chain, not to the API), each with its `safe` twin.
// viem is an optional peer dependency, imported at a helper's first call.
export {
  type AddComposeHash,
  type AddComposeHashArgs,
  addComposeHash,
  safeAddComposeHash,
} from "./add-compose-hash";
export {
  type AddDeviceArgs,
  addDevice,
  type DeviceAllowlistChange,
  safeAddDevice,
} from "./add-device";
export {
  type CheckComposeHashAllowedArgs,
  checkComposeHashAllowed,
  safeCheckComposeHashAllowed,
} from "./check-compose-hash-allowed";
export {
  type CheckDeviceAllowedArgs,
  checkDeviceAllowed,
  safeCheckDeviceAllowed,
} from "./check-device-allowed";
export {
  type DeployAppAuth,
  type DeployAppAuthArgs,
  deployAppAuth,
  safeDeployAppAuth,
} from "./deploy-app-auth";
export {
  OnchainError,
  OnchainEventMissingError,
  type OnchainPrerequisite,
  OnchainPrerequisiteError,
  OnchainRevertError,
  OnchainTimeoutError,
  ViemNotInstalledError,
} from "./errors";
export { type RemoveDeviceArgs, removeDevice, safeRemoveDevice } from "./remove-device";
export {
  type SetAllowAnyDevice,
  type SetAllowAnyDeviceArgs,
  safeSetAllowAnyDevice,
  setAllowAnyDevice,
} from "./set-allow-any-device";
export type {
  Hex,
  OnchainAccount,
  OnchainChain,
  OnchainContractCall,
  OnchainLog,
  OnchainPublicClient,
  OnchainReader,
  OnchainReadOptions,
  OnchainReceipt,
  OnchainRetryOptions,
  OnchainSigner,
  OnchainTransactionOptions,
  OnchainTransactionResult,
  OnchainTransactionState,
  OnchainTransactionStatus,
  OnchainWalletClient,
} from "./types";
