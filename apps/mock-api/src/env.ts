import type { ApiVersion } from "./versions/chain";
import type { RenderContext } from "./versions/context";

/** Hono bindings of the mock: what middleware hands to the route handlers. */
export interface MockEnv {
  Variables: {
    /** The version this request is answered in (also on error responses). */
    apiVersion: ApiVersion;
    /** Set by `requireApiKey`: the caller, the model and the request's clock. */
    render: RenderContext;
  };
}
