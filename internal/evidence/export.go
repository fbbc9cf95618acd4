package evidence

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"liankanping/internal/apperr"
	"liankanping/internal/workbook"
)

// IndexFile is the name of the index workbook an export writes beside the units' folders.
const IndexFile = "佐证材料索引.xlsx"

// ExportResult is what Export wrote.
type ExportResult struct {
	Dir   string `json:"dir"`
	Units int    `json:"units"`
	Files int    `json:"files"`
	Index string `json:"index"`
}

// Resolve turns the names the command line uses into a target: a round by its code, one of its
// observed units by full or short name, an indicator of the round's scheme by its code.
func (s *Service) Resolve(roundCode, unitName, indicatorCode string) (Target, error) {
	var t Target
	id, err := s.RoundID(roundCode)
	if err != nil {
		return t, err
	}
	t.RoundID = id
	var units []uint
	if err := s.db.Raw(`SELECT u.id FROM units u JOIN round_units ru ON ru.unit_id = u.id AND ru.round_id = ?
WHERE u.name = ? OR u.short_name = ?`, id, unitName, unitName).Pluck("id", &units).Error; err != nil {
		return t, internal(err)
	}
	if len(units) == 0 {
		return t, apperr.NotFoundf("“%s”不是轮次 %s 的观摩单位", unitName, roundCode)
	}
	t.UnitID = units[0]
	if indicatorCode != "" {
		var ids []uint
		if err := s.db.Raw("SELECT i.id FROM indicators i JOIN rounds r ON r.scheme_id = i.scheme_id WHERE r.id = ? AND i.code = ?",
			id, indicatorCode).Pluck("id", &ids).Error; err != nil {
			return t, internal(err)
		}
		if len(ids) == 0 {
			return t, apperr.NotFoundf("轮次 %s 的考核方案中没有编号为 %s 的指标", roundCode, indicatorCode)
		}
		t.IndicatorID = ids[0]
	}
	return t, nil
}

// RoundID finds a round by its code.
func (s *Service) RoundID(code string) (uint, error) {
	var ids []uint
	if err := s.db.Raw("SELECT id FROM rounds WHERE code = ?", strings.TrimSpace(code)).Pluck("id", &ids).Error; err != nil {
		return 0, internal(err)
	}
	if len(ids) == 0 {
		return 0, apperr.NotFoundf("没有编号为 %s 的观摩轮次", code)
	}
	return ids[0], nil
}

// UnitID finds a unit by its full or short name.
func (s *Service) UnitID(name string) (uint, error) {
	var ids []uint
	if err := s.db.Raw("SELECT id FROM units WHERE name = ? OR short_name = ?", name, name).Pluck("id", &ids).Error; err != nil {
		return 0, internal(err)
	}
	if len(ids) == 0 {
		return 0, apperr.NotFoundf("没有名为“%s”的单位", name)
	}
	return ids[0], nil
}

// ExportUnder exports a round's evidence (Export) into a new folder 佐证材料_CODE inside parent,
// the folder the user picked.
func (s *Service) ExportUnder(roundID uint, parent string) (*ExportResult, error) {
	var code []string
	if err := s.db.Raw("SELECT code FROM rounds WHERE id = ?", roundID).Pluck("code", &code).Error; err != nil {
		return nil, internal(err)
	}
	if len(code) == 0 {
		return nil, apperr.NotFoundf("所选观摩轮次不存在，可能已被删除")
	}
	return s.Export(roundID, filepath.Join(parent, CleanName("佐证材料_"+code[0])))
}

// exportName is the name a file gets in its unit's folder: what it proves, then its own name.
func exportName(it Item) string {
	switch it.RecordKind {
	case "finding":
		return CleanName(fmt.Sprintf("问题%d_%s_%s", *it.FindingID, it.Category, it.FileName))
	case "observation":
		if it.IndicatorCode != "" {
			return CleanName(fmt.Sprintf("%s_%s_%s", it.Category, it.IndicatorCode, it.FileName))
		}
		if strings.HasPrefix(it.FileName, it.Category) {
			return it.FileName // 现场照片_党员活动室.png, not 现场照片_现场照片_党员活动室.png
		}
		return CleanName(it.Category + "_" + it.FileName)
	}
	return it.FileName
}

// Export writes the evidence of a round (its observations and its findings) into dir: one
// folder per unit holding its files, each checked against its hash as it is written, and the
// index workbook (IndexFile) naming unit, record, file, note and hash.
func (s *Service) Export(roundID uint, dir string) (*ExportResult, error) {
	var round []struct{ Code, Title string }
	if err := s.db.Raw("SELECT code, title FROM rounds WHERE id = ?", roundID).Scan(&round).Error; err != nil {
		return nil, internal(err)
	}
	if len(round) == 0 {
		return nil, apperr.NotFoundf("所选观摩轮次不存在，可能已被删除")
	}
	items, err := s.List(Filter{RoundID: roundID})
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, apperr.Invalidf("无法创建文件夹 %s：%v", dir, err)
	}
	res := &ExportResult{Dir: dir, Index: filepath.Join(dir, IndexFile)}
	used := map[string]bool{}
	units := map[string]bool{}
	var rows []workbook.EvidenceIndexRow
	for _, it := range items {
		unit := CleanName(it.UnitName)
		name := exportName(it)
		rel := filepath.Join(unit, name)
		ext := filepath.Ext(name)
		for i := 2; used[rel]; i++ {
			rel = filepath.Join(unit, fmt.Sprintf("%s (%d)%s", strings.TrimSuffix(name, ext), i, ext))
		}
		used[rel] = true
		_, data, err := s.Content(it.ID)
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(filepath.Join(dir, unit), 0o755); err != nil {
			return nil, apperr.Invalidf("无法创建文件夹 %s：%v", filepath.Join(dir, unit), err)
		}
		if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
			return nil, apperr.Invalidf("无法写入 %s：%v", rel, err)
		}
		units[unit] = true
		res.Files++
		rows = append(rows, workbook.EvidenceIndexRow{Unit: it.UnitName, Record: it.Record, Category: it.Category,
			File: filepath.ToSlash(rel), Note: it.Note, Size: HumanSize(it.Size), SHA256: it.SHA256, Operator: it.Operator, At: it.AttachedAt})
	}
	res.Units = len(units)
	title := fmt.Sprintf("%s %s 佐证材料索引", round[0].Code, round[0].Title)
	err = workbook.SaveFile(res.Index, func(w io.Writer) error { return workbook.WriteEvidenceIndex(w, title, rows, s.Now()) })
	if err != nil {
		return nil, err
	}
	return res, nil
}
