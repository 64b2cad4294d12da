// Node entry: `node dist/node.js` (built by `pnpm build`). With no
// PHALA_CLOUD_API_KEY and no PHALA_CLOUD_API_PREFIX it starts the mock API in
// this process, so the status page works with nothing configured.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { prepareStatusServer } from "./serve";

const { app, description, close } = await prepareStatusServer(process.env);

const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? 3000);
const server = serve(
  { fetch: app.fetch, hostname, port, overrideGlobalObjects: false },
  (info: AddressInfo) => {
    const host = info.address.includes(":") ? `[${info.address}]` : info.address;
    console.log(`CVM status page on http://${host}:${info.port}/ (${description})`);
  },
);

let stopping = false;
function stop(signal: string): void {
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`Received ${signal}, shutting down`);
  server.close();
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  void close().then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
