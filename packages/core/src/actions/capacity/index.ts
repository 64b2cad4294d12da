export * from "./get-available-nodes";
export * from "./get-available-os-images";
export * from "./get-cvm-create-resources";
export * from "./get-os-images";
export * from "./list-all-instance-type-families";
export * from "./list-family-instance-types";
