import { type CallOptions, type SafeResult, toPhalaCloudError } from "../../action";
import { type AnyClient, getClientState } from "../../client-state";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  type ErrorContext,
  PhalaCloudError,
  ResponseTooLargeError,
} from "../../errors";
import { NO_HOOKS } from "../../hooks";
import { type ApiKey, scrubError, scrubText } from "../../secret";
import {
  buildHeaders,
  DEFAULT_MAX_RESPONSE_BYTES,
  sendRequest,
  type TransportRequest,
  type TransportState,
} from "../../transport";
import { failureFields, notify, SILENT_LOG } from "../../transport/events";
import { ignore } from "../../transport/signals";
import { requestURL } from "../../transport/url";
import { resolveApiVersion } from "../../versions";
import { checksumSegment } from "../internal/attestation-checksum";

export interface GetRawAttestationArgs {
  /** The quote's checksum, as `verifyAttestation` or `listRecentAttestations` gives it. */
  checksum: string;
}

/** A call's options, but `schema`: the answer is bytes, which no schema checks. */
export type GetRawAttestationOptions = Omit<CallOptions, "schema">;

const NAME = "getRawAttestation";

// Every other action reads a JSON or text body, which the transport decodes as
// UTF-8: a quote's bytes would not survive that. This action asks the transport
// for the response unread (its `stream` mode, which still retries what may be
// retried and maps an error status to its error) and reads the bytes itself,
// within the same bounds: `maxResponseBytes`, the call's timeout and signal.

/** Reads the whole body as bytes; throws the transport's errors for a body too large, too slow or aborted. */
async function readBytes(
  response: Response,
  limit: number,
  timeout: number,
  signal: AbortSignal | undefined,
  context: ErrorContext & { status: number; requestId: string | undefined },
  apiKey: ApiKey | undefined,
): Promise<Uint8Array> {
  const tooLarge = () => new ResponseTooLargeError({ ...context, limit });
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    response.body?.cancel().catch(ignore);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  let timedOut = false;
  // A cancelled reader ends a pending read (done): the loop then sees why.
  const stop = () => {
    reader.cancel().catch(ignore);
  };
  const timer =
    timeout > 0 && Number.isFinite(timeout)
      ? setTimeout(() => {
          timedOut = true;
          stop();
        }, timeout)
      : undefined;
  signal?.addEventListener("abort", stop, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      if (signal?.aborted)
        throw new APIUserAbortError("Request aborted", { ...context, cause: signal.reason });
      const { done, value } = await reader.read();
      if (signal?.aborted)
        throw new APIUserAbortError("Request aborted", { ...context, cause: signal.reason });
      if (timedOut) {
        throw new APIConnectionTimeoutError(`Request timed out after ${timeout} ms`, {
          ...context,
          timeout,
        });
      }
      if (done) break;
      size += value.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(value);
    }
  } catch (error) {
    stop();
    if (error instanceof PhalaCloudError) throw error;
    // Scrubbed as the transport's own errors are: the message here, the cause by the caller.
    throw new APIConnectionError(
      `Connection failed while reading the body: ${scrubText(error instanceof Error ? error.message : String(error), apiKey)}`,
      { ...context, cause: error },
    );
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The `onError` event of a failed call (`client.on("error")` listens there),
 * which the transport leaves to the reader of an unread response. Its attempt
 * number is the last one the `onRequest` hooks saw.
 */
function reportFailure(
  state: TransportState,
  request: TransportRequest,
  attempt: number,
  error: PhalaCloudError,
): void {
  const hooks = state.hooks ?? NO_HOOKS;
  if (hooks.onError.length === 0) return;
  notify(
    { state, request, headers: buildHeaders(state, request), hooks, log: state.log ?? SILENT_LOG },
    "onError",
    { number: attempt },
    requestURL(state, request.path, request.query),
    failureFields(error),
  );
}

async function run(
  client: AnyClient,
  args: GetRawAttestationArgs,
  options: GetRawAttestationOptions = {},
): Promise<Uint8Array> {
  const base = getClientState(client);
  const request: TransportRequest = {
    method: "GET",
    path: `/attestations/raw/${checksumSegment(NAME, args)}`,
    apiVersion: resolveApiVersion(options.version ?? client.version),
    endpoint: NAME,
    headers: { Accept: "application/octet-stream", ...options.headers },
    signal: options.signal,
    timeout: options.timeout,
    maxRetries: options.maxRetries,
    maxRetryTime: options.maxRetryTime,
    maxResponseBytes: options.maxResponseBytes,
    stream: true,
  };
  // Only when an `onError` hook listens: an `onRequest` hook of this call alone
  // counts the attempts, so the failure event carries the right number.
  let attempt = 1;
  const hooks = base.hooks ?? NO_HOOKS;
  const state: TransportState =
    hooks.onError.length === 0
      ? base
      : {
          ...base,
          hooks: {
            ...hooks,
            onRequest: [
              ...hooks.onRequest,
              (event) => {
                attempt = event.attempt;
              },
            ],
          },
        };
  try {
    const response = await sendRequest(state, request);
    return await readBytes(
      response.response,
      options.maxResponseBytes ?? state.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      options.timeout ?? state.timeout,
      options.signal,
      {
        method: "GET",
        path: request.path,
        apiVersion: request.apiVersion,
        endpoint: NAME,
        status: response.status,
        requestId: response.requestId,
      },
      state.apiKey,
    );
  } catch (error) {
    if (error instanceof PhalaCloudError) {
      reportFailure(state, request, attempt, scrubError(error, state.apiKey));
    }
    throw error;
  }
}

/**
 * The quote as it was uploaded, byte for byte: `GET /attestations/raw/{checksum}`
 * (`application/octet-stream`). Resolves a `Uint8Array`; an unknown checksum
 * is a 404 (`NotFoundError`). Takes a call's options (`version`, `signal`,
 * `timeout`, retries, `maxResponseBytes`, `headers`) but `schema`, and returns
 * a plain promise.
 */
export const getRawAttestation = /* @__PURE__ */ Object.assign(run, { actionName: NAME });

/** `getRawAttestation` that never throws: `{ success: true, data }` or `{ success: false, error }`. */
export async function safeGetRawAttestation(
  client: AnyClient,
  args: GetRawAttestationArgs,
  options: GetRawAttestationOptions = {},
): Promise<SafeResult<Uint8Array>> {
  try {
    return { success: true, data: await run(client, args, options) };
  } catch (error) {
    return { success: false, error: toPhalaCloudError(error, NAME) };
  }
}
