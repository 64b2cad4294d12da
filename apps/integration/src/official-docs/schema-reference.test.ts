// The official reference's schema reference page (`cloud-js-sdk/schema-reference.mdx`):
// validation by default, a caller's schema, `schema: false`; the documented fields of
// each 2026-01-21 and 2025-10-28 shape, read from the mock's answers; and the zod
// schemas as values of the root, as the page imports them.
import {
  type CurrentUserV20251028,
  CurrentUserV20251028Schema,
  type CurrentUserV20260121,
  CurrentUserV20260121Schema,
  CvmDetailV20251028Schema,
  CvmInfoDetailV20260121Schema,
  CvmInfoV20251028Schema,
  CvmInfoV20260121Schema,
  createClient,
  type KmsInfo,
  PaginatedCvmInfosV20251028Schema,
  PaginatedCvmInfosV20260121Schema,
  ResponseValidationError,
} from "@phala/cloud";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { useDocsMock } from "./docs.test-support";

useDocsMock();

/** The first CVM the demo key can see, by its name (any id form works). */
async function firstCvmName(): Promise<string> {
  const page = await createClient().getCvmList({ page_size: 1 });
  const name = page.items[0]?.name;
  if (!name) throw new Error("the mock has no CVM for the demo key");
  return name;
}

const keysOf = (value: unknown) => Object.keys(value as object);

describe("Schema Validation", () => {
  it("validates by default, with the version's schema", async () => {
    const me = await createClient().getCurrentUser();
    expectTypeOf(me).toEqualTypeOf<CurrentUserV20260121>();
    expect(CurrentUserV20260121Schema.safeParse(me).success).toBe(true);
  });

  it("validates with the caller's zod schema, typed by it", async () => {
    // The page's `z.object({ username })` describes the flat 2025-10-28 body; on the
    // 2026-01-21 body the username is under `user`, so that schema refuses it.
    const Mine = z.object({ user: z.object({ username: z.string() }) });
    const mine = await createClient().getCurrentUser({ schema: Mine });
    expectTypeOf(mine).toEqualTypeOf<{ user: { username: string } }>();
    expect(mine).toEqual({ user: { username: "alice" } });

    const pageExample = z.object({ username: z.string() });
    const refused = await createClient()
      .getCurrentUser({ schema: pageExample })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ResponseValidationError);
    const legacy = await createClient({ version: "2025-10-28" }).getCurrentUser({
      schema: pageExample,
    });
    expect(legacy).toEqual({ username: "alice" });
  });

  it("schema: false returns the body unchecked, typed unknown", async () => {
    const raw = await createClient().getCurrentUser({ schema: false });
    expectTypeOf(raw).toEqualTypeOf<unknown>();
    expect(keysOf(raw)).toEqual(expect.arrayContaining(["user", "workspace", "credits"]));
  });
});

describe("Version 2026-01-21", () => {
  it("CurrentUserV20260121: user, workspace and credits with the documented fields", async () => {
    const me = await createClient().getCurrentUser();
    expect(keysOf(me.user)).toEqual(
      expect.arrayContaining([
        "username",
        "email",
        "role",
        "avatar",
        "email_verified",
        "totp_enabled",
        "has_backup_codes",
        "flag_has_password",
      ]),
    );
    expect(keysOf(me.workspace)).toEqual(
      expect.arrayContaining(["id", "name", "slug", "tier", "role", "avatar"]),
    );
    expect(keysOf(me.credits)).toEqual(
      expect.arrayContaining(["balance", "granted_balance", "is_post_paid", "outstanding_amount"]),
    );
  });

  it("CvmInfoV20260121 and its nested objects, in a page (PaginatedCvmInfosV20260121)", async () => {
    const page = await createClient().getCvmList({ page_size: 2 });
    expect(keysOf(page)).toEqual(
      expect.arrayContaining(["items", "total", "page", "page_size", "pages"]),
    );
    const cvm = page.items[0];
    if (!cvm) throw new Error("no CVM");
    expect(keysOf(cvm)).toEqual(
      expect.arrayContaining([
        "id",
        "name",
        "app_id",
        "vm_uuid",
        "instance_id",
        "resource",
        "node_info",
        "os",
        "kms_type",
        "kms_info",
        "status",
        "progress",
        "compose_hash",
        "gateway",
        "services",
        "endpoints",
        "public_logs",
        "public_sysinfo",
        "public_tcbinfo",
        "gateway_enabled",
        "secure_time",
        "listed",
        "storage_fs",
        "workspace",
        "creator",
      ]),
    );
    // CvmResourceInfoV20260121, CvmGatewayInfoV20260121, NodeRef, WorkspaceRef, UserRef.
    expect(keysOf(cvm.resource)).toEqual(expect.arrayContaining(["vcpu", "memory_in_gb"]));
    expect(keysOf(cvm.gateway)).toEqual(expect.arrayContaining(["base_domain", "cname"]));
    if (cvm.node_info) expect(keysOf(cvm.node_info)).toEqual(expect.arrayContaining(["name"]));
    if (cvm.workspace)
      expect(keysOf(cvm.workspace)).toEqual(expect.arrayContaining(["id", "name"]));
    if (cvm.creator) expect(keysOf(cvm.creator)).toEqual(expect.arrayContaining(["username"]));
    expect(PaginatedCvmInfosV20260121Schema.safeParse(page).success).toBe(true);
  });

  it("CvmInfoDetailV20260121: the list's fields and compose_file", async () => {
    const detail = await createClient().getCvmInfo({ id: await firstCvmName() });
    expect(keysOf(detail)).toEqual(expect.arrayContaining(["name", "status", "compose_file"]));
    expect(CvmInfoDetailV20260121Schema.safeParse(detail).success).toBe(true);
  });
});

describe("Version 2025-10-28 (legacy)", () => {
  const legacy = () => createClient({ version: "2025-10-28" });

  it("CurrentUserV20251028: the flat user", async () => {
    const me = await legacy().getCurrentUser();
    expectTypeOf(me).toEqualTypeOf<CurrentUserV20251028>();
    expect(keysOf(me)).toEqual(
      expect.arrayContaining([
        "username",
        "email",
        "credits",
        "granted_credits",
        "avatar",
        "team_name",
        "team_tier",
      ]),
    );
    expect(CurrentUserV20251028Schema.safeParse(me).success).toBe(true);
  });

  it("CvmInfoV20251028 with `hosted`, in PaginatedCvmInfosV20251028", async () => {
    const page = await legacy().getCvmList({ page_size: 1 });
    const cvm = page.items[0];
    if (!cvm) throw new Error("no CVM");
    expect(keysOf(cvm)).toEqual(
      expect.arrayContaining([
        "hosted",
        "name",
        "managed_user",
        "node",
        "listed",
        "status",
        "in_progress",
        "dapp_dashboard_url",
        "syslog_endpoint",
        "allow_upgrade",
        "project_id",
        "project_type",
        "billing_period",
        "kms_info",
        "vcpu",
        "memory",
        "disk_size",
        "gateway_domain",
        "public_urls",
      ]),
    );
    expect(keysOf(cvm.hosted)).toEqual(
      expect.arrayContaining(["id", "name", "status", "uptime", "app_url", "app_id"]),
    );
    expect(CvmInfoV20251028Schema.safeParse(cvm).success).toBe(true);
    expect(PaginatedCvmInfosV20251028Schema.safeParse(page).success).toBe(true);
  });

  it("CvmDetailV20251028, whose kms_info is the page's KmsInfoLegacy (named KmsInfo here)", async () => {
    const detail = await legacy().getCvmInfo({ id: await firstCvmName() });
    expect(keysOf(detail)).toEqual(
      expect.arrayContaining([
        "id",
        "name",
        "status",
        "in_progress",
        "teepod_id",
        "app_id",
        "vm_uuid",
        "instance_id",
        "vcpu",
        "memory",
        "disk_size",
        "base_image",
        "encrypted_env_pubkey",
        "listed",
        "public_sysinfo",
        "public_logs",
        "public_urls",
      ]),
    );
    expect(CvmDetailV20251028Schema.safeParse(detail).success).toBe(true);
    if (detail.kms_info) {
      expect(keysOf(detail.kms_info)).toEqual(
        expect.arrayContaining([
          "id",
          "slug",
          "url",
          "version",
          "chain_id",
          "kms_contract_address",
        ]),
      );
      expectTypeOf(detail.kms_info).toExtend<KmsInfo>();
    }
  });
});

describe("Importing Schemas: the zod schemas from @phala/cloud", () => {
  it("are zod schemas, and a picked one validates a call", async () => {
    for (const schema of [
      CvmInfoV20260121Schema,
      CvmInfoDetailV20260121Schema,
      PaginatedCvmInfosV20260121Schema,
      CurrentUserV20260121Schema,
      CvmInfoV20251028Schema,
      CvmDetailV20251028Schema,
      PaginatedCvmInfosV20251028Schema,
      CurrentUserV20251028Schema,
    ]) {
      expect(schema).toBeInstanceOf(z.ZodObject);
    }
    const NameAndStatus = CvmInfoV20260121Schema.pick({ name: true, status: true });
    const cvm = await createClient().getCvmInfo(
      { id: await firstCvmName() },
      { schema: NameAndStatus },
    );
    expectTypeOf(cvm).toEqualTypeOf<{ name: string; status: string }>();
    expect(keysOf(cvm).sort()).toEqual(["name", "status"]);
  });
});
