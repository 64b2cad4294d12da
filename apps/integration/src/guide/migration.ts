// spec/api-versioning.md, "Migration Guide". Each step's "Before" and "After"
// lines are the guide's; the functions only give them the `user` / `cvm` they read.
import {
  type CurrentUserV20251028,
  type CurrentUserV20260121,
  type CvmInfoV20251028,
  type CvmInfoV20260121,
  createClient,
} from "@phala/cloud";

export function step1Before() {
  // Before
  const client = createClient({ apiKey: "key", version: "2025-10-28" });
  return client;
}

export function step1After() {
  // After
  const client = createClient({ apiKey: "key" });
  return client;
}

export function step2Before(user: CurrentUserV20251028) {
  // Before
  const username = user.username;
  const credits = user.credits;
  return { username, credits };
}

export function step2After(user: CurrentUserV20260121) {
  // After
  const username = user.user.username;
  const credits = user.credits.balance;
  return { username, credits };
}

export function step3Before(cvm: CvmInfoV20251028) {
  // Before
  const vcpu = cvm.vcpu;
  const memory = cvm.memory;
  const region = cvm.node?.region_identifier;
  return { vcpu, memory, region };
}

export function step3After(cvm: CvmInfoV20260121) {
  // After
  const vcpu = cvm.resource.vcpu;
  const memory = cvm.resource.memory_in_gb;
  const region = cvm.node_info?.region;
  return { vcpu, memory, region };
}
