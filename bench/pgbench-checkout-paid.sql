-- A checkout order placed and paid in one transaction, in raw SQL: every payment passes through the dashboard's
-- running-total triggers, so concurrent payments show whether they queue on shared rows (the hour's sales_hours row,
-- the day's product_sales_days rows, a returning customer's customer_firsts row) until they commit.
-- pgbench -D vmin=.. -D vmax=..: a random variant in [vmin, vmax]; the same email for every order, as a returning customer.
\set vid random(:vmin, :vmax)
\set qty random(1, 3)
BEGIN;
INSERT INTO carts (status, email) VALUES ('ordered', 'pgbench@emporium.test') RETURNING id AS cart_id \gset
INSERT INTO orders (cart_id, email, currency, subtotal_amount, shipping_amount, total_amount, shipping_address, shipping_method, reservation_expires_at)
  VALUES (':cart_id', 'pgbench@emporium.test', 'USD', 2500 * :qty, 499, 2500 * :qty + 499, '{"name":"Bench","line1":"1 Load St","city":"London","postalCode":"EC1A 1BB","country":"GB"}', 'standard', now() + interval '15 minutes')
  RETURNING id AS order_id \gset
INSERT INTO order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
  VALUES (':order_id', :vid, 'PGBENCH', 'Bench product', 'Default', 2500, :qty, 2500 * :qty);
UPDATE orders SET status = 'paid', paid_at = now() WHERE id = ':order_id';
COMMIT;
