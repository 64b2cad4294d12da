import { describe, expect, it } from "vitest";
import { contractMismatches } from "../../internal/test-support";
import { OFFICIAL_PRE_LAUNCH_SCRIPTS } from "./pre-launch-upgrade";
import {
  detailsOf,
  expectRegistrationRequired,
  inference,
  info,
  offChain,
  send,
  TX,
  text,
  useUpdatesMock,
} from "./updates.test-support";

useUpdatesMock();

const [OLD, LATEST] = OFFICIAL_PRE_LAUNCH_SCRIPTS as [string, string];
const statusOf = async (id: string) =>
  (await send("GET", `/cvms/${id}/pre-launch-script/upgrade-status`)).body;
const upgrade = (id: string, headers: Record<string, string> = {}) =>
  send("POST", `/cvms/${id}/pre-launch-script/upgrade-to-latest-official`, undefined, headers);
const setScript = (id: string, script: string, headers: Record<string, string> = {}) =>
  send("PATCH", `/cvms/${id}/pre-launch-script`, script, {
    "Content-Type": "text/plain",
    ...headers,
  });

describe("GET /cvms/{id}/pre-launch-script/upgrade-status", () => {
  it("a CVM without a script runs no official one", async () => {
    const response = await send("GET", `/cvms/${offChain.id}/pre-launch-script/upgrade-status`);
    expect(response.status).toBe(200);
    expect(
      contractMismatches("GET /cvms/{cvm_id}/pre-launch-script/upgrade-status", response.body),
    ).toEqual([]);
    expect(response.body).toMatchObject({
      current_hash: null,
      is_official: false,
      is_latest: false,
      can_upgrade: false,
    });
    expect(response.body.latest_official_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("an older official script can be upgraded; its hash is the CVM record's", async () => {
    expect((await setScript(offChain.id, OLD)).status).toBe(202);
    const status = await statusOf(offChain.id);
    expect(status).toMatchObject({ is_official: true, is_latest: false, can_upgrade: true });
    expect(status.current_hash).toBe((await info(offChain.id)).pre_launch_script_hash);
  });
});

describe("POST /cvms/{id}/pre-launch-script/upgrade-to-latest-official", () => {
  it("off-chain: applies the latest script at once, then answers no_change", async () => {
    await setScript(offChain.id, OLD);
    const before = (await info(offChain.id)).compose_hash;
    const response = await upgrade(offChain.id);
    expect(response.status).toBe(202);
    expect(
      contractMismatches(
        "POST /cvms/{cvm_id}/pre-launch-script/upgrade-to-latest-official",
        response.body,
        { status: 202 },
      ),
    ).toEqual([]);
    expect(response.body).toMatchObject({ status: "in_progress" });
    expect(response.body.correlation_id).toMatch(/^op_/);
    expect(await text(`/cvms/${offChain.id}/pre-launch-script`)).toBe(LATEST);
    expect((await info(offChain.id)).compose_hash).not.toBe(before);
    const status = await statusOf(offChain.id);
    expect(status).toMatchObject({ is_official: true, is_latest: true, can_upgrade: false });
    expect(status.current_hash).toBe(status.latest_official_hash);
    const again = await upgrade(offChain.id);
    expect(again.status).toBe(202);
    expect(again.body.status).toBe("no_change");
  });

  it("on-chain: 465 with the new compose hash, then applied with the proof", async () => {
    const first = await setScript(inference.id, OLD);
    const setHash = expectRegistrationRequired(first, inference.appId).compose_hash;
    expect(
      (await setScript(inference.id, OLD, { "X-Compose-Hash": setHash, "X-Transaction-Hash": TX }))
        .status,
    ).toBe(202);

    const asked = await upgrade(inference.id);
    const details = expectRegistrationRequired(asked, inference.appId);
    expect(
      contractMismatches(
        "POST /cvms/{cvm_id}/pre-launch-script/upgrade-to-latest-official",
        asked.body,
        { status: 465 },
      ),
    ).toEqual([]);
    expect(await text(`/cvms/${inference.id}/pre-launch-script`)).toBe(OLD);

    const badProof = await upgrade(inference.id, {
      "X-Compose-Hash": details.compose_hash,
      "X-Transaction-Hash": "0x12",
    });
    expect(badProof.status).toBe(467);

    const done = await upgrade(inference.id, {
      "X-Compose-Hash": details.compose_hash,
      "X-Transaction-Hash": TX,
    });
    expect(done.status).toBe(202);
    expect(done.body.status).toBe("in_progress");
    expect(await text(`/cvms/${inference.id}/pre-launch-script`)).toBe(LATEST);
    expect((await info(inference.id)).compose_hash).toBe(details.compose_hash);
  });

  it("refuses a script of the user's own with 400, changing nothing", async () => {
    await setScript(offChain.id, "#!/bin/sh\necho mine\n");
    const response = await upgrade(offChain.id);
    expect(response.status).toBe(400);
    expect(detailsOf(response.body).pre_launch_script_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await text(`/cvms/${offChain.id}/pre-launch-script`)).toBe("#!/bin/sh\necho mine\n");
  });

  it("404s for an unknown CVM", async () => {
    expect((await upgrade("cvm_nope")).status).toBe(404);
  });
});
