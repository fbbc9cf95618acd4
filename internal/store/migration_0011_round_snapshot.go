package store

import "strings"

// A round's results must not change after it closes, whatever later happens to people and
// units. So a rater row keeps the unit its person belonged to when assigned (raters.unit_id)
// and the units the rater is barred from scoring (rater_recusals, 回避), instead of reading the
// person's current unit; and closing a round freezes the names and areas of its units and
// raters (the *_frozen columns, NULL while the round is open). Existing rounds get the
// snapshot their results were computed from until now: each person's current unit.
var auditTables11 = []auditTable{
	{"rater_recusals", "回避单位", "(SELECT name FROM units WHERE id = R.unit_id)", "R.rater_id", []string{"rater_id", "unit_id"}},
}

func init() {
	var b strings.Builder
	b.WriteString(`
ALTER TABLE raters ADD COLUMN unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL;
ALTER TABLE raters ADD COLUMN name_frozen TEXT;
ALTER TABLE raters ADD COLUMN title_frozen TEXT;
ALTER TABLE raters ADD COLUMN unit_name_frozen TEXT;
UPDATE raters SET unit_id = (SELECT p.unit_id FROM people p WHERE p.id = raters.person_id);
CREATE TABLE rater_recusals (
  rater_id INTEGER NOT NULL REFERENCES raters(id) ON DELETE CASCADE,
  unit_id  INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  PRIMARY KEY (rater_id, unit_id)
);
INSERT INTO rater_recusals (rater_id, unit_id) SELECT id, unit_id FROM raters WHERE unit_id IS NOT NULL;
ALTER TABLE round_units ADD COLUMN name_frozen TEXT;
ALTER TABLE round_units ADD COLUMN short_name_frozen TEXT;
ALTER TABLE round_units ADD COLUMN area_name_frozen TEXT;
ALTER TABLE round_units ADD COLUMN area_number_frozen INTEGER;
UPDATE round_units SET
  name_frozen = (SELECT u.name FROM units u WHERE u.id = round_units.unit_id),
  short_name_frozen = (SELECT u.short_name FROM units u WHERE u.id = round_units.unit_id),
  area_name_frozen = COALESCE((SELECT a.name FROM units u JOIN areas a ON a.id = u.area_id WHERE u.id = round_units.unit_id), ''),
  area_number_frozen = COALESCE((SELECT a.number FROM units u JOIN areas a ON a.id = u.area_id WHERE u.id = round_units.unit_id), 0)
WHERE round_id IN (SELECT id FROM rounds WHERE status = 'closed');
UPDATE raters SET
  name_frozen = (SELECT p.name FROM people p WHERE p.id = raters.person_id),
  title_frozen = (SELECT p.title FROM people p WHERE p.id = raters.person_id),
  unit_name_frozen = COALESCE((SELECT u.name FROM units u WHERE u.id = raters.unit_id), '')
WHERE round_id IN (SELECT id FROM rounds WHERE status = 'closed');
`)
	for _, t := range auditTables11 {
		b.WriteString(t.triggers())
	}
	register(Migration{Version: 11, Name: "round snapshot: raters' units and recusals, frozen names", SQL: b.String()})
}
