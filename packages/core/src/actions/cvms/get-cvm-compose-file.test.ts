import { createHash } from "node:crypto";
import { API_VERSIONS } from "@phala/cloud-schemas";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getComposeHash, toCanonicalJson } from "../../helpers/compose-hash";
import { describeJsonRead, setup } from "./cvms.test-support";
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

describe("getCvmComposeFile's getHash() and toString(), the docs' compose methods", () => {
  /** The canonical JSON of the fixture, written out independently: sorted keys, no spaces. */
  const sortedJson = (value: Record<string, unknown>) =>
    JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))));

  it("getHash() is getComposeHash(result), also with its options; toString() the JSON it hashes", async () => {
    const { client } = setup({ body: cvmComposeFileBody() });
    const compose = await getCvmComposeFile(client, { id: "my-app" });
    expect(compose.docker_compose_file).toBe("services:\n  web:\n    image: nginx\n");
    const hash = await compose.getHash();
    expect(hash).toBe(await getComposeHash(compose));
    expect(hash).toBe(await getComposeHash(cvmComposeFileBody()));
    expect(hash).toBe(createHash("sha256").update(sortedJson(cvmComposeFileBody())).digest("hex"));
    expect(await compose.getHash({ normalize: true })).toBe(
      await getComposeHash(cvmComposeFileBody(), { normalize: true }),
    );
    expect(compose.toString()).toBe(sortedJson(cvmComposeFileBody()));
    expect(compose.toString()).toBe(toCanonicalJson(compose));
    expect(String(compose)).toBe(compose.toString());
    // Detached, it still answers for its compose.
    const { getHash } = compose;
    expect(await getHash()).toBe(hash);
  });

  it("adds nothing the JSON, a spread or equality would see", async () => {
    const { client } = setup({ body: cvmComposeFileBody() });
    const compose = await getCvmComposeFile(client, { id: "my-app" });
    // The schema's own output, key order included: the methods add no key.
    expect(JSON.stringify(compose)).toBe(JSON.stringify({ ...compose }));
    expect(JSON.parse(JSON.stringify(compose))).toStrictEqual(cvmComposeFileBody());
    expect(Object.keys(compose).sort()).toEqual(Object.keys(cvmComposeFileBody()).sort());
    expect(compose).toEqual(cvmComposeFileBody());
    expect(compose).toStrictEqual(cvmComposeFileBody());
    expect(Object.getPrototypeOf(compose)).toBe(Object.prototype);
    expect(Object.hasOwn({ ...compose }, "getHash")).toBe(false);
    expect(structuredClone(compose)).toStrictEqual(cvmComposeFileBody());
  });

  it("is on every version's result, the safe twin's and the bound method's", async () => {
    for (const version of API_VERSIONS) {
      const { client } = setup({ body: cvmComposeFileBody() }, version);
      const compose = await getCvmComposeFile(client, { id: "my-app" });
      expect(await compose.getHash(), version).toBe(await getComposeHash(cvmComposeFileBody()));
    }
    const { client } = setup({ body: cvmComposeFileBody() });
    const safe = await safeGetCvmComposeFile(client, { id: "my-app" });
    expect(safe.success && (await safe.data.getHash())).toBe(
      await getComposeHash(cvmComposeFileBody()),
    );
    const bound = client.extend({ getCvmComposeFile });
    const compose = await bound.getCvmComposeFile({ id: "my-app" });
    expect(await compose.getHash()).toBe(await getComposeHash(cvmComposeFileBody()));
  });

  it("is not added when the caller's schema (or none) was used: the result is theirs", async () => {
    const { client } = setup({ body: cvmComposeFileBody() });
    const raw = (await getCvmComposeFile(client, { id: "my-app" }, { schema: false })) as object;
    expect(Object.hasOwn(raw, "getHash")).toBe(false);
    expect(Object.hasOwn(raw, "toString")).toBe(false);
    expect(raw).toStrictEqual(cvmComposeFileBody());
    const passThrough: StandardSchemaV1<unknown, Record<string, unknown>> = {
      "~standard": {
        version: 1,
        vendor: "test",
        validate: (value) => ({ value: value as Record<string, unknown> }),
      },
    };
    const own = await getCvmComposeFile(client, { id: "my-app" }, { schema: passThrough });
    expect(Object.hasOwn(own, "getHash")).toBe(false);
  });

  it("keeps a field the API sent under a method's name: it is part of the hash", async () => {
    const body = { ...cvmComposeFileBody(), toString: "x", getHash: "y" };
    const { client } = setup({ body });
    const compose = (await getCvmComposeFile(client, { id: "my-app" })) as Record<string, unknown>;
    expect(compose.getHash).toBe("y");
    expect(compose.toString).toBe("x");
    expect(JSON.parse(JSON.stringify(compose))).toStrictEqual(body);
    expect(await getComposeHash(compose)).toBe(
      createHash("sha256").update(sortedJson(body)).digest("hex"),
    );
  });
});
