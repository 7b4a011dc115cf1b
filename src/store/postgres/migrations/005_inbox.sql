-- Questions passed to people (/hopthu): a row per item. `status` and `created_at` serve the open
-- list (oldest first) and the weekly figures; `user_key` finds a user's open item.
CREATE TABLE inbox (
  key text COLLATE "C" PRIMARY KEY,
  user_key text NOT NULL,
  status text NOT NULL,
  created_at text NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX inbox_open ON inbox (created_at, key) WHERE status = 'open';
CREATE INDEX inbox_user ON inbox (user_key);
CREATE INDEX inbox_created ON inbox (created_at);

-- The last few FAQ exchanges per user (shown with an inbox item; deleted under /dulieu).
CREATE TABLE conversation_tails (
  key text COLLATE "C" PRIMARY KEY,
  record jsonb NOT NULL
);
