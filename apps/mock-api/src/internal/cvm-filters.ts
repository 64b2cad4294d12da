import { getNode, getUser, type MockCvm, type MockState } from "../model";
import type { QueryReader } from "./query";

/** The filters of `GET /cvms/paginated`; an undefined one does not filter. */
export interface CvmListFilters {
  /** The node's teepod id. */
  teepodId?: number;
  /** The node's own id: another number than its teepod id. */
  nodeId?: number;
  /** The creator's hashed id (`usr_...`); `"0"` names nobody and filters nothing. */
  userId?: string;
  family?: "all" | "cpu" | "gpu";
  instanceTypes: string[];
}

const FAMILIES = ["all", "cpu", "gpu"] as const;

/** Reads the filters as the API validates them; problems go to the reader's 422. */
export function readCvmListFilters(query: QueryReader): CvmListFilters {
  const teepodId = query.int("teepod_id", undefined);
  const nodeId = query.int("node_id", undefined, { ge: 1 });
  const userId = query.string("user_id");
  if (userId !== undefined && userId !== "0" && !/^usr_.+/.test(userId)) {
    query.fail(
      "user_id",
      "string_pattern_mismatch",
      "String should match pattern '^usr_.+'",
      userId,
      {
        pattern: "^usr_.+",
      },
    );
  }
  const family = query.string("family");
  if (family !== undefined && !(FAMILIES as readonly string[]).includes(family)) {
    query.fail("family", "literal_error", "Input should be 'all', 'cpu' or 'gpu'", family, {
      expected: "'all', 'cpu' or 'gpu'",
    });
  }
  return {
    teepodId,
    nodeId,
    userId: userId === "0" ? undefined : userId,
    family: family as CvmListFilters["family"],
    instanceTypes: query.strings("instance_types"),
  };
}

export function cvmListMatches(state: MockState, cvm: MockCvm, filters: CvmListFilters): boolean {
  if (filters.teepodId !== undefined && cvm.nodeId !== filters.teepodId) return false;
  if (filters.nodeId !== undefined && getNode(state, cvm.nodeId).nodeId !== filters.nodeId) {
    return false;
  }
  if (filters.userId !== undefined && getUser(state, cvm.creatorId).hashedId !== filters.userId) {
    return false;
  }
  if (filters.family === "gpu" && cvm.gpus === 0) return false;
  if (filters.family === "cpu" && cvm.gpus > 0) return false;
  if (filters.instanceTypes.length > 0 && !filters.instanceTypes.includes(cvm.instanceType)) {
    return false;
  }
  return true;
}
