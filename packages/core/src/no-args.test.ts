import { describe, expect, it } from "vitest";
import * as actions from "./actions";
import { createBaseClient } from "./client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "./test-utils";

type AnyAction = ((client: unknown, ...args: unknown[]) => Promise<unknown>) & {
  actionName?: string;
};

/** The actions that take no arguments: their options may stand in the arguments' place. */
const WITHOUT_ARGUMENTS = [
  "getAppFilterOptions",
  "getAvailableNodes",
  "getCurrentUser",
  "getCvmCreateResources",
  "listAllInstanceTypeFamilies",
  "listAttestationDeviceIds",
  "listAttestationNodes",
  "listAttestationPpids",
  "listSshKeys",
  "listWebhooks",
  "revokeCurrentApiToken",
  "syncGithubSshKeys",
];

const everyAction = Object.entries(actions as unknown as Record<string, AnyAction>).filter(
  ([name, value]) =>
    typeof value === "function" && typeof value.actionName === "string" && !name.startsWith("safe"),
);

describe("options in the arguments' place", () => {
  it.each(WITHOUT_ARGUMENTS)(
    "%s(client, { schema: false }) returns the body unvalidated",
    async (name) => {
      const fake = fakeFetch({ body: { anything: true } });
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: fake.fetch,
      });
      const action = (actions as unknown as Record<string, AnyAction>)[name]!;
      await expect(action(client, { schema: false })).resolves.toEqual({ anything: true });
      expect(fake.calls).toHaveLength(1);
    },
  );

  it.each(everyAction.map(([name]) => name))(
    "%s never ignores options given as its arguments: honoured or refused before sending",
    async (name) => {
      const fake = fakeFetch({ body: { anything: true } });
      const client = createBaseClient({
        apiKey: TEST_API_KEY,
        baseURL: TEST_BASE_URL,
        fetch: fake.fetch,
      });
      const action = (actions as unknown as Record<string, AnyAction>)[name]!;
      const outcome = await Promise.resolve()
        .then(() => action(client, { schema: false }))
        .then(
          (data) => ({ data }),
          (error: Error) => ({ error }),
        );
      if (WITHOUT_ARGUMENTS.includes(name)) {
        expect(outcome).toEqual({ data: { anything: true } });
      } else {
        expect(outcome).toMatchObject({ error: { name: "RequestValidationError" } });
        expect(fake.calls).toHaveLength(0);
      }
    },
  );
});
