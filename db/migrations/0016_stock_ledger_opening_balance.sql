-- The shop's one settings row.
INSERT INTO "inventory_settings" ("id") VALUES (true) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Stock written before the ledger recorded every change gets an opening balance, so the ledger sums to the levels.
INSERT INTO "stock_movements" ("variant_id", "warehouse_id", "on_hand_delta", "reserved_delta", "reason")
SELECT s."variant_id", s."warehouse_id", s."on_hand" - coalesce(m."on_hand", 0), s."reserved" - coalesce(m."reserved", 0), 'opening balance'
  FROM "stock_levels" s
  LEFT JOIN (SELECT "variant_id", "warehouse_id", sum("on_hand_delta") AS "on_hand", sum("reserved_delta") AS "reserved"
               FROM "stock_movements" GROUP BY "variant_id", "warehouse_id") m USING ("variant_id", "warehouse_id")
 WHERE s."on_hand" <> coalesce(m."on_hand", 0) OR s."reserved" <> coalesce(m."reserved", 0);
--> statement-breakpoint
-- A stock row inserted with units (the seed, a product's initial stock) opens its ledger with them.
CREATE FUNCTION "stock_levels_opening_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."on_hand" <> 0 OR NEW."reserved" <> 0 THEN
    INSERT INTO "stock_movements" ("variant_id", "warehouse_id", "on_hand_delta", "reserved_delta", "reason")
    VALUES (NEW."variant_id", NEW."warehouse_id", NEW."on_hand", NEW."reserved", 'opening balance');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "stock_levels_opening_balance" AFTER INSERT ON "stock_levels" FOR EACH ROW EXECUTE FUNCTION "stock_levels_opening_balance"();
