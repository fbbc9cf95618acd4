package workbook_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/workbook"
)

// protectedBook is a workbook with a protected sheet, an unlocked cell and document properties,
// as every exporter writes them.
func protectedBook(t *testing.T) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	style, err := f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Sheet1", "A1", "锁定")
	f.SetCellValue("Sheet1", "B1", 8.5)
	f.SetCellStyle("Sheet1", "B1", "B1", style)
	if err := f.ProtectSheet("Sheet1", &excelize.SheetProtectionOptions{Password: "x", SelectLockedCells: true}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: "评分表", Creator: "联看评", LastModifiedBy: "联看评"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

func TestSaveFileWritesExcelStyle(t *testing.T) {
	check := func(t *testing.T, data []byte) {
		p := parts(t, data)
		core := p["docProps/core.xml"]
		for _, want := range []string{"<cp:coreProperties xmlns:cp=", "<cp:lastModifiedBy>联看评</cp:lastModifiedBy>", "</cp:coreProperties>", "<dc:title>评分表</dc:title>"} {
			if !strings.Contains(core, want) {
				t.Errorf("core.xml lacks %s:\n%s", want, core)
			}
		}
		for name, want := range map[string]string{"xl/worksheets/sheet1.xml": `<sheetProtection `, "xl/styles.xml": `<protection `} {
			x := p[name]
			i := strings.Index(x, want)
			if i < 0 {
				t.Fatalf("%s has no %s", name, want)
			}
			el := x[i : i+strings.Index(x[i:], ">")]
			if strings.Contains(el, `"true"`) || strings.Contains(el, `"false"`) || !strings.Contains(el, `="1"`) && !strings.Contains(el, `="0"`) {
				t.Errorf("%s: %s", name, el)
			}
		}
		// And excelize, which wrote it, still reads it so.
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		id, _ := f.GetCellStyle("Sheet1", "B1")
		if st, _ := f.GetStyle(id); st == nil || st.Protection == nil || st.Protection.Locked {
			t.Errorf("B1 came back locked: %+v", st)
		}
		if props, _ := f.GetDocProps(); props.LastModifiedBy != "联看评" || props.Title != "评分表" {
			t.Errorf("doc props = %+v", props)
		}
	}
	t.Run("SaveFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "x.xlsx")
		f := protectedBook(t)
		if err := workbook.SaveFile(path, func(w io.Writer) error { return f.Write(w) }); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		check(t, data)
		again, err := workbook.ExcelStyle(data)
		if err != nil || !reflect.DeepEqual(parts(t, again), parts(t, data)) {
			t.Errorf("a second pass changed the workbook (%v)", err)
		}
	})
	t.Run("NotAZip", func(t *testing.T) {
		in := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3}
		if out, err := workbook.ExcelStyle(in); err != nil || !bytes.Equal(out, in) {
			t.Errorf("an encrypted file was changed: %v", err)
		}
	})
}
