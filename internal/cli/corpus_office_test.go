package cli_test

import (
	"path/filepath"
	"testing"

	"liankanping/internal/corpus"
)

// officeCorpus writes the ordinary office sheets (corpus.Office) into dir: no importer may take
// one.
func officeCorpus(t *testing.T, dir string) []corpusFile {
	t.Helper()
	paths, err := corpus.Office(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []corpusFile
	for _, p := range paths {
		out = append(out, corpusFile{Path: p, Junk: true})
	}
	return out
}

// junkRefused is the corpus hook of the importers of office spreadsheets (and of feedback
// workbooks): an office sheet that is none of theirs is refused, and nothing is written.
func junkRefused(t *testing.T, f corpusFile, r corpusResult) {
	t.Helper()
	if !f.Junk {
		return
	}
	if r.Code != 3 || r.Changed {
		t.Errorf("%s was taken (exit %d, database changed: %v):\n%s", filepath.Base(f.Path), r.Code, r.Changed, r.Out)
	}
}

func init() {
	for i := range corpusImporters {
		if corpusImporters[i].name != "import" && corpusImporters[i].check == nil {
			corpusImporters[i].check = junkRefused
		}
	}
}
