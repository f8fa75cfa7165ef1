CREATE TABLE "search_index_runs" (
	"kind" text PRIMARY KEY NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"report" jsonb NOT NULL,
	CONSTRAINT "search_index_runs_kind" CHECK ("search_index_runs"."kind" in ('sync', 'drift-check', 'reindex'))
);
