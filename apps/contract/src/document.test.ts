import { getComposeHash } from "@phala/cloud-core";
import { describe, expect, it } from "vitest";
import { type Flavour, runAction } from "./run-action";

// The app compose is a document users hash and write back: read through the
// SDK it must hash to what the CVM runs, whatever fields it holds.

const compose = {
  manifest_version: 2,
  name: "web",
  runner: "docker-compose",
  docker_compose_file: "services:\n  web:\n    image: nginx\n",
  kms_enabled: true,
  gateway_enabled: true,
  key_provider: "kms",
  key_provider_id: "ab12",
  swap_size: "2G",
  docker_config: { registry: "ghcr.io", username: "ada", token_key: "GHCR_TOKEN" },
  init_script: "echo ready",
  no_tee: false,
  allowed_envs: ["API_KEY"],
  features: ["kms", "tproxy-net"],
  requirements: { os_version: "0.5.3" },
};

describe.each(["zod", "valibot"] as Flavour[])("getCvmComposeFile (%s)", (flavour) => {
  it("keeps every field, so the hash of what is read is the hash of what runs", async () => {
    const run = await runAction({
      flavour,
      action: "getCvmComposeFile",
      args: { id: "cvm_1" },
      version: "2026-01-21",
      respond: () => ({ status: 200, body: compose }),
    });
    expect(run.error).toBeUndefined();
    expect(run.data).toStrictEqual(compose);
    expect(await getComposeHash(run.data as object)).toBe(await getComposeHash(compose));
  });
});
