package store

import "gorm.io/gorm"

// Tx is the one handle on which several owners' calls share a transaction. A caller opens it
// with Store.InTx (or InTx over the handle it holds) and passes it to each owner's WithTx; the
// owners read and write their own tables on it and never commit it — returning nil from the
// function commits everything, returning an error rolls everything back.
type Tx struct{ db *gorm.DB }

// InTx runs fn in one transaction over the store.
func (s *Store) InTx(fn func(tx Tx) error) error { return InTx(s.DB, fn) }

// InTx runs fn in one transaction over db. An owner's service calls it with its own handle, which
// may already be a caller's transaction: the inner one is then a savepoint of the outer.
func InTx(db *gorm.DB, fn func(tx Tx) error) error {
	return db.Transaction(func(tx *gorm.DB) error { return fn(Tx{db: tx}) })
}

// DB is the transaction's gorm handle, for the owner of a table to query its own tables with.
func (t Tx) DB() *gorm.DB { return t.db }
