// Small helpers of the fault matrix: deadlines, the unhandled-rejection
// collector, the active-resource counts, and the printed matrix.

/**
 * Runs `fn` with a signal that aborts after `ms`: the call cannot outlive its
 * case. The timer is cleared either way, so the deadline itself leaks nothing.
 */
export async function withDeadline<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error(`case deadline of ${ms} ms passed`)),
    ms,
  );
  try {
    return await fn(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets pending socket events (a request's arrival at the mock) run. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function collectUnhandledRejections() {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => void seen.push(reason);
  return {
    seen,
    start: () => void process.on("unhandledRejection", listener),
    stop: () => void process.off("unhandledRejection", listener),
  };
}

/** `process.getActiveResourcesInfo()` as counts per type ("Timeout": 2, ...). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

export interface MatrixRow {
  adapter: string;
  fault: string;
  method: string;
  expected: string;
  got: string;
  attempts: number;
  /** onRetry as reason/delayMs. */
  retries: string;
  ms: number;
}

export function formatMatrix(rows: readonly MatrixRow[]): string {
  const header = ["adapter", "fault", "method", "expected", "got", "attempts", "retries", "ms"];
  const cells = rows.map((r) => [
    r.adapter,
    r.fault,
    r.method,
    r.expected,
    r.got,
    String(r.attempts),
    r.retries || "-",
    String(r.ms),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(" | ");
  return ["[fault-matrix]", line(header), ...cells.map(line)].join("\n");
}
