import { type ErrorContext, ResponseTooLargeError } from "../errors";
import { type AttemptScope, ignore } from "./signals";

let utf8: TextDecoder | undefined;

/** The chunks as one UTF-8 string: one decode, with a decoder shared by every call (decode without `stream` keeps no state). */
function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  if (chunks.length === 0) return "";
  utf8 ??= new TextDecoder();
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return utf8.decode(bytes);
}

/**
 * Reads the body as a stream, at most `limit` bytes: past the limit it cancels
 * the stream (the rest is never downloaded) and throws. An abort cancels the read.
 */
export async function readBody(
  response: Response,
  headers: Headers,
  limit: number,
  scope: AttemptScope,
  context: () => ErrorContext & { status: number; requestId: string | undefined },
): Promise<string> {
  const tooLarge = () => new ResponseTooLargeError({ ...context(), limit });
  const declared = Number(headers.get("content-length"));
  const stream = response.body;
  if (Number.isFinite(declared) && declared > limit) {
    stream?.cancel().catch(ignore);
    throw tooLarge();
  }
  if (!stream) return "";
  const reader = stream.getReader();
  const { signal } = scope;
  // A cancelled reader ends a pending read (done), so the loop below sees the abort at once.
  scope.interrupt = (reason) => {
    reader.cancel(reason).catch(ignore);
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      // Checked before and after each read: an abort before `interrupt` was set,
      // or one that ended the read early.
      if (scope.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (scope.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    // Past the limit, aborted or broken: the rest of the body is never downloaded.
    reader.cancel(signal.aborted ? signal.reason : undefined).catch(ignore);
    throw error;
  } finally {
    scope.interrupt = undefined;
  }
  return decodeChunks(chunks, size);
}

/**
 * Node and browsers word JSON errors differently; the position is what helps:
 * `Unexpected end of JSON input at position 12`, the line and column dropped.
 */
function describeJsonError(error: unknown, length: number): string {
  const message = String(error instanceof Error ? error.message : error).split("\n")[0] as string;
  const position =
    /position (\d+)/.exec(message)?.[1] ??
    (/end of (JSON )?input/i.test(message) ? length : undefined);
  const reason = message.replace(/\s*\(line \d+ column \d+\)| at position \d+.*$/g, "");
  return position === undefined ? reason : `${reason} at position ${position}`;
}

/** The media type of a `content-type` or `accept` item, lower-cased, without parameters. */
function mediaType(contentType: string | null | undefined): string | undefined {
  if (contentType === "application/json") return contentType;
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/**
 * Whether the request asked for something other than JSON: the text actions
 * (a compose file, a script) take the body as text, whatever its label.
 */
function acceptsText(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .split(",")
    .map((item) => mediaType(item))
    .some((item) => item !== undefined && !item.includes("json"));
}

/**
 * The one reading of a body: its value (parsed JSON, the text when it is not
 * JSON, undefined when empty) and, when it cannot be what the request asked
 * for, why: broken JSON under a JSON label, or a label other than JSON on an
 * answer to a call that asked for JSON only (an HTML page from a proxy), even
 * when the text parses.
 */
export function judgeBody(
  text: string,
  contentType: string | null,
  accept: string | undefined,
): { data: unknown; problem: string | undefined } {
  if (text.length === 0) return { data: undefined, problem: undefined };
  const type = mediaType(contentType);
  const labelledJson = contentType?.includes("json") ?? false;
  const problem =
    type && !type.includes("json") && !acceptsText(accept)
      ? `expected JSON, got ${type}`
      : undefined;
  if (!labelledJson && !/^\s*[[{"]/.test(text)) return { data: text, problem };
  try {
    return { data: JSON.parse(text), problem };
  } catch (error) {
    // Unlabelled text that merely starts like JSON is text; a JSON label makes it broken JSON.
    return {
      data: text,
      problem: labelledJson ? `invalid JSON: ${describeJsonError(error, text.length)}` : problem,
    };
  }
}
