import { ACTION_CASES } from "./cases";
import { type ContractOperation, operationKey, operations, snapshots } from "./contract";
import { SUPPLEMENTAL_OPERATIONS } from "./exceptions";

// The coverage table: every operation of the contract, and the action that
// calls it or the reason none does. Generated into docs/contract-coverage.md;
// coverage.test.ts fails when the file is stale or an operation has neither.

const NOT_YET = "Not covered yet: the rest of the API surface is tracked in its own issue.";
const REPLACED = (by: string) => `Deprecated and gone from the current reference; use ${by}.`;
const ADMIN =
  "Workspace administration (members, invitations, slugs): an account operation of the earlier reference, dropped from the current one; outside the developer API this SDK covers.";

/** Why an operation has no action. Every operation no case reaches must be here. */
export const NO_ACTION: Record<string, string> = {
  "POST /cvms/eliza":
    "The Eliza template's own deployment flow: a product template, not a general operation; left aside on purpose.",
  "POST /cvms/provision/eliza":
    "The Eliza template's own provisioning flow: a product template, not a general operation; left aside on purpose.",
  "GET /apps/{app_id}/events": REPLACED(
    "`GET /cvms/{cvm_id}/operations` (operations and their events)",
  ),
  "POST /cvms/from_cvm_configuration": REPLACED("`provisionCvm` then `commitCvmProvision`"),
  "POST /cvms/pubkey/from_cvm_configuration": REPLACED(
    "`provisionCvm` (it answers the env pubkey)",
  ),
  "GET /cvms/{cvm_id}/compose": REPLACED("`getCvmComposeFile`"),
  "PATCH /cvms/{cvm_id}/resources": REPLACED(
    "`PATCH /cvms/{cvm_id}` (`updateCvmResources` sends there now)",
  ),
  "PATCH /cvms/{cvm_id}/visibility": REPLACED(
    "`PATCH /cvms/{cvm_id}` (`updateCvmVisibility` sends there now)",
  ),
  "PATCH /cvms/{cvm_id}/compose": REPLACED(
    "`provisionCvmComposeFileUpdate` then `commitCvmComposeFileUpdate`",
  ),
  "PUT /cvms/{cvm_id}/compose": REPLACED(
    "`provisionCvmComposeFileUpdate` then `commitCvmComposeFileUpdate`",
  ),
  "POST /workspaces/check-slug": ADMIN,
  "GET /workspaces/{workspace_slug}/invitations": ADMIN,
  "POST /workspaces/{workspace_slug}/invitations": ADMIN,
  "POST /workspaces/{workspace_slug}/invitations/shareable": ADMIN,
  "DELETE /workspaces/{workspace_slug}/invitations/{invitation_id}": ADMIN,
  "POST /workspaces/{workspace_slug}/leave": ADMIN,
  "GET /workspaces/{workspace_slug}/members": ADMIN,
  "DELETE /workspaces/{workspace_slug}/members/{user_id}": ADMIN,
  "PATCH /workspaces/{workspace_slug}/members/{user_id}": ADMIN,
  ...Object.fromEntries(
    [
      "GET /apps/{app_id}/attestations/tcb-evaluation",
      "POST /apps/{app_id}/cvms/{vm_uuid}/replicas",
      "GET /apps/{app_id}/kms-info",
      "GET /apps/{app_id}/pending-updates",
      "GET /apps/{app_id}/pending-updates/{vm_uuid}/{compose_hash}/preview",
      "POST /apps/{app_id}/revisions/{revision_id}/redeploy",
      "GET /apps/{app_id}/usage",
      "GET /attestations/collateral/{checksum}",
      "GET /attestations/device_ids",
      "GET /attestations/nodes",
      "GET /attestations/ppids",
      "GET /attestations/raw/{checksum}",
      "GET /attestations/recent",
      "POST /attestations/verify",
      "GET /attestations/view/{checksum}",
      "GET /cvms",
      "POST /cvms/batch-stop",
      "POST /cvms/workload",
      "GET /cvms/{cvm_id}/commit-update",
      "POST /cvms/{cvm_id}/compose_file",
      "POST /cvms/{cvm_id}/customize-domain-diagnose",
      "GET /cvms/{cvm_id}/firewall-status",
      "PATCH /cvms/{cvm_id}/listed",
      "GET /cvms/{cvm_id}/network-config",
      "PATCH /cvms/{cvm_id}/network-config",
      "GET /cvms/{cvm_id}/operation-status",
      "GET /cvms/{cvm_id}/operations",
      "POST /cvms/{cvm_id}/operations/cancel",
      "GET /cvms/{cvm_id}/ports",
      "PUT /cvms/{cvm_id}/ports",
      "POST /cvms/{cvm_id}/revisions/{revision_id}/redeploy",
      "PATCH /cvms/{cvm_id}/scheduled-delete",
      "GET /kms/{kms_id}/info",
      "GET /workspace/webhooks",
      "POST /workspace/webhooks",
      "DELETE /workspace/webhooks/{webhook_id}",
      "GET /workspace/webhooks/{webhook_id}",
      "PUT /workspace/webhooks/{webhook_id}",
      "GET /workspace/webhooks/{webhook_id}/deliveries",
      "POST /workspace/webhooks/{webhook_id}/deliveries/{event_id}/resend",
      "POST /workspace/webhooks/{webhook_id}/reveal-secret",
      "POST /workspace/webhooks/{webhook_id}/rotate-secret",
      "GET /workspace/webhooks/{webhook_id}/stats",
      "POST /workspace/webhooks/{webhook_id}/test",
    ].map((key) => [key, NOT_YET]),
  ),
};

interface CoverageRow {
  operation: string;
  source: "current" | "earlier" | "official SDKs";
  deprecated: boolean;
  actions: string[];
  reason?: string;
}

function sourceOf(operation: ContractOperation): CoverageRow["source"] {
  return operation.inCurrentReference ? "current" : "earlier";
}

export function coverageRows(): CoverageRow[] {
  const byOperation = new Map<string, string[]>();
  for (const [action, entry] of Object.entries(ACTION_CASES)) {
    byOperation.set(entry.operation, [...(byOperation.get(entry.operation) ?? []), action]);
  }
  const rows: CoverageRow[] = [
    ...operations.map((operation) => ({ operation, source: sourceOf(operation) })),
    ...SUPPLEMENTAL_OPERATIONS.map(({ operation }) => ({
      operation,
      source: "official SDKs" as const,
    })),
  ].map(({ operation, source }) => {
    const key = operationKey(operation);
    return {
      operation: key,
      source,
      deprecated: operation.deprecated,
      actions: (byOperation.get(key) ?? []).sort(),
      reason: NO_ACTION[key],
    };
  });
  const order = (key: string) => key.replace(/^[A-Z]+ /, "");
  return rows.sort(
    (a, b) =>
      order(a.operation).localeCompare(order(b.operation)) ||
      a.operation.localeCompare(b.operation),
  );
}

/** docs/contract-coverage.md */
export function coverageMarkdown(): string {
  const rows = coverageRows();
  const current = rows.filter((row) => row.source === "current");
  const covered = current.filter((row) => row.actions.length > 0);
  const lines = [
    "# Contract coverage",
    "",
    "Generated by `apps/contract` (`pnpm --filter @phala/cloud-contract coverage`) from",
    "`contract/phala-cloud-api.json` and `contract/exceptions.json`; CI fails when it is stale.",
    "",
    `Reference snapshots: current ${snapshots.current}, earlier ${snapshots.earlier}.`,
    `Operations of the current reference reached by an action: ${covered.length} of ${current.length}.`,
    "",
    "| operation | in | action | why none |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => {
      const where = `${row.source}${row.deprecated ? ", deprecated" : ""}`;
      const actions = row.actions.map((action) => `\`${action}\``).join(", ");
      return `| \`${row.operation}\` | ${where} | ${actions} | ${row.actions.length ? "" : (row.reason ?? "")} |`;
    }),
    "",
  ];
  return lines.join("\n");
}
