-- The department's content as officials edit it (src/services/content-*.ts): the document served
-- now per kind and id (`version` counts its saves; their sum is the change stamp other instances
-- compare), and one history row per save with the document before and after.
CREATE TABLE content (
  key text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  record jsonb NOT NULL
);

CREATE TABLE content_history (
  key text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  doc_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  record jsonb NOT NULL
);
CREATE INDEX content_history_doc ON content_history (kind, doc_id, version);
