export * from "./get-app-env-encrypt-pub-key";
export * from "./get-kms-info";
export * from "./get-kms-list";
export * from "./get-kms-on-chain-detail";
export * from "./next-app-ids";
