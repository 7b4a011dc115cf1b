-- Files users sent whose bytes the bot holds (web uploads), by the SHA-256 of their bytes (hex).
-- Written outside units of work, at once; the same bytes are one row.
CREATE TABLE uploads (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
