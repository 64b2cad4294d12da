// `Retry-After` (RFC 9110, section 10.2.3): `delay-seconds` (one or more
// digits) or an `HTTP-date`. The one reader of the header: the retry loop waits
// what it returns, and `RateLimitError` / `ServiceUnavailableError` report it as
// `retryAfter`, so the two never disagree. Anything else (`1e2`, `0x10`, `-5`,
// `1.5`, `soon`, an ISO date) is absent, not a guess.

/**
 * The shape of the three forms of an HTTP-date: `Sun, 06 Nov 1994 08:49:37 GMT`
 * (what servers send), and the obsolete `Sunday, 06-Nov-94 08:49:37 GMT` and
 * `Sun Nov  6 08:49:37 1994` (asctime, in UTC) that a recipient must accept:
 * a day name, the date, the time, then GMT or the year. `Date.parse` reads the
 * fields of all three; what it cannot read is absent.
 */
const HTTP_DATE = /^[a-z]{3,9},? [\da-z -]+ \d\d:\d\d:\d\d (GMT|\d{4})$/i;

/**
 * Milliseconds the server asked to wait, from a response's `Retry-After`: its
 * delay-seconds, or the time until its HTTP-date (0 once past); undefined when
 * absent or not one of those. `headers` is any Headers (not `instanceof
 * Headers`: an adapter's fetch, undici's own, has its own class), or anything
 * else, which has no `Retry-After`.
 */
export function retryAfterMs(headers: unknown, now: number = Date.now()): number | undefined {
  // A Headers value: already without leading and trailing whitespace.
  const text =
    (typeof (headers as Headers | undefined)?.get === "function" &&
      (headers as Headers).get("retry-after")) ||
    "";
  // Capped at 1e9 s (31 years): past any wait the SDK honours, still a finite number.
  if (/^\d+$/.test(text)) return Math.min(Number(text), 1e9) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text.endsWith("GMT") ? text : `${text} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
