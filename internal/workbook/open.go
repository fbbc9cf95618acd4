// Package workbook reads and writes the Excel workbooks that travel between people: it speaks
// domain types and excelize, never the database or the window.
package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
)

// Limits on files that users hand in: a workbook larger than this is not a scoring workbook,
// and the unzip limits keep a zip bomb from exhausting memory or disk.
const (
	MaxFileSize       = 64 << 20
	UnzipSizeLimit    = 256 << 20
	UnzipXMLSizeLimit = 64 << 20
)

var (
	zipMagic = []byte("PK\x03\x04")
	// An encrypted xlsx and a legacy .xls are both OLE compound files.
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// OpenFile opens a workbook a user chose, refusing with a plain Chinese message what is not a
// readable xlsx: a legacy .xls, a file too large, a corrupt or truncated file, a password
// protected file without (or with the wrong) password.
func OpenFile(path, password string) (*excelize.File, error) {
	name := filepath.Base(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, apperr.Invalidf("无法读取文件 %s：%v", name, err)
	}
	if info.IsDir() {
		return nil, apperr.Invalidf("%s 是文件夹，不是工作簿", name)
	}
	if info.Size() > MaxFileSize {
		return nil, apperr.Invalidf("文件 %s 太大（%.1f MB），不是联看评能读取的工作簿", name, float64(info.Size())/(1<<20))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, apperr.Invalidf("无法读取文件 %s：%v", name, err)
	}
	return OpenBytes(data, name, password)
}

// OpenBytes is OpenFile for a workbook already in memory; name is used in messages.
func OpenBytes(data []byte, name, password string) (*excelize.File, error) {
	lower := strings.ToLower(name)
	isOLE := bytes.HasPrefix(data, oleMagic)
	switch {
	case len(data) == 0:
		return nil, apperr.Invalidf("文件 %s 是空的", name)
	case strings.HasSuffix(lower, ".xls") || (isOLE && password == "" && strings.HasSuffix(lower, ".et")):
		return nil, apperr.Invalidf("%s 是旧版 Excel 格式（.xls），请用 Excel 或 WPS 打开后“另存为”.xlsx 格式再导入", name)
	case isOLE && password == "":
		return nil, apperr.Invalidf("文件 %s 设有打开密码，请提供密码后再导入（如果它是旧版 .xls 文件，请另存为 .xlsx）", name)
	case !isOLE && !bytes.HasPrefix(data, zipMagic):
		return nil, apperr.Invalidf("%s 不是 Excel 工作簿（.xlsx），无法读取", name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		Password:          password,
		RawCellValue:      true,
		UnzipSizeLimit:    UnzipSizeLimit,
		UnzipXMLSizeLimit: UnzipXMLSizeLimit,
	})
	if err != nil {
		return nil, openError(name, isOLE, err)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, apperr.Invalidf("文件 %s 已损坏：没有工作表", name)
	}
	return f, nil
}

func openError(name string, encrypted bool, err error) error {
	msg := err.Error()
	switch {
	case encrypted && (errors.Is(err, excelize.ErrWorkbookPassword) || strings.Contains(msg, "password")):
		return apperr.Invalidf("文件 %s 的密码不正确", name)
	case encrypted:
		return apperr.Invalidf("文件 %s 无法解密，可能密码不正确或文件已损坏", name)
	case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit) || strings.Contains(msg, "size limit"):
		return apperr.Invalidf("文件 %s 解压后过大，疑似异常文件，已拒绝", name)
	case strings.Contains(msg, "zip"):
		return apperr.Invalidf("文件 %s 已损坏或不完整（可能没有保存完或传输中断），请让对方重新保存后发送", name)
	}
	return apperr.Invalidf("文件 %s 无法读取：%v", name, err)
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
