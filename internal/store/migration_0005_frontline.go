package store

// The front line (一线支部工作法): temporary party branches (临时党支部), the practical matters
// done for residents and companies (办实事), and the party-building brands and honours of units
// (党建品牌/荣誉). A brand's bonus counted in a round is an admin-verified adjustment; its
// brand_id makes the same brand count at most once per round.
func init() {
	register(Migration{Version: 5, Name: "front-line ledgers", SQL: `
CREATE TABLE temp_branches (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('指挥部','工作专班','巡察组','项目')),
  parent_id     INTEGER REFERENCES temp_branches(id) ON DELETE RESTRICT,
  host_unit_id  INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  host_text     TEXT NOT NULL DEFAULT '',
  secretary     TEXT NOT NULL DEFAULT '',
  member_count  INTEGER NOT NULL DEFAULT 0,
  members       TEXT NOT NULL DEFAULT '',
  founded       TEXT NOT NULL,
  dissolved     TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  created_at    DATETIME NOT NULL,
  updated_at    DATETIME NOT NULL
);
CREATE INDEX temp_branches_parent ON temp_branches(parent_id);
CREATE INDEX temp_branches_host ON temp_branches(host_unit_id);
CREATE TABLE practical_matters (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('群众','企业')),
  requester   TEXT NOT NULL DEFAULT '',
  branch_id   INTEGER REFERENCES temp_branches(id) ON DELETE RESTRICT,
  unit_id     INTEGER REFERENCES units(id) ON DELETE RESTRICT,
  handler     TEXT NOT NULL DEFAULT '',
  received    TEXT NOT NULL,
  done        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status IN ('办理中','已办结')),
  result      TEXT NOT NULL DEFAULT '',
  created_at  DATETIME NOT NULL,
  updated_at  DATETIME NOT NULL
);
CREATE INDEX practical_matters_branch ON practical_matters(branch_id);
CREATE INDEX practical_matters_unit ON practical_matters(unit_id);
CREATE TABLE brands (
  id           INTEGER PRIMARY KEY,
  unit_id      INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
  kind         TEXT NOT NULL CHECK (kind IN ('党建品牌','子品牌','荣誉')),
  parent_id    INTEGER REFERENCES brands(id) ON DELETE RESTRICT,
  name         TEXT NOT NULL,
  level        TEXT NOT NULL CHECK (level IN ('国家级','省级','市级','区级')),
  year         INTEGER NOT NULL,
  issuer       TEXT NOT NULL DEFAULT '',
  bonus_centi  INTEGER NOT NULL DEFAULT 0 CHECK (bonus_centi >= 0),
  notes        TEXT NOT NULL DEFAULT '',
  created_at   DATETIME NOT NULL,
  updated_at   DATETIME NOT NULL,
  UNIQUE (unit_id, name, year)
);
CREATE INDEX brands_parent ON brands(parent_id);
ALTER TABLE adjustments ADD COLUMN brand_id INTEGER REFERENCES brands(id) ON DELETE RESTRICT;
CREATE UNIQUE INDEX adjustments_brand_once ON adjustments(round_id, brand_id) WHERE brand_id IS NOT NULL;
`})
}
