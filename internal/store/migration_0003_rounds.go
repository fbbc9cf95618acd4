package store

func init() {
	register(Migration{Version: 3, Name: "rounds, scores and findings", SQL: `
CREATE TABLE rounds (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  title               TEXT NOT NULL,
  date                TEXT NOT NULL DEFAULT '',
  place               TEXT NOT NULL DEFAULT '',
  deadline            TEXT NOT NULL DEFAULT '',
  scheme_id           INTEGER NOT NULL REFERENCES schemes(id) ON DELETE RESTRICT,
  status              TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','scoring','closed')),
  trim_min_raters     INTEGER NOT NULL DEFAULT 5,
  excellent_min_centi INTEGER NOT NULL DEFAULT 9000,
  good_min_centi      INTEGER NOT NULL DEFAULT 8000,
  fair_min_centi      INTEGER NOT NULL DEFAULT 7000,
  excellent_cap_pct   INTEGER NOT NULL DEFAULT 0,
  created_at          DATETIME NOT NULL,
  updated_at          DATETIME NOT NULL
);
CREATE TABLE round_units (
  round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (round_id, unit_id)
);
CREATE TABLE rater_groups (
  id         INTEGER PRIMARY KEY,
  round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  weight_bp  INTEGER NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (round_id, name)
);
CREATE TABLE raters (
  id         INTEGER PRIMARY KEY,
  round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  group_id   INTEGER NOT NULL REFERENCES rater_groups(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (round_id, person_id)
);
CREATE TABLE round_events (
  id        INTEGER PRIMARY KEY,
  round_id  INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  action    TEXT NOT NULL,
  note      TEXT NOT NULL DEFAULT '',
  operator  TEXT NOT NULL DEFAULT '',
  at        DATETIME NOT NULL
);
CREATE TABLE scores (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE RESTRICT,
  unit_id      INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE RESTRICT,
  rater_id     INTEGER NOT NULL REFERENCES raters(id) ON DELETE RESTRICT,
  value_centi  INTEGER NOT NULL,
  comment      TEXT NOT NULL DEFAULT '',
  source       TEXT NOT NULL DEFAULT 'app',
  entered_by   TEXT NOT NULL DEFAULT '',
  batch_id     INTEGER,
  file_name    TEXT NOT NULL DEFAULT '',
  file_hash    TEXT NOT NULL DEFAULT '',
  sheet        TEXT NOT NULL DEFAULT '',
  cell         TEXT NOT NULL DEFAULT '',
  updated_at   DATETIME NOT NULL,
  UNIQUE (round_id, rater_id, unit_id, indicator_id)
);
CREATE INDEX scores_unit ON scores(round_id, unit_id);
CREATE TABLE score_history (
  id              INTEGER PRIMARY KEY,
  round_id        INTEGER NOT NULL,
  unit_id         INTEGER NOT NULL,
  indicator_id    INTEGER NOT NULL,
  rater_id        INTEGER NOT NULL,
  old_value_centi INTEGER,
  new_value_centi INTEGER,
  old_comment     TEXT NOT NULL DEFAULT '',
  new_comment     TEXT NOT NULL DEFAULT '',
  source          TEXT NOT NULL DEFAULT 'app',
  entered_by      TEXT NOT NULL DEFAULT '',
  batch_id        INTEGER,
  file_name       TEXT NOT NULL DEFAULT '',
  file_hash       TEXT NOT NULL DEFAULT '',
  sheet           TEXT NOT NULL DEFAULT '',
  cell            TEXT NOT NULL DEFAULT '',
  changed_at      DATETIME NOT NULL
);
CREATE INDEX score_history_key ON score_history(round_id, rater_id, unit_id, indicator_id);
CREATE TABLE adjustments (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
  unit_id      INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  reason       TEXT NOT NULL,
  points_centi INTEGER NOT NULL,
  verified_by  TEXT NOT NULL DEFAULT '',
  created_at   DATETIME NOT NULL
);
CREATE TABLE findings (
  id           INTEGER PRIMARY KEY,
  round_id     INTEGER REFERENCES rounds(id) ON DELETE RESTRICT,
  unit_id      INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  dimension    TEXT NOT NULL DEFAULT '',
  method       TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL,
  requirement  TEXT NOT NULL DEFAULT '',
  responsible  TEXT NOT NULL DEFAULT '',
  deadline     TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT '待整改',
  evidence     TEXT NOT NULL DEFAULT '',
  measures     TEXT NOT NULL DEFAULT '',
  progress     TEXT NOT NULL DEFAULT '',
  done_date    TEXT NOT NULL DEFAULT '',
  closed_date  TEXT NOT NULL DEFAULT '',
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL
);
CREATE INDEX findings_unit ON findings(unit_id);
CREATE INDEX findings_round ON findings(round_id);
`})
}
