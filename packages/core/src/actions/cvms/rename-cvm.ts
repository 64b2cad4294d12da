import { renameCvmResponseSchemas } from "@phala/cloud-schemas";
import { defineVersionedAction, invalidArguments, requireString, safe } from "../../action";
import { checkBodyArgs } from "../../body-args";
import { CVM_NAME } from "../../cvm-id";

export interface RenameCvmArgs {
  /** The CVM's `cvm_...` hashid: the only form this endpoint renames by. */
  id: string;
  /**
   * The new name, an RFC 1123 label: 5 to 63 letters, digits and hyphens,
   * starting with a letter and not ending with a hyphen. Unique in the workspace.
   */
  name: string;
}

const NAME = "renameCvm";

/** A CVM hashid (`cvm_ykL5lbAn`): what `PATCH /cvms/{cvm_id}/name` takes. */
const CVM_HASHID = /^cvm_[0-9A-Za-z]+$/;

function nameProblem(name: string): string | undefined {
  if (name.length < 5 || name.length > 63) return "expected 5 to 63 characters";
  if (!/^[A-Za-z]/.test(name)) return "expected a letter first";
  if (!/^[A-Za-z0-9-]+$/.test(name)) return "expected only letters, digits and hyphens";
  if (!CVM_NAME.test(name)) return "expected not to end with a hyphen";
  return undefined;
}

/**
 * Renames a CVM: `PATCH /cvms/{cvm_id}/name` with `{ name }`, answered 204;
 * resolves `undefined`. The CVM is named by its `cvm_...` hashid alone: the API
 * renames by it, so a UUID, app id, instance id or name is refused before
 * sending, as is a name that is not a 5-63 character RFC 1123 label (letter
 * first, letters, digits and hyphens, no hyphen last). A name already used in
 * the workspace is answered 400: a `BadRequestError` whose message says it is
 * "already in use".
 */
export const renameCvm = /* @__PURE__ */ defineVersionedAction({
  name: NAME,
  responses: renameCvmResponseSchemas,
  plan: (args: RenameCvmArgs) => {
    const id = requireString(NAME, args, "id").trim();
    if (!CVM_HASHID.test(id)) {
      invalidArguments(NAME, [
        {
          path: "id",
          message:
            "expected the CVM's cvm_... hashid (the API renames by it alone, not by a UUID, app id, instance id or name)",
        },
      ]);
    }
    const body = checkBodyArgs(
      NAME,
      args,
      {
        name: {
          kind: "nonEmptyString",
          required: true,
          refine: (name: string) => nameProblem(name),
        },
      },
      { pathKeys: ["id"] },
    );
    return { method: "PATCH", path: `/cvms/${encodeURIComponent(id)}/name`, body };
  },
});

export const safeRenameCvm = /* @__PURE__ */ safe(renameCvm);
