-- Custom SQL migration file, put your code below! ---- The category tree stays a tree: a category never moves under itself or one of its descendants. Every move takes one
-- transaction-scoped advisory lock before walking up from the new parent, so two concurrent moves (A under B, B under A)
-- take turns and the second one sees the first one's committed result.
CREATE FUNCTION "categories_no_cycle"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('categories_no_cycle'));
	IF EXISTS (
		WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT c.id, c.parent_id, 0 FROM categories c WHERE c.id = NEW.parent_id
			UNION ALL
			SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id WHERE up.depth < 10000
		)
		SELECT 1 FROM up WHERE up.id = NEW.id
	) THEN
		RAISE EXCEPTION 'category % cannot move under its own subtree (%)', NEW.id, NEW.parent_id
			USING ERRCODE = 'check_violation', TABLE = 'categories', CONSTRAINT = 'categories_no_cycle';
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "categories_no_cycle" BEFORE UPDATE OF "parent_id" ON "categories" FOR EACH ROW
	WHEN (NEW.parent_id IS NOT NULL AND NEW.parent_id IS DISTINCT FROM OLD.parent_id) EXECUTE FUNCTION "categories_no_cycle"();
