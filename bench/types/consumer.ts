// A consumer of the SDK: every action, as a method and standalone, on clients of
// both versions and one derived with withVersion. bench/types.mjs measures what
// type-checking this file costs.
import {
  createBaseClient,
  createClient,
  getAppCvms,
  getAppInfo,
  getAppList,
  getCurrentUser,
  getCvmInfo,
  getCvmList,
  safeGetAppCvms,
  safeGetAppInfo,
  safeGetAppList,
  safeGetCurrentUser,
  safeGetCvmInfo,
  safeGetCvmList,
} from "@phala/cloud";

export async function everyAction() {
  const client = createClient({ apiKey: "k" });
  const legacy = createClient({ apiKey: "k", version: "2025-10-28" });
  const derived = client.withVersion("2025-10-28");
  const base = createBaseClient({ apiKey: "k", version: "2026-01-21" });
  const legacyBase = createBaseClient({ apiKey: "k", version: "2025-10-28" });

  const out: unknown[] = [];
  for (const c of [client, legacy, derived] as const) {
    out.push(
      await c.getCurrentUser(),
      await c.getCvmList({ page: 1, page_size: 10 }),
      await c.getCvmInfo({ id: "cvm-abc123" }),
      await c.getAppList({ status: ["running"] }),
      await c.getAppInfo({ appId: "a" }),
      await c.getAppCvms({ appId: "a" }),
      await c.safeGetCurrentUser(),
      await c.safeGetCvmList(),
      await c.safeGetCvmInfo({ id: "x" }),
      await c.safeGetAppList(),
      await c.safeGetAppInfo({ appId: "a" }),
      await c.safeGetAppCvms({ appId: "a" }),
      await c.getCvmInfo({ id: "x" }, { version: "2026-01-21" }),
    );
  }
  for (const b of [base, legacyBase] as const) {
    out.push(
      await getCurrentUser(b),
      await getCvmList(b, { page: 2 }),
      await getCvmInfo(b, { uuid: "u" }),
      await getAppList(b),
      await getAppInfo(b, { appId: "a" }),
      await getAppCvms(b, { appId: "a" }),
      await safeGetCurrentUser(b),
      await safeGetCvmList(b),
      await safeGetCvmInfo(b, { name: "n" }),
      await safeGetAppList(b),
      await safeGetAppInfo(b, { appId: "a" }),
      await safeGetAppCvms(b, { appId: "a" }),
      await getCvmInfo(b, { id: "x" }, { version: "2025-10-28" }),
    );
  }
  const user = await client.getCurrentUser();
  const legacyUser = await derived.getCurrentUser();
  out.push(user.user.username, legacyUser.team_name);
  return out;
}
