// The API's "Attestations" tag: quotes verified and kept by Phala Cloud, and the
// machines (nodes, PPIDs, device ids) it runs on.
export * from "./get-attestation";
export * from "./get-attestation-collateral";
export * from "./get-raw-attestation";
export * from "./list-attestation-device-ids";
export * from "./list-attestation-nodes";
export * from "./list-attestation-ppids";
export * from "./list-recent-attestations";
export * from "./verify-attestation";
