import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { itReturnsTheTextFile, setup } from "./cvms.test-support";
import { getCvmPreLaunchScript, safeGetCvmPreLaunchScript } from "./get-cvm-pre-launch-script";

beforeEach(() => {
  vi.stubEnv("PHALA_CLOUD_API_KEY", undefined);
  vi.stubEnv("PHALA_CLOUD_API_PREFIX", undefined);
});
afterEach(() => vi.unstubAllEnvs());

const SCRIPT = "#!/bin/sh\necho ready\n";

describe("text files", () => {
  itReturnsTheTextFile(
    "getCvmPreLaunchScript",
    getCvmPreLaunchScript,
    "/pre-launch-script",
    "text/plain",
    SCRIPT,
  );

  it("an empty pre-launch script is an empty string", async () => {
    const { client } = setup({ raw: "", headers: { "content-type": "text/plain" } });
    expect(await getCvmPreLaunchScript(client, { id: "cvm_1" })).toBe("");
  });

  it("a script sent as a JSON string is unwrapped", async () => {
    const { client } = setup({ body: SCRIPT });
    expect(await getCvmPreLaunchScript(client, { id: "cvm_1" })).toBe(SCRIPT);
  });

  // With getCvmDockerCompose's succeeding twin (get-cvm-docker-compose.test.ts).
  it("safe twins", async () => {
    const bad = await safeGetCvmPreLaunchScript(setup({ raw: SCRIPT }).client, {} as any);
    expect(bad.success).toBe(false);
  });
});
