/**
 * The numeric settings a client config and each call may give, checked the same
 * way in both places: a wrong value is a mistake in code, refused before any request.
 */
const SETTINGS = {
  timeout: [(value: number) => value >= 0, "milliseconds >= 0"],
  maxRetries: [(value: number) => Number.isInteger(value) && value >= 0, "an integer >= 0"],
  maxRetryTime: [(value: number) => value >= 0, "milliseconds >= 0"],
  maxResponseBytes: [(value: number) => value > 0, "bytes > 0"],
} as const;

export type SettingName = keyof typeof SETTINGS;

/**
 * Calls `refuse` with the first setting whose value is wrong and what it should
 * be (`expected an integer >= 0`). Settings not given (undefined) are not checked.
 */
export function checkSettings(
  settings: { readonly [N in SettingName]?: unknown },
  refuse: (name: SettingName, value: unknown, expected: string) => never,
): void {
  for (const name in SETTINGS) {
    const value = settings[name as SettingName];
    const [valid, expected] = SETTINGS[name as SettingName];
    if (value !== undefined && !(typeof value === "number" && valid(value))) {
      refuse(name as SettingName, value, `expected ${expected}`);
    }
  }
}
