-- The dashboard triggers, rewritten for checkout's sake:
-- * every paid order added to the same row (the hour's sales_hours row, the day's product_sales_days rows) and held its
--   lock until commit, so concurrent payments queued there: each writer now adds to one of 8 slots of a total (the
--   backend's pid modulo 8; readers sum the slots);
-- * each event's rows are read by static statements in a branch of their own (only there do its transition tables
--   exist), so a session plans them once instead of planning dynamic SQL on every statement;
-- * a returning customer's payment leaves customer_firsts as it is under a KEY SHARE lock, which concurrent payers share
--   (an erasure's recount still waits for them), instead of queueing on the row's update lock.
-- The changes an event makes are first gathered into an array of signed rows (+1 counted now, -1 counted before), which
-- the upserts read; they add in key order, so concurrent writers add up without deadlocks.
CREATE TYPE "dashboard_order_change" AS (id uuid, placed_at timestamptz, currency char(3), total_amount bigint, email text, sign integer);
--> statement-breakpoint
CREATE TYPE "dashboard_line_change" AS (order_id uuid, variant_id integer, quantity integer, line_amount bigint, sign integer);
--> statement-breakpoint
CREATE TYPE "dashboard_refund_change" AS (payment_id uuid, created_at timestamptz, amount bigint, sign integer);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_orders_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_slot constant smallint := pg_backend_pid() % 8;
  changes dashboard_order_change[];
  gone text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(row(id, placed_at, currency, total_amount, lower(email), 1)::dashboard_order_change) INTO changes
      FROM new_rows WHERE status IN ('paid', 'refunded');
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(row(id, placed_at, currency, total_amount, lower(email), -1)::dashboard_order_change) INTO changes
      FROM old_rows WHERE status IN ('paid', 'refunded');
  ELSE
    -- Only rows whose counted facts changed: most updates (a pending order reserved, a timestamp moved) change none.
    SELECT array_agg(c.change) INTO changes
      FROM new_rows n JOIN old_rows o USING (id),
           LATERAL (VALUES (row(n.id, n.placed_at, n.currency, n.total_amount, lower(n.email), 1)::dashboard_order_change, n.status IN ('paid', 'refunded')),
                           (row(o.id, o.placed_at, o.currency, o.total_amount, lower(o.email), -1)::dashboard_order_change, o.status IN ('paid', 'refunded'))) c(change, counted)
     WHERE c.counted
       AND (o.status IN ('paid', 'refunded'), o.placed_at, o.currency, o.total_amount, lower(o.email))
           IS DISTINCT FROM (n.status IN ('paid', 'refunded'), n.placed_at, n.currency, n.total_amount, lower(n.email));
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
    SELECT g.email, (SELECT min(placed_at) FROM orders o WHERE lower(o.email) = g.email AND o.status IN ('paid', 'refunded')) AS first_at
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
      FROM new_rows n WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = n.order_id AND o.status IN ('paid', 'refunded'));
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
    FROM unnest(changes) x JOIN orders o ON o.id = x.order_id AND o.status IN ('paid', 'refunded') JOIN variants pv ON pv.id = x.variant_id
   GROUP BY 1, 2, 3 HAVING sum(x.sign * x.quantity) <> 0 OR sum(x.sign * x.line_amount) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (day, product_id, currency, slot) DO UPDATE SET units = v.units + excluded.units, amount = v.amount + excluded.amount;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_refunds_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  my_slot constant smallint := pg_backend_pid() % 8;
  changes dashboard_refund_change[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(row(payment_id, created_at, amount, 1)::dashboard_refund_change) INTO changes FROM new_rows WHERE status = 'succeeded';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(row(payment_id, created_at, amount, -1)::dashboard_refund_change) INTO changes FROM old_rows WHERE status = 'succeeded';
  ELSE
    SELECT array_agg(c.change) INTO changes
      FROM new_rows n JOIN old_rows o USING (id),
           LATERAL (VALUES (row(n.payment_id, n.created_at, n.amount, 1)::dashboard_refund_change, n.status = 'succeeded'),
                           (row(o.payment_id, o.created_at, o.amount, -1)::dashboard_refund_change, o.status = 'succeeded')) c(change, counted)
     WHERE c.counted
       AND (o.status = 'succeeded', o.created_at, o.amount, o.payment_id) IS DISTINCT FROM (n.status = 'succeeded', n.created_at, n.amount, n.payment_id);
  END IF;
  IF changes IS NULL THEN RETURN NULL; END IF;

  INSERT INTO sales_hours AS s (bucket, currency, slot, refunds, refunded)
  SELECT date_bin('1 hour', x.created_at, timestamptz '2000-01-01 00:00:00+00'), p.currency, my_slot, sum(x.sign), sum(x.sign * x.amount)
    FROM unnest(changes) x JOIN payments p ON p.id = x.payment_id
   GROUP BY 1, 2 HAVING sum(x.sign) <> 0 OR sum(x.sign * x.amount) <> 0 ORDER BY 1, 2
  ON CONFLICT (bucket, currency, slot) DO UPDATE SET refunds = s.refunds + excluded.refunds, refunded = s.refunded + excluded.refunded;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP FUNCTION "dashboard_delta_sources"(text, text);
