import { APIConnectionError, type ErrorContext } from "../errors";
import { finalError } from "../retry";

const MAX_REDIRECTS = 5;

/** Where a request goes next: its URL, method and body. */
export interface Hop {
  url: string;
  method: string;
  body: string | undefined;
}

/**
 * The hop a redirect leads to, or the error that refuses it: only within the
 * API's origin (the API key is never sent anywhere else), at most five in a
 * row; a 303 turns the request into a GET without a body. Refusals are final:
 * asking again would get the same answer.
 */
export function redirectHop(
  hop: Hop,
  location: string,
  status: number,
  redirects: number,
  baseURL: string,
  context: ErrorContext & { requestId: string | undefined },
  headers: Record<string, string>,
): Hop {
  const next = new URL(location, hop.url);
  const apiOrigin = new URL(baseURL).origin;
  const refuse = (message: string) =>
    finalError(new APIConnectionError(message, { ...context, status }));
  if (next.origin !== apiOrigin) {
    throw refuse(
      `Refused a redirect to another origin (${next.origin}): the API key is only sent to ${apiOrigin}`,
    );
  }
  if (redirects >= MAX_REDIRECTS) throw refuse(`Too many redirects (more than ${MAX_REDIRECTS})`);
  if (status === 303) {
    delete headers["content-type"];
    return { url: next.href, method: "GET", body: undefined };
  }
  return { url: next.href, method: hop.method, body: hop.body };
}
