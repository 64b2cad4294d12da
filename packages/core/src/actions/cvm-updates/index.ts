export * from "./commit-cvm-compose-file-update";
export * from "./commit-cvm-update";
export * from "./confirm-cvm-patch";
export * from "./patch-cvm";
export * from "./provision-cvm-compose-file-update";
export * from "./update-cvm-envs";
export * from "./update-docker-compose";
export * from "./update-pre-launch-script";
