export * from "./get-app-cvms";
export * from "./get-app-info";
export * from "./get-app-list";
export * from "./get-current-user";
export * from "./get-cvm-info";
export * from "./get-cvm-list";
