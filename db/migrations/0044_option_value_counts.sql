CREATE TABLE "option_value_counts" (
	"name" text NOT NULL,
	"value" text NOT NULL,
	"products" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "option_value_counts_name_value_pk" PRIMARY KEY("name","value"),
	CONSTRAINT "option_value_counts_nonnegative" CHECK ("option_value_counts"."products" >= 0)
);
