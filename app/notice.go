package app

import (
	"liankanping/internal/notice"
	"liankanping/internal/store"
)

// NoticeAPI writes the 通报 of a round and keeps its template (设置 → 通报模板).
type NoticeAPI struct{ c *Core }

// NewNoticeAPI binds the notice facade.
func NewNoticeAPI(c *Core) *NoticeAPI { return &NoticeAPI{c} }

// DOCXFilter is the filter for Word documents.
var DOCXFilter = []FileFilter{{DisplayName: "Word 文档 (*.docx)", Pattern: "*.docx"}}

// ExportNotice asks where to save the 通报 of a round, offering 2024Q3_通报.docx, and writes it
// dated today with the template's 发文单位; it returns the path written, "" when cancelled.
func (a *NoticeAPI) ExportNotice(roundID uint) (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) {
		svc := notice.NewService(s)
		name, err := svc.FileName(roundID)
		if err != nil {
			return "", err
		}
		// Refuse before the dialog when there is nothing to announce.
		t, err := svc.Template()
		if err != nil {
			return "", err
		}
		if _, _, err := svc.Facts(roundID, t, notice.Options{}); err != nil {
			return "", err
		}
		path, err := a.c.Dialogs.SaveFile("生成通报", name, DOCXFilter)
		if err != nil || path == "" {
			return "", err
		}
		return svc.Export(roundID, path, notice.Options{})
	})
}

// GetNoticeTemplate returns the office's template, or the shipped one.
func (a *NoticeAPI) GetNoticeTemplate() (notice.Template, error) {
	return call1(a.c, func(s *store.Store) (notice.Template, error) { return notice.NewService(s).Template() })
}

// SaveNoticeTemplate checks and keeps a template; unknown placeholders are refused by name.
func (a *NoticeAPI) SaveNoticeTemplate(t notice.Template) (notice.Template, error) {
	return call1(a.c, func(s *store.Store) (notice.Template, error) { return notice.NewService(s).SaveTemplate(t) })
}

// ResetNoticeTemplate goes back to the shipped template (恢复默认) and returns it.
func (a *NoticeAPI) ResetNoticeTemplate() (notice.Template, error) {
	return call1(a.c, func(s *store.Store) (notice.Template, error) { return notice.NewService(s).ResetTemplate() })
}

// NoticePlaceholders lists the placeholders a template may use.
func (a *NoticeAPI) NoticePlaceholders() []notice.Placeholder { return notice.Placeholders() }

// PreviewNotice fills a template, saved or not, for a round, as text.
func (a *NoticeAPI) PreviewNotice(roundID uint, t notice.Template) (notice.Preview, error) {
	return call1(a.c, func(s *store.Store) (notice.Preview, error) {
		return notice.NewService(s).Preview(roundID, t, notice.Options{})
	})
}
