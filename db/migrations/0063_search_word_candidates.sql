-- A query's correction candidates in one statement (server/search/correct-query.ts): per word, in order, whether it
-- starts a known word and the ten known words most alike by trigrams. The threshold is the function's own setting, so
-- no transaction is needed to set it: 0.2, looser than pg_trgm's default 0.3, so one swapped pair in a short word
-- ("brsas") still finds its word.
CREATE FUNCTION search_word_candidates(words text[])
RETURNS TABLE (word text, known boolean, candidates text[])
LANGUAGE sql STABLE
SET pg_trgm.similarity_threshold = 0.2
AS $$
  SELECT w.word,
    EXISTS (SELECT 1 FROM search_words s WHERE s.products > 0 AND s.word LIKE w.word || '%'),
    ARRAY(SELECT s.word FROM search_words s
           WHERE s.products > 0 AND s.word % w.word AND to_tsvector('english', s.word) <> ''::tsvector
           ORDER BY similarity(s.word, w.word) DESC, s.products DESC, s.word LIMIT 10)
  FROM unnest(words) WITH ORDINALITY AS w(word, n)
  ORDER BY w.n
$$;
