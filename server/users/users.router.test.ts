import { beforeAll, describe, expect, it, vi } from "vitest";
import { userAddresses, users } from "@/db/schema";
import { useTestDatabase } from "@/test/db";
import { developmentEnv } from "@/test/env";
import { clientError } from "../catalog/admin-test-fixtures";
import type { Actor } from "../context";
import { appRouter, createCaller } from "../trpc/root";
import { hashPassword } from "./password";

const t = useTestDatabase();
vi.stubEnv("NEXTAUTH_SECRET", developmentEnv.NEXTAUTH_SECRET);
vi.stubEnv("DATABASE_URL", developmentEnv.DATABASE_URL);

const OWNER_EMAIL = "owner-idor@shop.test";
const OWNER_STREET = "9 Private Mews";
const address = (line1: string) => ({ name: "Owner Person", line1, city: "Bristol", postalCode: "BS1 5AA", country: "GB" });

/** How each procedure is called by someone who is not the owner, aimed at the owner's address where it takes one. */
const probes: Record<string, (ownerAddressId: string) => unknown> = {
  me: () => undefined,
  profile: () => undefined,
  addresses: () => undefined,
  exportMyData: () => undefined,
  updateProfile: () => ({ name: "Intruder", phone: "" }),
  saveAddress: (id) => ({ id, address: address("1 Hijacked Road"), defaultShipping: true }),
  deleteAddress: (id) => ({ id }),
  changePassword: () => ({ currentPassword: "the owner's password", newPassword: "taken over account" }),
  deleteAccount: () => ({ password: "the owner's password" }),
  resendVerification: () => undefined,
  signUp: () => ({ email: OWNER_EMAIL, password: "a long new password", name: "Squatter" }),
  requestPasswordReset: () => ({ email: OWNER_EMAIL }),
  resetPassword: () => ({ token: "forged.0.k1.signature", password: "taken over account" }),
  verifyEmail: () => ({ token: "forged.0.k1.signature" }),
  requestEmailChange: () => ({ newEmail: OWNER_EMAIL, password: "the owner's password" }),
  confirmEmailChange: () => ({ token: "forged.0.k1.signature" }),
};

const procedureNames = Object.keys(appRouter._def.procedures)
  .filter((path) => path.startsWith("users."))
  .map((path) => path.slice("users.".length));

let ownerId: string;
let ownerAddressId: string;
let intruder: Actor;
const anonymous: Actor = { type: "anonymous" };

beforeAll(async () => {
  const passwordHash = await hashPassword("the owner's password");
  const [owner, other] = await t.db
    .insert(users)
    .values([
      { email: OWNER_EMAIL, name: "Owner", passwordHash },
      { email: "intruder@shop.test", name: "Intruder", passwordHash: await hashPassword("the intruder's password") },
    ])
    .returning({ id: users.id });
  ownerId = owner!.id;
  intruder = { type: "shopper", userId: other!.id };
  const [saved] = await t.db.insert(userAddresses).values({ userId: ownerId, address: address(OWNER_STREET), defaultShipping: true }).returning({ id: userAddresses.id });
  ownerAddressId = saved!.id;
});

/** What a non-owner gets: an error code, or "own data only" when the answer names nothing of the owner's. */
async function outcome(name: string, actor: Actor): Promise<string> {
  const probe = probes[name];
  if (!probe) throw new Error(`describe how users.${name} is probed in this test`);
  const procedures = createCaller({ db: t.db, actor, ip: `10.7.0.${procedureNames.indexOf(name)}` }).users as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  try {
    const result = await procedures[name]!(probe(ownerAddressId));
    const shown = JSON.stringify(result ?? null);
    return [OWNER_EMAIL, OWNER_STREET, ownerAddressId, ownerId].some((secret) => shown.includes(secret)) ? "shows the owner's data" : "own data only";
  } catch (error) {
    return (await clientError(Promise.reject(error))).code;
  }
}

describe("users authorisation", () => {
  it("covers the whole router", () => {
    expect(procedureNames.sort()).toEqual(Object.keys(probes).sort());
  });

  it.each(procedureNames)("%s: another shopper and a guest never reach the owner's account or addresses", async (name) => {
    expect(await outcome(name, intruder)).toMatch(/^(NOT_FOUND|BAD_REQUEST|CONFLICT|own data only)$/);
    expect(await outcome(name, anonymous)).toMatch(/^(NOT_FOUND|UNAUTHORIZED|BAD_REQUEST|CONFLICT|own data only)$/);
  });

  it("left the owner's account, password and address as they were", async () => {
    const owner = createCaller({ db: t.db, actor: { type: "shopper", userId: ownerId } }).users;
    expect(await owner.profile()).toMatchObject({ name: "Owner", email: OWNER_EMAIL, phone: null });
    expect(await owner.addresses()).toEqual([expect.objectContaining({ id: ownerAddressId, address: address(OWNER_STREET), defaultShipping: true })]);
    await expect(owner.changePassword({ currentPassword: "the owner's password", newPassword: "owner still in charge" })).resolves.toBeUndefined();
  });
});
