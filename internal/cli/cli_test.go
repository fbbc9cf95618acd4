package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/cli"
	"liankanping/internal/store"
)

// run calls the command line as main does and returns its exit code and outputs.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, args...)
	if code != cli.ExitOK {
		t.Fatalf("%s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

// demoDB builds a demo database through the command line and returns its path.
func demoDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--db", path)
	return path
}

func TestVersion(t *testing.T) {
	out := mustRun(t, "version")
	if !strings.HasPrefix(out, "liankanping ") || !strings.Contains(out, "data version") {
		t.Fatalf("version printed %q", out)
	}
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"help", "--help", "-h"} {
		if out := mustRun(t, arg); !strings.Contains(out, "demo") || !strings.Contains(out, "org") {
			t.Errorf("%s lists no commands: %q", arg, out)
		}
	}
	if code, _, _ := run(t); code != cli.ExitOK {
		t.Errorf("no arguments: exit %d, want %d", code, cli.ExitOK)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
	}{
		{"UnknownCommand", []string{"frobnicate"}},
		{"UnknownFlag", []string{"org", "--db", filepath.Join(dir, "x.db"), "--colour"}},
		{"DemoWithoutDB", []string{"demo"}},
		{"BackupWithoutOut", []string{"backup", "--db", filepath.Join(dir, "x.db")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != cli.ExitUsage {
				t.Fatalf("exit %d, want %d (%s)", code, cli.ExitUsage, errOut)
			}
			if errOut == "" {
				t.Fatal("nothing on stderr")
			}
		})
	}
}

func TestIsCommand(t *testing.T) {
	for arg, want := range map[string]bool{"demo": true, "org": true, "backup": true, "version": true, "help": true, "--db": false, "": false} {
		if got := cli.IsCommand(arg); got != want {
			t.Errorf("IsCommand(%q) = %v, want %v", arg, got, want)
		}
	}
}

func TestDemo(t *testing.T) {
	path := demoDB(t)
	t.Run("ErrExists", func(t *testing.T) {
		before := fileBytes(t, path)
		code, _, errOut := run(t, "demo", "--db", path)
		if code != cli.ExitFailed {
			t.Fatalf("exit %d, want %d", code, cli.ExitFailed)
		}
		if !strings.Contains(errOut, "--force") {
			t.Errorf("the refusal does not mention --force: %s", errOut)
		}
		if !bytes.Equal(before, fileBytes(t, path)) {
			t.Fatal("the refused demo changed the existing file")
		}
	})
	t.Run("OK_Force", func(t *testing.T) {
		mustRun(t, "demo", "--db", path, "--force")
		if n := len(orgOf(t, path).Areas); n != 11 {
			t.Fatalf("%d areas after --force, want 11", n)
		}
	})
	t.Run("OK_ForceOverForeignFile", func(t *testing.T) {
		other := filepath.Join(t.TempDir(), "notes.db")
		if err := os.WriteFile(other, []byte("not a database"), 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "demo", "--db", other, "--force")
	})
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type orgDoc struct {
	Areas []struct {
		Number   int    `json:"number"`
		Name     string `json:"name"`
		LeadUnit string `json:"lead_unit"`
		Liaison  string `json:"liaison"`
		Leader   string `json:"leader"`
		Units    []struct {
			Name      string `json:"name"`
			ShortName string `json:"short_name"`
		} `json:"units"`
	} `json:"areas"`
}

func orgOf(t *testing.T, path string) orgDoc {
	t.Helper()
	var doc orgDoc
	out := mustRun(t, "org", "--db", path, "--json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("org --json is not JSON: %v\n%s", err, out)
	}
	return doc
}

// missing lists the fields of want that m lacks.
func missing(m map[string]json.RawMessage, want ...string) []string {
	var out []string
	for _, k := range want {
		if _, ok := m[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

func TestOrgJSON(t *testing.T) {
	path := demoDB(t)
	out := mustRun(t, "org", "--db", path, "--json")

	// The field names are a contract (DOMAIN §7): later versions may add fields, never drop these.
	var raw struct {
		Areas []map[string]json.RawMessage `json:"areas"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, a := range raw.Areas {
		if m := missing(a, "number", "name", "lead_unit", "liaison", "leader", "units"); m != nil {
			t.Fatalf("area lacks %v", m)
		}
		var units []map[string]json.RawMessage
		if err := json.Unmarshal(a["units"], &units); err != nil {
			t.Fatal(err)
		}
		for _, u := range units {
			if m := missing(u, "name", "short_name"); m != nil {
				t.Fatalf("unit lacks %v", m)
			}
		}
	}

	doc := orgOf(t, path)
	units := 0
	for i, a := range doc.Areas {
		units += len(a.Units)
		if a.Number != i+1 || a.Name == "" || a.LeadUnit == "" || a.Liaison == "" || a.Leader == "" {
			t.Errorf("area %d incomplete: %+v", i+1, a)
		}
		if len(a.Units) == 0 || a.Units[0].Name != a.LeadUnit {
			t.Errorf("area %s: lead unit %s is not its first unit", a.Name, a.LeadUnit)
		}
		for _, u := range a.Units {
			if u.Name == "" || u.ShortName == "" {
				t.Errorf("area %s has a unit without names: %+v", a.Name, u)
			}
		}
	}
	if len(doc.Areas) != 11 || units != 67 {
		t.Fatalf("%d areas with %d units, want 11 and 67", len(doc.Areas), units)
	}
	if a := doc.Areas[5]; a.Units[0].ShortName != "教体局" {
		t.Errorf("the sixth area starts with %s, want 教体局", a.Units[0].ShortName)
	}

	t.Run("EmptyDatabase", func(t *testing.T) {
		empty := filepath.Join(t.TempDir(), "empty.db")
		if got := strings.TrimSpace(mustRun(t, "org", "--db", empty, "--json")); got != `{
  "areas": []
}` {
			t.Fatalf("org --json of an empty database = %s", got)
		}
	})
	t.Run("Table", func(t *testing.T) {
		if out := mustRun(t, "org", "--db", path); !strings.Contains(out, "第六联系片") {
			t.Fatalf("the table lacks the sixth area:\n%s", out)
		}
	})
	t.Run("ErrNotADatabase", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.db")
		if err := os.WriteFile(bad, []byte("hello"), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, _ := run(t, "org", "--db", bad, "--json"); code != cli.ExitFailed {
			t.Fatalf("exit %d, want %d", code, cli.ExitFailed)
		}
	})
}

func TestBackup(t *testing.T) {
	path := demoDB(t)
	out := filepath.Join(t.TempDir(), "sub", "backup.db")
	mustRun(t, "backup", "--db", path, "--out", out)
	s, err := store.Open(out)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	s.Close()
	if got, want := orgOf(t, out), orgOf(t, path); len(got.Areas) != 11 || mustJSON(t, got) != mustJSON(t, want) {
		t.Fatal("the backup holds a different organisation")
	}
	t.Run("ErrSameFile", func(t *testing.T) {
		if code, _, _ := run(t, "backup", "--db", path, "--out", path); code != cli.ExitFailed {
			t.Fatalf("exit %d, want %d", code, cli.ExitFailed)
		}
	})
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
