-- The officials' queue (/hoso alone, src/services/case-list.ts): the newest submissions first, a page
-- at a time, without sorting the whole table.
CREATE INDEX submissions_newest ON submissions (created_at DESC, code DESC);
