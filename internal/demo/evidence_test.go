package demo_test

import (
	"testing"

	"liankanping/internal/evidence"
)

// The demo carries a few evidence files: photos and a report on two units' observations of
// 2024Q3, photos on finished findings and certificates on closed ones; all match their hashes
// and every photo has a thumbnail.
func TestLoad_Evidence(t *testing.T) {
	s := mustLoad(t, "evidence.db")
	svc := evidence.NewService(s)
	items, err := svc.List(evidence.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, it := range items {
		kinds[it.RecordKind+"/"+it.Category]++
		if it.Kind == evidence.KindImage && !it.HasThumb {
			t.Errorf("%s has no thumbnail", it.FileName)
		}
	}
	if kinds["observation/现场照片"] != 2 || kinds["observation/汇报材料"] != 2 || kinds["finding/已整改"] != 2 || kinds["finding/已销号"] != 2 {
		t.Fatalf("demo evidence %v", kinds)
	}
	v, err := svc.Verify()
	if err != nil || !v.OK || v.Checked != len(items) {
		t.Fatalf("verify %+v %v", v, err)
	}
}
