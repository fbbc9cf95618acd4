package store

// Migration 4 indexed score_history by import batch; the index cost more on every import (one
// entry per score written) than it saved on the rare undo, so it goes. A released migration is
// never edited: this one removes what 4 made.
func init() {
	register(Migration{Version: 9, Name: "drop score_history_batch", SQL: `DROP INDEX IF EXISTS score_history_batch;`})
}
