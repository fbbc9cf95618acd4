package store

func init() {
	register(Migration{Version: 1, Name: "organisation", SQL: `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE areas (
  id            INTEGER PRIMARY KEY,
  number        INTEGER NOT NULL UNIQUE,
  name          TEXT NOT NULL UNIQUE,
  lead_unit_id  INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  liaison_id    INTEGER REFERENCES people(id) ON DELETE RESTRICT,
  leader_id     INTEGER REFERENCES people(id) ON DELETE RESTRICT,
  created_at    DATETIME NOT NULL,
  updated_at    DATETIME NOT NULL
);
CREATE TABLE units (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  short_name    TEXT NOT NULL UNIQUE,
  area_id       INTEGER REFERENCES areas(id) ON DELETE RESTRICT,
  org_type      TEXT NOT NULL DEFAULT '',
  secretary     TEXT NOT NULL DEFAULT '',
  member_count  INTEGER NOT NULL DEFAULT 0,
  sort_order    INTEGER NOT NULL DEFAULT 0,
  created_at    DATETIME NOT NULL,
  updated_at    DATETIME NOT NULL
);
CREATE INDEX units_area ON units(area_id);
CREATE TABLE people (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  unit_id     INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  title       TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL
);
CREATE UNIQUE INDEX people_name_unit ON people(name, IFNULL(unit_id, 0));
`})
}
