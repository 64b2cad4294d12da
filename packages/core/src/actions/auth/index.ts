export * from "./get-current-user";
