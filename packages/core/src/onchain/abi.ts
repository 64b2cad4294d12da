// The ABI the helpers call, written from the contracts' published interface:
// the app's auth contract (`DstackApp`, whose address is the app id) and the KMS
// contract that deploys and registers it.

// Plain literals, no helper calls: a bundle that never calls a helper drops them.

/** The app contract: its owner, allowed compose hashes and devices, and their events. */
export const APP_AUTH_ABI = [
  {
    type: "function",
    name: "owner",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "address" }],
  },
  {
    type: "function",
    name: "addComposeHash",
    stateMutability: "nonpayable",
    inputs: [{ name: "composeHash", type: "bytes32" }],
    outputs: [],
  },
  {
    type: "function",
    name: "allowedComposeHashes",
    stateMutability: "view",
    inputs: [{ name: "", type: "bytes32" }],
    outputs: [{ name: "", type: "bool" }],
  },
  {
    type: "function",
    name: "addDevice",
    stateMutability: "nonpayable",
    inputs: [{ name: "deviceId", type: "bytes32" }],
    outputs: [],
  },
  {
    type: "function",
    name: "removeDevice",
    stateMutability: "nonpayable",
    inputs: [{ name: "deviceId", type: "bytes32" }],
    outputs: [],
  },
  {
    type: "function",
    name: "setAllowAnyDevice",
    stateMutability: "nonpayable",
    inputs: [{ name: "_allowAnyDevice", type: "bool" }],
    outputs: [],
  },
  {
    type: "function",
    name: "allowAnyDevice",
    stateMutability: "view",
    inputs: [],
    outputs: [{ name: "", type: "bool" }],
  },
  {
    type: "function",
    name: "allowedDeviceIds",
    stateMutability: "view",
    inputs: [{ name: "", type: "bytes32" }],
    outputs: [{ name: "", type: "bool" }],
  },
  {
    type: "event",
    name: "ComposeHashAdded",
    anonymous: false,
    inputs: [{ name: "composeHash", type: "bytes32", indexed: false }],
  },
] as const;

/** The KMS contract's factory: deploy an app contract and register it, in one transaction. */
export const KMS_AUTH_ABI = [
  {
    type: "function",
    name: "deployAndRegisterApp",
    stateMutability: "nonpayable",
    inputs: [
      { name: "deployer", type: "address" },
      { name: "disableUpgrades", type: "bool" },
      { name: "allowAnyDevice", type: "bool" },
      { name: "deviceId", type: "bytes32" },
      { name: "composeHash", type: "bytes32" },
    ],
    outputs: [{ name: "", type: "address" }],
  },
  {
    type: "event",
    name: "AppDeployedViaFactory",
    anonymous: false,
    inputs: [
      { name: "appId", type: "address", indexed: true },
      { name: "deployer", type: "address", indexed: true },
    ],
  },
] as const;
