package store

// Migration 3 indexed scores by (round, unit). The unique index on (round, rater, unit,
// indicator) already serves every query by round, and the extra index cost about a second of
// every BENCH import (160,800 scores), so it goes.
func init() {
	register(Migration{Version: 10, Name: "drop scores_unit", SQL: `DROP INDEX IF EXISTS scores_unit;`})
}
