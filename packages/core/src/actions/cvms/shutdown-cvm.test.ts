import { afterEach, beforeEach, vi } from "vitest";
import { APP_HEX } from "../../test-utils";
import { describeActionCall } from "./cvms.test-support";
import { vm } from "./fixtures.test-support";
import { safeShutdownCvm, shutdownCvm } from "./shutdown-cvm";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describeActionCall({
  name: "shutdownCvm",
  method: "POST",
  path: `/cvms/app_${APP_HEX}/shutdown`,
  body: undefined,
  reply: { body: vm({ status: "stopping" }) },
  call: (c) => shutdownCvm(c, { app_id: APP_HEX }),
  safeCall: (c) => safeShutdownCvm(c, { app_id: APP_HEX }),
  expected: vm({ status: "stopping" }),
});
