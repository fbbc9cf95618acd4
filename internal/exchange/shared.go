package exchange

import (
	"gorm.io/gorm"

	"liankanping/internal/workbook"
)

// What the rater workbooks' round trip lends to the other workbooks that go out signed and come
// back (the units' rectification feedback, package ledger): the database's identity, the
// limits a returned file is read within, and the token that ties an apply to its preview.

// Identity returns this database's id and workbook signing key, creating both the first time
// (settings 'database_id' and 'workbook_hmac_key'), as rater workbooks are signed with them.
func Identity(db *gorm.DB) (string, []byte, error) { return identity(db) }

// ReadReturned reads a returned workbook as the rater import does, through workbook.ReadFile
// (a regular file within workbook.MaxFileSize); workbook.OpenBytes then checks what it unpacks to.
func ReadReturned(path string) ([]byte, error) { return workbook.ReadFile(path) }

// PreviewToken names previewed files by path and content hash, in order, for an apply that
// must refuse a file changed since its preview.
func PreviewToken(paths, hashes []string) string {
	files := make([]FileReport, len(paths))
	for i := range paths {
		files[i] = FileReport{Path: paths[i], Hash: hashes[i]}
	}
	return makeToken(files)
}

// PreviewedFiles reads a PreviewToken back: the paths in order and the hash of each.
func PreviewedFiles(token string) ([]string, map[string]string, error) {
	tf, err := readToken(token)
	if err != nil {
		return nil, nil, err
	}
	paths := make([]string, len(tf))
	hashes := make(map[string]string, len(tf))
	for i, f := range tf {
		paths[i], hashes[f.Path] = f.Path, f.Hash
	}
	return paths, hashes, nil
}
