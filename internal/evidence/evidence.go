// Package evidence keeps the files (佐证材料) that prove what a record says: photos and documents
// beside a finding and its rectification steps, a unit's observation in a round, a practical
// matter, a brand or honour, a temporary branch. Files are stored once per content (SHA-256)
// inside the database, so a backup carries them; each attachment is a link row that keeps the
// file's original name, kind, size, who attached it, when, and a note. The package owns the
// tables evidence, evidence_blobs and evidence_thumbs.
package evidence

import (
	"fmt"
	"time"

	"liankanping/internal/finding"
)

// DefaultMaxMB is the largest file accepted unless Settings say otherwise, in megabytes.
const DefaultMaxMB = 50

// maxMBKey is the setting that changes the limit.
const maxMBKey = "evidence_max_mb"

// The categories of an observation's evidence.
const (
	CategoryPhoto  = "现场照片"
	CategoryReport = "汇报材料"
)

// Target names the one record files are attached to: a finding; a unit in a round (optionally
// one indicator of the round's scheme); a practical matter; a brand or honour; a temporary
// branch. Category is optional: for a finding the rectification step the file proves
// (待整改 … 已销号; default the finding's status now), for an observation 现场照片 or 汇报材料
// (default by the file's kind).
type Target struct {
	FindingID   uint   `json:"findingId"`
	RoundID     uint   `json:"roundId"`
	UnitID      uint   `json:"unitId"`
	IndicatorID uint   `json:"indicatorId"`
	MatterID    uint   `json:"matterId"`
	BrandID     uint   `json:"brandId"`
	BranchID    uint   `json:"branchId"`
	Category    string `json:"category"`
}

// Attachment is one file attached to one record: the link row of the evidence table.
type Attachment struct {
	ID          uint      `json:"id" gorm:"primaryKey"`
	SHA256      string    `json:"sha256" gorm:"column:sha256"`
	FileName    string    `json:"fileName"`
	Kind        Kind      `json:"kind"`
	MIME        string    `json:"mime" gorm:"column:mime"`
	Size        int64     `json:"size"`
	Category    string    `json:"category"`
	Note        string    `json:"note"`
	FindingID   *uint     `json:"findingId"`
	RoundID     *uint     `json:"roundId"`
	UnitID      *uint     `json:"unitId"`
	IndicatorID *uint     `json:"indicatorId"`
	MatterID    *uint     `json:"matterId"`
	BrandID     *uint     `json:"brandId"`
	BranchID    *uint     `json:"branchId"`
	BatchID     *uint     `json:"batchId"`
	Operator    string    `json:"operator"`
	AttachedAt  time.Time `json:"attachedAt"`
}

// TableName names the link rows' table.
func (Attachment) TableName() string { return "evidence" }

// Item is an attachment as lists show it: with the record it belongs to, in words.
type Item struct {
	Attachment
	// Record names the record: 问题：…, 观摩 2024Q2, 办实事 BSS-001 …
	Record string `json:"record"`
	// RecordKind is finding, observation, matter, brand or branch.
	RecordKind    string `json:"recordKind"`
	UnitName      string `json:"unitName"`
	RoundCode     string `json:"roundCode"`
	IndicatorCode string `json:"indicatorCode"`
	IndicatorName string `json:"indicatorName"`
	// HasThumb tells whether a thumbnail exists; an image without one is shown as broken (or, for
	// HEIC, as a file icon).
	HasThumb bool `json:"hasThumb"`
}

// File is a file to attach: its name as the user had it and its bytes.
type File struct {
	Name string
	Data []byte
}

// Refusal is a file not attached, and why.
type Refusal struct {
	Name    string `json:"name"`
	Message string `json:"message"`
}

// AddReport is what an Add did, file by file: attached, already there (the same bytes on the
// same record: kept once), or refused.
type AddReport struct {
	Added   []Item    `json:"added"`
	Skipped []Refusal `json:"skipped"`
	Refused []Refusal `json:"refused"`
}

// Filter narrows List; zero values do not filter. RoundID keeps the observations of the round
// and the evidence of its findings; UnitID the evidence of every record of the unit.
type Filter struct {
	RoundID   uint `json:"roundId"`
	UnitID    uint `json:"unitId"`
	FindingID uint `json:"findingId"`
	MatterID  uint `json:"matterId"`
	BrandID   uint `json:"brandId"`
	BranchID  uint `json:"branchId"`
	// Observation keeps only observation evidence (with RoundID and UnitID: one unit's in one
	// round, what the unit drawer shows).
	Observation bool `json:"observation"`
}

// Problem is one stored file that no longer matches its hash.
type Problem struct {
	SHA256 string   `json:"sha256"`
	Files  []string `json:"files"`
	Reason string   `json:"reason"`
}

// Verification is the outcome of Verify.
type Verification struct {
	OK       bool      `json:"ok"`
	Checked  int       `json:"checked"`
	Bytes    int64     `json:"bytes"`
	Problems []Problem `json:"problems"`
	Message  string    `json:"message"`
}

// findingStage checks a category given for a finding's evidence.
func findingStage(c string) bool { return finding.Status(c).Valid() }

// HumanSize writes a size the way people read it: 850 KB, 12.3 MB.
func HumanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
