import { afterEach, beforeEach, vi } from "vitest";
import { describeJsonRead } from "./cvms.test-support";
import { cvmComposeFileBody } from "./fixtures.test-support";
import { getCvmComposeFile, safeGetCvmComposeFile } from "./get-cvm-compose-file";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describeJsonRead(
  "getCvmComposeFile",
  getCvmComposeFile,
  safeGetCvmComposeFile,
  "/compose_file",
  cvmComposeFileBody,
);
