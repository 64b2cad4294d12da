// Requests to a running mock for the tests, beside `getJson` of test-support.ts.

/** A mock's answer with its JSON body parsed (`null` for an empty one). */
export interface SentJson {
  status: number;
  headers: Headers;
  body: any;
}

export interface SendOptions {
  apiKey?: string;
  version?: string;
  /** Sent as JSON; a string is sent as it is (malformed JSON, say). */
  body?: unknown;
  /** Declare a JSON body even when none is sent. */
  jsonContentType?: boolean;
}

/** Sends `method path` to a mock at `baseUrl` and parses the JSON it answers. */
export async function sendJson(
  baseUrl: string,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<SentJson> {
  const headers: Record<string, string> = {};
  if (options.apiKey !== undefined) headers["X-API-Key"] = options.apiKey;
  if (options.version) headers["X-Phala-Version"] = options.version;
  if (options.body !== undefined || options.jsonContentType) {
    headers["Content-Type"] = "application/json";
  }
  const { body } = options;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
