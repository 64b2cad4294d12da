import type { VersionChain } from "../versions/chain";
import type { RenderContext } from "../versions/context";
import type { MockEndpoint } from "../versions/endpoints";

/** Hono bindings of the mock: what middleware hands to the route handlers. */
export interface MockEnv {
  Variables: {
    /** The version this request is answered in (also on error responses). */
    apiVersion: string;
    /** The versions this mock serves and how it renders each. */
    chain: VersionChain;
    /** Set by `requireApiKey`: the caller, the model, the request's clock and version. */
    render: RenderContext;
    /** Set by `respond`: the endpoint whose shape the answer has. */
    endpoint: MockEndpoint;
  };
}
