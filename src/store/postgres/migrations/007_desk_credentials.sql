-- The officials' web desk (src/services/desk-auth.ts): sign-in links and sessions, keyed by a hash
-- of the credential ("l:<sha256>", "s:<sha256>") — the token and the session id are never stored.
-- `at` is a link's expiry or a session's last request, for the prune.
CREATE TABLE desk_credentials (
  key text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  user_key text NOT NULL,
  at timestamptz NOT NULL,
  record jsonb NOT NULL
);
CREATE INDEX desk_credentials_user ON desk_credentials (user_key, kind);
CREATE INDEX desk_credentials_at ON desk_credentials (kind, at);
