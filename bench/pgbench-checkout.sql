-- The stock-reserving checkout transaction in raw SQL on the shop's tables, its outbox row included: the ceiling placeOrder
-- is compared with.
-- pgbench -D vmin=.. -D vmax=.. -D wid=..: a random stocked variant in [vmin, vmax], reserved in warehouse wid.
-- -D paid=1 also pays the order before commit: every payment then passes through the dashboard's running-total triggers,
-- so concurrent payments show whether they queue on shared rows (the hour's sales_hours row, the day's
-- product_sales_days rows, the returning customer's customer_firsts row) until they commit.
\set vid random(:vmin, :vmax)
\set qty random(1, 3)
BEGIN;
SELECT warehouse_id, on_hand, reserved FROM stock_levels WHERE variant_id = :vid ORDER BY warehouse_id FOR UPDATE;
UPDATE stock_levels SET reserved = reserved + :qty WHERE variant_id = :vid AND warehouse_id = :wid AND on_hand - reserved >= :qty;
INSERT INTO carts (status, email) VALUES ('ordered', 'pgbench@emporium.test') RETURNING id AS cart_id \gset
INSERT INTO orders (cart_id, email, currency, subtotal_amount, shipping_amount, total_amount, shipping_address, shipping_method, reservation_expires_at)
  VALUES (':cart_id', 'pgbench@emporium.test', 'USD', 2500 * :qty, 499, 2500 * :qty + 499, '{"name":"Bench","line1":"1 Load St","city":"London","postalCode":"EC1A 1BB","country":"GB"}', 'standard', now() + interval '15 minutes')
  RETURNING id AS order_id \gset
INSERT INTO order_lines (order_id, variant_id, sku, product_title, variant_title, unit_amount, quantity, line_amount)
  VALUES (':order_id', :vid, 'PGBENCH', 'Bench product', 'Default', 2500, :qty, 2500 * :qty);
INSERT INTO stock_reservations (order_id, variant_id, warehouse_id, quantity, expires_at) VALUES (':order_id', :vid, :wid, :qty, now() + interval '15 minutes');
INSERT INTO stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id) VALUES (:vid, :wid, 0, :qty, 'reserve', ':order_id');
INSERT INTO order_events (order_id, type) VALUES (':order_id', 'placed');
INSERT INTO outbox (name, data, dedupe_key) VALUES ('shop/order.placed', jsonb_build_object('orderId', ':order_id'), 'order-placed-' || ':order_id');
SELECT pg_notify('emporium_outbox', '');
\if :paid
UPDATE orders SET status = 'paid', paid_at = now() WHERE id = ':order_id';
\endif
COMMIT;
