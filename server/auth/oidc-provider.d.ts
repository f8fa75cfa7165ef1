// The few parts of the `oidc-provider` package (no bundled types) that the local test issuer uses.
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Configuration {
    clients: { client_id: string; client_secret: string; redirect_uris: string[]; grant_types?: string[]; response_types?: string[] }[];
    claims?: Record<string, string[]>;
    conformIdTokenClaims?: boolean;
    cookies?: { keys: string[] };
    findAccount?: (ctx: unknown, id: string) => Promise<{ accountId: string; claims: () => Promise<AccountClaims> } | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
