// Package app holds the facades bound to the window: one struct per area, each method a few
// lines that convert arguments, call one service and map the error.
package app

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"sync"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/audit"
	"liankanping/internal/backup"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Core is what every facade shares: the open store (nil when it could not be opened), the
// reason it could not, and the window's context once started.
//
// Every call holds the store it uses for its whole run (use): life is held shared by each
// running call and exclusively by a restore or the shutdown, so a restore waits for the calls
// that run and the calls that come meanwhile wait for the restored database — none can find
// its database closed half-way. mu only guards the fields for the instant they are read.
type Core struct {
	life    sync.RWMutex
	mu      sync.RWMutex
	store   *store.Store
	openErr error
	dbPath  string
	ctx     context.Context
	Dialogs Dialogs
	Events  Events
}

// NewCore wraps the result of opening the database.
func NewCore(s *store.Store, path string, openErr error) *Core {
	return &Core{store: s, dbPath: path, openErr: openErr, Dialogs: noDialogs{}, Events: noEvents{}}
}

// Startup is called by Wails with the window's context.
func (c *Core) Startup(ctx context.Context) {
	c.mu.Lock()
	c.ctx = ctx
	c.mu.Unlock()
}

// Context returns the window's context (nil before start-up or in the HTTP bridge).
func (c *Core) Context() context.Context {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.ctx
}

// current returns the open store, or the error that kept it closed. It is only safe inside
// use, which keeps a restore from replacing the store meanwhile.
func (c *Core) current() (*store.Store, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.store == nil {
		if c.openErr != nil {
			return nil, c.openErr
		}
		return nil, apperr.New(apperr.Internal, "数据库没有打开")
	}
	return c.store, nil
}

// use runs fn with the open store and keeps that store open until fn returns. Calls must not
// nest: a call running inside another would wait behind a restore that waits for the outer.
func (c *Core) use(fn func(s *store.Store) error) error {
	c.life.RLock()
	defer c.life.RUnlock()
	s, err := c.current()
	if err != nil {
		return err
	}
	return fn(s)
}

// Shutdown waits for the running calls and closes the store; later calls are told it is closed.
func (c *Core) Shutdown(context.Context) {
	c.life.Lock()
	defer c.life.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store != nil {
		c.store.Close()
		c.store, c.openErr = nil, nil
	}
	workbook.RemoveTempDir() // excelize's spilled files of the window's exports (workbook.TempDir)
}

// wireError is what the frontend receives as a rejected promise: the error kind and its
// message, as JSON, decoded again by frontend/src/api.
type wireError struct {
	Code    apperr.Code `json:"code"`
	Message string      `json:"message"`
}

type mappedError struct{ text string }

func (e mappedError) Error() string { return e.text }

// mapError is the one place where a Go error becomes what the window shows. An error that
// carries no code is shown as apperr.InternalMessage and its text goes to the log (stderr).
func mapError(err error) error {
	if err == nil {
		return nil
	}
	if apperr.Uncoded(err) {
		log.Printf("内部错误：%v", err)
	}
	b, _ := json.Marshal(wireError{Code: apperr.CodeOf(err), Message: apperr.MessageOf(err)})
	return mappedError{string(b)}
}

// call1 runs fn with the store (held for fn's whole run, see use) and maps its error.
func call1[T any](c *Core, fn func(s *store.Store) (T, error)) (T, error) {
	var v T
	err := c.use(func(s *store.Store) (err error) {
		v, err = fn(s)
		return err
	})
	return v, mapError(err)
}

// call0 is call1 for functions that return only an error.
func call0(c *Core, fn func(s *store.Store) error) error {
	return mapError(c.use(fn))
}

// Operator is the name recorded as the author of changes made in the window: the one set in
// Settings, or else the system user. Called inside a call, it reads that call's store.
func (c *Core) Operator() string {
	if s, err := c.current(); err == nil {
		return audit.NewService(s).Author()
	}
	return audit.SystemUser()
}

// restore replaces the open database with a backup and opens it again; on failure it reopens
// what is there, so the window keeps working on the data it had. It first waits for the calls
// that are running; calls made meanwhile wait and then run on the restored database.
func (c *Core) restore(path string) error {
	c.life.Lock()
	defer c.life.Unlock()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.store == nil {
		return c.openErr
	}
	dbPath := c.store.Path
	err := backup.Restore(c.store, path, time.Now())
	s, openErr := store.Open(dbPath)
	c.store, c.openErr = s, openErr
	if err != nil {
		return err
	}
	return openErr
}

// callAfterBackup0 is call0 for imports and deletions: the automatic backup comes first, and
// without it the action does not run.
func callAfterBackup0(c *Core, reason string, fn func(s *store.Store) error) error {
	return call0(c, func(s *store.Store) error {
		if err := backupBefore(s, reason); err != nil {
			return err
		}
		return fn(s)
	})
}

// callAfterBackup1 is callAfterBackup0 for actions that return a value.
func callAfterBackup1[T any](c *Core, reason string, fn func(s *store.Store) (T, error)) (T, error) {
	return call1(c, func(s *store.Store) (T, error) {
		if err := backupBefore(s, reason); err != nil {
			var zero T
			return zero, err
		}
		return fn(s)
	})
}

// backupBefore makes the automatic backup that precedes an import or a destructive action.
func backupBefore(s *store.Store, reason string) error {
	if _, err := backup.Make(s, reason, time.Now()); err != nil {
		return fmt.Errorf("操作前自动备份失败，操作没有执行：%w", err)
	}
	return nil
}
