-- The dossier checklist (issue 18). What /thongke counts of it is kept beside the record, so the
-- figure of complete award dossiers is read from the figures index alone, like the other counts.
-- The app computes these columns on every write (src/store/postgres/tables.ts) from the record
-- itself, never from the item list: an official's edit of data/dossier-items.json needs no rewrite.
ALTER TABLE submissions
  -- The regime the submission follows ("legacy" | "2026"): which item list applies.
  ADD COLUMN rules text NOT NULL DEFAULT 'legacy',
  -- Items with a file or marked "đạt", and not marked "cần bổ sung".
  ADD COLUMN dossier_done text[] NOT NULL DEFAULT '{}',
  -- Items marked "cần bổ sung".
  ADD COLUMN dossier_more text[] NOT NULL DEFAULT '{}';

-- Rows written before this migration: the same values, from their records (older records have no
-- items or marks, so their lists stay empty).
UPDATE submissions s SET
  rules = coalesce(s.record->>'rules', 'legacy'),
  dossier_more = ARRAY(
    SELECT c.key FROM jsonb_each(coalesce(s.record->'checklist', '{}')) AS c WHERE c.value->>'state' = 'needs-more' ORDER BY 1),
  dossier_done = ARRAY(
    SELECT DISTINCT i FROM (
      SELECT c.key AS i FROM jsonb_each(coalesce(s.record->'checklist', '{}')) AS c WHERE c.value->>'state' = 'reviewed-ok'
      UNION SELECT d->>'item' FROM jsonb_array_elements(coalesce(s.record->'documents', '[]')) AS d WHERE d->>'item' IS NOT NULL) x
    WHERE coalesce(s.record->'checklist'->i->>'state', '') <> 'needs-more' ORDER BY 1);

-- /thongke reads every column it counts from this index alone (an index-only scan, no table page).
DROP INDEX submissions_figures;
CREATE INDEX submissions_figures ON submissions (programme, award_year)
  INCLUDE (status, sector_group, size_class, commune_key, commune, created_at, code, rules, dossier_done, dossier_more);
