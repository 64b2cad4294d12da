import {
  deterministicHashid,
  deterministicHex,
  deterministicUuid,
} from "./internal/deterministic-hex";
import type {
  BillingPeriod,
  CvmStatus,
  MockApp,
  MockComposeService,
  MockCvm,
  MockKms,
  MockNode,
  MockOsImage,
  MockState,
  MockUser,
  MockWorkspace,
} from "./model";
import { kmsContracts } from "./routes/kms/contracts";

// Every id below is derived from a fixed label, so each fresh state is identical and
// the ids in `SEED` can be written into tests, demos and docs.

const appId = (label: string) => deterministicHex(`app:${label}`, 40);
const cvmId = (label: string) => deterministicHashid("cvm", `cvm:${label}`);

const WORKSPACE_ACME = deterministicHashid("wks", "workspace:acme-research");
const WORKSPACE_CAROL = deterministicHashid("wks", "workspace:carols-lab");

const WORKSPACE_MAIN = {
  id: WORKSPACE_ACME,
  name: "Acme Research",
  slug: "acme-research",
  tier: "pro",
} as const;
const WORKSPACE_OTHER = {
  id: WORKSPACE_CAROL,
  name: "Carol's Lab",
  slug: "carols-lab",
  tier: "free",
} as const;

const USER_ALICE = 1001;
const USER_BOB = 1002;
const USER_CAROL = 1003;

const DEMO_API_KEY = "phak_demo_0123456789abcdef";
const MEMBER_API_KEY = "phak_member_89abcdef01234567";
const OTHER_WORKSPACE_API_KEY = "phak_other_fedcba9876543210";

const NODE_PROD5 = 5;
const NODE_PROD7 = 7;
const NODE_PROD9 = 9;

// A node has two numbers: its teepod id (`teepod_id`) and its node id (`node_id`).
const NODES = [
  { id: NODE_PROD5, nodeId: 105, name: "prod5", region: "us-west-1" },
  { id: NODE_PROD7, nodeId: 107, name: "prod7", region: "us-east-1" },
  { id: NODE_PROD9, nodeId: 109, name: "prod9", region: "ap-southeast-1" },
] as const;

const KMS_PHALA = deterministicHashid("kms", "kms:phala-prod");
const KMS_BASE = deterministicHashid("kms", "kms:base-prod");
const KMS_ETHEREUM = deterministicHashid("kms", "kms:ethereum-prod");

const APP_WEB = appId("acme-web");
const APP_INFERENCE = appId("inference-gateway");
const APP_ORACLE = appId("price-oracle");
const APP_CI = appId("ci-runner");
const APP_NOTEBOOK = appId("carol-notebook");

interface InstanceType {
  name: string;
  vcpu: number;
  memoryMb: number;
  diskGb: number;
  gpus: number;
  hourlyPrice: string;
}

const INSTANCE_TYPES = {
  small: {
    name: "tdx.small",
    vcpu: 1,
    memoryMb: 2048,
    diskGb: 20,
    gpus: 0,
    hourlyPrice: "0.058",
  },
  medium: {
    name: "tdx.medium",
    vcpu: 2,
    memoryMb: 4096,
    diskGb: 40,
    gpus: 0,
    hourlyPrice: "0.116",
  },
  large: {
    name: "tdx.large",
    vcpu: 4,
    memoryMb: 8192,
    diskGb: 80,
    gpus: 0,
    hourlyPrice: "0.232",
  },
  gpu: {
    name: "h200.small",
    vcpu: 24,
    memoryMb: 196608,
    diskGb: 500,
    gpus: 1,
    hourlyPrice: "3.500",
  },
} satisfies Record<string, InstanceType>;

const osImage = (version: string, isDev = false): MockOsImage => ({
  name: `dstack-${isDev ? "dev-" : ""}${version}`,
  version,
  isDev,
  imageHash: deterministicHex(`os:${version}:${isDev}`, 64),
});

interface CvmSeed {
  name: string;
  app: string;
  node: number;
  status: CvmStatus;
  size: InstanceType;
  billingPeriod: BillingPeriod;
  os: MockOsImage;
  creator: number;
  listed: boolean;
  createdAt: string;
  /** When a running VM last booted. */
  startedAt?: string;
}

const ACME_CVMS: CvmSeed[] = [
  {
    name: "cvm-abc123",
    app: APP_WEB,
    node: NODE_PROD5,
    status: "running",
    size: INSTANCE_TYPES.small,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_ALICE,
    listed: true,
    createdAt: "2025-11-04T09:12:33.000Z",
    startedAt: "2026-03-02T07:45:10.000Z",
  },
  {
    name: "acme-web-2",
    app: APP_WEB,
    node: NODE_PROD7,
    status: "running",
    size: INSTANCE_TYPES.small,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_ALICE,
    listed: true,
    createdAt: "2025-11-05T10:02:11.000Z",
    startedAt: "2026-03-02T07:46:02.000Z",
  },
  {
    name: "acme-web-3",
    app: APP_WEB,
    node: NODE_PROD9,
    status: "stopped",
    size: INSTANCE_TYPES.small,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_ALICE,
    listed: true,
    createdAt: "2025-11-06T16:40:00.000Z",
  },
  {
    name: "inference-1",
    app: APP_INFERENCE,
    node: NODE_PROD5,
    status: "running",
    size: INSTANCE_TYPES.gpu,
    billingPeriod: "monthly",
    os: osImage("0.5.3"),
    creator: USER_ALICE,
    listed: false,
    createdAt: "2025-12-01T08:00:00.000Z",
    startedAt: "2026-02-14T12:00:00.000Z",
  },
  {
    name: "inference-2",
    app: APP_INFERENCE,
    node: NODE_PROD7,
    status: "running",
    size: INSTANCE_TYPES.gpu,
    billingPeriod: "monthly",
    os: osImage("0.5.3"),
    creator: USER_ALICE,
    listed: false,
    createdAt: "2025-12-01T08:05:00.000Z",
    startedAt: "2026-02-14T12:03:00.000Z",
  },
  {
    name: "inference-3",
    app: APP_INFERENCE,
    node: NODE_PROD9,
    status: "starting",
    size: INSTANCE_TYPES.gpu,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_BOB,
    listed: false,
    createdAt: "2026-03-10T11:20:45.000Z",
  },
  {
    name: "oracle-us-west",
    app: APP_ORACLE,
    node: NODE_PROD5,
    status: "running",
    size: INSTANCE_TYPES.medium,
    billingPeriod: "monthly",
    os: osImage("0.5.2"),
    creator: USER_ALICE,
    listed: true,
    createdAt: "2026-01-08T14:30:00.000Z",
    startedAt: "2026-01-08T14:33:12.000Z",
  },
  {
    name: "oracle-us-east",
    app: APP_ORACLE,
    node: NODE_PROD7,
    status: "running",
    size: INSTANCE_TYPES.medium,
    billingPeriod: "monthly",
    os: osImage("0.5.2"),
    creator: USER_ALICE,
    listed: true,
    createdAt: "2026-01-08T14:31:00.000Z",
    startedAt: "2026-01-08T14:34:40.000Z",
  },
  {
    name: "oracle-ap",
    app: APP_ORACLE,
    node: NODE_PROD9,
    status: "running",
    size: INSTANCE_TYPES.medium,
    billingPeriod: "monthly",
    os: osImage("0.5.2"),
    creator: USER_ALICE,
    listed: true,
    createdAt: "2026-01-08T14:32:00.000Z",
    startedAt: "2026-01-08T14:36:05.000Z",
  },
  {
    name: "ci-runner-1",
    app: APP_CI,
    node: NODE_PROD5,
    status: "stopped",
    size: INSTANCE_TYPES.large,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_BOB,
    listed: false,
    createdAt: "2026-02-02T09:00:00.000Z",
  },
  {
    name: "ci-runner-2",
    app: APP_CI,
    node: NODE_PROD7,
    status: "running",
    size: INSTANCE_TYPES.large,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_BOB,
    listed: false,
    createdAt: "2026-02-02T09:01:00.000Z",
    startedAt: "2026-03-11T18:25:00.000Z",
  },
  {
    name: "ci-runner-3",
    app: APP_CI,
    node: NODE_PROD9,
    status: "stopped",
    size: INSTANCE_TYPES.large,
    billingPeriod: "skip",
    os: osImage("0.5.3", true),
    creator: USER_BOB,
    listed: false,
    createdAt: "2026-02-03T13:45:00.000Z",
  },
];

const CAROL_CVMS: CvmSeed[] = [
  {
    name: "notebook",
    app: APP_NOTEBOOK,
    node: NODE_PROD5,
    status: "running",
    size: INSTANCE_TYPES.small,
    billingPeriod: "hourly",
    os: osImage("0.5.3"),
    creator: USER_CAROL,
    listed: false,
    createdAt: "2026-01-20T20:00:00.000Z",
    startedAt: "2026-03-01T10:00:00.000Z",
  },
  {
    name: "notebook-dev",
    app: APP_NOTEBOOK,
    node: NODE_PROD7,
    status: "stopped",
    size: INSTANCE_TYPES.small,
    billingPeriod: "hourly",
    os: osImage("0.5.3", true),
    creator: USER_CAROL,
    listed: false,
    createdAt: "2026-01-21T09:30:00.000Z",
  },
];

/** The known ids of the seeded model, for tests and demos. */
export const SEED = {
  apiKeys: {
    /** Alice, admin of "Acme Research" (tier pro): the main demo identity. */
    demo: DEMO_API_KEY,
    /** Bob, a member of "Acme Research". */
    member: MEMBER_API_KEY,
    /** Carol, owner of "Carol's Lab", another workspace. */
    otherWorkspace: OTHER_WORKSPACE_API_KEY,
  },
  users: {
    alice: { id: USER_ALICE, username: "alice", email: "alice@acme-research.example" },
    bob: { id: USER_BOB, username: "bob", email: "bob@acme-research.example" },
    carol: { id: USER_CAROL, username: "carol", email: "carol@carols-lab.example" },
  },
  workspaces: {
    main: WORKSPACE_MAIN,
    other: WORKSPACE_OTHER,
  },
  /** KMS ids (`kms_...`); each also answers to its slug. */
  kms: {
    phala: { id: KMS_PHALA, slug: "phala-prod" },
    base: { id: KMS_BASE, slug: "base-prod" },
    ethereum: { id: KMS_ETHEREUM, slug: "ethereum-prod" },
  },
  /** The KMS contracts (`kc_...`) of 2026-06-23, one per KMS above; each also answers to its slug. */
  kmsContracts: seedKmsContracts(),
  nodes: {
    prod5: NODES[0],
    prod7: NODES[1],
    prod9: NODES[2],
  },
  apps: {
    web: { appId: APP_WEB, name: "acme-web" },
    inference: { appId: APP_INFERENCE, name: "inference-gateway" },
    oracle: { appId: APP_ORACLE, name: "price-oracle" },
    ci: { appId: APP_CI, name: "ci-runner" },
    /** In the other workspace: the main key sees only its id. */
    notebook: { appId: APP_NOTEBOOK, name: "carol-notebook" },
  },
  /** The CVM of the guide's examples (`getCvmInfo(client, { id: "cvm-abc123" })`). */
  exampleCvm: {
    name: "cvm-abc123",
    id: cvmId("cvm-abc123"),
    vmUuid: deterministicUuid("vm:cvm-abc123"),
    appId: APP_WEB,
    instanceId: deterministicHex("instance:cvm-abc123", 40),
  },
  /** The CVMs of the main workspace, in seeding order (the API lists newest first). */
  mainWorkspaceCvms: ACME_CVMS.map(seedCvmIds),
  /** The CVMs of the other workspace, which the main key must not see. */
  otherWorkspaceCvms: CAROL_CVMS.map(seedCvmIds),
} as const;

function seedCvmIds(seed: CvmSeed) {
  return {
    name: seed.name,
    id: cvmId(seed.name),
    vmUuid: deterministicUuid(`vm:${seed.name}`),
    appId: seed.app,
    // A VM gets its instance id on first boot; the only seeded unbooted VM is "starting".
    instanceId: seed.status === "starting" ? null : deterministicHex(`instance:${seed.name}`, 40),
    nodeId: seed.node,
    status: seed.status,
  };
}

/** What each app runs; its compose file and services come from this. */
const APP_SERVICES: Record<string, { services: MockComposeService[]; port: number }> = {
  [APP_WEB]: {
    services: [
      { name: "web", image: "nginx:1.27-alpine" },
      { name: "api", image: "ghcr.io/acme-research/web-api:2.4.1" },
    ],
    port: 8080,
  },
  [APP_INFERENCE]: {
    services: [{ name: "vllm", image: "vllm/vllm-openai:v0.8.5" }],
    port: 8000,
  },
  [APP_ORACLE]: {
    services: [{ name: "oracle", image: "ghcr.io/acme-research/price-oracle:1.9.0" }],
    port: 3000,
  },
  [APP_CI]: {
    services: [{ name: "runner", image: "ghcr.io/actions/actions-runner:2.321.0" }],
    port: 8080,
  },
  [APP_NOTEBOOK]: {
    services: [{ name: "jupyter", image: "quay.io/jupyter/base-notebook:2025-01-13" }],
    port: 8888,
  },
};

function composeText(services: MockComposeService[], port: number): string {
  const lines = ["services:"];
  services.forEach((service, index) => {
    lines.push(`  ${service.name}:`, `    image: ${service.image}`, "    restart: unless-stopped");
    // Only the first service is published; the others talk to it on the compose network.
    if (index === 0) lines.push("    ports:", `      - "${port}:${port}"`);
  });
  return `${lines.join("\n")}\n`;
}

function seedUsers(): MockUser[] {
  const user = (id: number, username: string, email: string, role: MockUser["role"]) => ({
    id,
    hashedId: deterministicHashid("usr", `user:${username}`),
    username,
    email,
    role,
    avatarUrl: `https://www.gravatar.com/avatar/${deterministicHex(`avatar:${email}`, 32)}?d=identicon`,
    emailVerified: true,
    totpEnabled: username === "alice",
    hasBackupCodes: username === "alice",
    hasPassword: username !== "carol",
  });
  return [
    user(USER_ALICE, "alice", "alice@acme-research.example", "admin"),
    user(USER_BOB, "bob", "bob@acme-research.example", "user"),
    user(USER_CAROL, "carol", "carol@carols-lab.example", "user"),
  ];
}

function seedWorkspaces(): MockWorkspace[] {
  return [
    {
      ...WORKSPACE_MAIN,
      avatarUrl: null,
      members: [
        { userId: USER_ALICE, role: "owner" },
        { userId: USER_BOB, role: "member" },
      ],
      creditsCents: 12550,
      grantedCreditsCents: 1000,
      isPostPaid: false,
      outstandingCents: null,
    },
    {
      ...WORKSPACE_OTHER,
      avatarUrl: null,
      members: [{ userId: USER_CAROL, role: "owner" }],
      creditsCents: 320,
      grantedCreditsCents: 500,
      isPostPaid: false,
      outstandingCents: null,
    },
  ];
}

function seedNodes(): MockNode[] {
  return NODES.map((node) => ({
    ...node,
    deviceId: deterministicHex(`device:${node.name}`, 64),
    ppid: deterministicHex(`ppid:${node.name}`, 32),
    status: "ONLINE",
    version: "0.5.3",
    gatewayBaseDomain: `dstack-pha-${node.name}.phala.network`,
    gatewayCname: `gateway.dstack-pha-${node.name}.phala.network`,
  }));
}

function seedKms(): MockKms[] {
  const common = (id: string) => ({
    id,
    version: "v0.5.3",
    gatewayAppId: deterministicHex(`gateway-app:${id}`, 40),
    k256Pubkey: `0x02${deterministicHex(`k256:${id}`, 64)}`,
  });
  return [
    {
      ...common(KMS_PHALA),
      slug: "phala-prod",
      kind: "phala",
      url: "https://kms.phala.network",
      chainId: null,
      contractAddress: null,
      rpcEndpoint: null,
    },
    {
      ...common(KMS_BASE),
      slug: "base-prod",
      kind: "base",
      url: "https://kms-base.phala.network",
      chainId: 8453,
      contractAddress: `0x${deterministicHex("kms-contract:base", 40)}`,
      rpcEndpoint: "https://mainnet.base.org",
    },
    {
      ...common(KMS_ETHEREUM),
      slug: "ethereum-prod",
      kind: "ethereum",
      url: "https://kms-eth.phala.network",
      chainId: 1,
      contractAddress: `0x${deterministicHex("kms-contract:ethereum", 40)}`,
      rpcEndpoint: "https://ethereum-rpc.publicnode.com",
    },
  ];
}

function seedKmsContracts() {
  const contracts = kmsContracts({
    kms: new Map(seedKms().map((kms) => [kms.id, kms])),
  } as MockState);
  const slugged = (slug: string) => {
    const found = contracts.find((contract) => contract.slug === slug);
    if (!found) throw new Error(`seed: no KMS contract ${slug}`);
    return { id: found.id, slug: found.slug };
  };
  return { phala: slugged("phala"), base: slugged("base"), ethereum: slugged("ethereum") };
}

function seedApps(): MockApp[] {
  const app = (
    id: string,
    name: string,
    workspaceId: string,
    creatorId: number,
    kmsId: string,
    createdAt: string,
    profile: MockApp["profile"],
  ): MockApp => {
    const onChain = kmsId !== KMS_PHALA;
    return {
      appId: id,
      hashedId: deterministicHashid("prj", `app-row:${name}`),
      name,
      workspaceId,
      creatorId,
      kmsId,
      provisionType: "phala_cloud",
      iconUrl: null,
      createdAt,
      profile,
      // On-chain KMS apps are registered by a contract the creator deployed.
      contractAddress: onChain ? `0x${id}` : null,
      deployerAddress: onChain ? `0x${deterministicHex(`wallet:${creatorId}`, 40)}` : null,
    };
  };
  return [
    app(APP_WEB, "acme-web", WORKSPACE_ACME, USER_ALICE, KMS_PHALA, "2025-11-04T09:12:30.000Z", {
      displayName: "Acme Web",
      avatarUrl: null,
      description: "Public website and API of Acme Research",
      customDomain: "www.acme-research.example",
    }),
    app(
      APP_INFERENCE,
      "inference-gateway",
      WORKSPACE_ACME,
      USER_ALICE,
      KMS_BASE,
      "2025-12-01T07:58:00.000Z",
      {
        displayName: "Private inference",
        avatarUrl: null,
        description: "OpenAI-compatible LLM endpoint on confidential GPUs",
        customDomain: null,
      },
    ),
    app(
      APP_ORACLE,
      "price-oracle",
      WORKSPACE_ACME,
      USER_ALICE,
      KMS_ETHEREUM,
      "2026-01-08T14:29:00.000Z",
      null,
    ),
    app(APP_CI, "ci-runner", WORKSPACE_ACME, USER_BOB, KMS_PHALA, "2026-02-02T08:59:00.000Z", null),
    app(
      APP_NOTEBOOK,
      "carol-notebook",
      WORKSPACE_CAROL,
      USER_CAROL,
      KMS_PHALA,
      "2026-01-20T19:58:00.000Z",
      null,
    ),
  ];
}

function seedCvm(seed: CvmSeed, tableId: number, workspaceId: string): MockCvm {
  const { services, port } = APP_SERVICES[seed.app] ?? { services: [], port: 8080 };
  const composeFile = composeText(services, port);
  const ids = seedCvmIds(seed);
  const running = seed.status === "running";
  const startedAt = running ? (seed.startedAt ?? seed.createdAt) : null;
  const updatedAt = seed.startedAt ?? seed.createdAt;
  return {
    tableId,
    id: ids.id,
    name: seed.name,
    vmUuid: ids.vmUuid,
    appId: seed.app,
    instanceId: ids.instanceId,
    workspaceId,
    creatorId: seed.creator,
    status: seed.status,
    inProgress: seed.status === "starting",
    vcpu: seed.size.vcpu,
    memoryMb: seed.size.memoryMb,
    diskGb: seed.size.diskGb,
    gpus: seed.size.gpus,
    instanceType: seed.size.name,
    billingPeriod: seed.billingPeriod,
    hourlyPrice: seed.size.hourlyPrice,
    nodeId: seed.node,
    os: seed.os,
    encryptedEnvPubkey: deterministicHex(`env-pubkey:${seed.name}`, 64),
    composeFile,
    services,
    composeHash: deterministicHex(`compose:${seed.app}:${composeFile}`, 64),
    dockerComposeHash: deterministicHex(`docker-compose:${composeFile}`, 64),
    preLaunchScriptHash: null,
    publicPort: port,
    publicLogs: seed.listed,
    publicSysinfo: true,
    publicTcbinfo: true,
    gatewayEnabled: true,
    secureTime: false,
    listed: seed.listed,
    allowUpgrade: seed.creator === USER_ALICE,
    storageFs: "zfs",
    projectType: "webdemo",
    features: ["kms", "tproxy-net"],
    runner: "docker-compose",
    manifestVersion: "2",
    createdAt: seed.createdAt,
    updatedAt,
    startedAt,
    exitedAt: seed.status === "stopped" ? updatedAt : null,
    deletedAt: null,
    scheduledDeleteAt: null,
  };
}

/** A fresh, fully seeded model; each server instance gets its own. */
export function createMockState(options: CreateMockStateOptions = {}): MockState {
  const state: MockState = {
    users: new Map(seedUsers().map((user) => [user.id, user])),
    workspaces: new Map(seedWorkspaces().map((workspace) => [workspace.id, workspace])),
    apiKeys: new Map(
      [
        { key: DEMO_API_KEY, userId: USER_ALICE, workspaceId: WORKSPACE_ACME },
        { key: MEMBER_API_KEY, userId: USER_BOB, workspaceId: WORKSPACE_ACME },
        { key: OTHER_WORKSPACE_API_KEY, userId: USER_CAROL, workspaceId: WORKSPACE_CAROL },
      ].map((record) => [record.key, record]),
    ),
    nodes: new Map(seedNodes().map((node) => [node.id, node])),
    kms: new Map(seedKms().map((kms) => [kms.id, kms])),
    apps: new Map(seedApps().map((app) => [app.appId, app])),
    cvms: new Map(),
    defaultApiKey: DEMO_API_KEY,
    settings: {
      transitionMs: options.transitionMs ?? 2000,
      streamSecondMs: options.streamSecondMs ?? 1000,
    },
    resources: new Map(),
  };
  let tableId = 4100;
  for (const seed of ACME_CVMS) {
    const cvm = seedCvm(seed, ++tableId, WORKSPACE_ACME);
    state.cvms.set(cvm.id, cvm);
  }
  for (const seed of CAROL_CVMS) {
    const cvm = seedCvm(seed, ++tableId, WORKSPACE_CAROL);
    state.cvms.set(cvm.id, cvm);
  }
  // Bulk CVMs for paging tests, spread over the nodes and apps of the main workspace.
  for (let i = 0; i < (options.extraCvms ?? 0); i++) {
    const template = ACME_CVMS[i % ACME_CVMS.length]!;
    const name = `bulk-${String(i + 1).padStart(4, "0")}`;
    const cvm = seedCvm(
      { ...template, name, createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString() },
      ++tableId,
      WORKSPACE_ACME,
    );
    state.cvms.set(cvm.id, cvm);
  }
  return state;
}

export interface CreateMockStateOptions {
  /** ms a CVM stays starting/stopping/restarting; default 2000. */
  transitionMs?: number;
  /** Extra CVMs seeded into the main workspace (for paging through hundreds). */
  extraCvms?: number;
  /** ms one second of the state stream's interval and timeout lasts; default 1000. */
  streamSecondMs?: number;
}
