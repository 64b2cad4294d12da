export * from "@phala/cloud-core";
export * from "@phala/cloud-schemas";
export { allActions, createClient, type PhalaCloudClient } from "./create-client";
