package scoring_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoDatabase keeps the engine pure: neither gorm nor the SQLite driver may be among
// its dependencies (docs/architecture.md). internal/workbook still links them through the
// score and scheme types it speaks; its test joins this one when those types move.
func TestLinksNoDatabase(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "liankanping/internal/scoring").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "gorm.io/") || strings.Contains(dep, "sqlite") {
			t.Errorf("internal/scoring links %s", dep)
		}
	}
}
