// POST /cvms/workload: a CVM that serves a model, created in one step (its app,
// a compose running the model, and the CVM, booting), optionally deleting itself
// at `scheduled_delete_at`.
import type { Hono, MiddlewareHandler } from "hono";
import { BodyReader, readJsonObject } from "../../internal/body";
import { deterministicHashid, deterministicHex } from "../../internal/deterministic-hex";
import type { MockEnv } from "../../internal/env";
import { phalaError } from "../../internal/errors";
import { workspaceCvms } from "../../internal/lookup";
import { respond } from "../../internal/respond";
import type { MockApp } from "../../model";
import { recordRevision, revisionFor } from "../apps/revisions";
import { assertQuotaAllows } from "../workspaces/limits";
import { composeHashOf } from "./compose-hash";
import { appComposeDocument } from "./compose-store";
import { createCvmRecord } from "./cvm-record";
import { readScheduledDeleteAt } from "./metadata";
import { OS_IMAGES } from "./os-images";
import { CVM_NAME } from "./provision";
import { renderVm } from "./shared";
import { chooseSize } from "./sizes";
import { assertNodeAvailable } from "./status-machine";

/** The compose file of a model workload: an OpenAI-compatible server of the model. */
function workloadCompose(modelId: string): string {
  return `services:
  model:
    image: vllm/vllm-openai:latest
    command: ["--model", ${JSON.stringify(modelId)}]
    ports:
      - "8000:8000"
`;
}

export function registerWorkloadRoutes(
  api: Hono<MockEnv>,
  requireApiKey: MiddlewareHandler<MockEnv>,
) {
  api.post("/cvms/workload", requireApiKey, async (c) => {
    const { state, caller, now } = c.get("render");
    const body = new BodyReader(await readJsonObject(c.req, "missing"));
    const name = body.string("name", true);
    const instanceType = body.string("instance_type", true);
    const modelId = body.string("model_id", true);
    if (name !== undefined && !CVM_NAME.test(name)) {
      body.invalid(
        "name",
        "Name must be 5-63 characters, start with letter, and contain only letters/numbers/hyphens",
      );
    }
    if (modelId !== undefined && modelId.trim() === "")
      body.invalid("model_id", "model_id is empty");
    body.assertValid();
    const scheduledDeleteAt = readScheduledDeleteAt(body.body.scheduled_delete_at, now);
    const workspace = caller.workspace;
    if (workspaceCvms(state, workspace.id).some((cvm) => cvm.name === name)) {
      throw phalaError(409, {
        errorCode: "ERR-01-004",
        message: `A CVM named '${name}' already exists in this workspace`,
        details: [{ field: "name", value: name, message: null }],
        suggestions: ["Choose another name"],
      });
    }
    const size = chooseSize(instanceType, undefined, undefined);
    const node = [...state.nodes.values()].find((candidate) => candidate.status !== "MAINTENANCE");
    if (!node) assertNodeAvailable(state, [...state.nodes.keys()][0]!);
    assertQuotaAllows(state, workspace, {
      vmSlots: 1,
      vcpu: size.vcpu,
      memoryMb: size.memoryMb,
      diskGb: size.diskGb,
      gpus: size.gpus,
    });
    const kms = [...state.kms.values()].find((candidate) => candidate.kind === "phala");
    const label = `workload:${workspace.id}:${name}:${now.getTime()}:${state.cvms.size}`;
    const app: MockApp = {
      appId: deterministicHex(`app:${label}`, 40),
      hashedId: deterministicHashid("prj", `app-row:${label}`),
      name: name as string,
      workspaceId: workspace.id,
      creatorId: caller.user.id,
      kmsId: (kms ?? [...state.kms.values()][0]!).id,
      provisionType: "phala_cloud",
      iconUrl: null,
      createdAt: now.toISOString(),
      profile: null,
      contractAddress: null,
      deployerAddress: null,
    };
    state.apps.set(app.appId, app);
    const composeFile = workloadCompose(modelId as string);
    const fields = {
      gatewayEnabled: true,
      publicLogs: true,
      publicSysinfo: true,
      publicTcbinfo: true,
      secureTime: false,
      storageFs: "ext4",
    };
    const composeHash = composeHashOf(
      appComposeDocument({
        name: app.name,
        dockerComposeFile: composeFile,
        preLaunchScript: "",
        allowedEnvs: [],
        ...fields,
      }),
    );
    const cvm = createCvmRecord(
      state,
      {
        name: name as string,
        appId: app.appId,
        workspaceId: workspace.id,
        creatorId: caller.user.id,
        nodeId: (node ?? [...state.nodes.values()][0]!).id,
        size,
        diskGb: size.diskGb,
        os: OS_IMAGES[0]!,
        composeFile,
        composeHash,
        encryptedEnvPubkey: deterministicHex(`env-pubkey:${app.appId}`, 64),
        listed: false,
        features: ["kms", "tproxy-net"],
        ...fields,
      },
      now,
    );
    cvm.scheduledDeleteAt = scheduledDeleteAt;
    recordRevision(state, { ...revisionFor(cvm, "create", cvm.createdAt), userId: caller.user.id });
    return respond(c, "createWorkloadCvm", renderVm(c, cvm));
  });
}
