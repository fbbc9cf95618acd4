package store

import "strings"

// Evidence files (佐证材料) beside findings, observations, practical matters, brands and
// temporary branches. The bytes live in the database itself, one row per distinct SHA-256
// (evidence_blobs, the bytes last in the row so that reading the other columns never walks a
// large file's overflow pages; thumbnails apart in evidence_thumbs), so that a backup (VACUUM INTO) and a restore carry them with the data and an
// attach is one transaction; each attachment is a link row (evidence) naming exactly one record.
// A link row goes with its record (ON DELETE CASCADE); a blob goes when its last link row goes
// (evidence_blob_release), so a file two records share stays while either uses it. The audit log
// records every attach and detach by the triggers of the link rows.
var auditTables12 = []auditTable{
	{"evidence", "佐证材料", "R.file_name", "R.id", []string{"sha256", "file_name", "size", "category", "note", "finding_id", "round_id", "unit_id", "indicator_id", "matter_id", "brand_id", "branch_id", "batch_id"}},
}

func init() {
	var b strings.Builder
	b.WriteString(`
CREATE TABLE evidence_blobs (
  sha256      TEXT PRIMARY KEY,
  size        INTEGER NOT NULL,
  created_at  DATETIME NOT NULL,
  data        BLOB NOT NULL
);
CREATE TABLE evidence_thumbs (
  sha256  TEXT PRIMARY KEY REFERENCES evidence_blobs(sha256) ON DELETE CASCADE,
  jpeg    BLOB NOT NULL
);
CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL REFERENCES evidence_blobs(sha256),
  file_name     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  mime          TEXT NOT NULL,
  size          INTEGER NOT NULL,
  category      TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  finding_id    INTEGER REFERENCES findings(id) ON DELETE CASCADE,
  round_id      INTEGER REFERENCES rounds(id) ON DELETE CASCADE,
  unit_id       INTEGER REFERENCES units(id) ON DELETE CASCADE,
  indicator_id  INTEGER REFERENCES indicators(id) ON DELETE SET NULL,
  matter_id     INTEGER REFERENCES practical_matters(id) ON DELETE CASCADE,
  brand_id      INTEGER REFERENCES brands(id) ON DELETE CASCADE,
  branch_id     INTEGER REFERENCES temp_branches(id) ON DELETE CASCADE,
  batch_id      INTEGER REFERENCES ledger_batches(id) ON DELETE SET NULL,
  operator      TEXT NOT NULL DEFAULT '',
  attached_at   DATETIME NOT NULL,
  CHECK ((CASE WHEN finding_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN round_id IS NULL THEN 0 ELSE 1 END) +
         (CASE WHEN matter_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN brand_id IS NULL THEN 0 ELSE 1 END) +
         (CASE WHEN branch_id IS NULL THEN 0 ELSE 1 END) = 1),
  CHECK ((round_id IS NULL) = (unit_id IS NULL))
);
CREATE INDEX evidence_sha256 ON evidence(sha256);
CREATE INDEX evidence_finding ON evidence(finding_id);
CREATE INDEX evidence_round_unit ON evidence(round_id, unit_id);
CREATE INDEX evidence_matter ON evidence(matter_id);
CREATE INDEX evidence_brand ON evidence(brand_id);
CREATE INDEX evidence_branch ON evidence(branch_id);
CREATE INDEX evidence_batch ON evidence(batch_id);
CREATE INDEX evidence_unit ON evidence(unit_id);
CREATE INDEX evidence_indicator ON evidence(indicator_id);
CREATE TRIGGER evidence_blob_release AFTER DELETE ON evidence
WHEN NOT EXISTS (SELECT 1 FROM evidence WHERE sha256 = OLD.sha256) BEGIN
  DELETE FROM evidence_blobs WHERE sha256 = OLD.sha256;
END;
`)
	for _, t := range auditTables12 {
		b.WriteString(t.triggers())
	}
	register(Migration{Version: 12, Name: "evidence files and their content-addressed blobs", SQL: b.String()})
}
