// Shared by this folder's tests: requests to a mock as the demo identity.
import { SEED } from "../../seed";

export interface Answer {
  status: number;
  body: any;
}

/** Sends a JSON request to `${baseUrl}${path}` and parses the answer (undefined when empty). */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  apiKey: string = SEED.apiKeys.demo,
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "X-API-Key": apiKey, "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Creates a webhook through the API and answers its body (secret included). */
export async function createHook(
  baseUrl: string,
  url: string,
  extra: Record<string, unknown> = {},
): Promise<any> {
  const created = await send(baseUrl, "POST", "/workspace/webhooks", {
    url,
    events: ["cvm.created", "cvm.stopped"],
    ...extra,
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}`);
  return created.body;
}
