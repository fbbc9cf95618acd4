package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"liankanping/internal/docx"
)

func sample() docx.Document {
	return docx.Document{
		Title:     "关于2024年第三季度“常委看党建”观摩\n评价结果的通报",
		Note:      "（暂定）",
		Addressee: "区直各部门（单位）党组（党委）：",
		Body: []docx.Paragraph{
			{Kind: docx.Text, Text: "现将有关情况通报如下。"},
			{Kind: docx.Heading1, Text: "一、评价结果"},
			{Kind: docx.Heading2, Text: "（一）“优秀”等次单位（1个）。区司法局 & <区档案馆>。"},
		},
		Attachment: "2024年第三季度“常委看党建”观摩评价汇总表",
		Issuer:     "区委区直机关工委",
		Date:       time.Date(2024, 6, 5, 0, 0, 0, 0, time.Local),
		Creator:    "区委区直机关工委",
	}
}

// parts writes d and returns the package's parts by name.
func parts(t *testing.T, d docx.Document) map[string]string {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		out[f.Name] = string(b)
	}
	return out
}

// TestWrite_WellFormed: every part a Word, WPS or LibreOffice reader looks for is there and
// parses as XML, with the properties the 公文 layout depends on.
func TestWrite_WellFormed(t *testing.T) {
	ps := parts(t, sample())
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
		"word/styles.xml", "word/settings.xml", "word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "docProps/core.xml", "docProps/app.xml"} {
		body, ok := ps[name]
		if !ok {
			t.Errorf("no part %s", name)
			continue
		}
		dec := xml.NewDecoder(strings.NewReader(body))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Errorf("%s is not well-formed XML: %v", name, err)
				break
			}
		}
	}
	for name := range ps {
		if name != "[Content_Types].xml" && !strings.HasPrefix(name, "_rels/") && !strings.Contains(ps["[Content_Types].xml"], `PartName="/`+name+`"`) && !strings.HasSuffix(name, ".rels") {
			t.Errorf("part %s has no content type", name)
		}
	}
	checks := []struct{ part, want string }{
		{"word/settings.xml", "<w:evenAndOddHeaders/>"},
		{"docProps/core.xml", "<cp:coreProperties "},
		{"docProps/core.xml", "<dc:title>关于2024年第三季度“常委看党建”观摩评价结果的通报</dc:title>"},
		{"word/document.xml", `<w:pgSz w:w="11906" w:h="16838"/>`},
		{"word/document.xml", `<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`},
		{"word/document.xml", `<w:footerReference w:type="even" r:id="rId5"/>`},
		{"word/document.xml", `<w:docGrid w:type="lines" w:linePitch="579"/>`},
		{"word/document.xml", "区司法局 &amp; &lt;区档案馆&gt;。"},
		{"word/document.xml", "观摩</w:t><w:br/><w:t xml:space=\"preserve\">评价结果的通报"},
		{"word/document.xml", "2024年6月5日"},
		{"word/document.xml", "附件：2024年第三季度"},
		{"word/styles.xml", `w:eastAsia="方正小标宋简体"`},
		{"word/styles.xml", `w:eastAsia="仿宋_GB2312"`},
		{"word/styles.xml", `w:eastAsia="黑体"`},
		{"word/styles.xml", `w:eastAsia="楷体_GB2312"`},
		{"word/footer1.xml", `<w:jc w:val="right"/>`},
		{"word/footer2.xml", `<w:jc w:val="left"/>`},
		{"word/footer1.xml", ` PAGE `},
	}
	for _, c := range checks {
		if !strings.Contains(ps[c.part], c.want) {
			t.Errorf("%s lacks %q", c.part, c.want)
		}
	}
	// The heading of a second-level paragraph is 楷体 up to its full stop, the rest 仿宋.
	if !strings.Contains(ps["word/document.xml"], `<w:rStyle w:val="Kai"/></w:rPr><w:t xml:space="preserve">（一）“优秀”等次单位（1个）。</w:t>`) {
		t.Errorf("the second-level heading is not set in 楷体 up to its full stop")
	}
	if strings.Contains(ps["word/document.xml"], "<w:embedTrueTypeFonts") || strings.Contains(ps["word/fontTable.xml"], "embed") {
		t.Errorf("fonts are embedded")
	}
}

func TestChineseDate(t *testing.T) {
	for _, c := range []struct {
		in   time.Time
		want string
	}{
		{time.Date(2024, 6, 15, 0, 0, 0, 0, time.UTC), "2024年6月15日"},
		{time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC), "2024年12月1日"},
	} {
		if got := docx.ChineseDate(c.in); got != c.want {
			t.Errorf("ChineseDate(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
