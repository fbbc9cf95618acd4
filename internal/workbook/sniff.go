package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"unicode/utf16"

	"liankanping/internal/apperr"
)

// Kind is what a file is, told by its bytes: people rename files, and "导出 Excel" buttons of
// many systems write CSV or HTML under an .xlsx name.
type Kind string

// The kinds of file Sniff tells apart.
const (
	KindEmpty     Kind = "empty"
	KindXLSX      Kind = "xlsx"
	KindEncrypted Kind = "encrypted" // an xlsx with an opening password (an OLE container)
	KindXLS       Kind = "xls"       // legacy Excel or WPS .et (BIFF in an OLE container)
	KindXLSB      Kind = "xlsb"
	KindODS       Kind = "ods"
	KindNumbers   Kind = "numbers"
	KindWord      Kind = "word" // .doc or .docx
	KindSlides    Kind = "slides"
	KindZip       Kind = "zip" // some other zip archive
	KindCSV       Kind = "csv"
	KindHTML      Kind = "html"
	KindXML2003   Kind = "xml2003" // Excel 2003 XML spreadsheet
	KindFODS      Kind = "fods"    // a flat OpenDocument spreadsheet (LibreOffice's one-file XML)
	KindXML       Kind = "xml"     // some other XML document
	KindSYLK      Kind = "sylk"    // SYLK (.slk), the text format old spreadsheets exchange
	KindPDF       Kind = "pdf"
	KindUnknown   Kind = "unknown"
)

// Sniff tells what data is from its first bytes and, for containers, the names inside.
func Sniff(data []byte) Kind {
	switch {
	case len(data) == 0:
		return KindEmpty
	case bytes.HasPrefix(data, oleMagic):
		return sniffOLE(data)
	case bytes.HasPrefix(data, zipMagic) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return sniffZip(data)
	case bytes.HasPrefix(data, []byte("%PDF")):
		return KindPDF
	}
	return sniffText(data)
}

// sniffOLE looks for the stream names (UTF-16 in the OLE directory) that tell an encrypted
// xlsx from a legacy workbook or a Word document.
func sniffOLE(data []byte) Kind {
	has := func(s string) bool { return bytes.Contains(data, utf16le(s)) }
	switch {
	case has("EncryptedPackage") && has("EncryptionInfo"):
		return KindEncrypted
	case has("Workbook") || has("Book"):
		return KindXLS
	case has("WordDocument"):
		return KindWord
	case has("PowerPoint Document"):
		return KindSlides
	}
	// An OLE file with none of these names is most likely a damaged legacy workbook.
	return KindXLS
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// sniffZip tells the zip-based formats apart by the parts they hold.
func sniffZip(data []byte) Kind {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		// A truncated xlsx has no readable directory; its first entry still says what it was.
		if bytes.Contains(data[:min(len(data), 4096)], []byte("[Content_Types].xml")) || bytes.Contains(data[:min(len(data), 4096)], []byte("xl/")) {
			return KindXLSX
		}
		return KindZip
	}
	kind := KindZip
	for _, f := range zr.File {
		n := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		switch {
		case n == "mimetype":
			if rc, err := f.Open(); err == nil {
				buf := make([]byte, 80)
				k, _ := rc.Read(buf)
				rc.Close()
				if bytes.Contains(buf[:k], []byte("opendocument.spreadsheet")) {
					return KindODS
				}
				if bytes.Contains(buf[:k], []byte("opendocument")) {
					return KindWord
				}
			}
		case n == "xl/workbook.bin":
			return KindXLSB
		case strings.HasPrefix(n, "index/") && strings.HasSuffix(n, ".iwa"), n == "index.zip":
			return KindNumbers
		case strings.HasPrefix(n, "word/"):
			kind = KindWord
		case strings.HasPrefix(n, "ppt/"):
			kind = KindSlides
		case strings.HasPrefix(n, "xl/"), n == "[content_types].xml" && kind == KindZip:
			kind = KindXLSX
		}
	}
	return kind
}

// sniffText tells HTML, Excel 2003 XML and CSV (or other plain text) from binary junk.
func sniffText(data []byte) Kind {
	head := data[:min(len(data), 8192)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	lower := bytes.ToLower(bytes.TrimLeft(head, " \t\r\n"))
	switch {
	case bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) ||
		bytes.HasPrefix(lower, []byte("<table")) || bytes.Contains(lower, []byte("<html")):
		return KindHTML
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return KindXML2003
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("<html")):
		return KindHTML
	case bytes.HasPrefix(lower, []byte("<?xml")) && bytes.Contains(lower, []byte("<office:document")):
		return KindFODS
	case bytes.HasPrefix(lower, []byte("<?xml")):
		return KindXML
	case bytes.HasPrefix(head, []byte("ID;P")):
		return KindSYLK
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return KindUnknown
	}
	// Plain text, in UTF-8 or in GBK as Excel on a Chinese Windows saves a CSV: a CSV, or a
	// one-column list that is one.
	if plainText(head) {
		return KindCSV
	}
	return KindUnknown
}

// plainText tells whether b has no control bytes other than line breaks and tabs.
func plainText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' {
			return false
		}
	}
	return true
}

// kindError is the refusal for a file that is not an xlsx, naming what it is and what to do.
func kindError(name string, k Kind) error {
	const resave = "请用 Excel 或 WPS 打开后“另存为”.xlsx 格式再导入"
	switch k {
	case KindEmpty:
		return apperr.Invalidf("文件 %s 是空的（0 字节），可能没有保存完或传输中断", name)
	case KindXLS:
		return apperr.Invalidf("%s 是旧版 Excel 或 WPS 格式（.xls / .et），%s", name, resave)
	case KindXLSB:
		return apperr.Invalidf("%s 是 Excel 二进制工作簿（.xlsb），%s", name, resave)
	case KindODS:
		return apperr.Invalidf("%s 是 .ods（LibreOffice/WPS 的另一种格式），请另存为 .xlsx 再导入", name)
	case KindNumbers:
		return apperr.Invalidf("%s 是苹果 Numbers 表格，请在 Numbers 中“导出为 Excel”（.xlsx）再导入", name)
	case KindCSV:
		return apperr.Invalidf("%s 是 CSV 或纯文本文件，不是 Excel 工作簿，%s", name, resave)
	case KindHTML:
		return apperr.Invalidf("%s 实际是网页（HTML）文件，只是名字像 Excel（有些系统“导出 Excel”导出的是网页），%s", name, resave)
	case KindXML2003:
		return apperr.Invalidf("%s 是 Excel 2003 XML 表格，%s", name, resave)
	case KindFODS:
		return apperr.Invalidf("%s 是 LibreOffice 的单文件 XML 表格（.fods），请在 LibreOffice 或 WPS 中“另存为”.xlsx 格式再导入", name)
	case KindXML:
		return apperr.Invalidf("%s 是 XML 数据文件，不是 Excel 工作簿，请检查是否选错了文件；如果它来自别的系统，请用 Excel 或 WPS 打开后“另存为”.xlsx 格式再导入", name)
	case KindSYLK:
		return apperr.Invalidf("%s 是 SYLK（.slk）格式的表格，%s", name, resave)
	case KindWord:
		return apperr.Invalidf("%s 是文字文档（Word/WPS 文字），不是 Excel 工作簿，请检查是否选错了文件", name)
	case KindSlides:
		return apperr.Invalidf("%s 是演示文稿（PowerPoint/WPS 演示），不是 Excel 工作簿，请检查是否选错了文件", name)
	case KindPDF:
		return apperr.Invalidf("%s 是 PDF 文件，不是 Excel 工作簿，请检查是否选错了文件", name)
	case KindZip:
		return apperr.Invalidf("%s 是压缩包或其他格式的文件，不是 Excel 工作簿（.xlsx）；如果是压缩包，请先解压", name)
	}
	return apperr.Invalidf("%s 不是 Excel 工作簿（.xlsx），无法读取，请检查是否选错了文件", name)
}

// checkZip checks a workbook's zip directory before it is parsed: the sizes its parts declare
// (archive/zip refuses a part that grows past its declared size, so the declaration binds),
// the number of parts, and names given twice — readers disagree about which copy counts, so a
// file with both is refused rather than read last-one-wins.
func checkZip(data []byte, name string) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		Logf("workbook: zip %s: %v", name, err)
		return apperr.Invalidf("文件 %s 已损坏或不完整（可能没有保存完或传输中断），无法读取。请让对方重新保存后发送", name)
	}
	if len(zr.File) > MaxZipEntries {
		return apperr.Invalidf("文件过大：%s 内部有 %d 个部件，远多于一份工作簿，疑似异常文件，已拒绝", name, len(zr.File))
	}
	seen := make(map[string]bool, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		part := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if seen[part] {
			Logf("workbook: %s: part %s twice", name, f.Name)
			return apperr.Invalidf("文件 %s 内部有两个同名的部件，可能被改动过或已损坏，已拒绝。请用 Excel 或 WPS 打开后重新保存", name)
		}
		seen[part] = true
		total += f.UncompressedSize64
		if total > UnzipSizeLimit {
			return apperr.Invalidf("文件过大：%s 解压后超过 %d MB，疑似异常文件（压缩炸弹），已拒绝", name, UnzipSizeLimit>>20)
		}
		if f.UncompressedSize64 > MaxPartSize && (strings.HasSuffix(part, ".xml") || strings.HasSuffix(part, ".rels")) {
			Logf("workbook: %s: part %s unpacks to %d bytes", name, f.Name, f.UncompressedSize64)
			return apperr.Invalidf("文件过大：%s 中有一部分内容解压后有 %d MB，超过 %d MB（一张工作表不会有这么多内容），已拒绝", name, f.UncompressedSize64>>20, MaxPartSize>>20)
		}
	}
	for _, f := range zr.File {
		part := strings.ToLower(f.Name)
		if !strings.HasSuffix(part, ".xml") && !strings.HasSuffix(part, ".rels") && !strings.HasSuffix(part, ".vml") {
			continue
		}
		if declaresEntities(f) {
			Logf("workbook: %s: part %s has a document type declaration", name, f.Name)
			return apperr.Invalidf("文件 %s 含有 XML 实体声明：Excel、WPS 等办公软件保存的工作簿从不会有这种内容，它可能是被恶意构造的文件（如“实体膨胀”攻击），已拒绝导入。请向发送人核实文件的来源", name)
		}
	}
	return nil
}

// prologSize is how much of a part's beginning declaresEntities reads: the XML declaration,
// comments and the document type declaration come before the root element.
const prologSize = 64 << 10

// declaresEntities tells whether an XML part has a document type declaration (<!DOCTYPE …>,
// where entities are declared) before its root element. Office programs never write one; a
// file that has one was made to expand entities into gigabytes ("billion laughs") or to reach
// outside files, and would otherwise be told only that it is damaged.
func declaresEntities(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false // the reading proper reports a part that cannot be unpacked
	}
	defer rc.Close()
	head, _ := io.ReadAll(io.LimitReader(rc, prologSize))
	for {
		i := bytes.IndexByte(head, '<')
		if i < 0 || i+1 >= len(head) {
			return false
		}
		head = head[i:]
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			end := bytes.Index(head, []byte("?>"))
			if end < 0 {
				return false
			}
			head = head[end+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			end := bytes.Index(head, []byte("-->"))
			if end < 0 {
				return false
			}
			head = head[end+3:]
		default:
			return bytes.HasPrefix(head, []byte("<!DOCTYPE")) || bytes.HasPrefix(head, []byte("<!ENTITY"))
		}
	}
}
