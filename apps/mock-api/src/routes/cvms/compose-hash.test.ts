import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getJson } from "../../internal/test-support";
import { canonicalJson, composeHashOf, sha256Hex } from "./compose-hash";
import { api, info, key, NEW_YAML, offChain, send, useUpdatesMock } from "./updates.test-support";

useUpdatesMock();

describe("compose hash: the SDK's algorithm (SHA-256 of canonical JSON)", () => {
  /** An independent canonical form for flat objects with ASCII keys, hashed by node:crypto. */
  const nodeHash = (compose: Record<string, unknown>) =>
    createHash("sha256")
      .update(JSON.stringify(compose, Object.keys(compose).sort()))
      .digest("hex");

  it("hashes the fixed vector", () => {
    const compose = { name: "x", runner: "docker-compose", docker_compose_file: "services: {}\n" };
    // Written by hand: keys sorted, no whitespace, the newline as the JSON escape \n.
    const canonical =
      '{"docker_compose_file":"services: {}\\n","name":"x","runner":"docker-compose"}';
    expect(canonicalJson(compose)).toBe(canonical);
    const expected = createHash("sha256").update(canonical, "utf8").digest("hex");
    expect(composeHashOf(compose)).toBe(expected);
  });

  it("writes canonical JSON as the SDK does", () => {
    expect(
      canonicalJson({ b: [3, undefined, null, { d: 1, c: "é" }], a: undefined, "": null, n: NaN }),
    ).toBe('{"":null,"b":[3,null,null,{"c":"é","d":1}],"n":null}');
    // Code-point order: U+FF61 sorts before U+1F600, though its UTF-16 unit is larger.
    expect(canonicalJson({ "\u{1F600}": 1, "\uFF61": 2 })).toBe('{"\uFF61":2,"\u{1F600}":1}');
    expect(canonicalJson({ at: new Date("2026-01-01T00:00:00.000Z") })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z"}',
    );
  });

  it("its SHA-256 agrees with node:crypto at every padding boundary", () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(sha256Hex(bytes), `length ${length}`).toBe(
        createHash("sha256").update(bytes).digest("hex"),
      );
    }
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  it("a compose update gives the hash of the new app compose", async () => {
    const response = await send("PATCH", `/cvms/${offChain.id}/docker-compose`, NEW_YAML, {
      "Content-Type": "text/yaml",
    });
    expect(response.status).toBe(202);
    const composeFile = await getJson(api.url, `/cvms/${offChain.id}/compose_file`, {
      apiKey: key,
    });
    expect(composeFile.body.docker_compose_file).toBe(NEW_YAML);
    expect((await info(offChain.id)).compose_hash).toBe(nodeHash(composeFile.body));
  });

  it("compose_file/provision answers the hash of the app compose it would apply", async () => {
    const provision = await send("POST", `/cvms/${offChain.id}/compose_file/provision`, {
      docker_compose_file: NEW_YAML,
      allowed_envs: ["TOKEN"],
    });
    expect(provision.status).toBe(200);
    await send("PATCH", `/cvms/${offChain.id}/compose_file`, {
      compose_hash: provision.body.compose_hash,
    });
    const composeFile = await getJson(api.url, `/cvms/${offChain.id}/compose_file`, {
      apiKey: key,
    });
    expect(composeFile.body.allowed_envs).toEqual(["TOKEN"]);
    expect(nodeHash(composeFile.body)).toBe(provision.body.compose_hash);
  });
});
