// Deno entry: run the ESM bundle `dist/deno.js` (built by `pnpm build`) with
// `deno run --allow-net --allow-env --allow-read dist/deno.js`. With no
// PHALA_CLOUD_API_KEY and no PHALA_CLOUD_API_PREFIX it starts the mock API in
// this process (through Deno's node:http), as the Node entry does.
import { prepareStatusServer } from "./serve";

// The slice of the Deno namespace used here (the app is type-checked without Deno's types).
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(
    options: {
      port: number;
      hostname: string;
      onListen?: (addr: { hostname: string; port: number }) => void;
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): { shutdown(): Promise<void>; finished: Promise<void> };
  addSignalListener(signal: "SIGINT" | "SIGTERM", handler: () => void): void;
  exit(code?: number): never;
};

const { app, description, close } = await prepareStatusServer({
  PHALA_CLOUD_API_KEY: Deno.env.get("PHALA_CLOUD_API_KEY"),
  PHALA_CLOUD_API_PREFIX: Deno.env.get("PHALA_CLOUD_API_PREFIX"),
});

const hostname = Deno.env.get("HOST") || "127.0.0.1";
const port = Number(Deno.env.get("PORT") ?? 3000);
const server = Deno.serve(
  {
    hostname,
    port,
    onListen: (addr) => {
      const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
      console.log(`CVM status page on http://${host}:${addr.port}/ (${description})`);
    },
  },
  app.fetch,
);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) Deno.exit(130);
  stopping = true;
  await server.shutdown();
  await close();
  Deno.exit(0);
}
Deno.addSignalListener("SIGINT", () => void stop());
Deno.addSignalListener("SIGTERM", () => void stop());
