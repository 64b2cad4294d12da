import { createClient, isComposeHashRegistrationRequired } from "@phala/cloud";
import { SEED } from "@phala/cloud-mock-api";
import { describe, expect, it } from "vitest";
import { useMockApi } from "./harness";

// An on-chain-KMS app's pending updates: an update answered 465 waits for its
// compose hash's registration, is listed and previewed, then applied with the
// registering transaction (the mock accepts any well-formed transaction hash);
// a revision redeployed takes the same path. Every answer of the mock is checked
// against the API contract.
const mock = useMockApi();

const TX = `0x${"ab".repeat(32)}`;
const appId = SEED.apps.oracle.appId;
const oracle = SEED.mainWorkspaceCvms.find((cvm) => cvm.name === "oracle-us-west")!;
const compose = (tag: string) =>
  `services:\n  oracle:\n    image: ghcr.io/acme-research/price-oracle:${tag}\n`;

describe("the pending updates of an on-chain-KMS app", () => {
  it("an update listed and previewed, then applied with the transaction that registered it", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const kms = await client.getAppKmsInfo({ appId });
    expect(kms).toMatchObject({ is_onchain_kms: true, chain_id: 1 });
    // Read before the change: the mock seeds its revisions from the CVMs at their first read.
    const { revisions } = await client.getAppRevisions({ appId, page_size: 100 });
    const creation = revisions.find(
      (revision) => revision.operation_type === "create" && revision.cvm?.name === oracle.name,
    )!;
    const current = await client.getCvmDockerCompose({ id: oracle.id });
    expect(await client.getAppPendingUpdates({ appId })).toEqual({ items: [] });

    const update = await client.patchCvm({ id: oracle.id, docker_compose_file: compose("2.0.0") });
    if (update.status !== "precondition_required") throw new Error("expected the 465 result");
    expect(update.kms_info?.chain_id).toBe(kms.chain_id);

    const { items } = await client.getAppPendingUpdates({ appId });
    expect(items).toEqual([
      {
        vm_uuid: oracle.vmUuid,
        compose_hash: update.compose_hash,
        on_chain: true,
        instance_name: oracle.name,
      },
    ]);
    const preview = await client.getAppPendingUpdatePreview({
      appId,
      vmUuid: items[0]!.vm_uuid,
      composeHash: items[0]!.compose_hash,
    });
    expect(preview).toEqual({
      current_docker_compose: current,
      pending_docker_compose: compose("2.0.0"),
      current_pre_launch_script: null,
      pending_pre_launch_script: null,
    });

    // ... the app contract's owner registers the hash, then the update is confirmed:
    const applied = await client.confirmCvmPatch({
      id: oracle.id,
      composeHash: update.compose_hash,
      transactionHash: TX,
    });
    expect(applied.status).toBe("accepted");
    expect(await client.getAppPendingUpdates({ appId })).toEqual({ items: [] });
    expect(await client.getCvmDockerCompose({ id: oracle.id })).toBe(compose("2.0.0"));

    // Redeploying the first revision needs its hash registered again: 465, pending, then done.
    const redeploy = await client.redeployAppRevision({
      appId,
      revisionId: creation.revision_id,
      vm_uuids: [oracle.vmUuid],
    });
    expect(isComposeHashRegistrationRequired(redeploy)).toBe(true);
    if (redeploy.status !== "precondition_required") throw new Error("expected the 465 result");
    const waiting = await client.getAppPendingUpdates({ appId });
    expect(waiting.items.map((item) => item.compose_hash)).toEqual([redeploy.compose_hash]);
    const back = await client.getAppPendingUpdatePreview({
      appId,
      vmUuid: oracle.vmUuid,
      composeHash: redeploy.compose_hash,
    });
    expect(back.pending_docker_compose).toBe(current);
    const done = await client.redeployAppRevision({
      appId,
      revisionId: creation.revision_id,
      vm_uuids: [oracle.vmUuid],
      transactionHash: TX,
    });
    expect(done).toMatchObject({ status: "accepted" });
    expect(await client.getCvmDockerCompose({ id: oracle.id })).toBe(current);
    expect(await client.getAppPendingUpdates({ appId })).toEqual({ items: [] });
  });

  it("an off-chain app applies at once: nothing is ever pending", async () => {
    const client = createClient({ apiKey: "k", baseURL: mock.url });
    const web = SEED.apps.web.appId;
    expect(await client.getAppKmsInfo({ appId: web })).toMatchObject({ is_onchain_kms: false });
    const update = await client.patchCvm({
      id: SEED.exampleCvm.id,
      docker_compose_file: "services:\n  web:\n    image: nginx:1.28\n",
    });
    expect(update.status).toBe("accepted");
    expect(await client.getAppPendingUpdates({ appId: web })).toEqual({ items: [] });
  });
});
