#!/usr/bin/env node
import { CLI_USAGE, CliUsageError, parseCliArgs } from "./cli-args";
import { SEED } from "./seed";
import { type RunningMockApi, startMockApi } from "./server";

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`${error.message}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(CLI_USAGE);
    return;
  }

  // Handlers go in before the server starts: whoever reads the "listening" line may
  // signal at once, and a signal with no handler would kill the process uncleanly.
  let api: RunningMockApi | undefined;
  let stopRequested = false;
  const shutDown = (running: RunningMockApi) =>
    running.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error("Error while closing the server:", error);
        process.exitCode = 1;
      },
    );
  const stop = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      // A second signal means the user does not want to wait for a clean close.
      process.exit(130);
    }
    stopRequested = true;
    console.log(`Received ${signal}, shutting down`);
    if (api) void shutDown(api);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  api = await startMockApi({ port: options.port, host: options.host });
  if (stopRequested) {
    await shutDown(api);
    return;
  }
  console.log(`Phala Cloud mock API listening on ${api.url}`);
  console.log(`Demo API key: ${SEED.apiKeys.demo}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
