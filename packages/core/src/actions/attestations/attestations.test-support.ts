// Shared by the tests of this folder's actions: a client answering one reply,
// and the bodies of a verified quote as the API describes it.
import { createBaseClient } from "../../client";
import { fakeFetch, TEST_API_KEY, TEST_BASE_URL } from "../../test-utils";
import type { ApiVersion } from "../../versions";

/** A client (on `version`, the default one when omitted) whose fetch answers `reply`. */
export function setup(reply: Parameters<typeof fakeFetch>[0], version?: ApiVersion) {
  const fake = fakeFetch(reply);
  const client = createBaseClient({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    fetch: fake.fetch,
    version,
  });
  return { fake, client, call: () => fake.calls[0]! };
}

export const CHECKSUM = "9540fda5e6416c9d02bae726b146be58bee3caccfe7f874dbc68c808a13b1139";

const measurement = (byte: string) => `0x${byte.repeat(48)}`;

/** A TDX quote's header and body as the API parses them. */
export const quote = {
  header: {
    version: 4,
    ak_type: 2,
    tee_type: 129,
    qe_vendor: "0x939a7233f79c4ca9940a0db3957f0607",
    user_data: `0x${"65".repeat(20)}`,
  },
  body: {
    tee_tcb_svn: "06010300000000000000000000000000",
    mrseam: measurement("5b"),
    mrsignerseam: measurement("00"),
    seamattributes: "0x0000000000000000",
    tdattributes: "0x0000001000000000",
    xfam: "0xe702060000000000",
    mrtd: measurement("c6"),
    mrconfig: measurement("00"),
    mrowner: measurement("00"),
    mrownerconfig: measurement("00"),
    rtmr0: measurement("0b"),
    rtmr1: measurement("15"),
    rtmr2: measurement("9e"),
    rtmr3: measurement("64"),
    reportdata: `0x${"1d".repeat(64)}`,
  },
};

/** The collateral a quote is verified with. */
export const collateral = {
  pck_crl_issuer_chain: "-----BEGIN CERTIFICATE-----",
  root_ca_crl: null,
  pck_crl: "30820a",
  tcb_info_issuer_chain: "-----BEGIN CERTIFICATE-----",
  tcb_info: '{"version":3}',
  tcb_info_signature: "3045",
  qe_identity_issuer_chain: "-----BEGIN CERTIFICATE-----",
  qe_identity: '{"version":2}',
  qe_identity_signature: "3046",
};
