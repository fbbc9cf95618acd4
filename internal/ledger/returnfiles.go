package ledger

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"

	"liankanping/internal/apperr"
	"liankanping/internal/evidence"
	"liankanping/internal/workbook"
)

// A return may come with its evidence: the unit names files in the 佐证材料 column and sends
// them beside the workbook — in the same folder (or a folder one level below it), or together
// in one .zip. The files go through the same preview, apply and undo as the workbook: a named
// file that is missing, of a kind evidence refuses, or too large refuses the whole return; an
// applied return attaches the files to their findings with the batch's id, and undoing it
// detaches them.

// Limits of a returned zip: what a unit sends by e-mail, with room to spare.
const (
	maxZipEntries = 2000
	maxZipTotal   = 1 << 30
)

// companions finds the files a return names.
type companions interface {
	// find returns the bytes of the file called name, or a message saying why not.
	find(name string) ([]byte, string)
}

// folderFiles are the files beside a returned workbook: in its folder, or in a folder one
// level below.
type folderFiles struct {
	dir string
	max int64
}

func (c folderFiles) find(name string) ([]byte, string) {
	var hits []string
	if p := filepath.Join(c.dir, name); regular(p) {
		hits = append(hits, p)
	}
	if entries, err := os.ReadDir(c.dir); err == nil {
		for _, e := range entries {
			if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				if p := filepath.Join(c.dir, e.Name(), name); regular(p) {
					hits = append(hits, p)
				}
			}
		}
	}
	if len(hits) == 0 {
		return nil, fmt.Sprintf("找不到佐证材料“%s”：请把它放在反馈表所在的文件夹中", name)
	}
	var first []byte
	for i, p := range hits {
		if info, err := os.Stat(p); err == nil && info.Size() > c.max {
			return nil, fmt.Sprintf("佐证材料“%s”有 %s，超过了 %d MB 的上限", name, evidence.HumanSize(info.Size()), c.max>>20)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Sprintf("无法读取佐证材料“%s”", name)
		}
		if i == 0 {
			first = data
		} else if !bytes.Equal(first, data) {
			return nil, fmt.Sprintf("有两个不同的文件都叫“%s”（%s 和 %s），请改名后在反馈表中写明", name, hits[0], p)
		}
	}
	return first, ""
}

func regular(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// zipFiles are the entries of a returned zip, by their base names.
type zipFiles struct {
	byName map[string][]*zip.File
	max    int64
}

func (c zipFiles) find(name string) ([]byte, string) {
	hits := c.byName[name]
	if len(hits) == 0 {
		return nil, fmt.Sprintf("压缩包中找不到佐证材料“%s”", name)
	}
	if len(hits) > 1 {
		return nil, fmt.Sprintf("压缩包中有 %d 个文件都叫“%s”，请改名后在反馈表中写明", len(hits), name)
	}
	f := hits[0]
	if f.UncompressedSize64 > uint64(c.max) {
		return nil, fmt.Sprintf("佐证材料“%s”有 %s，超过了 %d MB 的上限", name, evidence.HumanSize(int64(f.UncompressedSize64)), c.max>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Sprintf("压缩包中的“%s”无法读取", name)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, c.max+1))
	if err != nil || int64(len(data)) > c.max {
		return nil, fmt.Sprintf("压缩包中的“%s”无法读取或已损坏", name)
	}
	return data, ""
}

// zipName is an entry's name as the unit saw it: zips made on Chinese Windows store names in
// GB18030 without saying so (the UTF-8 flag unset).
func zipName(f *zip.File) string {
	if f.NonUTF8 {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name); err == nil {
			return s
		}
	}
	return f.Name
}

// openZipReturn reads a returned zip: the one feedback workbook in it (its name and bytes) and
// its other files for the 佐证材料, read only when named.
func openZipReturn(zr *zip.Reader, maxFile int64) (string, []byte, *zipFiles, error) {
	if len(zr.File) > maxZipEntries {
		return "", nil, nil, apperr.Invalidf("压缩包中有 %d 个文件，太多了（最多 %d 个）", len(zr.File), maxZipEntries)
	}
	files := &zipFiles{byName: map[string][]*zip.File{}, max: maxFile}
	var books []*zip.File
	var total uint64
	for _, f := range zr.File {
		name := zipName(f)
		base := path.Base(strings.ReplaceAll(name, "\\", "/"))
		if f.FileInfo().IsDir() || strings.HasPrefix(name, "__MACOSX/") || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") {
			continue
		}
		total += f.UncompressedSize64
		if total > maxZipTotal {
			return "", nil, nil, apperr.Invalidf("压缩包解压后超过 %d MB，请分几次交回", maxZipTotal>>20)
		}
		if strings.EqualFold(path.Ext(base), ".xlsx") {
			books = append(books, f)
			continue
		}
		files.byName[base] = append(files.byName[base], f)
	}
	switch len(books) {
	case 0:
		return "", nil, nil, apperr.Invalidf("压缩包中没有整改情况反馈表（.xlsx 文件）")
	case 1:
	default:
		return "", nil, nil, apperr.Invalidf("压缩包中有 %d 份工作簿，请每个压缩包只放一份反馈表和它的佐证材料", len(books))
	}
	rc, err := books[0].Open()
	if err != nil {
		return "", nil, nil, apperr.Invalidf("压缩包中的反馈表无法读取")
	}
	defer rc.Close()
	book, err := io.ReadAll(io.LimitReader(rc, workbook.MaxFileSize+1))
	if err != nil || int64(len(book)) > workbook.MaxFileSize {
		return "", nil, nil, apperr.Invalidf("压缩包中的反馈表无法读取或太大")
	}
	return path.Base(strings.ReplaceAll(zipName(books[0]), "\\", "/")), book, files, nil
}

// evidenceFile is one named file of a return, read and checked.
type evidenceFile struct {
	evidence.File
	sha256 string
}

// readEvidence reads and checks every file the return's rows name, refusing the return at the
// cell of each one missing or refused, and returns them by name with a digest of them all (for
// the preview token: a file changed after the preview makes the apply refuse the return).
func readEvidence(rep *FileReport, ret *workbook.FeedbackReturn, src companions, check func(string, []byte) error) (map[string]evidenceFile, string) {
	out := map[string]evidenceFile{}
	for i, r := range ret.Rows {
		for _, name := range r.Files {
			if _, ok := out[name]; ok {
				continue
			}
			clean := evidence.CleanName(name)
			if src == nil {
				rep.refuse(ret.Sheet, r.FilesCell, fmt.Sprintf("第 %d 个问题写了佐证材料“%s”，请把反馈表和佐证材料放在同一个文件夹中一起导入", i+1, name))
				continue
			}
			data, msg := src.find(clean)
			if msg == "" {
				if err := check(clean, data); err != nil {
					msg = apperr.MessageOf(err)
				}
			}
			if msg != "" {
				rep.refuse(ret.Sheet, r.FilesCell, fmt.Sprintf("第 %d 个问题：%s", i+1, msg))
				continue
			}
			sum := sha256.Sum256(data)
			out[name] = evidenceFile{File: evidence.File{Name: clean, Data: data}, sha256: hex.EncodeToString(sum[:])}
		}
	}
	if len(out) == 0 {
		return out, ""
	}
	names := make([]string, 0, len(out))
	for n, f := range out {
		names = append(names, n+"="+f.sha256)
	}
	sort.Strings(names)
	sum := sha256.Sum256([]byte(strings.Join(names, "\n")))
	return out, hex.EncodeToString(sum[:])
}
