import { pipeline, type Readable, Transform } from "node:stream";
import type { ZlibOptions } from "node:zlib";
import type { Dispatcher } from "undici";

type Undici = typeof import("undici");

// undici's `fetch` spends per call what the SDK never uses: a Request object, a
// WeakRef and a finalizer for each signal, the fetch controller and its
// algorithms. For the requests the SDK itself sends (a string URL, headers as a
// plain record, a string body or none, redirects handled by the SDK) the same
// answer comes from `undici.request` wrapped in a `Response`: measured on
// loopback, that closes the gap to a raw fetch (bench/requests.mjs). Anything
// else goes to undici's fetch, unchanged.

/** Statuses whose response has no body, whatever the server sent (the Fetch standard's null body statuses). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/** What fetch sends when the caller did not say; the body is decoded below, as fetch does. */
const ACCEPT_ENCODING = "gzip, deflate, br";

/** Whether this request can take the fast path: what the SDK's transport sends. */
function isPlainRequest(input: unknown, init: RequestInit): boolean {
  const { headers, body } = init;
  return (
    typeof input === "string" &&
    init.redirect === "manual" &&
    (body === undefined || body === null || typeof body === "string") &&
    (headers === undefined ||
      (typeof headers === "object" &&
        !Array.isArray(headers) &&
        Object.getPrototypeOf(headers) === Object.prototype))
  );
}

/** Node's header record as `Headers` init: repeated headers (`set-cookie`) stay separate. */
function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === "string") pairs.push([name, value]);
    else if (value) for (const item of value) pairs.push([name, item]);
  }
  return pairs;
}

const ignore = () => {};

/**
 * The body as the web stream a `Response` takes. Its cancel destroys the body,
 * which ends the request and frees the socket: a body handed to `Response` as
 * an async iterable is not destroyed when cancelled unread, and Node 20's
 * `Readable.toWeb` can throw on a close after a cancel.
 */
function webBody(body: Readable): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        if (error === undefined) controller.close();
        else controller.error(error);
      };
      body.on("data", (chunk: Uint8Array) => {
        // A chunk already on its way when the stream was cancelled or failed.
        if (settled) return;
        controller.enqueue(chunk);
        if ((controller.desiredSize ?? 1) <= 0) body.pause();
      });
      body.on("end", () => settle());
      body.on("error", (error) => settle(error));
      // Destroyed without an error and before its end: never a complete body.
      body.on("close", () => settle(new Error("The response body ended before it was complete")));
    },
    pull() {
      body.resume();
    },
    cancel(reason) {
      settled = true;
      body.destroy(reason instanceof Error ? reason : undefined);
    },
  });
}

type Zlib = typeof import("node:zlib");

/** The codings fetch decodes; a body with any other is left as sent. */
const DECODED_CODINGS = new Set(["gzip", "x-gzip", "deflate", "br"]);

/**
 * "deflate" as servers send it: zlib-wrapped (the standard) or raw, told apart
 * by the first byte (a zlib header names compression method 8), as fetch does.
 */
function inflateEither(zlib: Zlib, options: ZlibOptions): Transform {
  let inner: Transform | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        inner =
          ((chunk[0] ?? 0) & 0x0f) === 0x08
            ? zlib.createInflate(options)
            : zlib.createInflateRaw(options);
        inner.on("data", (data: Buffer) => this.push(data));
        inner.on("error", (error) => this.destroy(error));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) return done();
      inner.once("end", () => done());
      inner.end();
    },
    destroy(error, done) {
      // Cancelled or failed: the inner stream stops too.
      inner?.destroy();
      done(error);
    },
  });
}

/**
 * The body decoded by its `content-encoding` (last coding applied first undone),
 * as fetch would; an unknown coding leaves it as sent. zlib is only loaded for
 * an encoded body.
 */
async function decode(body: Readable, encoding: string): Promise<Readable> {
  const codings = encoding
    .toLowerCase()
    .split(",")
    .map((coding) => coding.trim())
    .filter((coding) => coding !== "" && coding !== "identity");
  if (codings.length === 0 || codings.some((coding) => !DECODED_CODINGS.has(coding))) {
    return body;
  }
  const zlib = await import("node:zlib");
  // Sync flush, as fetch does: a body cut short still yields what arrived.
  const sync: ZlibOptions = {
    flush: zlib.constants.Z_SYNC_FLUSH,
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  };
  const decoders = codings.reverse().map((coding) => {
    if (coding === "br") {
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    }
    return coding === "deflate" ? inflateEither(zlib, sync) : zlib.createGunzip(sync);
  });
  // An error in any stage (a broken gzip, a dropped connection) fails the read of the last.
  return pipeline([body, ...decoders], () => {}) as unknown as Readable;
}

/**
 * A fetch for one dispatcher: `undici.request` for the SDK's own requests,
 * undici's `fetch` for any other. Both answer with undici's `Response`.
 */
export function requestFetch(undici: Undici, dispatcher: Dispatcher) {
  return async (input: string, init: RequestInit): Promise<Response> => {
    if (!isPlainRequest(input, init)) {
      // The DOM and undici spell the same RequestInit/Response with different types.
      return (await undici.fetch(input, {
        ...(init as import("undici").RequestInit),
        dispatcher,
      })) as unknown as Response;
    }
    const headers = { ...(init.headers as Record<string, string> | undefined) };
    let hasEncoding = false;
    for (const name in headers) {
      if (name.toLowerCase() === "accept-encoding") hasEncoding = true;
    }
    if (!hasEncoding) headers["accept-encoding"] = ACCEPT_ENCODING;
    const method = (init.method ?? "GET").toUpperCase();
    const answer = await undici.request(input, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body: init.body as string | undefined,
      signal: init.signal ?? undefined,
      dispatcher,
    });
    const status = answer.statusCode;
    if (status < 200 || status > 599) {
      answer.body.on("error", ignore).destroy();
      throw new TypeError(`The server answered with HTTP status ${status}, outside 200-599`);
    }
    let body: Readable | null = answer.body;
    if (method === "HEAD" || NULL_BODY_STATUS.has(status)) {
      // Nothing to read: waiting for the (empty) rest frees the socket, as a read body would.
      await answer.body.dump().catch(ignore);
      body = null;
    } else {
      const encoding = answer.headers["content-encoding"];
      if (typeof encoding === "string" && encoding !== "") body = await decode(body, encoding);
    }
    const response = new undici.Response(
      body && (webBody(body) as unknown as import("undici").BodyInit),
      {
        status,
        statusText: answer.statusText,
        headers: headerPairs(answer.headers),
      },
    );
    // A made Response has no URL; fetch's has the one requested (redirects are the SDK's).
    Object.defineProperty(response, "url", { value: input });
    return response as unknown as Response;
  };
}
