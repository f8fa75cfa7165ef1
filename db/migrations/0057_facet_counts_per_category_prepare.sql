-- Custom SQL migration file, put your code below! --
-- product_option_values and option_value_counts gain their product's category in the next migration. Both are derived
-- (and empty tables take a NOT NULL column): emptied here (the counts by their truncate trigger), rebuilt after it.
TRUNCATE product_option_values;
