export * from "./get-current-user";
// Absent from the contract (it leaves /tokens out): DELETE /tokens/self (revokeCurrentApiToken).
export * from "./revoke-current-api-token";
