import type { ErrorContext } from "../errors";
import type { HookLists } from "../hooks";
import type { Log } from "../logger";
import type { FetchLike, TransportRequest, TransportState } from "./types";

/** What one call carries through all its attempts, worked out once before the first. */
export interface CallSetup {
  state: TransportState;
  request: TransportRequest;
  context: ErrorContext;
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  /** The body as sent. */
  body: string | undefined;
  log: Log;
  hooks: HookLists;
  maxResponseBytes: number;
}

export interface Attempt {
  /** 1 for the first attempt, 2 for the first retry, ... */
  number: number;
  /** Milliseconds this attempt may take. */
  timeout: number;
}
