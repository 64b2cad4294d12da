import type {
  CvmAppCompose,
  CvmAttestation,
  CvmContainersStats,
  CvmCurrentState,
  CvmNetwork,
  CvmSystemInfo,
  CvmUserConfig,
} from "@phala/cloud-schemas";
import { describe, expectTypeOf, it } from "vitest";
import type { SafeResult } from "../../action";
import { createBaseClient } from "../../client";
import {
  getCvmAttestation,
  getCvmComposeFile,
  getCvmContainersStats,
  getCvmDockerCompose,
  getCvmNetwork,
  getCvmPreLaunchScript,
  getCvmState,
  getCvmStats,
  getCvmUserConfig,
  safeGetCvmStats,
} from "./index";

const client = createBaseClient({ apiKey: "k" });
const legacy = createBaseClient({ apiKey: "k", version: "2025-10-28" });

describe("CVM read result types", () => {
  it("are the same in both versions", () => {
    expectTypeOf(getCvmState(client, { id: "x" })).resolves.toEqualTypeOf<CvmCurrentState>();
    expectTypeOf(getCvmState(legacy, { id: "x" })).resolves.toEqualTypeOf<CvmCurrentState>();
    expectTypeOf(getCvmStats(client, { id: "x" })).resolves.toEqualTypeOf<CvmSystemInfo>();
    expectTypeOf(getCvmNetwork(client, { uuid: "x" })).resolves.toEqualTypeOf<CvmNetwork>();
    expectTypeOf(
      getCvmContainersStats(client, { app_id: "x" }),
    ).resolves.toEqualTypeOf<CvmContainersStats>();
    expectTypeOf(getCvmAttestation(client, { name: "x" })).resolves.toEqualTypeOf<CvmAttestation>();
    expectTypeOf(getCvmUserConfig(client, { id: "x" })).resolves.toEqualTypeOf<CvmUserConfig>();
    expectTypeOf(getCvmComposeFile(client, { id: "x" })).resolves.toEqualTypeOf<CvmAppCompose>();
  });

  it("text files are strings", () => {
    expectTypeOf(getCvmDockerCompose(client, { id: "x" })).resolves.toEqualTypeOf<string>();
    expectTypeOf(getCvmPreLaunchScript(client, { id: "x" })).resolves.toEqualTypeOf<string>();
  });

  it("fields are typed", () => {
    expectTypeOf<CvmSystemInfo["is_online"]>().toEqualTypeOf<boolean>();
    expectTypeOf<NonNullable<CvmSystemInfo["sysinfo"]>["num_cpus"]>().toEqualTypeOf<number>();
    expectTypeOf<CvmAppCompose["docker_compose_file"]>().toEqualTypeOf<string>();
  });

  it("safe twin and schema: false", () => {
    expectTypeOf(safeGetCvmStats(client, { id: "x" })).resolves.toEqualTypeOf<
      SafeResult<CvmSystemInfo>
    >();
    expectTypeOf(
      getCvmStats(client, { id: "x" }, { schema: false }),
    ).resolves.toEqualTypeOf<unknown>();
  });

  it("needs a CVM id", () => {
    // @ts-expect-error no identifier
    getCvmStats(client, {});
    // @ts-expect-error two identifiers
    getCvmStats(client, { id: "x", name: "y" });
  });
});
