package store

import (
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"os"
)

// A database's full integrity check (PRAGMA quick_check) reads every page: on a large round
// it is most of what a short command like `results` costs. So that it is not paid on every
// call, a clean close records the file's size, modification time and CRC-32C beside it
// (FILE.checked); the next Open skips quick_check only when the file is byte for byte what that
// close left. Anything else — a crash (no record written), another program's change, a restore,
// a bit flipped on disk — finds no matching record and gets the full check, as before.

// verifiedSuffix names the record beside the database.
const verifiedSuffix = ".checked"

type verifiedRecord struct {
	Size    int64  `json:"size"`
	ModNano int64  `json:"mtime_ns"`
	CRC32C  uint32 `json:"crc32c"`
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// fileCRC is the CRC-32C of the whole file (hardware-accelerated on amd64 and arm64).
func fileCRC(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	if _, err := io.CopyBuffer(h, f, make([]byte, 1<<20)); err != nil {
		return 0, err
	}
	return h.Sum32(), nil
}

func readVerified(path string) (verifiedRecord, bool) {
	data, err := os.ReadFile(path + verifiedSuffix)
	if err != nil {
		return verifiedRecord{}, false
	}
	var r verifiedRecord
	return r, json.Unmarshal(data, &r) == nil
}

// unchangedSinceCleanClose tells whether the file is exactly as a clean close of this program
// left it, with no write-ahead log beside it.
func unchangedSinceCleanClose(path string, info os.FileInfo) bool {
	rec, ok := readVerified(path)
	if !ok || rec.Size != info.Size() || rec.ModNano != info.ModTime().UnixNano() || hasWAL(path) {
		return false
	}
	sum, err := fileCRC(path)
	return err == nil && sum == rec.CRC32C
}

func hasWAL(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

// recordCleanClose writes the record after the last connection closed and SQLite folded its
// log into the file. While another process still holds the database (a log is left), or when
// the record already matches, it writes nothing; a stale record is removed.
func recordCleanClose(path string) {
	info, err := os.Stat(path)
	if err != nil || info.IsDir() {
		return
	}
	if hasWAL(path) {
		os.Remove(path + verifiedSuffix)
		return
	}
	if rec, ok := readVerified(path); ok && rec.Size == info.Size() && rec.ModNano == info.ModTime().UnixNano() {
		return
	}
	sum, err := fileCRC(path)
	if err != nil {
		return
	}
	data, _ := json.Marshal(verifiedRecord{Size: info.Size(), ModNano: info.ModTime().UnixNano(), CRC32C: sum})
	tmp := path + verifiedSuffix + ".part"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		os.Remove(tmp)
		return
	}
	if err := os.Rename(tmp, path+verifiedSuffix); err != nil && !errors.Is(err, os.ErrNotExist) {
		os.Remove(tmp)
	}
}
