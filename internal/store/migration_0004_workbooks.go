package store

// Rater workbooks (评分表): the workbooks exported to raters, and the import batches that took
// returned ones in, each of which can be undone. The signing key and the database's id live in
// settings ('workbook_hmac_key', 'database_id'), created on first export by the exchange
// service, so that a new database starts with an empty settings table.
func init() {
	register(Migration{Version: 4, Name: "rater workbooks and import batches", SQL: `
CREATE TABLE exported_workbooks (
  workbook_id  TEXT PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  rater_id     INTEGER NOT NULL REFERENCES raters(id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL,
  encrypted    INTEGER NOT NULL DEFAULT 0,
  exported_at  DATETIME NOT NULL,
  operator     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exported_workbooks_round ON exported_workbooks(round_id, rater_id);
CREATE TABLE import_batches (
  id             INTEGER PRIMARY KEY,
  round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  rater_id       INTEGER NOT NULL REFERENCES raters(id) ON DELETE CASCADE,
  workbook_id    TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  file_hash      TEXT NOT NULL,
  file_modified  TEXT NOT NULL DEFAULT '',
  sheet_count    INTEGER NOT NULL DEFAULT 0,
  created_count  INTEGER NOT NULL DEFAULT 0,
  updated_count  INTEGER NOT NULL DEFAULT 0,
  cleared_count  INTEGER NOT NULL DEFAULT 0,
  kept_count     INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','undone')),
  applied_at     DATETIME NOT NULL,
  undone_at      DATETIME,
  operator       TEXT NOT NULL DEFAULT '',
  undone_by      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_batches_round ON import_batches(round_id, rater_id);
CREATE INDEX import_batches_workbook ON import_batches(workbook_id);
CREATE INDEX score_history_batch ON score_history(batch_id);
`})
}
