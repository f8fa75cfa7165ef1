-- The dashboard triggers cost every checkout a planned dynamic statement for rows that count for nothing yet (a pending
-- order and its lines): both functions now return at once for such inserts.
CREATE OR REPLACE FUNCTION "dashboard_orders_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text[] := dashboard_delta_sources(TG_OP,
    '(o.status IN (''paid'', ''refunded''), o.placed_at, o.currency, o.total_amount, lower(o.email))
       IS DISTINCT FROM (n.status IN (''paid'', ''refunded''), n.placed_at, n.currency, n.total_amount, lower(n.email))');
  touched boolean;
  gone text[];
BEGIN
  -- Checkout inserts pending orders, which count only once paid: a static test of the new rows (read only in this
  -- branch, the one where new_rows exists) stops them before any dynamic statement is planned.
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows WHERE status IN ('paid', 'refunded')) THEN RETURN NULL; END IF;
  END IF;
  -- Most statements (a pending order placed, a timestamp moved) change nothing counted: stop before any upsert.
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %1$s a WHERE status IN (''paid'', ''refunded'')) OR EXISTS (SELECT 1 FROM %2$s r WHERE status IN (''paid'', ''refunded''))', src[1], src[2]) INTO touched;
  IF NOT touched THEN RETURN NULL; END IF;
  EXECUTE format($q$
    INSERT INTO sales_hours AS s (bucket, currency, orders, revenue)
    SELECT date_bin('1 hour', placed_at, timestamptz '2000-01-01 00:00:00+00'), currency, sum(sign), sum(sign * total_amount)
      FROM (SELECT placed_at, currency, total_amount, 1 AS sign FROM %1$s a WHERE status IN ('paid', 'refunded')
            UNION ALL
            SELECT placed_at, currency, total_amount, -1 FROM %2$s r WHERE status IN ('paid', 'refunded')) d
     GROUP BY 1, 2 HAVING sum(sign) <> 0 OR sum(sign * total_amount) <> 0 ORDER BY 1, 2
    ON CONFLICT (bucket, currency) DO UPDATE SET orders = s.orders + excluded.orders, revenue = s.revenue + excluded.revenue$q$, src[1], src[2]);
  EXECUTE format($q$
    INSERT INTO product_sales_days AS v (day, product_id, currency, units, amount)
    SELECT (d.placed_at AT TIME ZONE 'UTC')::date, pv.product_id, d.currency, sum(d.sign * l.quantity), sum(d.sign * l.line_amount)
      FROM (SELECT id, placed_at, currency, 1 AS sign FROM %1$s a WHERE status IN ('paid', 'refunded')
            UNION ALL
            SELECT id, placed_at, currency, -1 FROM %2$s r WHERE status IN ('paid', 'refunded')) d
      JOIN order_lines l ON l.order_id = d.id JOIN variants pv ON pv.id = l.variant_id
     GROUP BY 1, 2, 3 HAVING sum(d.sign * l.quantity) <> 0 OR sum(d.sign * l.line_amount) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, product_id, currency) DO UPDATE SET units = v.units + excluded.units, amount = v.amount + excluded.amount$q$, src[1], src[2]);
  -- A first order can only move earlier when orders are paid; a customer whose paid order went away (erasure renames
  -- the email) is recounted from orders after locking their row.
  EXECUTE format($q$
    INSERT INTO customer_firsts AS c (email, first_at)
    SELECT lower(email), min(placed_at) FROM %1$s a WHERE status IN ('paid', 'refunded') GROUP BY 1 ORDER BY 1
    ON CONFLICT (email) DO UPDATE SET first_at = excluded.first_at WHERE excluded.first_at < c.first_at$q$, src[1]);
  EXECUTE format($q$
    SELECT array_agg(email) FROM (
      SELECT c.email FROM customer_firsts c
       WHERE c.email IN (SELECT lower(email) FROM %1$s r WHERE status IN ('paid', 'refunded'))
       ORDER BY c.email FOR UPDATE) locked$q$, src[2]) INTO gone;
  IF gone IS NULL THEN RETURN NULL; END IF;
  -- A new statement, so the recount sees what committed while it waited for the locks.
  EXECUTE $q$
    WITH recount AS (
      SELECT g.email, (SELECT min(placed_at) FROM orders o WHERE lower(o.email) = g.email AND o.status IN ('paid', 'refunded')) AS first_at
        FROM unnest($1) AS g(email)
    ), dropped AS (
      DELETE FROM customer_firsts c USING recount r WHERE c.email = r.email AND r.first_at IS NULL
    )
    UPDATE customer_firsts c SET first_at = r.first_at FROM recount r WHERE c.email = r.email AND r.first_at IS NOT NULL$q$ USING gone;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dashboard_order_lines_summary"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text[] := dashboard_delta_sources(TG_OP,
    '(o.order_id, o.variant_id, o.quantity, o.line_amount) IS DISTINCT FROM (n.order_id, n.variant_id, n.quantity, n.line_amount)');
BEGIN
  -- Checkout inserts the lines of a pending order, which count only once it is paid: stop before planning the upsert.
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN orders o ON o.id = n.order_id WHERE o.status IN ('paid', 'refunded')) THEN RETURN NULL; END IF;
  END IF;
  EXECUTE format($q$
    INSERT INTO product_sales_days AS v (day, product_id, currency, units, amount)
    SELECT (o.placed_at AT TIME ZONE 'UTC')::date, pv.product_id, o.currency, sum(d.sign * d.quantity), sum(d.sign * d.line_amount)
      FROM (SELECT order_id, variant_id, quantity, line_amount, 1 AS sign FROM %1$s a
            UNION ALL
            SELECT order_id, variant_id, quantity, line_amount, -1 FROM %2$s r) d
      JOIN orders o ON o.id = d.order_id AND o.status IN ('paid', 'refunded') JOIN variants pv ON pv.id = d.variant_id
     GROUP BY 1, 2, 3 HAVING sum(d.sign * d.quantity) <> 0 OR sum(d.sign * d.line_amount) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (day, product_id, currency) DO UPDATE SET units = v.units + excluded.units, amount = v.amount + excluded.amount$q$, src[1], src[2]);
  RETURN NULL;
END;
$$;
