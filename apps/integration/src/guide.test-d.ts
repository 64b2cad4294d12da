import type {
  CurrentUserV20251028,
  CurrentUserV20260121,
  CvmDetailV20251028,
  CvmInfoDetailV20260121,
} from "@phala/cloud";
import { describe, expectTypeOf, it } from "vitest";
import { legacyVersion } from "./guide/selecting-a-version";
import { standaloneFunctions } from "./guide/standalone-functions";
import { switchingAtRuntime } from "./guide/switching-at-runtime";

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

describe("the guide's comments are the types", () => {
  it("Switching Versions at Runtime", () => {
    expectTypeOf<Result<typeof switchingAtRuntime>["user"]>().toEqualTypeOf<CurrentUserV20260121>();
    expectTypeOf<
      Result<typeof switchingAtRuntime>["legacyUser"]
    >().toEqualTypeOf<CurrentUserV20251028>();
  });

  it("Using with Standalone Functions", () => {
    expectTypeOf<
      Result<typeof standaloneFunctions>["cvm"]
    >().toEqualTypeOf<CvmInfoDetailV20260121>();
    expectTypeOf<
      Result<typeof standaloneFunctions>["legacyCvm"]
    >().toEqualTypeOf<CvmDetailV20251028>();
  });

  it("lines the guide says must not compile", async () => {
    const { user, legacyUser, cvm } = await switchingAtRuntime().then(async (r) => ({
      ...r,
      ...(await standaloneFunctions()),
    }));
    // @ts-expect-error legacyUser has no `user`
    legacyUser.user;
    // @ts-expect-error the 2026-01-21 user has no `team_name`
    user.team_name;
    // @ts-expect-error 2026-01-21 CVMs keep vcpu under `resource`
    cvm.vcpu;
    // @ts-expect-error unknown version
    legacyVersion().withVersion("2024-02-30");
  });
});
