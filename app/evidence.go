package app

import (
	"encoding/base64"
	"os"
	"path/filepath"

	"liankanping/internal/apperr"
	"liankanping/internal/backup"
	"liankanping/internal/evidence"
	"liankanping/internal/store"
)

// EvidenceAPI attaches evidence files (佐证材料) to records, shows them and takes them out again.
type EvidenceAPI struct{ c *Core }

// NewEvidenceAPI binds the evidence facade.
func NewEvidenceAPI(c *Core) *EvidenceAPI { return &EvidenceAPI{c} }

// EvidenceFilter is the file dialog's type list for evidence.
var EvidenceFilter = []FileFilter{
	{DisplayName: "佐证材料（照片、PDF、Word/WPS、Excel/WPS 表格、文本）", Pattern: "*.jpg;*.jpeg;*.png;*.heic;*.heif;*.pdf;*.doc;*.docx;*.wps;*.xls;*.xlsx;*.et;*.txt;*.csv;*.md"},
	{DisplayName: "所有文件", Pattern: "*.*"},
}

// ReturnFilter is the file dialog's type list for returned feedback workbooks: the workbook, or
// a zip holding it with its evidence files.
var ReturnFilter = []FileFilter{{DisplayName: "整改情况反馈表或压缩包 (*.xlsx, *.zip)", Pattern: "*.xlsx;*.zip"}}

// DroppedFile is a file dropped on the window, its bytes in base64.
type DroppedFile struct {
	Name string `json:"name"`
	Data string `json:"data"`
}

// EvidenceContent is a file as the viewer shows it: a data URL of its bytes.
type EvidenceContent struct {
	Item    evidence.Item `json:"item"`
	DataURL string        `json:"dataUrl"`
}

func (a *EvidenceAPI) svc(s *store.Store) *evidence.Service { return evidence.NewService(s) }

// ListEvidence returns the attachments that f selects.
func (a *EvidenceAPI) ListEvidence(f evidence.Filter) ([]evidence.Item, error) {
	return call1(a.c, func(s *store.Store) ([]evidence.Item, error) { return a.svc(s).List(f) })
}

// PickAndAttach asks for files and attaches them to t; nil when the user cancelled.
func (a *EvidenceAPI) PickAndAttach(t evidence.Target, note string) (*evidence.AddReport, error) {
	paths, err := a.c.Dialogs.OpenFiles("选择佐证材料", EvidenceFilter)
	if err != nil || len(paths) == 0 {
		return nil, mapError(err)
	}
	return a.AttachPaths(t, paths, note)
}

// AttachPaths attaches the files at paths (from the dialog, or dropped on the native window)
// to t; a file too large is refused before it is read.
func (a *EvidenceAPI) AttachPaths(t evidence.Target, paths []string, note string) (*evidence.AddReport, error) {
	return call1(a.c, func(s *store.Store) (*evidence.AddReport, error) {
		return a.svc(s).AddPaths(t, paths, note, a.c.Operator())
	})
}

// AttachDropped attaches files dropped on the page, read by the browser engine.
func (a *EvidenceAPI) AttachDropped(t evidence.Target, dropped []DroppedFile, note string) (*evidence.AddReport, error) {
	return call1(a.c, func(s *store.Store) (*evidence.AddReport, error) {
		files := make([]evidence.File, 0, len(dropped))
		for _, d := range dropped {
			data, err := base64.StdEncoding.DecodeString(d.Data)
			if err != nil {
				return nil, apperr.Invalidf("“%s”没有完整传入，请重试", d.Name)
			}
			files = append(files, evidence.File{Name: d.Name, Data: data})
		}
		return a.svc(s).Add(t, files, note, a.c.Operator())
	})
}

// Thumbnails returns data URLs of the thumbnails of the attachments ids that have one.
func (a *EvidenceAPI) Thumbnails(ids []uint) (map[uint]string, error) {
	return call1(a.c, func(s *store.Store) (map[uint]string, error) {
		out := map[uint]string{}
		for _, id := range ids {
			th, err := a.svc(s).Thumbnail(id)
			if err != nil {
				return nil, err
			}
			if th != nil {
				out[id] = "data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(th)
			}
		}
		return out, nil
	})
}

// EvidenceContent returns a file for the viewer, checked against its hash.
func (a *EvidenceAPI) EvidenceContent(id uint) (*EvidenceContent, error) {
	return call1(a.c, func(s *store.Store) (*EvidenceContent, error) {
		it, data, err := a.svc(s).Content(id)
		if err != nil {
			return nil, err
		}
		return &EvidenceContent{Item: *it, DataURL: "data:" + it.MIME + ";base64," + base64.StdEncoding.EncodeToString(data)}, nil
	})
}

// SaveEvidenceAs asks where to save a copy of a file and writes it there; "" when cancelled.
func (a *EvidenceAPI) SaveEvidenceAs(id uint) (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) {
		it, data, err := a.svc(s).Content(id)
		if err != nil {
			return "", err
		}
		ext := filepath.Ext(it.FileName)
		path, err := a.c.Dialogs.SaveFile("另存为", it.FileName, []FileFilter{{DisplayName: it.FileName, Pattern: "*" + ext}})
		if err != nil || path == "" {
			return "", err
		}
		tmp := path + ".part"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			os.Remove(tmp)
			return "", apperr.Invalidf("无法保存到 %s：%v", path, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return "", apperr.Invalidf("无法保存 %s：文件可能正在被其他程序打开（%v）", filepath.Base(path), err)
		}
		return path, nil
	})
}

// OpenContainingFolder shows the folder of a saved copy in the file manager.
func (a *EvidenceAPI) OpenContainingFolder(path string) error {
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return mapError(apperr.Invalidf("文件夹 %s 不存在", dir))
	}
	return mapError(openFolder(dir))
}

// SetEvidenceNote changes the note of an attachment.
func (a *EvidenceAPI) SetEvidenceNote(id uint, note string) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).SetNote(id, note) })
}

// SetEvidenceIndicator ties an observation's file to one indicator of the round's scheme (0:
// to none).
func (a *EvidenceAPI) SetEvidenceIndicator(id, indicatorID uint) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).SetIndicator(id, indicatorID) })
}

// RemoveEvidence detaches a file from its record, after an automatic backup.
func (a *EvidenceAPI) RemoveEvidence(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).Remove(id) })
}

// CountEvidence tells how many files a record carries, for the confirmation before deleting it.
func (a *EvidenceAPI) CountEvidence(t evidence.Target) (int, error) {
	return call1(a.c, func(s *store.Store) (int, error) { return a.svc(s).Count(t) })
}

// ExportEvidence asks for a folder and writes the round's evidence into a folder 佐证材料_CODE
// inside it; nil when cancelled.
func (a *EvidenceAPI) ExportEvidence(roundID uint) (*evidence.ExportResult, error) {
	dir, err := a.c.Dialogs.OpenDirectory("选择导出佐证材料的文件夹")
	if err != nil || dir == "" {
		return nil, mapError(err)
	}
	return call1(a.c, func(s *store.Store) (*evidence.ExportResult, error) { return a.svc(s).ExportUnder(roundID, dir) })
}

// EvidenceMaxMB is the size limit of an evidence file, in megabytes.
func (a *EvidenceAPI) EvidenceMaxMB() (int, error) {
	return call1(a.c, func(s *store.Store) (int, error) { return a.svc(s).MaxMB(), nil })
}

// SetEvidenceMaxMB changes the size limit.
func (a *EvidenceAPI) SetEvidenceMaxMB(mb int) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).SetMaxMB(mb) })
}
