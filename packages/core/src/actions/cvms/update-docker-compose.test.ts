import { afterEach, beforeEach, vi } from "vitest";
import { describeTextFileUpdate } from "./cvms.test-support";
import { safeUpdateDockerCompose, updateDockerCompose } from "./update-docker-compose";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeTextFileUpdate(
  "updateDockerCompose",
  updateDockerCompose,
  safeUpdateDockerCompose,
  "docker_compose_file",
  "/docker-compose",
);
