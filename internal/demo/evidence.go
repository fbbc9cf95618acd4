package demo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"slices"

	"liankanping/internal/evidence"
	"liankanping/internal/finding"
	"liankanping/internal/round"
)

// A few evidence files, so that a newcomer sees them at work: site photos and a report on the
// observations of two units in 2024Q3, and rectification photos and a closing certificate on
// some findings. The photos are drawn here (a wall, a red banner, a table and windows in
// colours fixed by the seed) and the PDFs written by hand, so the demo stays deterministic and
// small.

func init() { registerStep(50, "evidence", buildEvidence) }

// demoPhoto draws a 480×320 picture of a meeting room: a wall, a red banner, windows, a table.
func demoPhoto(wall, banner color.RGBA, windows int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 480, 320))
	fill := func(r image.Rectangle, c color.RGBA) {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				img.SetRGBA(x, y, c)
			}
		}
	}
	fill(img.Bounds(), wall)
	fill(image.Rect(0, 230, 480, 320), color.RGBA{150, 111, 80, 255}) // floor
	fill(image.Rect(60, 30, 420, 80), banner)
	for i := 0; i < windows; i++ {
		x := 40 + i*(400/windows)
		fill(image.Rect(x, 100, x+60, 190), color.RGBA{190, 224, 245, 255})
	}
	fill(image.Rect(120, 200, 360, 240), color.RGBA{110, 70, 40, 255}) // table
	// A round emblem on the banner.
	for y := -18; y <= 18; y++ {
		for x := -18; x <= 18; x++ {
			if x*x+y*y <= 18*18 {
				img.SetRGBA(240+x, 55+y, color.RGBA{250, 204, 21, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // encoding an in-memory RGBA image cannot fail
	}
	return b.Bytes()
}

// demoPDF writes a one-page PDF with one line of (ASCII) text, with a correct cross-reference
// table so that any reader opens it.
func demoPDF(line string) []byte {
	stream := fmt.Sprintf("BT /F1 20 Tf 60 400 Td (%s) Tj ET", line)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func buildEvidence(b *Builder) error {
	svc := evidence.WithTx(b.Tx)
	add := func(t evidence.Target, note string, files ...evidence.File) error {
		rep, err := svc.Add(t, files, note, "演示数据")
		if err != nil {
			return err
		}
		if len(rep.Refused) > 0 {
			return fmt.Errorf("演示佐证材料被拒绝：%s", rep.Refused[0].Message)
		}
		return nil
	}
	rounds := round.WithTx(b.Tx)
	roundID, err := rounds.IDByCode("2024Q3")
	if err != nil {
		return fmt.Errorf("轮次 2024Q3：%w", err)
	}
	d, err := rounds.Get(roundID)
	if err != nil {
		return err
	}
	var units []uint
	for _, u := range d.Units[:min(2, len(d.Units))] {
		units = append(units, u.ID)
	}
	walls := []color.RGBA{{245, 240, 230, 255}, {232, 238, 244, 255}}
	for i, u := range units {
		photo := evidence.File{Name: "现场照片_党员活动室.png", Data: demoPhoto(walls[i], color.RGBA{183, 28, 28, 255}, 3+i)}
		report := evidence.File{Name: "党建工作汇报.pdf", Data: demoPDF(fmt.Sprintf("2024Q3 Party building report %d", i+1))}
		if err := add(evidence.Target{RoundID: roundID, UnitID: u}, "观摩现场", photo, report); err != nil {
			return err
		}
	}
	// Findings: the rectification photo of a finished one, the closing certificate of a closed one.
	for _, st := range []struct{ status, name, note string }{
		{"已整改", "整改后_学习园地.png", "整改完成后拍摄"},
		{"已销号", "销号审核意见.pdf", "支部审核同意销号"},
	} {
		list, err := finding.WithTx(b.Tx).List(finding.Filter{Status: finding.Status(st.status)})
		if err != nil {
			return err
		}
		var ids []uint
		for _, f := range list {
			ids = append(ids, f.ID)
		}
		slices.Sort(ids)
		ids = ids[:min(2, len(ids))]
		for k, id := range ids {
			data := demoPhoto(color.RGBA{240, 244, 236, 255}, color.RGBA{198, 40, 40, 255}, 2+k)
			if st.status == "已销号" {
				data = demoPDF(fmt.Sprintf("Rectification closed: finding %d", id))
			}
			if err := add(evidence.Target{FindingID: id}, st.note, evidence.File{Name: st.name, Data: data}); err != nil {
				return err
			}
		}
	}
	return nil
}
