import type { CvmStateErrorEventData, CvmStateEventData } from "@phala/cloud-schemas";
import { APIUserAbortError, type ErrorContext, PhalaCloudError } from "../../errors";

/** The server's `timeout` event: the watch's timeout passed before the CVM reached its target. */
export class CvmStateWatchTimeoutError extends PhalaCloudError {
  override name = "CvmStateWatchTimeoutError";
  readonly target: string;
  /** Seconds the server watched. */
  readonly elapsed: number;
  /** The last state the server reported, when it sent one. */
  readonly lastState: CvmStateEventData | undefined;

  constructor(
    options: ErrorContext & {
      target: string;
      elapsed: number;
      message: string;
      lastState: CvmStateEventData | undefined;
    },
  ) {
    super(
      `CVM did not reach status "${options.target}" within ${options.elapsed}s: ${options.message}`,
      options,
    );
    this.target = options.target;
    this.elapsed = options.elapsed;
    this.lastState = options.lastState;
  }
}

/**
 * The watch's last attempt (of the `maxRetries` given) ended with the server's
 * `timeout` event: `@phala/cloud`'s name for it. Still a
 * `CvmStateWatchTimeoutError`, so `elapsed` is the last attempt's and
 * `lastState` the last state of all attempts.
 */
export class MaxRetriesExceededError extends CvmStateWatchTimeoutError {
  override name = "MaxRetriesExceededError";
  /** Attempts made, the first included (the `maxRetries` given). */
  readonly attempts: number;

  constructor(
    options: ConstructorParameters<typeof CvmStateWatchTimeoutError>[0] & { attempts: number },
  ) {
    super({
      ...options,
      message: `${options.message}; maximum retry attempts (${options.attempts}) exceeded`,
    });
    this.attempts = options.attempts;
  }
}

/**
 * The caller's signal aborted the watch: `@phala/cloud`'s name for it. Still an
 * `APIUserAbortError`, so code that checks for the SDK's abort keeps working.
 */
export class WatchAbortedError extends APIUserAbortError {
  override name = "WatchAbortedError";
}

/** The server's `error` event: it stopped watching the CVM. */
export class CvmStateWatchError extends PhalaCloudError {
  override name = "CvmStateWatchError";
  readonly event: CvmStateErrorEventData;

  constructor(options: ErrorContext & { event: CvmStateErrorEventData }) {
    const { error, message } = options.event;
    super(`CVM state stream failed: ${message ? `${error}: ${message}` : error}`, options);
    this.event = options.event;
  }
}
