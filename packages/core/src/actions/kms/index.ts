// Absent from the contract, under KMS like the other /kms operations: GET /kms/{slug}/nodes (listKmsContractNodes).
export * from "./get-app-env-encrypt-pub-key";
export * from "./get-kms-contract";
export * from "./get-kms-info";
export * from "./get-kms-list";
export * from "./get-kms-on-chain-detail";
export * from "./inspect-kms";
export * from "./list-kms-contract-nodes";
export * from "./list-kms-contracts";
export * from "./next-app-ids";
