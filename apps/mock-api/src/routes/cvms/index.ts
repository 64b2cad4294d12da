// The routes of the API's "CVMs" tag. The modules that register no route hold the
// CVMs' state and rules (status-machine, provision-store, replica-store,
// cvm-record, compose-store, compose-hash, registration, sizes): they import no
// route module, so the version renderers and the app routes can use them.
import type { Hono, MiddlewareHandler } from "hono";
import type { MockEnv } from "../../internal/env";
import { registerAllCvmsRoutes } from "./all-cvms";
import { registerBatchStopRoutes } from "./batch-stop";
import { registerCommitRoutes } from "./commits";
import { registerComposeRoutes } from "./compose";
import { registerCvmSshKeyRoutes } from "./cvm-ssh-keys";
import { registerDomainRoutes } from "./domains";
import { registerInstanceIdRoutes } from "./instance-ids";
import { registerCvmIsAllowedRoutes } from "./is-allowed";
import { registerCvmListRoutes } from "./list";
import { registerMetadataRoutes } from "./metadata";
import { registerNetworkConfigRoutes } from "./network-config";
import { registerOperationRoutes } from "./operations";
import { registerOsImageRoutes } from "./os-images";
import { registerPortRoutes } from "./ports";
import { registerPowerRoutes } from "./power";
import { registerPreLaunchUpgradeRoutes } from "./pre-launch-upgrade";
import { registerProvisionRoutes } from "./provision";
import { registerReplicaRoutes } from "./replicas";
import { registerResourceRoutes } from "./resources";
import { registerSettingsRoutes } from "./settings";
import { registerStatusRoutes } from "./status";
import { registerUpdateRoutes } from "./update";
import { registerViewRoutes } from "./views";
import { registerWorkloadRoutes } from "./workload";

export function registerCvmRoutes(api: Hono<MockEnv>, requireApiKey: MiddlewareHandler<MockEnv>) {
  // Hono tries routes in the order they are registered: a fixed path must come
  // before the pattern that would take it for an id. PATCH /cvms/instance-ids
  // (instance-ids) before PATCH /cvms/:cvm_id (update); each module keeps its own
  // in order (GET /cvms/paginated before GET /cvms/:cvm_id, the JSON answer of
  // GET /cvms/:cvm_id/state before its event stream).
  registerProvisionRoutes(api, requireApiKey);
  // POST /cvms/batch-stop and /cvms/workload, GET /cvms: fixed paths first.
  registerBatchStopRoutes(api, requireApiKey);
  registerWorkloadRoutes(api, requireApiKey);
  registerAllCvmsRoutes(api, requireApiKey);
  registerStatusRoutes(api, requireApiKey);
  registerInstanceIdRoutes(api, requireApiKey);
  registerPowerRoutes(api, requireApiKey);
  registerReplicaRoutes(api, requireApiKey);
  registerResourceRoutes(api, requireApiKey);
  registerSettingsRoutes(api, requireApiKey);
  registerOsImageRoutes(api, requireApiKey);
  registerViewRoutes(api, requireApiKey);
  registerComposeRoutes(api, requireApiKey);
  registerUpdateRoutes(api, requireApiKey);
  registerCvmIsAllowedRoutes(api, requireApiKey);
  registerNetworkConfigRoutes(api, requireApiKey);
  registerPortRoutes(api, requireApiKey);
  registerCvmSshKeyRoutes(api, requireApiKey);
  registerPreLaunchUpgradeRoutes(api, requireApiKey);
  registerOperationRoutes(api, requireApiKey);
  registerMetadataRoutes(api, requireApiKey);
  registerCommitRoutes(api, requireApiKey);
  registerDomainRoutes(api, requireApiKey);
  registerCvmListRoutes(api, requireApiKey);
}
