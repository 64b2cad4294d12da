// The request path, one module per step: `url` and `headers` build the
// request, `attempt` sends it once (`signals` bounds it in time, `redirects`
// keeps it on the API's origin, `body` reads and judges the answer), `send`
// retries what may be retried, `events` reports to hooks and the log, and
// `stream` reads an event stream through the same path. `types` holds the
// vocabulary they share. Nothing here imports this index.

export { buildHeaders } from "./headers";
export { sendRequest } from "./send";
export {
  consumeEventStream,
  type EventStreamPolicy,
  type EventStreamRequest,
  type ServerSentEvent,
  type StreamStep,
} from "./stream";
export * from "./types";
export { buildURL } from "./url";
