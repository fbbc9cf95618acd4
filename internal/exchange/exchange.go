// Package exchange exports a round's rater workbooks (评分表) and imports the returned ones:
// preview, apply per file in one transaction, import batches, undo and conflicts
// (DOMAIN §5). It reads and writes scores only through the score package, and workbooks only
// through the workbook package.
package exchange

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"runtime"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/score"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Service exports and imports rater workbooks.
type Service struct {
	db  *gorm.DB
	Now func() time.Time
	// Workers bounds how many workbooks are written or read at once.
	Workers int
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, Now: time.Now, Workers: runtime.GOMAXPROCS(0)}
}

// Progress is told how many of total files are done and the name of the one just done ("" at
// the start); it is called from one goroutine at a time. Nil means nobody listens.
type Progress func(done, total int, file string)

func (p Progress) report(done, total int, file string) {
	if p != nil {
		p(done, total, file)
	}
}

// The settings that identify this database to its workbooks.
const (
	settingDatabaseID = "database_id"
	settingHMACKey    = "workbook_hmac_key"
)

// identity returns this database's id and workbook signing key, creating both the first time:
// a workbook signed by another database, or by this one before its key changed, is refused.
func identity(db *gorm.DB) (string, []byte, error) {
	get := func(key string) (string, error) {
		var v []string
		err := db.Raw("SELECT value FROM settings WHERE key = ?", key).Pluck("value", &v).Error
		if err != nil || len(v) == 0 {
			return "", err
		}
		return v[0], nil
	}
	ensure := func(key string, n int) (string, error) {
		v, err := get(key)
		if err != nil || v != "" {
			return v, err
		}
		b := make([]byte, n)
		if _, err := rand.Read(b); err != nil {
			return "", err
		}
		if err := db.Exec("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", key, hex.EncodeToString(b)).Error; err != nil {
			return "", err
		}
		return get(key)
	}
	id, err := ensure(settingDatabaseID, 16)
	if err != nil {
		return "", nil, fmt.Errorf("读取数据库标识：%w", err)
	}
	k, err := ensure(settingHMACKey, 32)
	if err != nil {
		return "", nil, fmt.Errorf("读取评分表签名密钥：%w", err)
	}
	key, err := hex.DecodeString(k)
	if err != nil || len(key) < 16 {
		return "", nil, apperr.New(apperr.Internal, "数据库中的评分表签名密钥已损坏")
	}
	return id, key, nil
}

// raterIndicators converts the round's indicators to the rows of a rater workbook.
func raterIndicators(r *score.Round) []workbook.RaterIndicator {
	out := make([]workbook.RaterIndicator, len(r.Indicators))
	for i, ind := range r.Indicators {
		out[i] = workbook.RaterIndicator{Indicator: ind.Engine, Code: ind.Code, Dimension: ind.Dimension, Parent: ind.Parent,
			Name: ind.Name, Points: ind.Points, Method: ind.Method}
	}
	return out
}

// Batch is one applied import of one returned workbook; undoing it restores what it changed.
type Batch struct {
	ID           uint       `json:"id" gorm:"primaryKey"`
	RoundID      uint       `json:"roundId"`
	RaterID      uint       `json:"raterId"`
	WorkbookID   string     `json:"workbookId"`
	FileName     string     `json:"fileName"`
	FileHash     string     `json:"fileHash"`
	FileModified string     `json:"fileModified"`
	SheetCount   int        `json:"sheetCount"`
	CreatedCount int        `json:"createdCount"`
	UpdatedCount int        `json:"updatedCount"`
	ClearedCount int        `json:"clearedCount"`
	KeptCount    int        `json:"keptCount"`
	Status       string     `json:"status"`
	AppliedAt    time.Time  `json:"appliedAt"`
	UndoneAt     *time.Time `json:"undoneAt"`
	Operator     string     `json:"operator"`
	UndoneBy     string     `json:"undoneBy"`
}

// TableName names the batches' table.
func (Batch) TableName() string { return "import_batches" }

// The statuses of a batch.
const (
	BatchApplied = "applied"
	BatchUndone  = "undone"
)

// exportedWorkbook records a workbook handed out, so that the window can tell which raters
// have one and which returned it.
type exportedWorkbook struct {
	WorkbookID string `gorm:"primaryKey"`
	RoundID    uint
	RaterID    uint
	FileName   string
	Encrypted  bool
	ExportedAt time.Time
	Operator   string
}

func (exportedWorkbook) TableName() string { return "exported_workbooks" }
