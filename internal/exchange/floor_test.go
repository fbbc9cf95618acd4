package exchange_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/store"
)

// The physical floor under the import (docs/benchmarks.md): what no reader of these files and
// no writer of these rows can go below on this machine, measured on the same 20 filled BENCH
// workbooks. BenchmarkFloorRead inflates every worksheet part and runs encoding/xml's
// tokenizer over it (no cell is interpreted); BenchmarkFloorInsert inserts as many rows as the
// import stores, shaped like scores with their unique index, the way the importer does
// (one INSERT … FROM json_each per file, one transaction per file), with no history, batch or
// audit rows.

func BenchmarkFloorRead(b *testing.B) {
	e := mustBench(b)
	var inflate, parse time.Duration
	var bytesIn int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, path := range e.filled {
			zr, err := zip.OpenReader(path)
			if err != nil {
				b.Fatal(err)
			}
			for _, f := range zr.File {
				if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
					continue
				}
				t0 := time.Now()
				rc, err := f.Open()
				if err != nil {
					b.Fatal(err)
				}
				data, err := io.ReadAll(rc)
				rc.Close()
				if err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				d := xml.NewDecoder(bytes.NewReader(data))
				for {
					if _, err := d.RawToken(); errors.Is(err, io.EOF) {
						break
					} else if err != nil {
						b.Fatal(err)
					}
				}
				inflate += t1.Sub(t0)
				parse += time.Since(t1)
				bytesIn += int64(len(data))
			}
			zr.Close()
		}
	}
	b.ReportMetric(inflate.Seconds()/float64(b.N), "inflate-s/op")
	b.ReportMetric(parse.Seconds()/float64(b.N), "xml-tokens-s/op")
	b.ReportMetric(float64(bytesIn)/float64(b.N)/(1<<20), "sheet-XML-MB/op")
}

func BenchmarkFloorInsert(b *testing.B) {
	e := mustBench(b)
	perFile := e.cells / len(e.filled)
	rows := make([][]any, perFile)
	for i := range rows {
		rows[i] = []any{i / 120, i % 120, 850, "", "教体局", fmt.Sprintf("G%d", 4+i%120)}
	}
	data, err := json.Marshal(rows)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(filepath.Join(b.TempDir(), "floor.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.DB.Exec(`CREATE TABLE floor (id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL, rater_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL, indicator_id INTEGER NOT NULL, value_centi INTEGER NOT NULL, comment TEXT NOT NULL, source TEXT NOT NULL,
  file_name TEXT NOT NULL, file_hash TEXT NOT NULL, sheet TEXT NOT NULL, cell TEXT NOT NULL, updated_at DATETIME NOT NULL,
  UNIQUE (round_id, rater_id, unit_id, indicator_id))`).Error; err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for f := range e.filled {
			err := s.DB.Transaction(func(tx *gorm.DB) error {
				return tx.Exec(`INSERT INTO floor (round_id, rater_id, unit_id, indicator_id, value_centi, comment, source, file_name, file_hash, sheet, cell, updated_at)
SELECT 1, ?, value->>0, value->>1, value->>2, value->>3, 'workbook', 'f.xlsx', 'hash', value->>4, value->>5, ? FROM json_each(?)`,
					f, time.Now(), string(data)).Error
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(perFile*len(e.filled)), "rows/op")
}
