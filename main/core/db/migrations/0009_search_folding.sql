-- Case search that finds names as they are typed, not only as they are written (issue 5 notes).
-- 1. Combining marks (M*) are token characters: unicode61's default cut "मीना" into "म" and "न",
--    and "فَاطِمَة" at every vowel mark, so a search matched unrelated names by their fragments.
-- 2. A fourth column holds the folded spellings of the words (main/core/cases/search-fold.ts):
--    Arabic without harakat, Greek without accents, Russian ё as е. The other columns keep the
--    text as written, for snippets.
-- The index is rebuilt from the cases by main/core/cases/search-rebuild.ts in this same
-- migration transaction (main/core/db/migration-steps.ts).
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5 (
  case_number,
  names,
  notes,
  folded,
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
);
INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
