import { HonoRequest } from "hono/request";
import { describe, expect, it } from "vitest";
import {
  type EmptyBody,
  readJsonBody,
  readJsonObject,
  readStringFields,
  readTextField,
} from "./body";
import { MockApiError } from "./errors";

function request(body?: string, contentType = "application/json"): HonoRequest {
  return new HonoRequest(
    new Request("http://mock.test/", {
      method: "POST",
      headers: { "Content-Type": contentType },
      body,
    }),
  );
}

/** The status and body of the error `read` throws. */
async function rejection(read: Promise<unknown>): Promise<{ status: number; body: any }> {
  const error = await read.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MockApiError);
  const { status, body } = error as MockApiError;
  return { status, body };
}

const MISSING_BODY = { type: "missing", loc: ["body"], msg: "Field required", input: null };

function jsonInvalid() {
  return {
    type: "json_invalid",
    loc: ["body", 0],
    msg: "JSON decode error",
    input: {},
    ctx: { error: expect.any(String) },
  };
}

function notAnObject(input: unknown) {
  return {
    type: "model_attributes_type",
    loc: ["body"],
    msg: "Input should be a valid dictionary or object to extract fields from",
    input,
  };
}

describe("readJsonBody", () => {
  it("returns any JSON value as parsed", async () => {
    expect(await readJsonBody(request('{"a":1}'), "missing")).toEqual({ a: 1 });
    expect(await readJsonBody(request("[1]"), "missing")).toEqual([1]);
    expect(await readJsonBody(request("null"), "empty-object")).toBeNull();
    expect(await readJsonBody(request('"text"'), "json_invalid")).toBe("text");
  });

  it("answers malformed JSON with json_invalid, carrying the parser's message", async () => {
    for (const empty of ["missing", "empty-object", "json_invalid"] as EmptyBody[]) {
      const { status, body } = await rejection(readJsonBody(request('{"a":'), empty));
      expect(status).toBe(422);
      expect(body).toEqual({ detail: [jsonInvalid()] });
    }
  });

  it("reads an empty or blank body as the route says", async () => {
    for (const text of [undefined, "", "  \n"]) {
      expect(await rejection(readJsonBody(request(text), "missing"))).toEqual({
        status: 422,
        body: { detail: [MISSING_BODY] },
      });
      expect(await readJsonBody(request(text), "empty-object")).toEqual({});
      expect(await rejection(readJsonBody(request(text), "json_invalid"))).toEqual({
        status: 422,
        body: { detail: [jsonInvalid()] },
      });
    }
  });
});

describe("readJsonObject", () => {
  it("returns a JSON object", async () => {
    expect(await readJsonObject(request('{"name":"web"}'), "missing")).toEqual({ name: "web" });
    expect(await readJsonObject(request(""), "empty-object")).toEqual({});
  });

  it("answers any other JSON value with model_attributes_type, echoing it", async () => {
    for (const [text, value] of [
      ["[1]", [1]],
      ["null", null],
      ["42", 42],
      ['"text"', "text"],
    ] as const) {
      expect(await rejection(readJsonObject(request(text), "missing"))).toEqual({
        status: 422,
        body: { detail: [notAnObject(value)] },
      });
    }
  });

  it("answers malformed JSON and an empty body as readJsonBody does", async () => {
    expect((await rejection(readJsonObject(request("{"), "missing"))).body).toEqual({
      detail: [jsonInvalid()],
    });
    expect((await rejection(readJsonObject(request(""), "missing"))).body).toEqual({
      detail: [MISSING_BODY],
    });
  });
});

describe("readTextField", () => {
  const stringType = (input: string) => ({
    type: "string_type",
    loc: ["body", "docker_compose_file"],
    msg: "Input should be a valid string",
    input,
  });

  it("takes a body not sent as JSON as raw text, even when it looks like JSON", async () => {
    for (const text of ["services: {}\n", '{"a":1}', ""]) {
      expect(await readTextField(request(text, "text/plain"), "docker_compose_file")).toBe(text);
    }
  });

  it("takes a body sent as JSON only when it is a JSON string", async () => {
    expect(
      await readTextField(request('"services: {}\\n"', "application/json"), "docker_compose_file"),
    ).toBe("services: {}\n");
  });

  it("answers a JSON body that is not a string, or not JSON, with string_type at the field", async () => {
    for (const text of ['{"a":1}', "42", "{", ""]) {
      expect(
        await rejection(readTextField(request(text, "application/json"), "docker_compose_file")),
      ).toEqual({ status: 422, body: { detail: [stringType(text)] } });
    }
  });
});

describe("readStringFields", () => {
  const fields = ["name", "public_key"] as const;

  it("returns the object when every field is a non-blank string, untrimmed", async () => {
    const body = { name: " laptop ", public_key: "ssh-ed25519 AAAA", extra: 1 };
    expect(await readStringFields(request(JSON.stringify(body)), fields)).toEqual(body);
  });

  it("lists every missing, non-string or blank field in one 422", async () => {
    const sent = { public_key: null };
    expect(await rejection(readStringFields(request(JSON.stringify(sent)), fields))).toEqual({
      status: 422,
      body: {
        detail: [
          { type: "missing", loc: ["body", "name"], msg: "Field required", input: sent },
          {
            type: "string_type",
            loc: ["body", "public_key"],
            msg: "Input should be a valid string",
            input: null,
          },
        ],
      },
    });
    const blank = await rejection(
      readStringFields(request(JSON.stringify({ name: "  ", public_key: 7 })), fields),
    );
    expect(blank.body.detail).toEqual([
      {
        type: "string_too_short",
        loc: ["body", "name"],
        msg: "String should have at least 1 character",
        input: "  ",
        ctx: { min_length: 1 },
      },
      {
        type: "string_type",
        loc: ["body", "public_key"],
        msg: "Input should be a valid string",
        input: 7,
      },
    ]);
  });

  it("answers an empty body as malformed JSON and a non-object as model_attributes_type", async () => {
    expect((await rejection(readStringFields(request(""), fields))).body).toEqual({
      detail: [jsonInvalid()],
    });
    expect((await rejection(readStringFields(request("{"), fields))).body).toEqual({
      detail: [jsonInvalid()],
    });
    expect((await rejection(readStringFields(request('["name"]'), fields))).body).toEqual({
      detail: [notAnObject(["name"])],
    });
  });
});
