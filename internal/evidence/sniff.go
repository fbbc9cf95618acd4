package evidence

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"liankanping/internal/apperr"
)

// Kind is what an evidence file is, decided from its bytes; stored as a stable code and named
// in the window through the locale files.
type Kind string

// The kinds of evidence accepted.
const (
	KindImage Kind = "image" // JPEG, PNG, HEIC
	KindPDF   Kind = "pdf"
	KindWord  Kind = "word"  // .doc, .docx, .wps
	KindExcel Kind = "excel" // .xls, .xlsx, .et
	KindText  Kind = "text"
)

// sniffed is what the bytes of a file say it is.
type sniffed struct {
	kind Kind
	mime string
}

// textExts are the names a plain text file may carry: anything else that reads as text (a .js,
// .vbs or .ps1) is a script, and refused.
var textExts = map[string]bool{"": true, ".txt": true, ".csv": true, ".md": true, ".log": true}

// dangerousExts are names that run when opened on Windows, refused whatever the bytes inside.
var dangerousExts = map[string]bool{
	".exe": true, ".com": true, ".bat": true, ".cmd": true, ".scr": true, ".pif": true, ".msi": true,
	".dll": true, ".js": true, ".jse": true, ".vbs": true, ".vbe": true, ".wsf": true, ".ps1": true,
	".sh": true, ".lnk": true, ".hta": true, ".jar": true, ".reg": true, ".cpl": true, ".html": true, ".htm": true,
}

// sniff decides the kind of a file from its first bytes (magic numbers), not its name: a program
// named photo.jpg is refused as a program. What it cannot name is refused as an unknown kind.
func sniff(name string, data []byte) (sniffed, error) {
	ext := strings.ToLower(filepath.Ext(name))
	if dangerousExts[ext] {
		return sniffed{}, apperr.Invalidf("“%s”是可执行文件或脚本（%s），不能作为佐证材料", name, ext)
	}
	if len(data) == 0 {
		return sniffed{}, apperr.Invalidf("“%s”是空文件", name)
	}
	head := data[:min(len(data), 512)]
	has := func(p string) bool { return bytes.HasPrefix(data, []byte(p)) }
	switch {
	case has("\x7fELF"), has("MZ"), has("\xfe\xed\xfa\xce"), has("\xfe\xed\xfa\xcf"), has("\xce\xfa\xed\xfe"),
		has("\xcf\xfa\xed\xfe"), has("\xca\xfe\xba\xbe"):
		return sniffed{}, apperr.Invalidf("“%s”是一个程序（可执行文件），不能作为佐证材料", name)
	case has("#!"):
		return sniffed{}, apperr.Invalidf("“%s”是一个脚本，不能作为佐证材料", name)
	case has("\xff\xd8\xff"):
		return sniffed{KindImage, "image/jpeg"}, nil
	case has("\x89PNG\r\n\x1a\n"):
		return sniffed{KindImage, "image/png"}, nil
	case isHEIC(data):
		return sniffed{KindImage, "image/heic"}, nil
	case has("%PDF-"):
		return sniffed{KindPDF, "application/pdf"}, nil
	case has("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return oleKind(name, ext)
	case has("PK\x03\x04"):
		return zipKind(name, data)
	}
	if looksLikeText(data) {
		if script := scriptKind(head); script != "" {
			return sniffed{}, apperr.Invalidf("“%s”含有%s，不能作为佐证材料", name, script)
		}
		if !textExts[ext] {
			return sniffed{}, apperr.Invalidf("“%s”不是可接受的文件类型：文本文件只接受 .txt、.csv、.md", name)
		}
		return sniffed{KindText, "text/plain"}, nil
	}
	return sniffed{}, apperr.Invalidf("“%s”的文件类型无法识别：佐证材料只接受照片（JPEG、PNG、HEIC）、PDF、Word/WPS 文档、Excel/WPS 表格和纯文本", name)
}

// isHEIC tells an ISO media file of the HEIF family (iPhone photos) by its ftyp box.
func isHEIC(data []byte) bool {
	if len(data) < 12 || string(data[4:8]) != "ftyp" {
		return false
	}
	switch string(data[8:12]) {
	case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif":
		return true
	}
	return false
}

// oleKind names an OLE2 compound file (legacy Word, Excel, WPS) by its name, the only thing
// that tells a .doc from an .xls without parsing the directory; an OLE2 file with another name
// (a .msi installer is one) is refused.
func oleKind(name, ext string) (sniffed, error) {
	switch ext {
	case ".doc", ".wps", ".dot":
		return sniffed{KindWord, "application/msword"}, nil
	case ".xls", ".et", ".xlt":
		return sniffed{KindExcel, "application/vnd.ms-excel"}, nil
	}
	return sniffed{}, apperr.Invalidf("“%s”是 Office 旧格式文件，但扩展名不是 .doc、.wps、.xls 或 .et，无法确认其类型", name)
}

// zipKind looks inside a zip for the parts of a Word or Excel document (WPS writes the same
// parts into .wps and .et); any other zip is refused, since a zip may carry anything.
func zipKind(name string, data []byte) (sniffed, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return sniffed{}, apperr.Invalidf("“%s”是损坏的压缩文件，无法识别", name)
	}
	types := false
	var word, excel bool
	for _, f := range zr.File {
		switch {
		case f.Name == "[Content_Types].xml":
			types = true
		case strings.HasPrefix(f.Name, "word/"):
			word = true
		case strings.HasPrefix(f.Name, "xl/"):
			excel = true
		}
	}
	switch {
	case types && word:
		return sniffed{KindWord, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}, nil
	case types && excel:
		return sniffed{KindExcel, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, nil
	}
	return sniffed{}, apperr.Invalidf("“%s”是压缩包，不是 Word 或 Excel 文档；请解压后附上其中的文件", name)
}

// looksLikeText tells text (UTF-8, or a Chinese legacy encoding such as GBK) from binary: no NUL
// bytes and few control characters in the first 8 KB.
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return true // UTF-16 with its byte order mark
	}
	ctrl := 0
	for _, c := range head {
		if c == 0 {
			return false
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctrl++
		}
	}
	return ctrl*100 <= len(head)
}

// scriptKind tells what kind of script a text is, "" for none: a Windows batch file, a web page
// with a script, or JavaScript / VBScript / PowerShell by their usual openings.
func scriptKind(head []byte) string {
	t := strings.ToLower(strings.TrimLeftFunc(string(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))), unicode.IsSpace))
	if !utf8.ValidString(t) {
		t = strings.ToValidUTF8(t, "")
	}
	switch {
	case strings.HasPrefix(t, "@echo off"), strings.HasPrefix(t, "echo off"), strings.HasPrefix(t, "rem "):
		return "批处理脚本"
	case strings.Contains(t, "<script"), strings.HasPrefix(t, "<!doctype html"), strings.HasPrefix(t, "<html"),
		strings.HasPrefix(t, "<svg"), strings.HasPrefix(t, "<?xml"):
		return "网页或标记代码"
	case strings.HasPrefix(t, "function "), strings.HasPrefix(t, "var "), strings.HasPrefix(t, "const "),
		strings.HasPrefix(t, "let "), strings.HasPrefix(t, "'use strict'"), strings.HasPrefix(t, "\"use strict\""),
		strings.Contains(t, "wscript."), strings.Contains(t, "createobject("), strings.Contains(t, "invoke-expression"),
		strings.HasPrefix(t, "param("), strings.HasPrefix(t, "import "), strings.HasPrefix(t, "require("):
		return "脚本代码"
	}
	return ""
}

// CleanName makes a file name safe to keep and to write out again: the last element of any
// path, without control characters or characters Windows forbids, not empty, at most 120
// characters (the extension kept).
func CleanName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), strings.ContainsRune(`<>:"|?*`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Trim(strings.TrimSpace(b.String()), ". ")
	if name == "" {
		name = "未命名文件"
	}
	if r := []rune(name); len(r) > 120 {
		ext := []rune(filepath.Ext(name))
		if len(ext) > 10 {
			ext = nil
		}
		name = string(r[:120-len(ext)]) + string(ext)
	}
	return name
}
