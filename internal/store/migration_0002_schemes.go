package store

// Schemes (考核方案) and their indicator trees. A published scheme is frozen by the service:
// scores refer to indicators(id), so a published scheme's rows never change; a change makes a
// new version, a copy whose parent_id names the version it came from.
func init() {
	register(Migration{Version: 2, Name: "schemes", SQL: `
CREATE TABLE schemes (
  id                INTEGER PRIMARY KEY,
  name              TEXT NOT NULL,
  year              INTEGER NOT NULL DEFAULT 0,
  version           INTEGER NOT NULL DEFAULT 1,
  status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),
  base_total_centi  INTEGER NOT NULL DEFAULT 10000,
  parent_id         INTEGER REFERENCES schemes(id) ON DELETE SET NULL,
  published_at      DATETIME,
  created_at        DATETIME NOT NULL,
  updated_at        DATETIME NOT NULL,
  UNIQUE (name, version)
);
CREATE TABLE indicators (
  id          INTEGER PRIMARY KEY,
  scheme_id   INTEGER NOT NULL REFERENCES schemes(id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES indicators(id) ON DELETE CASCADE,
  level       INTEGER NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  points      TEXT NOT NULL DEFAULT '',
  method      TEXT NOT NULL DEFAULT '',
  kind        TEXT CHECK (kind IS NULL OR kind IN ('score','deduct','bonus','grade')),
  max_centi   INTEGER NOT NULL DEFAULT 0,
  step_centi  INTEGER NOT NULL DEFAULT 50,
  UNIQUE (scheme_id, code)
);
CREATE INDEX indicators_parent ON indicators(parent_id);
CREATE TABLE indicator_options (
  id            INTEGER PRIMARY KEY,
  indicator_id  INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  sort_order    INTEGER NOT NULL DEFAULT 0,
  label         TEXT NOT NULL,
  points_centi  INTEGER NOT NULL
);
CREATE INDEX indicator_options_indicator ON indicator_options(indicator_id);
`})
}
