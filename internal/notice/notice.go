// Package notice writes the 通报 of a round — the Word document the office sends upward,
// listing the units by grade, with the 汇总表 as its attachment — from a wording the office
// keeps in 设置 (Template) and the round's results; docx lays it out as GB/T 9704 asks.
package notice

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/docx"
	"liankanping/internal/report"
	"liankanping/internal/round"
	"liankanping/internal/scheme"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/setting"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Service builds 通报 and keeps their template.
type Service struct {
	db       *gorm.DB
	settings *setting.Service
	rounds   *round.Service
	schemes  *scheme.Service
	scores   *score.Service
	// Now gives the 成文日期 when the caller sets none.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, settings: setting.NewService(s), rounds: round.NewService(s), schemes: scheme.NewService(s), scores: score.NewService(s), Now: time.Now}
}

// templateKey is the template's row in the settings table.
const templateKey = "notice_template"

// Template returns the office's template, or the shipped one when none was saved.
func (s *Service) Template() (Template, error) {
	v, ok, err := s.settings.Get(templateKey)
	if err != nil {
		return Template{}, err
	}
	if !ok {
		return Default(), nil
	}
	var t Template
	if err := json.Unmarshal([]byte(v), &t); err != nil {
		return Default(), nil // a damaged row must not keep the office from its 通报
	}
	return t, nil
}

// SaveTemplate validates a template and keeps it; it returns the template as kept.
func (s *Service) SaveTemplate(t Template) (Template, error) {
	if err := t.Validate(); err != nil {
		return Template{}, err
	}
	b, err := json.Marshal(t)
	if err != nil {
		return Template{}, err
	}
	return t, s.settings.Set(templateKey, string(b))
}

// ResetTemplate forgets the office's template, so the shipped one applies again.
func (s *Service) ResetTemplate() (Template, error) {
	if err := s.settings.Delete(templateKey); err != nil {
		return Template{}, err
	}
	return Default(), nil
}

// Options are what the person exporting may set.
type Options struct {
	// Issuer is the 发文单位; "" takes the template's.
	Issuer string
	// Date is the 成文日期; the zero time means today.
	Date time.Time
}

// unitLine is a scored unit as a grade list shows it.
type unitLine struct {
	name  string
	area  int
	rank  int
	final int64
}

// Facts gathers what the placeholders say about a round. A round not yet scoring has no
// results to announce and is refused; a scoring one is announced as provisional.
func (s *Service) Facts(roundID uint, t Template, opts Options) (Facts, *score.Results, error) {
	d, err := s.rounds.Get(roundID)
	if err != nil {
		return Facts{}, nil, err
	}
	if d.Status == round.Planned {
		return Facts{}, nil, apperr.Invalidf("%s尚未开始评分，没有可以通报的结果", d.Title)
	}
	res, err := s.scores.Results(roundID)
	if err != nil {
		return Facts{}, nil, err
	}
	byGrade := map[string][]unitLine{}
	scored := 0
	areas := map[uint]int{}
	for _, u := range d.Units {
		areas[u.ID] = u.AreaNumber
	}
	for _, u := range res.Units {
		if !u.Scored || u.Grade == "" {
			continue
		}
		scored++
		byGrade[u.Grade] = append(byGrade[u.Grade], unitLine{name: u.Name, area: areas[u.ID], rank: u.Rank, final: u.FinalCenti})
	}
	if scored == 0 {
		return Facts{}, nil, apperr.Invalidf("%s还没有单位得出评分结果，暂不能生成通报", d.Title)
	}
	issuer := strings.TrimSpace(opts.Issuer)
	if issuer == "" {
		issuer = t.Issuer
	}
	date := opts.Date
	if date.IsZero() {
		date = s.Now()
	}
	place := strings.TrimSpace(d.Place)
	if place == "" {
		place = "各观摩单位"
	}
	f := Facts{Values: map[string]string{
		"轮次": d.Title, "轮次编号": d.Code, "观摩地点": place,
		"单位数":  fmt.Sprint(len(d.Units)),
		"发文单位": issuer, "发文日期": docx.ChineseDate(date),
	}, Lists: map[string][]string{}}
	if day, err := time.Parse("2006-01-02", d.Date); err == nil {
		f.Values["观摩日期"] = docx.ChineseDate(day)
	}
	var dist []string
	for _, g := range grades {
		us := byGrade[g]
		sortUnits(us, t.Order)
		names := make([]string, len(us))
		for i, u := range us {
			names[i] = u.name
			if t.Scores {
				names[i] += "（" + scoring.FormatCenti(u.final) + "分）"
			}
		}
		f.Lists[g+"单位"] = names
		f.Values[g+"单位数"] = fmt.Sprint(len(us))
		if len(us) > 0 {
			dist = append(dist, fmt.Sprintf("%d个单位评为“%s”等次", len(us), g))
		}
	}
	f.Values["等次分布"] = strings.Join(dist, "，")
	var groups []string
	for _, g := range d.Groups {
		groups = append(groups, fmt.Sprintf("%s（权重%s%%）", g.Name, scoring.FormatPoints(int64(g.WeightBP))))
	}
	f.Values["评价主体"] = joinAnd(groups)
	if sc, err := s.schemes.Get(d.SchemeID); err == nil {
		nodes := sc.Nodes()
		scheme.Sum(nodes)
		var dims []string
		for _, n := range nodes {
			if n.Subtotal.ScoreCenti > 0 { // what is scored, not the bonus or deduction lists
				dims = append(dims, n.Name)
			}
		}
		f.Values["观摩内容"] = strings.Join(dims, "、")
	}
	return f, res, nil
}

// joinAnd joins a list the way Chinese prose does: 甲、乙和丙.
func joinAnd(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], "、") + "和" + xs[len(xs)-1]
}

// Preview is a 通报 as text, for 设置 and the button's confirmation.
type Preview struct {
	Title      string           `json:"title"`
	Addressee  string           `json:"addressee"`
	Body       []docx.Paragraph `json:"body"`
	Attachment string           `json:"attachment"`
	Note       string           `json:"note"`
	Issuer     string           `json:"issuer"`
	Date       string           `json:"date"`
}

// provisionalNote is said under the title while the round is still scoring.
const provisionalNote = "（评分尚未结束，以下为暂定结果，以正式通报为准）"

// Document fills template t for a round.
func (s *Service) Document(roundID uint, t Template, opts Options) (docx.Document, error) {
	f, res, err := s.Facts(roundID, t, opts)
	if err != nil {
		return docx.Document{}, err
	}
	r, err := Render(t, f)
	if err != nil {
		return docx.Document{}, err
	}
	d := docx.Document{Title: r.Title, Addressee: r.Addressee, Body: r.Body, Attachment: r.Attachment,
		Issuer: f.Values["发文单位"], Creator: f.Values["发文单位"], Created: s.Now()}
	d.Date = opts.Date
	if d.Date.IsZero() {
		d.Date = s.Now()
	}
	if res.Status != round.Closed {
		d.Note = provisionalNote
	}
	return d, nil
}

// Preview fills template t for a round, as text.
func (s *Service) Preview(roundID uint, t Template, opts Options) (Preview, error) {
	d, err := s.Document(roundID, t, opts)
	if err != nil {
		return Preview{}, err
	}
	return Preview{Title: d.Title, Addressee: d.Addressee, Body: d.Body, Attachment: d.Attachment,
		Note: d.Note, Issuer: d.Issuer, Date: docx.ChineseDate(d.Date)}, nil
}

// FileName is the name the 通报 of a round is offered under: 2024Q3_通报.docx.
func (s *Service) FileName(roundID uint) (string, error) {
	d, err := s.rounds.Get(roundID)
	if err != nil {
		return "", err
	}
	// The report's name, whose cleaning of the code the 通报 shares.
	return strings.TrimSuffix(report.FileName(d.Code), "_汇总表.xlsx") + "_通报.docx", nil
}

// Export writes the 通报 of a round to path (".docx" is added when it has no extension) and
// returns the path written. The file appears whole or not at all.
func (s *Service) Export(roundID uint, path string, opts Options) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", apperr.Invalidf("请指定通报的保存位置")
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case "":
		path += ".docx"
	case ".docx":
	default:
		return "", apperr.Invalidf("通报须保存为 .docx 文件，不能保存为 %s", filepath.Base(path))
	}
	t, err := s.Template()
	if err != nil {
		return "", err
	}
	d, err := s.Document(roundID, t, opts)
	if err != nil {
		return "", err
	}
	if err := workbook.SaveFile(path, func(w io.Writer) error { return docx.Write(w, d) }); err != nil {
		return "", fmt.Errorf("导出通报：%w", err)
	}
	return path, nil
}
