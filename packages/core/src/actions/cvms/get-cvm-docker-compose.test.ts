import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ResponseValidationError } from "../../errors";
import { itReturnsTheTextFile, setup } from "./cvms.test-support";
import { YAML } from "./fixtures.test-support";
import { getCvmDockerCompose, safeGetCvmDockerCompose } from "./get-cvm-docker-compose";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe("text files", () => {
  itReturnsTheTextFile(
    "getCvmDockerCompose",
    getCvmDockerCompose,
    "/docker-compose.yml",
    "text/yaml",
    YAML,
  );

  it("a JSON object where text is expected is a validation error", async () => {
    const { client } = setup({ body: { docker_compose_file: YAML } });
    await expect(getCvmDockerCompose(client, { id: "cvm_1" })).rejects.toBeInstanceOf(
      ResponseValidationError,
    );
  });

  // With getCvmPreLaunchScript's failing twin (get-cvm-pre-launch-script.test.ts).
  it("safe twins", async () => {
    const ok = await safeGetCvmDockerCompose(setup({ raw: YAML }).client, { id: "cvm_1" });
    expect(ok).toEqual({ success: true, data: YAML });
  });
});
