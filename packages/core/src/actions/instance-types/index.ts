// Absent from the contract, under Instance Types: GET /os-images, a public catalogue of what a CVM is built from, like /instance-types.
export * from "./get-os-images";
export * from "./list-all-instance-type-families";
export * from "./list-family-instance-types";
