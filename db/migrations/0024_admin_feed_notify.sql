-- The admin feed: a committed change to orders, payments or refunds wakes every app instance that LISTENs on
-- emporium_admin (the dashboard and the orders list refresh over server-sent events). One notification per statement
-- that changed rows (the payload names the table); PostgreSQL delivers it only on commit and folds duplicates.
CREATE FUNCTION "notify_admin_feed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    PERFORM pg_notify('emporium_admin', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "orders_admin_feed_insert" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_admin_feed"();
--> statement-breakpoint
CREATE TRIGGER "orders_admin_feed_update" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_admin_feed"();
--> statement-breakpoint
CREATE TRIGGER "payments_admin_feed_insert" AFTER INSERT ON "payments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_admin_feed"();
--> statement-breakpoint
CREATE TRIGGER "payments_admin_feed_update" AFTER UPDATE ON "payments" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_admin_feed"();
--> statement-breakpoint
CREATE TRIGGER "refunds_admin_feed_insert" AFTER INSERT ON "refunds" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_admin_feed"();
--> statement-breakpoint
CREATE TRIGGER "refunds_admin_feed_update" AFTER UPDATE ON "refunds" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "notify_admin_feed"();
