-- What officials taught the FAQ (src/services/kb-learning.ts): a row per learned phrasing or drafted
-- entry, its history inside the record. `steps` = the number of history steps: their sum grows with
-- every change, so an instance notices another's change by one cheap sum (the "stamp").
CREATE TABLE kb_learned (
  key text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL,
  first_at timestamptz NOT NULL,
  steps integer NOT NULL CHECK (steps >= 1),
  record jsonb NOT NULL
);
CREATE INDEX kb_learned_kind_status ON kb_learned (kind, status, first_at, key);
