// @ts-check
// The SDK against the mock API, started in this process: one account read
// through both API versions, side by side.
import { createClient, getCvmInfo, NotFoundError } from "@phala/cloud";
import { SEED, startMockApi } from "@phala/cloud-mock-api";

const mock = await startMockApi();
console.log(`Mock Phala Cloud API on ${mock.url}\n`);

try {
  const client = createClient({ apiKey: SEED.apiKeys.demo, baseURL: mock.url });
  const legacyClient = client.withVersion("2025-10-28");

  const [user, legacyUser] = await Promise.all([
    client.getCurrentUser(),
    legacyClient.getCurrentUser(),
  ]);
  console.log("GET /auth/me");
  console.log(
    `  2026-01-21  user.user.username=${user.user.username}  workspace.name=${user.workspace.name}  credits.balance=${user.credits.balance}`,
  );
  console.log(
    `  2025-10-28  username=${legacyUser.username}  team_name=${legacyUser.team_name}  credits=${legacyUser.credits}\n`,
  );

  const [page, legacyPage] = await Promise.all([
    client.getCvmList({ page_size: 5 }),
    legacyClient.getCvmList({ page_size: 5 }),
  ]);
  console.log(`GET /cvms/paginated  (${page.total} CVMs, first ${page.items.length})`);
  const rows = page.items.map((cvm, i) => {
    const old = legacyPage.items[i];
    return {
      name: cvm.name,
      status: cvm.status,
      "vcpu (2026 | 2025)": `${cvm.resource.vcpu} | ${old?.vcpu}`,
      "memory (2026 GB | 2025 MB)": `${cvm.resource.memory_in_gb} | ${old?.memory}`,
      "region (2026 node_info | 2025 node)": `${cvm.node_info?.region} | ${old?.node?.region_identifier}`,
    };
  });
  console.table(rows);

  const cvm = await getCvmInfo(client, { id: "cvm-abc123" });
  const legacyCvm = await getCvmInfo(client, { id: "cvm-abc123" }, { version: "2025-10-28" });
  console.log("\nGET /cvms/cvm-abc123");
  console.log(
    `  2026-01-21  id=${cvm.id}  gateway.base_domain=${cvm.gateway.base_domain}  os=${cvm.os?.name} ${cvm.os?.version}`,
  );
  console.log(
    `  2025-10-28  id=${legacyCvm.id}  gateway_domain=${legacyCvm.gateway_domain}  base_image=${legacyCvm.base_image}`,
  );

  const missing = await client.safeGetCvmInfo({ id: "no-such-cvm" });
  if (!missing.success && missing.error instanceof NotFoundError) {
    console.log(
      `\nA missing CVM is a typed error: ${missing.error.name} ${missing.error.errorCode} (request ${missing.error.requestId})`,
    );
  }
} finally {
  await mock.close();
}
