import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../errors";
import { getComposeHash, toCanonicalJson } from "./compose-hash";

/**
 * Vectors computed outside this code, with Python:
 * hashlib.sha256(json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
 */
const VECTORS = [
  {
    name: "a minimal docker-compose app",
    compose: {
      runner: "docker-compose",
      docker_compose_file: "services:\n  web:\n    image: nginx\n",
      name: "web",
      manifest_version: 2,
    },
    canonical:
      '{"docker_compose_file":"services:\\n  web:\\n    image: nginx\\n","manifest_version":2,"name":"web","runner":"docker-compose"}',
    hash: "836ee2ac08b1cfcf81d5b0121a2483fa58bc33d4a6b6747eb969bfdfa5674335",
  },
  {
    name: "nested objects sorted, arrays kept in order, null kept",
    compose: {
      runner: "docker-compose",
      name: "app",
      docker_config: { username: "bob", registry: "ghcr.io", token_key: "T" },
      features: ["kms", "tproxy-net"],
      allowed_envs: ["Z_KEY", "A_KEY"],
      kms_enabled: true,
      public_logs: false,
      pre_launch_script: null,
    },
    canonical:
      '{"allowed_envs":["Z_KEY","A_KEY"],"docker_config":{"registry":"ghcr.io","token_key":"T","username":"bob"},"features":["kms","tproxy-net"],"kms_enabled":true,"name":"app","pre_launch_script":null,"public_logs":false,"runner":"docker-compose"}',
    hash: "dc6ba98144a96a44566e701843da379fe52eb57645f0f47609f88a18e740af3d",
  },
  {
    name: "unicode written as itself and hashed as UTF-8",
    compose: { text: "你好世界", description: "🚀 Deploy", name: "café", runner: "docker-compose" },
    canonical:
      '{"description":"🚀 Deploy","name":"café","runner":"docker-compose","text":"你好世界"}',
    hash: "c5b756ae19e8143960339e748653df8d6f58e4a9cc3aa2e2951d3585773fc64b",
  },
  {
    name: "dstack's cross-language reference object",
    compose: {
      runner: "docker-compose",
      docker_compose_file: "docker-compose.yml",
      text: "你好世界",
      id: "c73a3a4e-ce71-4c12-a1b7-78be1a2e48e0",
      b_number: 123,
      a_status: true,
      z_items: [3, 1, 2],
      nested: { gamma: 3.14, alpha: "first" },
    },
    canonical:
      '{"a_status":true,"b_number":123,"docker_compose_file":"docker-compose.yml","id":"c73a3a4e-ce71-4c12-a1b7-78be1a2e48e0","nested":{"alpha":"first","gamma":3.14},"runner":"docker-compose","text":"你好世界","z_items":[3,1,2]}',
    hash: "0705386656362891629ac994406f4e31ba5c805b9638538df415c56768a504f4",
  },
  {
    name: "keys ordered by code point, not UTF-16 unit",
    compose: { "😀": 2, Ａ: 1 },
    canonical: '{"Ａ":1,"😀":2}',
    hash: "e3207e8ca18e6d266f11ec625254ff3bd274ce9567347abb344ad45e86d622f7",
  },
  {
    name: "the empty object",
    compose: {},
    canonical: "{}",
    hash: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  },
] as const;

describe("getComposeHash", () => {
  for (const vector of VECTORS) {
    it(`matches the vector: ${vector.name}`, async () => {
      expect(toCanonicalJson(vector.compose)).toBe(vector.canonical);
      expect(await getComposeHash(vector.compose)).toBe(vector.hash);
      expect(createHash("sha256").update(vector.canonical, "utf8").digest("hex")).toBe(vector.hash);
    });
  }

  it("does not depend on key order at any depth", async () => {
    const a = { runner: "docker-compose", cfg: { b: { y: 1, x: [{ q: 1, p: 2 }] }, a: 0 } };
    const b = { cfg: { a: 0, b: { x: [{ p: 2, q: 1 }], y: 1 } }, runner: "docker-compose" };
    expect(await getComposeHash(a)).toBe(await getComposeHash(b));
  });

  it("keeps array order", async () => {
    expect(await getComposeHash({ items: [1, 2, 3] })).not.toBe(
      await getComposeHash({ items: [3, 1, 2] }),
    );
  });

  it("leaves out undefined members, writes NaN and Infinity as null, honours toJSON", () => {
    expect(toCanonicalJson({ b: undefined, a: Number.NaN, c: [undefined, -Infinity] })).toBe(
      '{"a":null,"c":[null,null]}',
    );
    expect(toCanonicalJson({ at: new Date("2026-01-21T00:00:00Z") })).toBe(
      '{"at":"2026-01-21T00:00:00.000Z"}',
    );
    expect(toCanonicalJson({ s: 'quote " back \\ tab \t nul \u0000' })).toBe(
      '{"s":"quote \\" back \\\\ tab \\t nul \\u0000"}',
    );
  });

  it("normalizes only when asked, the way dstack does", async () => {
    const bash = { runner: "bash", bash_script: "run.sh", docker_compose_file: "x" };
    const bashOnly = { runner: "bash", bash_script: "run.sh" };
    expect(await getComposeHash(bash)).not.toBe(await getComposeHash(bashOnly));
    expect(await getComposeHash(bash, { normalize: true })).toBe(await getComposeHash(bashOnly));

    const compose = { runner: "docker-compose", docker_compose_file: "x", bash_script: "run.sh" };
    expect(await getComposeHash(compose, { normalize: true })).toBe(
      await getComposeHash({ runner: "docker-compose", docker_compose_file: "x" }),
    );
    const emptyScript = {
      runner: "docker-compose",
      docker_compose_file: "x",
      pre_launch_script: "",
    };
    expect(await getComposeHash(emptyScript, { normalize: true })).toBe(
      await getComposeHash({ runner: "docker-compose", docker_compose_file: "x" }),
    );
    expect(
      await getComposeHash({ ...emptyScript, pre_launch_script: "echo hi" }, { normalize: true }),
    ).not.toBe(await getComposeHash({ runner: "docker-compose", docker_compose_file: "x" }));
    expect(emptyScript.pre_launch_script).toBe("");
  });

  it("refuses what has no canonical JSON", async () => {
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = { again: cyclic };
    await expect(getComposeHash(cyclic)).rejects.toThrow(RequestValidationError);
    await expect(getComposeHash(cyclic)).rejects.toThrow("self.again: circular reference");
    await expect(getComposeHash({ size: 1n })).rejects.toThrow("size: a bigint has no JSON form");
    await expect(getComposeHash(["a"])).rejects.toThrow("appCompose: expected an object");
  });

  it("accepts the same object twice in siblings (not a cycle)", () => {
    const shared = { k: 1 };
    expect(toCanonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});
