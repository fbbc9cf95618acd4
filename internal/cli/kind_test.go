package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/cli"
)

// A workbook of another kind handed to an importer is refused with what it is and where it
// belongs, and nothing is written.
func TestImportersRefuseOtherKinds(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", dir)
	raters, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(raters) == 0 {
		t.Fatal("no rater workbook exported")
	}
	roster := filepath.Join(t.TempDir(), "roster.xlsx")
	mustRun(t, "roster", "export", "--db", db, "--out", roster)
	schemesBefore := mustRun(t, "schemes", "--db", db, "--json")
	orgBefore := mustRun(t, "org", "--db", db, "--json")
	for _, tc := range []struct {
		cmd  []string
		file string
		want string
	}{
		{[]string{"schemes", "import"}, raters[0], "这是评分表，请在“工作簿”中导入"},
		{[]string{"roster", "import"}, raters[0], "这是评分表，请在“工作簿”中导入"},
		{[]string{"frontline", "import"}, raters[0], "这是评分表，请在“工作簿”中导入"},
		{[]string{"schemes", "import"}, roster, "这是名册"},
	} {
		args := append(append([]string{}, tc.cmd...), "--db", db, tc.file)
		code, out, errOut := run(t, args...)
		if code != cli.ExitRefused || !strings.Contains(out+errOut, tc.want) {
			t.Errorf("%s %s: exit %d, want %d with %q:\n%s%s", strings.Join(tc.cmd, " "), filepath.Base(tc.file), code, cli.ExitRefused, tc.want, out, errOut)
		}
	}
	if after := mustRun(t, "schemes", "--db", db, "--json"); after != schemesBefore {
		t.Error("a refused file changed the schemes")
	}
	if after := mustRun(t, "org", "--db", db, "--json"); after != orgBefore {
		t.Error("a refused file changed the organisation")
	}
}
