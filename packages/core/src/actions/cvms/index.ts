export type { CvmGpuConfig, CvmGpuSpec } from "../internal/gpu-config";
// Absent from the contract, under CVMs like the other /cvms/{id} operations: POST /cvms/{id}/is-allowed (checkCvmIsAllowed).
export * from "./cancel-cvm-operation";
export * from "./check-cvm-is-allowed";
export * from "./commit-cvm-compose-file-update";
export * from "./commit-cvm-provision";
export * from "./commit-cvm-replica";
export * from "./commit-cvm-update";
export * from "./confirm-cvm-patch";
export * from "./create-workload-cvm";
export * from "./delete-cvm";
export * from "./diagnose-cvm-custom-domains";
export * from "./get-available-os-images";
export * from "./get-cvm-attestation";
export * from "./get-cvm-commit-update-info";
export * from "./get-cvm-compose-file";
export * from "./get-cvm-containers-stats";
export * from "./get-cvm-docker-compose";
export * from "./get-cvm-firewall-status";
export * from "./get-cvm-info";
export * from "./get-cvm-list";
export * from "./get-cvm-network";
export * from "./get-cvm-network-config";
export * from "./get-cvm-operation-status";
export * from "./get-cvm-ports";
export * from "./get-cvm-pre-launch-script";
export * from "./get-cvm-ssh-keys";
export * from "./get-cvm-state";
export * from "./get-cvm-stats";
export * from "./get-cvm-status-batch";
export * from "./get-cvm-user-config";
export * from "./get-pre-launch-script-upgrade-status";
export * from "./list-cvm-operations";
export * from "./list-cvms";
export * from "./patch-cvm";
export * from "./provision-cvm";
export * from "./provision-cvm-compose-file-update";
export * from "./redeploy-cvm-revision";
export * from "./refresh-cvm-instance-id";
export * from "./refresh-cvm-instance-ids";
export * from "./rename-cvm";
export * from "./replicate-cvm";
export * from "./restart-cvm";
export * from "./schedule-cvm-delete";
export * from "./shutdown-cvm";
export * from "./start-cvm";
export * from "./stop-cvm";
export * from "./stop-cvms-batch";
export * from "./submit-cvm-compose-file";
export * from "./update-cvm-envs";
export * from "./update-cvm-listed";
export * from "./update-cvm-network-config";
export * from "./update-cvm-ports";
export * from "./update-cvm-resources";
export * from "./update-cvm-ssh-keys";
export * from "./update-cvm-visibility";
export * from "./update-docker-compose";
export * from "./update-os-image";
export * from "./update-pre-launch-script";
export * from "./upgrade-pre-launch-script";
export {
  safeWatchCvmState,
  type WatchCvmStateArgs,
  type WatchCvmStateOptions,
  watchCvmState,
} from "./watch-cvm-state";
