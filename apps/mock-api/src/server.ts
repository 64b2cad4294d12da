import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { API_BASE_PATH, createMockApp, type MockAppOptions } from "./app";
import { type FaultHit, FaultInjector, type FaultRule } from "./internal/faults";
import type { MockState } from "./model";
import { createMockState } from "./seed";

export interface StartMockApiOptions extends MockAppOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the mock is for loopback tests, not the network. */
  host?: string;
}

export interface RunningMockApi {
  /** The base URL, ending in `/api/v1`. */
  url: string;
  port: number;
  /** Stops listening and drops open (keep-alive) connections; safe to call twice. */
  close(): Promise<void>;
  /** The live model of this server, to inspect or change between requests. */
  state: MockState;
  /** The faults applied since start or the last `setFaults` (empty when faults are off). */
  readonly faultLog: readonly FaultHit[];
  /**
   * Replaces the fault rules (steps start over, the log empties). Throws unless the
   * server was started with `faults` (`faults: []` for none yet).
   */
  setFaults(rules: readonly FaultRule[]): void;
}

function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

/** Serves a freshly seeded mock on Node. */
export async function startMockApi(options: StartMockApiOptions = {}): Promise<RunningMockApi> {
  const { port = 0, host = "127.0.0.1", faults, ...appOptions } = options;
  const injector =
    faults === undefined || faults instanceof FaultInjector ? faults : new FaultInjector(faults);
  const state =
    appOptions.state ??
    createMockState({
      transitionMs: appOptions.transitionMs,
      extraCvms: appOptions.extraCvms,
      streamSecondMs: appOptions.streamSecondMs,
    });
  const app = createMockApp({ ...appOptions, state, faults: injector });
  // Leave the host's global Request/Response alone: tests run SDK code in this process.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const boundPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // close() alone waits for idle keep-alive sockets to time out.
      server.closeAllConnections?.();
      // Ends hangs and delays: no fault timer outlives the server.
      injector?.dispose();
    });
    return closing;
  };

  return {
    url: `http://${urlHost(host)}:${boundPort}${API_BASE_PATH}`,
    port: boundPort,
    close,
    state,
    get faultLog() {
      return injector?.log ?? [];
    },
    setFaults(rules) {
      if (!injector) {
        throw new Error("faults are off: start the mock with { faults: [] } to script them");
      }
      injector.setFaults(rules);
    },
  };
}
