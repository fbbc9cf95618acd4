package store

import "strings"

// The rectification ledger's round trip: the feedback workbooks (整改情况反馈表) sent to units,
// the batches that took their returns in, each of which can be undone, and the history of
// every finding change those batches and their undoing made (the before and after of the
// fields a return may set), from which an undo restores. The findings themselves are audited
// by migration 6; the new tables by the triggers below.
var auditTables8 = []auditTable{
	{"ledger_workbooks", "导出整改反馈表", "R.file_name", "R.unit_id", []string{"unit_id", "file_name", "finding_count"}},
	{"ledger_batches", "导入整改反馈表", "R.file_name", "R.id", []string{"unit_id", "file_name", "file_hash", "new_count", "changed_count", "moved_count", "unchanged_count", "status"}},
}

func init() {
	var b strings.Builder
	b.WriteString(`
CREATE TABLE ledger_workbooks (
  workbook_id    TEXT PRIMARY KEY,
  unit_id        INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  file_name      TEXT NOT NULL,
  finding_count  INTEGER NOT NULL DEFAULT 0,
  exported_at    DATETIME NOT NULL,
  operator       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_workbooks_unit ON ledger_workbooks(unit_id);
CREATE TABLE ledger_batches (
  id               INTEGER PRIMARY KEY,
  unit_id          INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  workbook_id      TEXT NOT NULL,
  file_name        TEXT NOT NULL,
  file_hash        TEXT NOT NULL,
  row_count        INTEGER NOT NULL DEFAULT 0,
  new_count        INTEGER NOT NULL DEFAULT 0,
  changed_count    INTEGER NOT NULL DEFAULT 0,
  moved_count      INTEGER NOT NULL DEFAULT 0,
  unchanged_count  INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied','undone')),
  applied_at       DATETIME NOT NULL,
  undone_at        DATETIME,
  operator         TEXT NOT NULL DEFAULT '',
  undone_by        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_batches_workbook ON ledger_batches(workbook_id);
CREATE TABLE finding_history (
  id             INTEGER PRIMARY KEY,
  finding_id     INTEGER NOT NULL,
  batch_id       INTEGER REFERENCES ledger_batches(id) ON DELETE CASCADE,
  source         TEXT NOT NULL CHECK (source IN ('import','undo')),
  sheet          TEXT NOT NULL DEFAULT '',
  cell           TEXT NOT NULL DEFAULT '',
  old_status     TEXT NOT NULL,
  new_status     TEXT NOT NULL,
  old_measures   TEXT NOT NULL DEFAULT '',
  new_measures   TEXT NOT NULL DEFAULT '',
  old_progress   TEXT NOT NULL DEFAULT '',
  new_progress   TEXT NOT NULL DEFAULT '',
  old_done_date  TEXT NOT NULL DEFAULT '',
  new_done_date  TEXT NOT NULL DEFAULT '',
  changed_at     DATETIME NOT NULL
);
CREATE INDEX finding_history_finding ON finding_history(finding_id);
CREATE INDEX finding_history_batch ON finding_history(batch_id);
`)
	for _, t := range auditTables8 {
		b.WriteString(t.triggers())
	}
	register(Migration{Version: 8, Name: "rectification ledger workbooks, batches and finding history", SQL: b.String()})
}
