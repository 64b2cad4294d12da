import { invalidArguments } from "./action";

// Its own module: only the actions without arguments import it, so a bundle
// of other actions carries none of it.

const CALL_OPTIONS = [
  "version",
  "schema",
  "signal",
  "timeout",
  "headers",
  "maxRetries",
  "maxRetryTime",
  "retryNonIdempotent",
  "maxResponseBytes",
];

/**
 * The plan's check for an action without arguments: what it was given in the
 * arguments' place (its options, or an empty object before them) holds nothing
 * but options. Anything else is refused before sending, never ignored.
 */
export function onlyOptions(endpoint: string, given: unknown): void {
  const wrong =
    typeof given === "object" && given !== null
      ? Object.keys(given).filter((key) => !CALL_OPTIONS.includes(key))
      : [""];
  if (wrong.length > 0) {
    invalidArguments(
      endpoint,
      wrong.map((path) => ({
        path,
        message: `${endpoint} takes no arguments; its options are ${CALL_OPTIONS.join(", ")}`,
      })),
    );
  }
}
