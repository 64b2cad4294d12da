export interface CliOptions {
  port: number;
  host: string;
  help: boolean;
}

export const CLI_USAGE = `Usage: phala-cloud-mock-api [--port N] [--host H]

  --port N   port to listen on (default 4010; 0 picks a free port)
  --host H   address to bind (default 127.0.0.1)
  --help     show this help`;

export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** Parses `--port N`, `--port=N`, `--host H`, `--host=H`; ignores the bare `--` pnpm may pass. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 4010, host: "127.0.0.1", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") {
      options.help = true;
      continue;
    }
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg];
    if (flag !== "--port" && flag !== "--host") throw new CliUsageError(`unknown argument: ${arg}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new CliUsageError(`${flag} needs a value`);
    if (flag === "--host") {
      options.host = value;
    } else {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliUsageError(`--port must be an integer from 0 to 65535, got ${value}`);
      }
      options.port = port;
    }
  }
  return options;
}
