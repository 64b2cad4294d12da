import { RequestValidationError } from "../errors";
import type { EnvVar } from "./encrypt-env-vars";

/** One line of a `.env` text that `parseEnvVars` cannot read. */
export interface DotenvIssue {
  /** Counted from 1. */
  line: number;
  message: string;
}

/**
 * A `.env` text that `parseEnvVars` cannot read. `issues` has one entry per
 * bad line (path `line <n>`); `line` is the first of them, counted from 1.
 */
export class DotenvParseError extends RequestValidationError {
  override name = "DotenvParseError";
  /** The first line that could not be read, counted from 1. */
  readonly line: number;

  constructor(lines: DotenvIssue[]) {
    super({
      endpoint: "parseEnvVars",
      issues: lines.map(({ line, message }) => ({ path: `line ${line}`, message })),
    });
    this.line = lines[0]?.line ?? 0;
  }
}

/** Problems listed in one error at most; the text may be anything but a .env file. */
const MAX_ISSUES = 10;
const QUOTES = "'\"`";

// `KEY=value`, `export KEY=value` or `KEY: value` (a space after the colon);
// names are letters, digits, `_`, `.` and `-`. Group 2 is the raw rest.
const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=|:(?=\s))(.*)$/;
const COMMENT_OR_BLANK = /^\s*(?:#.*)?$/;

interface Closing {
  /** Index of the closing quote in the text. */
  at: number;
  /** Index of the end of the line the closing quote is on. */
  lineEnd: number;
}

function lineEndFrom(text: string, index: number): number {
  const end = text.indexOf("\n", index);
  return end === -1 ? text.length : end;
}

/**
 * Where the quoted value opened at `open` ends. The closing quote is the
 * first one not preceded by a backslash; if what follows it on its line is
 * more than blanks or a `# comment`, each backslash-quote before it stands in
 * turn, the last first. The same choice as the official parser's pattern (the
 * order its regex backtracks in), so well-formed files read the same.
 */
function findClosing(text: string, open: number): Closing | "unclosed" | "trailing" {
  const quote = text[open];
  const escaped: number[] = [];
  let first: number | undefined;
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === "\\" && text[i + 1] === quote) {
      escaped.push(i + 1);
      i++;
    } else if (text[i] === quote) {
      first = i;
      break;
    }
  }
  const candidates = first === undefined ? escaped.reverse() : [first, ...escaped.reverse()];
  for (const at of candidates) {
    const lineEnd = lineEndFrom(text, at + 1);
    if (COMMENT_OR_BLANK.test(text.slice(at + 1, lineEnd))) return { at, lineEnd };
  }
  return first === undefined ? "unclosed" : "trailing";
}

function decode(input: string | Uint8Array): string {
  if (typeof input === "string") return input.startsWith("\uFEFF") ? input.slice(1) : input;
  // TextDecoder drops a leading BOM itself.
  return new TextDecoder().decode(input);
}

function lineCount(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) {
    count++;
  }
  return count;
}

/**
 * Reads the text of a `.env` file into the `{ key, value }` list that
 * `encryptEnvVars` takes, by the rules of the official `@phala/cloud`'s
 * `parseEnvVars` (dotenv's):
 *
 * - one `KEY=value` per line (also `export KEY=value` and `KEY: value`); names
 *   are letters, digits, `_`, `.` and `-`; spaces around the name and `=` are
 *   ignored; LF, CRLF and CR line ends; a leading BOM is dropped;
 * - blank lines and lines starting with `#` are skipped;
 * - an unquoted value is trimmed and ends at the first `#` (a comment, even
 *   without a space before it): quote values that contain `#`; `=` may appear
 *   in any value;
 * - a value in `'...'`, `"..."` or `` `...` `` is taken as written, spaces
 *   included, may span lines (PEM keys), and may be followed by a `# comment`;
 *   in double quotes only, `\n` and `\r` become a line feed and a carriage
 *   return; any other backslash is kept as written (`\"` stays `\"`);
 * - a name given twice keeps its first place and its last value.
 *
 * Where the official parser silently skips a line it cannot read (or reads an
 * unclosed quote as part of the value), this one throws `DotenvParseError`
 * (a `RequestValidationError`) naming each such line, up to 10, never
 * quoting its text (it may hold a secret): a line with no `=`, a name with
 * other characters, a quote that is never closed, text after a closing quote.
 */
export function parseEnvVars(input: string | Uint8Array): EnvVar[] {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) {
    throw new RequestValidationError({
      endpoint: "parseEnvVars",
      issues: [{ path: "input", message: "expected the text of a .env file, or its bytes" }],
    });
  }
  const text = decode(input).replace(/\r\n?/g, "\n");
  const values = new Map<string, string>();
  const issues: DotenvIssue[] = [];
  const fail = (line: number, message: string) => issues.push({ line, message });

  let line = 1;
  for (let start = 0; start <= text.length && issues.length < MAX_ISSUES; ) {
    const end = lineEndFrom(text, start);
    const content = text.slice(start, end);
    let next = end + 1;
    let nextLine = line + 1;

    const assignment = ASSIGNMENT.exec(content);
    if (COMMENT_OR_BLANK.test(content)) {
      // Nothing to read.
    } else if (!assignment) {
      fail(
        line,
        content.includes("=")
          ? "the name before `=` must be letters, digits, `_`, `.` or `-`"
          : "expected KEY=value",
      );
    } else {
      const key = assignment[1] as string;
      const rest = assignment[2] as string;
      const valueStart = end - rest.length + (rest.length - rest.trimStart().length);
      const opening = text[valueStart];
      if (opening !== undefined && valueStart < end && QUOTES.includes(opening)) {
        const closing = findClosing(text, valueStart);
        if (closing === "unclosed") {
          fail(line, `the ${opening} quote that opens the value of ${key} is never closed`);
          break;
        }
        if (closing === "trailing") {
          fail(
            line,
            `the ${opening}-quoted value of ${key} must end with its quote, followed only by spaces or a # comment`,
          );
        } else {
          let value = text.slice(valueStart + 1, closing.at);
          if (opening === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
          values.set(key, value);
          nextLine = line + 1 + lineCount(text, valueStart, closing.lineEnd);
          next = closing.lineEnd + 1;
        }
      } else {
        const hash = rest.indexOf("#");
        values.set(key, (hash === -1 ? rest : rest.slice(0, hash)).trim());
      }
    }
    start = next;
    line = nextLine;
  }

  if (issues.length > 0) throw new DotenvParseError(issues);
  return Array.from(values, ([key, value]) => ({ key, value }));
}
