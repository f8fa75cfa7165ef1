import { readdirSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { formatDecimal, formatMoney } from "../app/_components/format-money";
import { SHOPPER, signIn } from "./fixtures";
import { e2eDatabase } from "./support/e2e-database";

// Product pages and a category's plain first page are served from Next's cache and expired by the database's
// catalogue feed. These change the database directly, as any app instance would, and read the pages again. Expiry
// reaches the page within milliseconds of the commit, so each check polls for at most a few seconds.
const sql = e2eDatabase();

interface Picked {
  id: number;
  slug: string;
  category: string;
  variants: { id: number; priceAmount: number; currency: string; optionValues: Record<string, string> }[];
}

/** An active product with two variants or more that no other spec looks for (the seed's last by a hash). */
async function pickProduct(): Promise<Picked> {
  const [row] = await sql<Picked[]>`
    select p.id, p.slug, c.slug as category,
      json_agg(json_build_object('id', v.id, 'priceAmount', v.price_amount, 'currency', v.currency, 'optionValues', v.option_values) order by v.position, v.id) as variants
      from products p join categories c on c.id = p.category_id join variants v on v.product_id = p.id
     where p.status = 'active'
     group by p.id, c.slug having count(*) >= 2
     order by md5(p.id::text) desc limit 1`;
  return row!;
}

const html = async (request: APIRequestContext, path: string) => {
  const response = await request.get(path);
  return { status: response.status(), cache: response.headers()["x-nextjs-cache"], text: await response.text() };
};

test("a cached product page shows a price change, a stock change and an archive on the next request", async ({ request }) => {
  const product = await pickProduct();
  const path = `/p/${product.slug}`;
  const first = product.variants[0]!;
  const stock = await sql`select variant_id, warehouse_id, on_hand from stock_levels where variant_id in ${sql(product.variants.map((v) => v.id))}`;
  try {
    await html(request, path);
    const cached = await html(request, path);
    expect(cached.cache, "the second request is answered from the cache").toBe("HIT");

    const price = first.priceAmount + 1234;
    await sql`update variants set price_amount = ${price} where id = ${first.id}`;
    await expect.poll(async () => (await html(request, path)).text, { timeout: 5000 }).toContain(`"price":"${formatDecimal(price, first.currency)}"`);

    // Three left of the first variant, in one warehouse, none of the others: the page opens on it and says so.
    await sql`update stock_levels s set on_hand = s.reserved + case when s.variant_id = ${first.id} and s.warehouse_id = (
                select min(warehouse_id) from stock_levels where variant_id = ${first.id}) then 3 else 0 end
               where s.variant_id in ${sql(product.variants.map((v) => v.id))}`;
    await expect.poll(async () => (await html(request, path)).text, { timeout: 5000 }).toContain("Only 3 left");

    await sql`update products set status = 'archived' where id = ${product.id}`;
    await expect.poll(async () => (await html(request, path)).status, { timeout: 5000 }).toBe(404);
  } finally {
    await sql`update products set status = 'active' where id = ${product.id}`;
    await sql`update variants set price_amount = ${first.priceAmount} where id = ${first.id}`;
    for (const s of stock) await sql`update stock_levels set on_hand = ${s.on_hand} where variant_id = ${s.variant_id} and warehouse_id = ${s.warehouse_id}`;
  }
  await expect.poll(async () => (await html(request, path)).status, { timeout: 5000 }).toBe(200);
});

const ESCAPED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** The product card titled `title` in a listing's HTML (as React escapes text), or null when the page does not show it. */
const cardOf = (text: string, title: string) => {
  const escaped = title.replace(/[&<>"']/g, (c) => ESCAPED[c]!);
  return text.split("<article").find((part) => part.includes(`>${escaped}</a>`)) ?? null;
};

test("a category's cached first page shows a price change, a stock change and an archive; its filtered pages still filter", async ({ page, request }) => {
  const product = await pickProduct();
  const listing = `/c/${product.category}`;
  const [before] = await sql<{ title: string; createdAt: Date; priceMin: number; priceMax: number }[]>`
    select title, created_at as "createdAt", price_min::int as "priceMin", price_max::int as "priceMax" from products where id = ${product.id}`;
  const { title, createdAt, priceMin, priceMax } = before!;
  const ids = product.variants.map((v) => v.id);
  const stock = await sql`select variant_id, warehouse_id, on_hand from stock_levels where variant_id in ${sql(ids)}`;
  const card = async () => {
    const { text, cache } = await html(request, listing);
    return { card: cardOf(text, title), cache };
  };
  try {
    // The product may be past the first page: put it first in the default (newest) order.
    await sql`update products set created_at = now() + interval '1 day' where id = ${product.id}`;
    await expect.poll(async () => (await card()).card, { timeout: 5000 }).not.toBeNull();
    // Polled: a background job of an earlier spec (a reservation expiring, say) may expire the listing once more.
    await expect.poll(async () => (await card()).cache, { message: "the page is answered from the cache", timeout: 5000 }).toBe("HIT");

    // As saving the variants does: their prices and the product's range that cards show, in one transaction.
    const price = Math.max(...product.variants.map((v) => v.priceAmount)) + 1234;
    await sql.begin(async (tx) => {
      await tx`update variants set price_amount = ${price} where id in ${sql(ids)}`;
      await tx`update products set price_min = ${price}, price_max = ${price} where id = ${product.id}`;
    });
    await expect.poll(async () => (await card()).card, { timeout: 5000 }).toContain(`>${formatMoney(price, product.variants[0]!.currency)}<`);

    await sql`update stock_levels set on_hand = reserved where variant_id in ${sql(ids)}`;
    await expect.poll(async () => (await card()).card, { timeout: 5000 }).toContain("Out of stock");

    await sql`update products set status = 'archived' where id = ${product.id}`;
    await expect.poll(async () => (await card()).card, { timeout: 5000 }).toBeNull();
  } finally {
    await sql`update products set status = 'active', created_at = ${createdAt}, price_min = ${priceMin}, price_max = ${priceMax} where id = ${product.id}`;
    for (const v of product.variants) await sql`update variants set price_amount = ${v.priceAmount} where id = ${v.id}`;
    for (const s of stock) await sql`update stock_levels set on_hand = ${s.on_hand} where variant_id = ${s.variant_id} and warehouse_id = ${s.warehouse_id}`;
  }

  await page.goto(`${listing}?instock=1`);
  await expect(page.getByRole("group", { name: "Availability" }).getByRole("checkbox")).toBeChecked();
  const filtered = await request.get(`${listing}?instock=1`);
  expect(filtered.headers()["x-nextjs-cache"], "a filtered page is rendered per request").toBeUndefined();
});

test("?variant= opens the product on that variant, though the page is cached", async ({ page }) => {
  const product = await pickProduct();
  const [first, second] = product.variants;
  const option = Object.keys(second!.optionValues).find((key) => second!.optionValues[key] !== first!.optionValues[key])!;
  await page.goto(`/p/${product.slug}?variant=${second!.id}`);
  await expect(page.getByRole("radio", { name: second!.optionValues[option], exact: true })).toBeChecked();
});

test("choosing another variant on the cached page shows that variant's own picture first", async ({ page }) => {
  const product = await pickProduct();
  const [first, second] = product.variants;
  const option = Object.keys(second!.optionValues).find((key) => second!.optionValues[key] !== first!.optionValues[key])!;
  const [image] = await sql<{ id: number }[]>`
    insert into product_images (product_id, url, alt, position) values (${product.id}, '/icon.svg', 'The second variant up close', 99) returning id`;
  await sql`update variants set image_id = ${image!.id} where id = ${second!.id}`;
  const mainPicture = page.locator("main img").first();
  await expect(async () => {
    await page.goto(`/p/${product.slug}?variant=${first!.id}`);
    await expect(mainPicture).not.toHaveAttribute("alt", "The second variant up close", { timeout: 1_000 });
    await page.getByRole("radio", { name: second!.optionValues[option], exact: true }).check();
    await expect(mainPicture).toHaveAttribute("alt", "The second variant up close", { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await sql`update variants set image_id = null where id = ${second!.id}`;
  await sql`delete from product_images where id = ${image!.id}`;
});

test("a cart line's link opens the cached product page on its variant, by client-side navigation", async ({ page }) => {
  // A product whose second variant in stock differs from the first in some option.
  const [product] = await sql<{ slug: string; title: string; variants: { id: number; optionValues: Record<string, string> }[] }[]>`
    select p.slug, p.title, json_agg(json_build_object('id', v.id, 'optionValues', v.option_values) order by v.position, v.id) as variants
      from products p join variants v on v.product_id = p.id
     where p.status = 'active' and exists (select 1 from stock_levels s where s.variant_id = v.id and s.on_hand - s.reserved > 0)
     group by p.id having count(*) >= 2
     order by md5(p.id::text) limit 1`;
  const [first, second] = product!.variants;
  const option = Object.keys(second!.optionValues).find((key) => second!.optionValues[key] !== first!.optionValues[key])!;
  await page.goto(`/p/${product!.slug}?variant=${second!.id}`);
  await page.getByRole("button", { name: "Add to cart" }).click();
  // The badge counts the add at once; loading another page before the server has it would lose it.
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: /Added/ })).toBeVisible();

  await page.goto("/cart");
  // A mark on the cart page's window, which a full page load would lose.
  await page.evaluate(() => Object.assign(window, { openedFromCart: true }));
  await page.getByRole("main").getByRole("link", { name: product!.title, exact: true }).click();
  await expect(page).toHaveURL(`/p/${product!.slug}?variant=${second!.id}`);
  await expect(page.getByRole("radio", { name: second!.optionValues[option], exact: true })).toBeChecked();
  expect(await page.evaluate(() => "openedFromCart" in window), "a client-side navigation").toBe(true);
});

test("the header is each shopper's own: the cached page holds no one's name", async ({ browser, request }) => {
  const product = await pickProduct();
  const path = `/p/${product.slug}`;
  const shopper = await browser.newContext();
  const guest = await browser.newContext();
  try {
    const signedIn = await shopper.newPage();
    await signIn(signedIn, SHOPPER);
    await signedIn.goto(path);
    await expect(signedIn.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(signedIn.getByRole("banner").getByText("Sam Shopper")).toBeVisible();

    const anonymous = await guest.newPage();
    await anonymous.goto(path);
    await expect(anonymous.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(anonymous.getByRole("banner").getByText("Sam Shopper")).toHaveCount(0);

    // The HTML the signed-in shopper's own cookies fetch is the shared one: no name, no sign-out.
    const theirs = await signedIn.request.get(path);
    const text = await theirs.text();
    expect(text).not.toContain("Sam Shopper");
    expect(text).not.toContain(SHOPPER.email);
    expect(text).not.toContain("Sign out");
    expect(theirs.headers()["x-nextjs-cache"]).toBe("HIT");
    expect((await request.get(path)).headers()["x-nextjs-cache"]).toBe("HIT");
  } finally {
    await Promise.all([shopper.close(), guest.close()]);
  }
});

test("an unknown product answers 404 from the cache without writing a page to disk", async ({ request }) => {
  const slug = `no-such-product-${Date.now()}`;
  expect((await html(request, `/p/${slug}`)).status).toBe(404);
  const again = await html(request, `/p/${slug}`);
  expect(again).toMatchObject({ status: 404, cache: "HIT" });
  const written = readdirSync(`${process.env.NEXT_DIST_DIR || ".next"}/server`, { recursive: true }).filter((file) => String(file).includes(slug));
  expect(written).toEqual([]);
});
