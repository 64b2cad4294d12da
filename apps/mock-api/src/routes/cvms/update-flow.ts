// What the update routes share: pydantic-style body checks, and the flow of an
// update that may change the compose hash (on-chain: registered first, or 465).
import type { Context } from "hono";
import type { MockEnv } from "../../internal/env";
import { phalaError, type ValidationIssue, validationError } from "../../internal/errors";
import type { MockCvm } from "../../model";
import { assertGrowthAllowed } from "../workspaces/limits";
import {
  applyChange,
  type CvmChange,
  composeExtras,
  composeHashAfter,
  type PendingUpdate,
} from "./compose-store";
import {
  assertHashAllowed,
  checkRegistrationProof,
  cvmUpdateCommit,
  isOnChain,
  isRegistered,
  markRegistered,
  newCommitToken,
  type ProofStatuses,
  registrationRequiredError,
  UPDATE_FLOWS,
} from "./registration";
import { assertNodeAvailable } from "./status-machine";

export type Ctx = Context<MockEnv>;
export type Json = Record<string, unknown>;

type Kind = "string" | "boolean" | "int" | "stringList" | "object";

const TYPE_ERRORS: Record<Kind, [type: string, msg: string]> = {
  string: ["string_type", "Input should be a valid string"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  int: ["int_type", "Input should be a valid integer"],
  stringList: ["list_type", "Input should be a valid list of strings"],
  object: ["model_type", "Input should be a valid dictionary"],
};

function matches(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "int":
      return Number.isInteger(value);
    case "stringList":
      return Array.isArray(value) && value.every((item) => typeof item === "string");
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

/** Pydantic-style checks of body fields: every problem in one 422, `loc: ["body", field]`. */
export function checkBody(
  body: Json,
  fields: Record<string, { kind: Kind; required?: boolean }>,
): void {
  const issues: ValidationIssue[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const value = body[name];
    if (value === undefined || value === null) {
      if (field.required) {
        issues.push({ type: "missing", loc: ["body", name], msg: "Field required", input: body });
      }
      continue;
    }
    if (!matches(field.kind, value)) {
      const [type, msg] = TYPE_ERRORS[field.kind];
      issues.push({ type, loc: ["body", name], msg, input: value });
    }
  }
  if (issues.length) throw validationError(issues);
}

export const str = (value: unknown) => (typeof value === "string" ? value : undefined);

export function requireComposeText(text: string, field: string): void {
  if (text.trim() === "") {
    throw phalaError(400, {
      errorCode: "ERR-01-002",
      message: `${field} must not be empty`,
      details: [{ field, value: text, message: null }],
    });
  }
}

/**
 * One update that may change the compose hash. Off-chain KMS: applied at once.
 * On-chain KMS: applied only with proof that the new hash was registered
 * (or when it already is); otherwise remembered as pending and answered with 465.
 * A hash the app's contract refuses is a 468.
 */
export function runUpdate(
  c: Ctx,
  cvm: MockCvm,
  change: CvmChange,
  proof: { composeHash?: string; transactionHash?: string },
  options: { prepareOnly?: boolean; statuses?: ProofStatuses } = {},
): string {
  const { state, caller, now } = c.get("render");
  const statuses = options.statuses ?? UPDATE_FLOWS;
  assertNodeAvailable(state, cvm.nodeId);
  // A change that grows the VM must fit the workspace's quotas.
  assertGrowthAllowed(state, caller.workspace, cvm, change);
  const hash = composeHashAfter(state, cvm, change);
  const hashChanges = hash !== cvm.composeHash;
  if (hashChanges && isOnChain(state, cvm)) assertHashAllowed(state, cvm, hash);
  if (hashChanges && isOnChain(state, cvm) && !isRegistered(state, cvm, hash)) {
    if (proof.composeHash === undefined && proof.transactionHash === undefined) {
      const commitToken = options.prepareOnly ? newCommitToken(state, cvm.id) : null;
      composeExtras(state, cvm).pending = { composeHash: hash, change, commitToken };
      const baseUrl = new URL(c.req.url).origin + c.req.path.replace(/\/cvms\/.*$/, "");
      throw registrationRequiredError(state, cvm, hash, {
        commit: commitToken ? cvmUpdateCommit(cvm, commitToken, baseUrl) : undefined,
      });
    }
    checkRegistrationProof(hash, proof.composeHash, proof.transactionHash, statuses);
    markRegistered(state, cvm, hash);
  }
  return applyChange(state, cvm, change, now);
}

/**
 * Applies a pending update once its registration is proven: the contract must
 * still allow the hash, the node be up and the workspace's quotas fit the change.
 */
export function commitPending(c: Ctx, cvm: MockCvm, pending: PendingUpdate): string {
  const { state, caller, now } = c.get("render");
  assertHashAllowed(state, cvm, pending.composeHash);
  assertNodeAvailable(state, cvm.nodeId);
  assertGrowthAllowed(state, caller.workspace, cvm, pending.change);
  markRegistered(state, cvm, pending.composeHash);
  return applyChange(state, cvm, pending.change, now);
}

export function headerProof(c: Ctx) {
  return {
    composeHash: c.req.header("X-Compose-Hash"),
    transactionHash: c.req.header("X-Transaction-Hash"),
  };
}
