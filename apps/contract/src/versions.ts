import { API_VERSIONS } from "@phala/cloud-core";

/** Every API version the SDK knows: each action is checked under each. */
export const SDK_VERSIONS: readonly string[] = API_VERSIONS;
