-- An order counts in the dashboard's totals once it has been paid, whatever became of it since: refunded, or now also
-- cancelled after payment by an admin (paid -> cancelled, whose refund counts under refunds). The triggers counted the
-- statuses paid and refunded, so such an order dropped out of revenue while its refund stayed; they now count paid_at.
CREATE OR REPLACE FUNCTION "dashboard_orders_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_slot constant smallint := pg_backend_pid() % 8;
  changes dashboard_order_change[];
  gone text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(row(id, placed_at, currency, total_amount, lower(email), 1)::dashboard_order_change) INTO changes
      FROM new_rows WHERE paid_at IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(row(id, placed_at, currency, total_amount, lower(email), -1)::dashboard_order_change) INTO changes
      FROM old_rows WHERE paid_at IS NOT NULL;
  ELSE
    -- Only rows whose counted facts changed: most updates (a pending order reserved, a timestamp moved) change none.
    SELECT array_agg(c.change) INTO changes
      FROM new_rows n JOIN old_rows o USING (id),
           LATERAL (VALUES (row(n.id, n.placed_at, n.currency, n.total_amount, lower(n.email), 1)::dashboard_order_change, n.paid_at IS NOT NULL),
                           (row(o.id, o.placed_at, o.currency, o.total_amount, lower(o.email), -1)::dashboard_order_change, o.paid_at IS NOT NULL)) c(change, counted)
     WHERE c.counted
       AND (o.paid_at IS NOT NULL, o.placed_at, o.currency, o.total_amount, lower(o.email))
           IS DISTINCT FROM (n.paid_at IS NOT NULL, n.placed_at, n.currency, n.total_amount, lower(n.email));
  END IF;
  IF changes IS NULL THEN RETURN NULL; END IF;

  INSERT INTO sales_hours AS s (bucket, currency, slot, orders, revenue)
  SELECT date_bin('1 hour', x.placed_at, timestamptz '2000-01-01 00:00:00+00'), x.currency, my_slot, sum(x.sign), sum(x.sign * x.total_amount)
    FROM unnest(changes) x
   GROUP BY 1, 2 HAVING sum(x.sign) <> 0 OR sum(x.sign * x.total_amount) <> 0 ORDER BY 1, 2
  ON CONFLICT (bucket, currency, slot) DO UPDATE SET orders = s.orders + excluded.orders, revenue = s.revenue + excluded.revenue;

  INSERT INTO product_sales_days AS v (day, product_id, currency, slot, units, amount)
  SELECT (x.placed_at AT TIME ZONE 'UTC')::date, pv.product_id, x.currency, my_slot, sum(x.sign * l.quantity), sum(x.sign * l.line_amount)
    FROM unnest(changes) x JOIN order_lines l ON l.order_id = x.id JOIN variants pv ON pv.id = l.variant_id
   GROUP BY 1, 2, 3 HAVING sum(x.sign * l.quantity) <> 0 OR sum(x.sign * l.line_amount) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (day, product_id, currency, slot) DO UPDATE SET units = v.units + excluded.units, amount = v.amount + excluded.amount;

  -- A first order can only move earlier when orders are paid. A customer whose first order is at or before this one
  -- needs no change: their row is share-locked (in email order) so that an erasure's recount below waits for this
  -- transaction, and the upsert is left to the others.
  INSERT INTO customer_firsts AS c (email, first_at)
  SELECT x.email, min(x.placed_at)
    FROM (SELECT * FROM unnest(changes) ORDER BY email) x
   WHERE x.sign = 1
     AND NOT EXISTS (SELECT 1 FROM customer_firsts k WHERE k.email = x.email AND k.first_at <= x.placed_at FOR KEY SHARE)
   GROUP BY 1 ORDER BY 1
  ON CONFLICT (email) DO UPDATE SET first_at = excluded.first_at WHERE excluded.first_at < c.first_at;

  -- A customer whose paid order went away (erasure renames the email) is recounted from orders after locking their row.
  SELECT array_agg(email) INTO gone FROM (
    SELECT c.email FROM customer_firsts c
     WHERE c.email IN (SELECT x.email FROM unnest(changes) x WHERE x.sign = -1)
     ORDER BY c.email FOR UPDATE) locked;
  IF gone IS NULL THEN RETURN NULL; END IF;
  -- A new statement, so the recount sees what committed while it waited for the locks.
  WITH recount AS (
    SELECT g.email, (SELECT min(placed_at) FROM orders o WHERE lower(o.email) = g.email AND o.paid_at IS NOT NULL) AS first_at
      FROM unnest(gone) AS g(email)
  ), dropped AS (
    DELETE FROM customer_firsts c USING recount r WHERE c.email = r.email AND r.first_at IS NULL
  )
  UPDATE customer_firsts c SET first_at = r.first_at FROM recount r WHERE c.email = r.email AND r.first_at IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_order_lines_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_slot constant smallint := pg_backend_pid() % 8;
  changes dashboard_line_change[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Checkout inserts the lines of a pending order, which count only once it is paid.
    SELECT array_agg(row(n.order_id, n.variant_id, n.quantity, n.line_amount, 1)::dashboard_line_change) INTO changes
      FROM new_rows n WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = n.order_id AND o.paid_at IS NOT NULL);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(row(order_id, variant_id, quantity, line_amount, -1)::dashboard_line_change) INTO changes FROM old_rows;
  ELSE
    SELECT array_agg(c.change) INTO changes
      FROM new_rows n JOIN old_rows o USING (id),
           LATERAL (VALUES (row(n.order_id, n.variant_id, n.quantity, n.line_amount, 1)::dashboard_line_change),
                           (row(o.order_id, o.variant_id, o.quantity, o.line_amount, -1)::dashboard_line_change)) c(change)
     WHERE (o.order_id, o.variant_id, o.quantity, o.line_amount) IS DISTINCT FROM (n.order_id, n.variant_id, n.quantity, n.line_amount);
  END IF;
  IF changes IS NULL THEN RETURN NULL; END IF;

  INSERT INTO product_sales_days AS v (day, product_id, currency, slot, units, amount)
  SELECT (o.placed_at AT TIME ZONE 'UTC')::date, pv.product_id, o.currency, my_slot, sum(x.sign * x.quantity), sum(x.sign * x.line_amount)
    FROM unnest(changes) x JOIN orders o ON o.id = x.order_id AND o.paid_at IS NOT NULL JOIN variants pv ON pv.id = x.variant_id
   GROUP BY 1, 2, 3 HAVING sum(x.sign * x.quantity) <> 0 OR sum(x.sign * x.line_amount) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (day, product_id, currency, slot) DO UPDATE SET units = v.units + excluded.units, amount = v.amount + excluded.amount;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Orders cancelled after payment before this migration are added back to the totals they dropped out of.
INSERT INTO sales_hours AS s (bucket, currency, slot, orders, revenue)
SELECT date_bin('1 hour', placed_at, timestamptz '2000-01-01 00:00:00+00'), currency, 0, count(*), sum(total_amount)
  FROM orders WHERE status = 'cancelled' AND paid_at IS NOT NULL GROUP BY 1, 2
ON CONFLICT (bucket, currency, slot) DO UPDATE SET orders = s.orders + excluded.orders, revenue = s.revenue + excluded.revenue;
--> statement-breakpoint
INSERT INTO product_sales_days AS v (day, product_id, currency, slot, units, amount)
SELECT (o.placed_at AT TIME ZONE 'UTC')::date, pv.product_id, o.currency, 0, sum(l.quantity), sum(l.line_amount)
  FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN variants pv ON pv.id = l.variant_id
 WHERE o.status = 'cancelled' AND o.paid_at IS NOT NULL GROUP BY 1, 2, 3
ON CONFLICT (day, product_id, currency, slot) DO UPDATE SET units = v.units + excluded.units, amount = v.amount + excluded.amount;
--> statement-breakpoint
INSERT INTO customer_firsts AS c (email, first_at)
SELECT lower(email), min(placed_at) FROM orders WHERE status = 'cancelled' AND paid_at IS NOT NULL GROUP BY 1
ON CONFLICT (email) DO UPDATE SET first_at = excluded.first_at WHERE excluded.first_at < c.first_at;
