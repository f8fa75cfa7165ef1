CREATE TABLE "search_vocabulary" (
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "search_vocabulary" ("version") VALUES (1);
--> statement-breakpoint
-- Before the statement, so a transaction takes the version row before any word row: transactions changing the
-- vocabulary queue on it in one order and never deadlock on it. Once per transaction (a transaction-local flag).
CREATE FUNCTION bump_search_vocabulary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('emporium.search_vocabulary_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE search_vocabulary SET version = version + 1;
    PERFORM set_config('emporium.search_vocabulary_bumped', 'on', true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_words_bump_vocabulary BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON search_words
  FOR EACH STATEMENT EXECUTE FUNCTION bump_search_vocabulary();
