-- Readiness self-checks (/tudanhgia): a row per user, the newest few results in the record.
-- `sector` and `size_class` are those of the newest result, for the officials' aggregate figures.
CREATE TABLE self_checks (
  key text COLLATE "C" PRIMARY KEY,
  sector text,
  size_class text,
  record jsonb NOT NULL
);
