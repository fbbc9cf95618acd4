// Package workbook reads and writes the Excel workbooks that travel between people: it speaks
// domain types and excelize, never the database or the window.
package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
)

// Limits on files that users hand in. Every importer (rater workbooks, rosters, schemes, the
// front-line ledgers, the rectification feedback) opens its files through ReadFile and
// OpenBytes, so one set of limits bounds the work any file can cause: a scoring workbook of 67
// units and 120 indicators is about 1 MB on disk and 10 MB unzipped, so these leave a wide
// margin for what office suites add while keeping a hostile file far below the 300 MB of memory
// an import may take.
const (
	// MaxFileSize is the largest file read at all.
	MaxFileSize = 64 << 20
	// UnzipSizeLimit bounds what all the parts of a workbook declare together, checked on the
	// zip directory before excelize reads any of it.
	UnzipSizeLimit = 128 << 20
	// MaxPartSize bounds any one XML part (a worksheet, the shared strings): excelize decodes a
	// whole worksheet into memory, about ten times its XML, to read a single cell.
	MaxPartSize = 16 << 20
	// UnzipXMLSizeLimit is excelize's threshold for spilling a worksheet to a temporary file.
	// It is above MaxPartSize so that no part is ever spilled: an import that is killed leaves
	// no excelize-* file behind, because it never made one.
	UnzipXMLSizeLimit = MaxPartSize + 1
	// MaxZipEntries bounds the number of parts (a workbook of 67 sheets has about 150).
	MaxZipEntries = 10000
)

var (
	zipMagic = []byte("PK\x03\x04")
	// An encrypted xlsx and a legacy .xls are both OLE compound files.
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Logf receives the technical detail behind a refusal (the raw excelize, zip or XML error),
// which is never part of a message: it goes to the standard logger (stderr), marked as detail
// for whoever investigates, unless replaced.
var Logf = func(format string, args ...any) { log.Printf("技术细节（供排查）："+format, args...) }

// OpenFile opens a workbook a user chose, refusing with a plain Chinese message what is not a
// readable xlsx: see ReadFile and OpenBytes.
func OpenFile(path, password string) (*excelize.File, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return OpenBytes(data, filepath.Base(path), password)
}

// ReadFile reads a file a user chose or dropped, within MaxFileSize. Only a regular file is
// read (or a link to one): a folder, a FIFO, a device such as /dev/zero or a socket is refused
// before it is opened, and the file is opened without blocking and checked again once open, so
// that nothing swapped in between can hang or flood the import.
func ReadFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	info, err := os.Lstat(path)
	if err != nil {
		return nil, statError(path, err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if info, err = os.Stat(path); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, apperr.Invalidf("%s 是一个快捷方式（符号链接），它指向的文件不存在", name)
			}
			return nil, statError(path, err)
		}
	}
	if err := checkRegular(name, info); err != nil {
		return nil, err
	}
	fh, err := openNoBlock(path)
	if err != nil {
		return nil, statError(path, err)
	}
	defer fh.Close()
	if info, err = fh.Stat(); err != nil {
		return nil, statError(path, err)
	}
	if err := checkRegular(name, info); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		Logf("workbook: read %s: %v", path, err)
		return nil, apperr.Invalidf("无法读取文件 %s：读盘出错，请把文件复制到本机文件夹后再试", name)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(name, int64(len(data)))
	}
	return data, nil
}

// checkRegular refuses what is not an ordinary file of a sane size.
func checkRegular(name string, info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return apperr.Invalidf("%s 是文件夹，不是工作簿", name)
	case !info.Mode().IsRegular():
		return apperr.Invalidf("%s 不是普通文件（是管道、设备或其他特殊文件），不是工作簿，已跳过", name)
	case info.Size() > MaxFileSize:
		return tooLarge(name, info.Size())
	}
	return nil
}

func tooLarge(name string, size int64) error {
	return apperr.Invalidf("文件过大：%s 有 %.1f MB，超过 %d MB，不是联看评能读取的工作簿。请检查是否选错了文件", name, float64(size)/(1<<20), MaxFileSize>>20)
}

// statError says why a path could not be read, in words: missing, not permitted, or else.
func statError(path string, err error) error {
	name := filepath.Base(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return apperr.Invalidf("找不到文件 %s", path)
	case errors.Is(err, fs.ErrPermission):
		return apperr.Invalidf("没有权限读取文件 %s，请检查文件权限，或把它复制到自己的文件夹后再导入", name)
	}
	Logf("workbook: open %s: %v", path, err)
	return apperr.Invalidf("无法读取文件 %s，请把文件复制到本机文件夹后再试", name)
}

// OpenBytes opens a workbook already in memory; name is used in messages. What is not an xlsx
// is told by its bytes, not its name (see Sniff); an encrypted workbook is decrypted with
// password; the zip directory is checked (sizes, duplicate parts) before excelize parses
// anything. A panic inside excelize on a hostile file comes back as a refusal.
func OpenBytes(data []byte, name, password string) (f *excelize.File, err error) {
	began := time.Now()
	defer func() {
		if p := recover(); p != nil {
			Logf("workbook: open %s: panic: %v", name, p)
			f, err = nil, apperr.Invalidf("文件 %s 已损坏，无法读取。请用 Excel 或 WPS 打开后重新保存，再导入", name)
		}
	}()
	kind := Sniff(data)
	if kind == KindEncrypted {
		if password == "" {
			return nil, apperr.Invalidf("文件 %s 设有打开密码，请提供密码后再导入（或在 Excel、WPS 中取消密码后另存一份）", name)
		}
		plain, err := decrypt(data, password)
		if err != nil {
			return nil, encryptedError(name, err)
		}
		// excelize does not check the password's verifier: a wrong password decrypts to noise,
		// while the right one gives a zip from its first bytes, even from a damaged file.
		if !bytes.HasPrefix(plain, zipMagic) {
			return nil, encryptedError(name, excelize.ErrWorkbookPassword)
		}
		data, kind = plain, Sniff(plain)
		if kind != KindXLSX {
			return nil, encryptedError(name, errors.New("decrypted package is not a readable xlsx"))
		}
	}
	if kind != KindXLSX {
		return nil, kindError(name, kind)
	}
	if err := checkZip(data, name); err != nil {
		return nil, err
	}
	f, err = excelize.OpenReader(bytes.NewReader(data), bookOptions(excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    UnzipSizeLimit,
		UnzipXMLSizeLimit: UnzipXMLSizeLimit,
	}))
	if err != nil {
		return nil, openError(name, err)
	}
	if len(f.GetSheetList()) == 0 {
		closeQuietly(f)
		return nil, apperr.Invalidf("文件 %s 已损坏：没有工作表。请用 Excel 或 WPS 打开后重新保存", name)
	}
	startBudget(f, began) // the file's time budget counts from here (FileTimeBudget)
	return f, nil
}

// decrypt decrypts an encrypted workbook; excelize's decrypter panics on some truncated files.
func decrypt(data []byte, password string) (plain []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			plain, err = nil, fmt.Errorf("decrypt: panic: %v", p)
		}
	}()
	return excelize.Decrypt(data, &excelize.Options{Password: password})
}

// encryptedError tells a wrong password from an encrypted file that is damaged.
func encryptedError(name string, err error) error {
	Logf("workbook: decrypt %s: %v", name, err)
	if errors.Is(err, excelize.ErrWorkbookPassword) {
		return apperr.Invalidf("文件 %s 的打开密码不正确，请核对密码（区分大小写）后再试", name)
	}
	return apperr.Invalidf("文件 %s 设有打开密码，但加密的内容已损坏或不完整（可能没有保存完或传输中断），请让对方重新保存后发送", name)
}

// openError turns what excelize says about a file it could not open into a sentence; the raw
// error goes to the log only.
func openError(name string, err error) error {
	Logf("workbook: open %s: %v", name, err)
	if errors.Is(err, excelize.ErrOptionsUnzipSizeLimit) {
		return apperr.Invalidf("文件过大：%s 解压后超过 %d MB，疑似异常文件，已拒绝", name, UnzipSizeLimit>>20)
	}
	return apperr.Invalidf("文件 %s 已损坏或不完整（可能没有保存完或传输中断），无法读取。请用 Excel 或 WPS 打开后重新保存，再导入", name)
}

// CellName names a cell for messages, from 0-based row and column: (6, 6) is "G7".
func CellName(row, col int) string {
	n, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		return fmt.Sprintf("R%dC%d", row+1, col+1)
	}
	return n
}

// Ref names a cell with its sheet, as messages show it: 教体局!G7.
func Ref(sheet string, row, col int) string { return sheet + "!" + CellName(row, col) }

// Problem is one thing wrong with a file, located where the user can find it.
type Problem struct {
	Sheet   string `json:"sheet"`
	Cell    string `json:"cell"`
	Message string `json:"message"`
}

// closeQuietly closes a workbook whose errors on close are of no use to anyone.
func closeQuietly(c io.Closer) { _ = c.Close() }

// PanicMessage is the refusal for a file whose reading panicked (excelize on a hostile file);
// the panic itself goes to the log, never to the person.
func PanicMessage(name string, p any) string {
	Logf("workbook: read %s: panic: %v", name, p)
	return fmt.Sprintf("文件 %s 无法读取，可能已损坏。请用 Excel 或 WPS 打开后重新保存，再导入", name)
}

// ReadError is the refusal for a workbook that opened but could not be read as a whole (what
// is a roster, a ledger…): the Chinese message of the cause when there is one, else a plain
// sentence with the detail logged.
func ReadError(what, path string, err error) error {
	name := filepath.Base(path)
	if apperr.CodeOf(err) == apperr.Invalid {
		return apperr.Invalidf("无法读取%s %s：%s", what, name, apperr.MessageOf(err))
	}
	Logf("workbook: read %s: %v", path, err)
	return apperr.Invalidf("无法读取%s %s，文件可能已损坏。请用 Excel 或 WPS 打开后重新保存，再导入", what, name)
}
