import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type AccountClaims } from "oidc-provider";

export interface LocalIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Follows an authorization URL through the issuer's login and consent pages as `login`; returns the redirect back to us. */
  authorize(url: string, login: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider on 127.0.0.1 (the `oidc-provider` package with its development login pages), standing in
 * for Cognito in tests. ID tokens carry email, name and groups (`conformIdTokenClaims: false`), as Cognito's do. An
 * account's claims are read at each sign-in, so a test may change them (leave a group) between sign-ins.
 */
export async function startLocalIssuer(accounts: Record<string, AccountClaims>, redirectUri: string): Promise<LocalIssuer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "emporium-test";
  const clientSecret = "emporium-test-secret-0123456789abcdef";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri] }],
    // Cognito's ID token names the user's groups in cognito:groups; here it comes with the profile scope.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "cognito:groups"] },
    conformIdTokenClaims: false,
    cookies: { keys: ["local-issuer-test-key"] },
    async findAccount(_ctx, id) {
      const claims = accounts[id];
      return claims && { accountId: id, claims: async () => claims };
    },
  });
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    async authorize(start, login) {
      // A fresh cookie jar each time: a new browser, so no issuer session carries over from an earlier sign-in.
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
        const res = await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, cookie } });
        for (const line of res.headers.getSetCookie()) {
          const [pair = ""] = line.split(";");
          const at = pair.indexOf("=");
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        return res;
      };
      let url = start;
      for (let step = 0; step < 12; step++) {
        if (url.startsWith(redirectUri)) return new URL(url);
        let res = await send(url);
        if (res.status === 200) {
          const page = await res.text();
          const prompt: Record<string, string> = page.includes('value="login"') ? { prompt: "login", login } : { prompt: "consent" };
          res = await send(url, { method: "POST", body: new URLSearchParams(prompt), headers: { "content-type": "application/x-www-form-urlencoded" } });
        }
        const location = res.headers.get("location");
        if (!location) throw new Error(`issuer answered ${res.status} at ${url}: ${await res.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error("too many redirects at the issuer");
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
