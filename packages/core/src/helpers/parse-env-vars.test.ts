import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../errors";
import { decryptEnvVars, encryptEnvVars } from "./encrypt-env-vars";
import { bytesToHex } from "./hex";
import { DotenvParseError, parseEnvVars } from "./parse-env-vars";

const asObject = (text: string | Uint8Array) =>
  Object.fromEntries(parseEnvVars(text).map(({ key, value }) => [key, value]));

function parseError(text: string): DotenvParseError {
  try {
    parseEnvVars(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DotenvParseError);
    return error as DotenvParseError;
  }
  throw new Error("expected parseEnvVars to throw");
}

// The cases the official parser's own tests cover (dotenv's), written anew.
const BASIC = [
  "# a comment",
  "BASIC=basic",
  "",
  "  # an indented comment",
  "AFTER_LINE=after_line",
  "EMPTY=",
  "EMPTY_SINGLE=''",
  'EMPTY_DOUBLE=""',
  "EMPTY_BACKTICK=``",
  "SINGLE='single'",
  "SINGLE_SPACED='   single   '",
  'DOUBLE="double"',
  'DOUBLE_SPACED="   double   "',
  "BACKTICK=`backtick`",
  "DOUBLE_IN_SINGLE='a \"b\" c'",
  "SINGLE_IN_DOUBLE=\"a 'b' c\"",
  "BOTH_IN_BACKTICK=`a \"b\" 'c'`",
  'EXPAND="one\\ntwo\\rthree"',
  "NO_EXPAND_UNQUOTED=one\\ntwo",
  "NO_EXPAND_SINGLE='one\\ntwo'",
  "NO_EXPAND_BACKTICK=`one\\ntwo`",
  "# COMMENTED=out",
  "INLINE=inline value # a comment",
  "INLINE_SINGLE='has #hash' # a comment",
  'INLINE_DOUBLE="has #hash"# a comment',
  "INLINE_BACKTICK=`has #hash` # a comment",
  "HASH_NO_SPACE=before#after",
  "EQUALS=a==b=c",
  'JSON={"foo": "bar"}',
  'JSON_SINGLE=\'{"foo": "bar"}\'',
  "TRIMMED=   spaced out value   ",
  "EMAIL=someone@example.tld",
  "  SPACED_KEY  =  parsed  ",
  "export EXPORTED=yes",
  "export   EXPORTED_SPACED = also",
  "COLON: value",
  "DOTTED.NAME-1=ok",
  "123=digits",
  "export=a key named export",
].join("\n");

describe("parseEnvVars", () => {
  it("reads the documented example into what encryptEnvVars takes", async () => {
    const envVars = parseEnvVars("API_KEY=secret\nDB_URL=postgres://...");
    expect(envVars).toEqual([
      { key: "API_KEY", value: "secret" },
      { key: "DB_URL", value: "postgres://..." },
    ]);

    const pair = (await crypto.subtle.generateKey({ name: "X25519" }, true, [
      "deriveBits",
    ])) as CryptoKeyPair;
    const publicHex = bytesToHex(
      new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)),
    );
    const encrypted = await encryptEnvVars(envVars, publicHex);
    expect(await decryptEnvVars(encrypted, pair.privateKey)).toEqual(envVars);
  });

  it("follows the official parser's dotenv rules", () => {
    expect(asObject(BASIC)).toEqual({
      BASIC: "basic",
      AFTER_LINE: "after_line",
      EMPTY: "",
      EMPTY_SINGLE: "",
      EMPTY_DOUBLE: "",
      EMPTY_BACKTICK: "",
      SINGLE: "single",
      SINGLE_SPACED: "   single   ",
      DOUBLE: "double",
      DOUBLE_SPACED: "   double   ",
      BACKTICK: "backtick",
      DOUBLE_IN_SINGLE: 'a "b" c',
      SINGLE_IN_DOUBLE: "a 'b' c",
      BOTH_IN_BACKTICK: "a \"b\" 'c'",
      EXPAND: "one\ntwo\rthree",
      NO_EXPAND_UNQUOTED: "one\\ntwo",
      NO_EXPAND_SINGLE: "one\\ntwo",
      NO_EXPAND_BACKTICK: "one\\ntwo",
      INLINE: "inline value",
      INLINE_SINGLE: "has #hash",
      INLINE_DOUBLE: "has #hash",
      INLINE_BACKTICK: "has #hash",
      HASH_NO_SPACE: "before",
      EQUALS: "a==b=c",
      JSON: '{"foo": "bar"}',
      JSON_SINGLE: '{"foo": "bar"}',
      TRIMMED: "spaced out value",
      EMAIL: "someone@example.tld",
      SPACED_KEY: "parsed",
      EXPORTED: "yes",
      EXPORTED_SPACED: "also",
      COLON: "value",
      "DOTTED.NAME-1": "ok",
      "123": "digits",
      export: "a key named export",
    });
  });

  it("keeps the file's order", () => {
    expect(parseEnvVars("B=1\nA=2\n10=3").map(({ key }) => key)).toEqual(["B", "A", "10"]);
  });

  it("reads quoted values over several lines, and counts lines after them", () => {
    const pem = [
      "-----BEGIN PUBLIC KEY-----",
      "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAnNl1tL3QjKp3DZWM0T3u",
      "u4QuUoobAgMBAAE=",
      "-----END PUBLIC KEY-----",
    ].join("\n");
    const text = [
      `PEM="${pem}"`,
      "SINGLE='one",
      "two' # trailing comment",
      "BACKTICK=`a",
      '"b\'s"',
      "c`",
      "AFTER=after",
      "broken line",
    ].join("\n");
    const error = parseError(text);
    expect(error.line).toBe(11);
    expect(parseEnvVars(text.replace("\nbroken line", ""))).toEqual([
      { key: "PEM", value: pem },
      { key: "SINGLE", value: "one\ntwo" },
      { key: "BACKTICK", value: 'a\n"b\'s"\nc' },
      { key: "AFTER", value: "after" },
    ]);
  });

  it("reads LF, CRLF and CR line ends alike, in a multi-line value too", () => {
    const expected = { SERVER: "localhost", PASSWORD: "password", MULTI: "a\nb" };
    for (const end of ["\n", "\r\n", "\r"]) {
      const text = ["SERVER=localhost", "PASSWORD=password", 'MULTI="a', 'b"', ""].join(end);
      expect(asObject(text)).toEqual(expected);
    }
  });

  it("takes bytes (a Buffer too) and drops a byte order mark", () => {
    expect(asObject(new TextEncoder().encode("\uFEFFA=é\nB=2"))).toEqual({ A: "é", B: "2" });
    expect(asObject(Buffer.from("A=1"))).toEqual({ A: "1" });
    expect(asObject("\uFEFFA=1")).toEqual({ A: "1" });
  });

  it("keeps a repeated name in its first place with its last value", () => {
    expect(parseEnvVars("A=1\nB=2\nA='3'")).toEqual([
      { key: "A", value: "3" },
      { key: "B", value: "2" },
    ]);
  });

  it("expands only \\n and \\r in double quotes; other backslashes stay as written", () => {
    expect(asObject('Q="say \\"hi\\""\nP="C:\\\\new"\nT="a\\tb"')).toEqual({
      Q: 'say \\"hi\\"',
      // `\n` is expanded wherever it stands, as the official parser does.
      P: "C:\\\new",
      T: "a\\tb",
    });
  });

  it("closes a quote at a backslash-quote when nothing else can close it, as the official parser does", () => {
    expect(asObject("WIN='C:\\dir\\'\nNEXT=1")).toEqual({ WIN: "C:\\dir\\", NEXT: "1" });
    expect(asObject("S='it\\'s' # ok")).toEqual({ S: "it\\'s" });
  });

  it("reads an empty text, or only comments, as no variables", () => {
    expect(parseEnvVars("")).toEqual([]);
    expect(parseEnvVars("\n# nothing\n   \n")).toEqual([]);
  });

  describe("refuses what it cannot read, naming the line", () => {
    it("a line with no `=`", () => {
      const error = parseError("A=1\nsupersecretvalue\nB=2");
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(error.name).toBe("DotenvParseError");
      expect(error.line).toBe(2);
      expect(error.issues).toEqual([{ path: "line 2", message: "expected KEY=value" }]);
      expect(error.message).toContain("line 2: expected KEY=value");
      // The line may be a secret pasted on its own: never quoted back.
      expect(error.message).not.toContain("supersecretvalue");
    });

    it.each([
      ["a space in the name", "MY KEY=1"],
      ["no name", "=value"],
      ["a colon with no space", "KEY:value"],
      ["other characters", "KEY$=1"],
    ])("a bad name: %s", (_label, line) => {
      const error = parseError(`OK=1\n${line}`);
      expect(error.line).toBe(2);
      expect(error.issues[0]?.message).toMatch(/name before `=`|expected KEY=value/);
    });

    it("a quote that is never closed, at the line that opens it", () => {
      const error = parseError('A=1\nB="unclosed secret\nC=3\nD=4');
      expect(error.line).toBe(2);
      expect(error.message).toContain('the " quote that opens the value of B is never closed');
      expect(error.message).not.toContain("unclosed secret");
    });

    it("text after a closing quote", () => {
      const error = parseError("A='one' two\nB=2");
      expect(error.line).toBe(1);
      expect(error.message).toContain("'-quoted value of A must end with its quote");
      expect(parseError('X="a"\nY="b" "c"').line).toBe(2);
    });

    it("every bad line, up to 10", () => {
      const error = parseError("A=1\nbad\nB=2\nworse\n");
      expect(error.issues.map((issue) => issue.path)).toEqual(["line 2", "line 4"]);
      const many = parseError(Array.from({ length: 30 }, (_, i) => `junk${i}`).join("\n"));
      expect(many.issues).toHaveLength(10);
      expect(many.line).toBe(1);
    });

    it("an input that is not text or bytes, as RequestValidationError", () => {
      expect(() => parseEnvVars(42 as never)).toThrow(RequestValidationError);
      expect(() => parseEnvVars(undefined as never)).toThrow("expected the text of a .env file");
    });
  });
});
