import { readEnv } from "./env";
import { PhalaCloudError } from "./errors";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** What the SDK logs through: `console` by default, or any object with these four methods. */
export interface Logger {
  error(message: string, ...data: unknown[]): void;
  warn(message: string, ...data: unknown[]): void;
  info(message: string, ...data: unknown[]): void;
  debug(message: string, ...data: unknown[]): void;
}

export const DEFAULT_LOG_LEVEL: LogLevel = "warn";

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const PREFIX = "[phala-cloud]";

function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && Object.hasOwn(RANK, value);
}

/**
 * The client's log level: the config's, then `PHALA_CLOUD_LOG`, then "warn".
 * A wrong value in config is a mistake in code (thrown); a wrong value in the
 * environment is ignored so a typo cannot break a deployed service.
 */
export function resolveLogLevel(configured: unknown): LogLevel {
  if (configured !== undefined) {
    if (!isLogLevel(configured)) {
      throw new PhalaCloudError(
        `Invalid logLevel ${JSON.stringify(configured)}: expected one of ${Object.keys(RANK).join(", ")}`,
      );
    }
    return configured;
  }
  const fromEnv = readEnv("PHALA_CLOUD_LOG")?.trim().toLowerCase();
  return isLogLevel(fromEnv) ? fromEnv : DEFAULT_LOG_LEVEL;
}

/** A logger filtered by level. Never throws: a broken logger must not break a call. */
export interface Log {
  readonly level: LogLevel;
  enabled(level: Exclude<LogLevel, "off">): boolean;
  error(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  debug(message: string, data?: unknown): void;
}

export function createLog(level: LogLevel, logger: Logger | undefined): Log {
  const target = logger ?? (globalThis as { console?: Logger }).console;
  const enabled = (at: Exclude<LogLevel, "off">) => RANK[at] <= RANK[level] && target !== undefined;
  const emit = (at: Exclude<LogLevel, "off">) => (message: string, data?: unknown) => {
    if (!enabled(at)) return;
    try {
      const line = `${PREFIX} ${message}`;
      if (data === undefined) target?.[at](line);
      else target?.[at](line, data);
    } catch {
      // a logger that throws is the logger's problem, not the call's
    }
  };
  return {
    level,
    enabled,
    error: emit("error"),
    warn: emit("warn"),
    info: emit("info"),
    debug: emit("debug"),
  };
}
