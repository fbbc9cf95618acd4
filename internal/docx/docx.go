// Package docx writes an official document (公文) as a Word file laid out by GB/T 9704-2012:
// A4, the standard margins, 22 lines of 28 characters, the title in 方正小标宋简体, the body in
// 仿宋_GB2312 with 黑体 and 楷体_GB2312 headings, page numbers "— 1 —" on the outer side.
//
// It is a small WordprocessingML writer over an embedded template (template/): the parts that
// never change (styles, settings, font table, content types, relationships) are files, and only
// the body, the footers and the document properties are generated. A general docx library was
// considered and not taken: none of the maintained Go ones sets a document grid, even-and-odd
// footers and East Asian fonts without reaching into its raw XML, and the ones that might are
// AGPL or commercially licensed (see docs/architecture.md, "The 通报").
package docx

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

//go:embed all:template
var template embed.FS

// Kind is what a paragraph of the body is.
type Kind int

const (
	// Text is a body paragraph, its first line indented two characters.
	Text Kind = iota
	// Heading1 is a first-level heading (一、…) in 黑体.
	Heading1
	// Heading2 is a second-level heading (（一）…) in 楷体_GB2312; a paragraph that goes on
	// after its heading's first full stop keeps the rest in 仿宋.
	Heading2
	// Flush is a paragraph with no indent, such as the 主送机关 line.
	Flush
)

// Paragraph is one paragraph of the body.
type Paragraph struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// Document is what a 公文 says; the layout is the package's.
type Document struct {
	// Title is the 标题, centred; it wraps, or breaks where it holds a newline (GB/T 9704
	// asks to break a long title between words, which only a person can choose).
	Title string
	// Note is an optional line under the title in 楷体, centred (e.g. that results are provisional).
	Note string
	// Addressee is the 主送机关 (e.g. 区直各部门单位党组（党委）：), flush left; "" for none.
	Addressee string
	// Body is the 正文.
	Body []Paragraph
	// Attachment names the attachment (附件); "" for none.
	Attachment string
	// Issuer is the 发文机关署名 and Date the 成文日期, at the end.
	Issuer string
	Date   time.Time
	// Created stamps the document properties; the zero time means Date.
	Created time.Time
	// Creator is the author in the document properties.
	Creator string
}

// Page geometry in twentieths of a point (twips): GB/T 9704-2012 §5.2.
const (
	pageWidth   = 11906 // 210 mm
	pageHeight  = 16838 // 297 mm
	marginTop   = 2098  // 37 mm
	marginBot   = 1984  // 35 mm
	marginLeft  = 1587  // 28 mm
	marginRight = 1474  // 26 mm
	// footerDist puts the page number about 7 mm below the text area (its bottom 22 mm above
	// the page's bottom edge).
	footerDist = 1247
	// linePitch is 22 lines in the 225 mm text height: 28.95 pt.
	linePitch = 579
	// charPitch is 28 characters in the 156 mm text width: 15.75 pt. It comes from the
	// character spacing of −0.25 pt in styles.xml, not from a character grid: LibreOffice 7.4
	// lays a docGrid of type linesAndChars out with 18 characters a line instead of 28, while
	// character spacing means the same to Word, WPS and LibreOffice.
	charPitch = 315
)

// Write writes d as a .docx package to w.
func Write(w io.Writer, d Document) error {
	if d.Created.IsZero() {
		d.Created = d.Date
	}
	zw := zip.NewWriter(w)
	err := fs.WalkDir(template, "template", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := template.ReadFile(path)
		if err != nil {
			return err
		}
		return put(zw, strings.TrimPrefix(path, "template/"), b)
	})
	if err != nil {
		return fmt.Errorf("docx template: %w", err)
	}
	parts := []struct {
		name string
		body []byte
	}{
		{"word/document.xml", document(d)},
		{"word/footer1.xml", footer(true)},
		{"word/footer2.xml", footer(false)},
		{"docProps/core.xml", core(d)},
		{"docProps/app.xml", []byte(xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>联看评 Liankanping</Application><DocSecurity>0</DocSecurity></Properties>`)},
	}
	for _, p := range parts {
		if err := put(zw, p.name, p.body); err != nil {
			return err
		}
	}
	return zw.Close()
}

func put(zw *zip.Writer, name string, b []byte) error {
	f, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	return err
}

const nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

func document(d Document) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<w:document ` + nsW + `><w:body>`)
	para(&b, "Title", "", run("", d.Title))
	if d.Note != "" {
		para(&b, "Normal", `<w:jc w:val="center"/>`, run("Kai", d.Note))
	}
	b.WriteString(`<w:p/>`) // 标题下空一行
	if d.Addressee != "" {
		para(&b, "Normal", "", run("", d.Addressee))
	}
	for _, p := range d.Body {
		switch p.Kind {
		case Heading1:
			para(&b, "Heading1", "", run("", p.Text))
		case Heading2:
			head, rest := splitHeading(p.Text)
			para(&b, "Heading2", "", run("Kai", head)+run("", rest))
		case Flush:
			para(&b, "Normal", "", run("", p.Text))
		default:
			para(&b, "Body", "", run("", p.Text))
		}
	}
	if d.Attachment != "" {
		// 正文下空一行左空二字编排“附件”，回行时与附件名称首字对齐 (§7.3.2).
		b.WriteString(`<w:p/>`)
		para(&b, "Normal", fmt.Sprintf(`<w:ind w:left="%d" w:hanging="%d"/>`, 5*charPitch, 3*charPitch), run("", "附件："+d.Attachment))
	}
	// Room for the seal, then the issuer centred over the date, the date four characters from
	// the right (§7.3.5.1).
	b.WriteString(`<w:p/><w:p/><w:p/>`)
	date := ChineseDate(d.Date)
	dw, iw := width(date), width(d.Issuer)
	right := 4*charPitch + (dw-iw)*charPitch/2
	if right < 2*charPitch {
		right = 2 * charPitch
	}
	if d.Issuer != "" {
		para(&b, "Normal", fmt.Sprintf(`<w:ind w:right="%d"/><w:jc w:val="right"/>`, right), run("", d.Issuer))
	}
	para(&b, "Normal", fmt.Sprintf(`<w:ind w:right="%d"/><w:jc w:val="right"/>`, 4*charPitch), run("", date))
	fmt.Fprintf(&b, `<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`+
		`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="851" w:footer="%d" w:gutter="0"/>`+
		`<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="%d"/></w:sectPr>`,
		pageWidth, pageHeight, marginTop, marginRight, marginBot, marginLeft, footerDist, linePitch)
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes()
}

// para writes a paragraph of a style, with extra paragraph properties (in schema order after
// the style) and its runs.
func para(b *bytes.Buffer, style, props, runs string) {
	fmt.Fprintf(b, `<w:p><w:pPr><w:pStyle w:val="%s"/>%s</w:pPr>%s</w:p>`, style, props, runs)
}

func run(charStyle, text string) string {
	if text == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<w:r>`)
	if charStyle != "" {
		fmt.Fprintf(&b, `<w:rPr><w:rStyle w:val="%s"/></w:rPr>`, charStyle)
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		xml.EscapeText(&b, []byte(line))
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
	return b.String()
}

// splitHeading splits "（一）标题。正文……" after the heading's first full stop.
func splitHeading(s string) (head, rest string) {
	if i := strings.Index(s, "。"); i >= 0 && i+len("。") < len(s) {
		return s[:i+len("。")], s[i+len("。"):]
	}
	return s, ""
}

// width is the width of s in full characters: ASCII counts half.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w++
		} else {
			w += 2
		}
	}
	return w / 2
}

// ChineseDate writes a date the way documents do: 2024年6月15日, no leading zeros (§7.3.5.1).
func ChineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// footer is the page number "— 1 —" in 4号 宋体: odd pages on the right, even pages on the
// left, one character in from the edge of the text area (§7.5).
func footer(odd bool) []byte {
	side := `<w:ind w:right="280"/><w:jc w:val="right"/>`
	if !odd {
		side = `<w:ind w:left="280"/><w:jc w:val="left"/>`
	}
	return []byte(xml.Header + `<w:ftr ` + nsW + `><w:p><w:pPr><w:pStyle w:val="Footer"/>` + side + `</w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`)
}

var invalidXML = regexp.MustCompile(`[\x00-\x08\x0B\x0C\x0E-\x1F]`)

func core(d Document) []byte {
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(invalidXML.ReplaceAllString(s, "")))
		return b.String()
	}
	at := d.Created.UTC().Format("2006-01-02T15:04:05Z")
	return []byte(xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(strings.ReplaceAll(d.Title, "\n", "")) + `</dc:title><dc:creator>` + esc(d.Creator) + `</dc:creator><cp:lastModifiedBy>` + esc(d.Creator) + `</cp:lastModifiedBy>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + at + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + at + `</dcterms:modified></cp:coreProperties>`)
}
