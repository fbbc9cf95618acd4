package evidence

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/setting"
	"liankanping/internal/store"
)

// Service attaches, lists, reads, removes, verifies and exports evidence files.
type Service struct {
	db       *gorm.DB
	settings *setting.Service
	// Now is the clock of the attach times.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, settings: setting.NewService(s), Now: time.Now}
}

// WithTx returns a service whose calls run inside tx, for an importer that attaches files in
// the same transaction as its other changes.
func WithTx(tx store.Tx) *Service {
	return &Service{db: tx.DB(), settings: setting.WithTx(tx), Now: time.Now}
}

// MaxBytes is the largest file accepted: the setting evidence_max_mb, DefaultMaxMB without it.
func (s *Service) MaxBytes() int64 { return int64(s.MaxMB()) << 20 }

// MaxMB is the size limit in megabytes.
func (s *Service) MaxMB() int {
	v, ok, err := s.settings.Get(maxMBKey)
	if err != nil || !ok {
		return DefaultMaxMB
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n <= 0 {
		return DefaultMaxMB
	}
	return n
}

// SetMaxMB changes the size limit, between 1 and 500 MB.
func (s *Service) SetMaxMB(mb int) error {
	if mb < 1 || mb > 500 {
		return apperr.Invalidf("佐证材料的大小上限应在 1 到 500 MB 之间")
	}
	return internal(s.settings.Set(maxMBKey, strconv.Itoa(mb)))
}

// TooLarge is the refusal of a file of size bytes, or nil when it fits; callers that read files
// from disk ask before reading them.
func (s *Service) TooLarge(name string, size int64) error {
	if max := s.MaxBytes(); size > max {
		return apperr.Invalidf("“%s”有 %s，超过了佐证材料 %d MB 的上限（可在“设置”中调整）", name, HumanSize(size), max>>20)
	}
	return nil
}

// ReadFiles reads the files at paths for Add, refusing (with a reason) a path that cannot be
// read, a folder, or a file above the limit — the last before reading it.
func (s *Service) ReadFiles(paths []string) ([]File, []Refusal) {
	var files []File
	var refused []Refusal
	for _, p := range paths {
		name := filepath.Base(p)
		info, err := os.Stat(p)
		switch {
		case err != nil:
			refused = append(refused, Refusal{Name: name, Message: fmt.Sprintf("无法读取“%s”", name)})
			continue
		case info.IsDir():
			refused = append(refused, Refusal{Name: name, Message: fmt.Sprintf("“%s”是文件夹，请选择其中的文件", name)})
			continue
		}
		if err := s.TooLarge(name, info.Size()); err != nil {
			refused = append(refused, Refusal{Name: name, Message: apperr.MessageOf(err)})
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			refused = append(refused, Refusal{Name: name, Message: fmt.Sprintf("无法读取“%s”", name)})
			continue
		}
		files = append(files, File{Name: name, Data: data})
	}
	return files, refused
}

// AddPaths attaches the files at paths (ReadFiles, then Add); the files that could not be read
// are reported as refused with the others.
func (s *Service) AddPaths(t Target, paths []string, note, operator string) (*AddReport, error) {
	files, unread := s.ReadFiles(paths)
	rep := &AddReport{Added: []Item{}, Skipped: []Refusal{}, Refused: []Refusal{}}
	if len(files) > 0 {
		var err error
		if rep, err = s.Add(t, files, note, operator); err != nil {
			return nil, err
		}
	}
	rep.Refused = append(unread, rep.Refused...)
	return rep, nil
}

// checkTarget checks that the record exists and that t names exactly one, and fills the
// category's default for kind.
func (s *Service) checkTarget(tx *gorm.DB, t *Target) error {
	n := 0
	for _, id := range []uint{t.FindingID, t.RoundID, t.MatterID, t.BrandID, t.BranchID} {
		if id != 0 {
			n++
		}
	}
	if n != 1 || (t.RoundID == 0) != (t.UnitID == 0) || (t.IndicatorID != 0 && t.RoundID == 0) {
		return apperr.Invalidf("请指定佐证材料所属的一条记录：一个问题、一个轮次中的一个单位、一件办实事、一个品牌或一个临时党支部")
	}
	exists := func(q string, args ...any) (bool, error) {
		var c int64
		err := tx.Raw(q, args...).Scan(&c).Error
		return c > 0, internal(err)
	}
	var ok bool
	var err error
	var what string
	switch {
	case t.FindingID != 0:
		what = "问题记录"
		ok, err = exists("SELECT COUNT(*) FROM findings WHERE id = ?", t.FindingID)
		if t.Category != "" && !findingStage(t.Category) {
			return apperr.Invalidf("问题佐证材料的类别“%s”无效，应为待整改、整改中、已整改或已销号", t.Category)
		}
	case t.RoundID != 0:
		what = "轮次中的观摩单位"
		ok, err = exists("SELECT COUNT(*) FROM round_units WHERE round_id = ? AND unit_id = ?", t.RoundID, t.UnitID)
		if ok && err == nil && t.IndicatorID != 0 {
			what = "轮次考核方案中的指标"
			ok, err = exists("SELECT COUNT(*) FROM indicators i JOIN rounds r ON r.scheme_id = i.scheme_id WHERE r.id = ? AND i.id = ?", t.RoundID, t.IndicatorID)
		}
		if t.Category != "" && t.Category != CategoryPhoto && t.Category != CategoryReport {
			return apperr.Invalidf("观摩佐证材料的类别“%s”无效，应为现场照片或汇报材料", t.Category)
		}
	case t.MatterID != 0:
		what = "办实事记录"
		ok, err = exists("SELECT COUNT(*) FROM practical_matters WHERE id = ?", t.MatterID)
	case t.BrandID != 0:
		what = "党建品牌或荣誉"
		ok, err = exists("SELECT COUNT(*) FROM brands WHERE id = ?", t.BrandID)
	case t.BranchID != 0:
		what = "临时党支部"
		ok, err = exists("SELECT COUNT(*) FROM temp_branches WHERE id = ?", t.BranchID)
	}
	if err != nil {
		return err
	}
	if !ok {
		return apperr.NotFoundf("所选的%s不存在，可能已被删除", what)
	}
	return nil
}

// category is the category a file gets on t: the one asked for, else the finding's status now,
// else for an observation 现场照片 for a photo and 汇报材料 for a document.
func category(tx *gorm.DB, t Target, kind Kind) (string, error) {
	switch {
	case t.Category != "":
		return t.Category, nil
	case t.FindingID != 0:
		var st []string
		err := tx.Raw("SELECT status FROM findings WHERE id = ?", t.FindingID).Pluck("status", &st).Error
		if err != nil || len(st) == 0 {
			return "", internal(err)
		}
		return st[0], nil
	case t.RoundID != 0 && kind == KindImage:
		return CategoryPhoto, nil
	case t.RoundID != 0:
		return CategoryReport, nil
	}
	return "", nil
}

func idPtr(id uint) *uint {
	if id == 0 {
		return nil
	}
	return &id
}

// Add attaches files to the record t names, each file in its own transaction: a file refused
// (a program, a script, an unknown kind, too large) or failing leaves no trace and the others
// are still attached. The same bytes already on the record are kept once; the same bytes on
// another record share one stored copy. note (optional) goes with every file; operator is
// recorded as the one who attached them.
func (s *Service) Add(t Target, files []File, note, operator string) (*AddReport, error) {
	return s.add(t, files, note, operator, nil)
}

func (s *Service) add(t Target, files []File, note, operator string, batchID *uint) (*AddReport, error) {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 500 {
		return nil, apperr.Invalidf("说明不能超过 500 个字")
	}
	if len(files) == 0 {
		return nil, apperr.Invalidf("请选择要附上的文件")
	}
	if err := s.checkTarget(s.db, &t); err != nil {
		return nil, err
	}
	rep := &AddReport{Added: []Item{}, Skipped: []Refusal{}, Refused: []Refusal{}}
	for _, f := range files {
		name := CleanName(f.Name)
		id, dup, err := s.addOne(t, name, f.Data, note, operator, batchID)
		switch {
		case err != nil && apperr.CodeOf(err) == apperr.Internal:
			return nil, err
		case err != nil:
			rep.Refused = append(rep.Refused, Refusal{Name: name, Message: apperr.MessageOf(err)})
		case dup:
			rep.Skipped = append(rep.Skipped, Refusal{Name: name, Message: fmt.Sprintf("“%s”已附在这条记录上（内容相同），没有重复保存", name)})
		default:
			it, err := s.Get(id)
			if err != nil {
				return nil, err
			}
			rep.Added = append(rep.Added, *it)
		}
	}
	return rep, nil
}

// AddFromBatch attaches files that came with an imported return (ledger batch batchID), in
// the caller's transaction (WithTx), so that undoing the batch detaches them (RemoveBatch).
func (s *Service) AddFromBatch(t Target, files []File, note, operator string, batchID uint) (*AddReport, error) {
	return s.add(t, files, note, operator, &batchID)
}

// RemoveBatch detaches every file an imported return attached and tells how many.
func (s *Service) RemoveBatch(batchID uint) (int, error) {
	res := s.db.Where("batch_id = ?", batchID).Delete(&Attachment{})
	return int(res.RowsAffected), internal(res.Error)
}

// Check tells whether a file would be accepted (its size and its kind), without storing it, so
// that an importer can refuse a return before writing anything.
func (s *Service) Check(name string, data []byte) error {
	if err := s.TooLarge(name, int64(len(data))); err != nil {
		return err
	}
	_, err := sniff(name, data)
	return err
}

// Hashes are the SHA-256 of the files attached to a finding, to tell a file sent again from a
// new one.
func (s *Service) Hashes(findingID uint) (map[string]bool, error) {
	var hs []string
	if err := s.db.Model(&Attachment{}).Where("finding_id = ?", findingID).Pluck("sha256", &hs).Error; err != nil {
		return nil, internal(err)
	}
	out := make(map[string]bool, len(hs))
	for _, h := range hs {
		out[h] = true
	}
	return out, nil
}

// addOne stores one file: its blob when new (with its thumbnail), and its link row.
func (s *Service) addOne(t Target, name string, data []byte, note, operator string, batchID *uint) (uint, bool, error) {
	if err := s.TooLarge(name, int64(len(data))); err != nil {
		return 0, false, err
	}
	sn, err := sniff(name, data)
	if err != nil {
		return 0, false, err
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	var id uint
	dup := false
	err = s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.checkTarget(tx, &t); err != nil {
			return err
		}
		cat, err := category(tx, t, sn.kind)
		if err != nil {
			return err
		}
		var same int64
		q := tx.Model(&Attachment{}).Where("sha256 = ?", hash)
		for col, v := range map[string]uint{"finding_id": t.FindingID, "round_id": t.RoundID, "unit_id": t.UnitID,
			"matter_id": t.MatterID, "brand_id": t.BrandID, "branch_id": t.BranchID} {
			if v != 0 {
				q = q.Where(col+" = ?", v)
			}
		}
		if t.IndicatorID != 0 {
			q = q.Where("indicator_id = ?", t.IndicatorID)
		} else if t.RoundID != 0 {
			q = q.Where("indicator_id IS NULL")
		}
		if err := q.Count(&same).Error; err != nil {
			return internal(err)
		}
		if same > 0 {
			dup = true
			return nil
		}
		now := s.Now().UTC()
		var have int64
		if err := tx.Raw("SELECT COUNT(*) FROM evidence_blobs WHERE sha256 = ?", hash).Scan(&have).Error; err != nil {
			return internal(err)
		}
		if have == 0 {
			if err := tx.Exec("INSERT INTO evidence_blobs (sha256, size, created_at, data) VALUES (?, ?, ?, ?)", hash, len(data), now, data).Error; err != nil {
				return internal(err)
			}
			if th := thumbnail(sn.mime, data); th != nil {
				if err := tx.Exec("INSERT INTO evidence_thumbs (sha256, jpeg) VALUES (?, ?)", hash, th).Error; err != nil {
					return internal(err)
				}
			}
		}
		a := Attachment{SHA256: hash, FileName: name, Kind: sn.kind, MIME: sn.mime, Size: int64(len(data)), Category: cat, Note: note,
			FindingID: idPtr(t.FindingID), RoundID: idPtr(t.RoundID), UnitID: idPtr(t.UnitID), IndicatorID: idPtr(t.IndicatorID),
			MatterID: idPtr(t.MatterID), BrandID: idPtr(t.BrandID), BranchID: idPtr(t.BranchID), BatchID: batchID,
			Operator: operator, AttachedAt: now}
		if err := tx.Create(&a).Error; err != nil {
			return internal(err)
		}
		id = a.ID
		return nil
	})
	return id, dup, err
}

// listQuery selects the items with their records named.
const listQuery = `
SELECT e.*,
  CASE WHEN e.finding_id IS NOT NULL THEN 'finding' WHEN e.round_id IS NOT NULL THEN 'observation'
       WHEN e.matter_id IS NOT NULL THEN 'matter' WHEN e.brand_id IS NOT NULL THEN 'brand' ELSE 'branch' END AS record_kind,
  CASE WHEN e.finding_id IS NOT NULL THEN '问题：' || substr(f.description, 1, 30)
       WHEN e.round_id IS NOT NULL THEN '观摩 ' || COALESCE(r.code, '') || COALESCE(' · ' || i.code || ' ' || i.name, '')
       WHEN e.matter_id IS NOT NULL THEN '办实事 ' || m.code || ' ' || m.title
       WHEN e.brand_id IS NOT NULL THEN '党建品牌 ' || br.name
       ELSE '临时党支部 ' || COALESCE(tb.name, '') END AS record,
  COALESCE(u.name, '') AS unit_name, COALESCE(r.code, '') AS round_code,
  COALESCE(i.code, '') AS indicator_code, COALESCE(i.name, '') AS indicator_name,
  EXISTS (SELECT 1 FROM evidence_thumbs t WHERE t.sha256 = e.sha256) AS has_thumb
FROM evidence e
LEFT JOIN findings f ON f.id = e.finding_id
LEFT JOIN practical_matters m ON m.id = e.matter_id
LEFT JOIN brands br ON br.id = e.brand_id
LEFT JOIN temp_branches tb ON tb.id = e.branch_id
LEFT JOIN rounds r ON r.id = COALESCE(e.round_id, f.round_id)
LEFT JOIN units u ON u.id = COALESCE(e.unit_id, f.unit_id, m.unit_id, br.unit_id, tb.host_unit_id)
LEFT JOIN indicators i ON i.id = e.indicator_id
`

// List returns the attachments that f selects, by record and attach order.
func (s *Service) List(f Filter) ([]Item, error) {
	var where []string
	var args []any
	add := func(cond string, v ...any) { where, args = append(where, cond), append(args, v...) }
	if f.RoundID != 0 {
		add("(e.round_id = ? OR f.round_id = ?)", f.RoundID, f.RoundID)
	}
	if f.UnitID != 0 {
		add("COALESCE(e.unit_id, f.unit_id, m.unit_id, br.unit_id, tb.host_unit_id) = ?", f.UnitID)
	}
	for col, v := range map[string]uint{"e.finding_id": f.FindingID, "e.matter_id": f.MatterID, "e.brand_id": f.BrandID, "e.branch_id": f.BranchID} {
		if v != 0 {
			add(col+" = ?", v)
		}
	}
	if f.Observation {
		add("e.round_id IS NOT NULL")
	}
	q := listQuery
	if len(where) > 0 {
		q += "WHERE " + strings.Join(where, " AND ")
	}
	q += "\nORDER BY r.date, r.code, u.sort_order, u.id, record_kind, e.finding_id, e.matter_id, e.brand_id, e.branch_id, e.indicator_id, e.id"
	out := []Item{}
	if err := s.db.Raw(q, args...).Scan(&out).Error; err != nil {
		return nil, internal(err)
	}
	return out, nil
}

// Get returns one attachment.
func (s *Service) Get(id uint) (*Item, error) {
	var out []Item
	if err := s.db.Raw(listQuery+"WHERE e.id = ?", id).Scan(&out).Error; err != nil {
		return nil, internal(err)
	}
	if len(out) == 0 {
		return nil, apperr.NotFoundf("佐证材料不存在，可能已被删除")
	}
	return &out[0], nil
}

// Content returns an attachment and its bytes, after checking them against the hash: a file
// altered in the database is refused rather than shown as if it were the one attached.
func (s *Service) Content(id uint) (*Item, []byte, error) {
	it, err := s.Get(id)
	if err != nil {
		return nil, nil, err
	}
	data, err := s.blob(it.SHA256)
	if err != nil {
		return nil, nil, err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != it.SHA256 {
		return nil, nil, apperr.Conflictf("“%s”保存的内容与其校验值不符，文件可能已损坏；请从备份恢复", it.FileName)
	}
	return it, data, nil
}

func (s *Service) blob(hash string) ([]byte, error) {
	var rows []struct{ Data []byte }
	if err := s.db.Raw("SELECT data FROM evidence_blobs WHERE sha256 = ?", hash).Scan(&rows).Error; err != nil {
		return nil, internal(err)
	}
	if len(rows) == 0 {
		return nil, apperr.NotFoundf("佐证材料的文件内容不存在")
	}
	return rows[0].Data, nil
}

// Thumbnail returns the JPEG thumbnail of an image attachment, nil when it has none (not an
// image, HEIC, or an image that cannot be drawn).
func (s *Service) Thumbnail(id uint) ([]byte, error) {
	var rows []struct{ Jpeg []byte }
	err := s.db.Raw("SELECT t.jpeg FROM evidence e JOIN evidence_thumbs t ON t.sha256 = e.sha256 WHERE e.id = ?", id).Scan(&rows).Error
	if err != nil {
		return nil, internal(err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return rows[0].Jpeg, nil
}

// SetNote changes an attachment's note.
func (s *Service) SetNote(id uint, note string) error {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > 500 {
		return apperr.Invalidf("说明不能超过 500 个字")
	}
	res := s.db.Model(&Attachment{}).Where("id = ?", id).Update("note", note)
	if res.Error != nil {
		return internal(res.Error)
	}
	if res.RowsAffected == 0 {
		return apperr.NotFoundf("佐证材料不存在，可能已被删除")
	}
	return nil
}

// SetIndicator ties an observation's file to one indicator of its round's scheme, or to none
// (indicatorID 0). A file already under that indicator for the same unit is refused: it would
// be the same evidence twice.
func (s *Service) SetIndicator(id, indicatorID uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var a Attachment
		if err := tx.First(&a, id).Error; err != nil {
			return store.NotFound(err, "佐证材料", "evidence")
		}
		if a.RoundID == nil || a.UnitID == nil {
			return apperr.Invalidf("只有观摩中的佐证材料可以对应到指标")
		}
		if indicatorID != 0 {
			t := Target{RoundID: *a.RoundID, UnitID: *a.UnitID, IndicatorID: indicatorID}
			if err := s.checkTarget(tx, &t); err != nil {
				return err
			}
		}
		q := tx.Model(&Attachment{}).Where("id <> ? AND sha256 = ? AND round_id = ? AND unit_id = ?", id, a.SHA256, *a.RoundID, *a.UnitID)
		if indicatorID != 0 {
			q = q.Where("indicator_id = ?", indicatorID)
		} else {
			q = q.Where("indicator_id IS NULL")
		}
		var same int64
		if err := q.Count(&same).Error; err != nil {
			return internal(err)
		}
		if same > 0 && indicatorID != 0 {
			return apperr.Invalidf("「%s」的同一文件已经对应到这一指标，不必重复", a.FileName)
		}
		if same > 0 {
			return apperr.Invalidf("「%s」的同一文件已经作为不对应指标的观摩材料保存，不必重复", a.FileName)
		}
		return internal(tx.Model(&Attachment{}).Where("id = ?", id).Update("indicator_id", idPtr(indicatorID)).Error)
	})
}

// Remove detaches one file from its record; the stored bytes go too when no other record
// uses them (the database's evidence_blob_release trigger).
func (s *Service) Remove(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		res := tx.Delete(&Attachment{}, id)
		if res.Error != nil {
			return internal(res.Error)
		}
		if res.RowsAffected == 0 {
			return apperr.NotFoundf("佐证材料不存在，可能已被删除")
		}
		return nil
	})
}

// Count tells how many files are attached to the record t names, for the confirmation before
// the record is deleted.
func (s *Service) Count(t Target) (int, error) {
	var n int64
	q := s.db.Model(&Attachment{})
	switch {
	case t.FindingID != 0:
		q = q.Where("finding_id = ?", t.FindingID)
	case t.RoundID != 0 && t.UnitID != 0:
		q = q.Where("round_id = ? AND unit_id = ?", t.RoundID, t.UnitID)
	case t.RoundID != 0:
		q = q.Where("round_id = ?", t.RoundID)
	case t.MatterID != 0:
		q = q.Where("matter_id = ?", t.MatterID)
	case t.BrandID != 0:
		q = q.Where("brand_id = ?", t.BrandID)
	case t.BranchID != 0:
		q = q.Where("branch_id = ?", t.BranchID)
	default:
		return 0, apperr.Invalidf("请指定一条记录")
	}
	err := q.Count(&n).Error
	return int(n), internal(err)
}

// Verify reads every stored file and checks it against its SHA-256 and its size, one at a
// time so that memory holds one file at most.
func (s *Service) Verify() (*Verification, error) {
	var hashes []string
	if err := s.db.Raw("SELECT sha256 FROM evidence_blobs ORDER BY sha256").Pluck("sha256", &hashes).Error; err != nil {
		return nil, internal(err)
	}
	v := &Verification{Problems: []Problem{}}
	for _, h := range hashes {
		var rows []struct {
			Size int64
			Data []byte
		}
		if err := s.db.Raw("SELECT size, data FROM evidence_blobs WHERE sha256 = ?", h).Scan(&rows).Error; err != nil {
			return nil, internal(err)
		}
		if len(rows) == 0 {
			continue
		}
		v.Checked++
		v.Bytes += int64(len(rows[0].Data))
		sum := sha256.Sum256(rows[0].Data)
		reason := ""
		switch {
		case hex.EncodeToString(sum[:]) != h:
			reason = "内容与校验值（SHA-256）不符"
		case int64(len(rows[0].Data)) != rows[0].Size:
			reason = fmt.Sprintf("大小为 %d 字节，记录的是 %d 字节", len(rows[0].Data), rows[0].Size)
		}
		if reason != "" {
			var names []string
			if err := s.db.Raw("SELECT file_name FROM evidence WHERE sha256 = ? ORDER BY id", h).Pluck("file_name", &names).Error; err != nil {
				return nil, internal(err)
			}
			v.Problems = append(v.Problems, Problem{SHA256: h, Files: names, Reason: reason})
		}
	}
	v.OK = len(v.Problems) == 0
	if v.OK {
		v.Message = fmt.Sprintf("已校验 %d 个佐证文件（共 %s），全部与校验值一致", v.Checked, HumanSize(v.Bytes))
	} else {
		v.Message = fmt.Sprintf("已校验 %d 个佐证文件，其中 %d 个与校验值不符（文件已损坏或被改动），请从备份恢复", v.Checked, len(v.Problems))
	}
	return v, nil
}

func internal(err error) error {
	if err == nil || apperr.CodeOf(err) != apperr.Internal {
		return err
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.NotFoundf("佐证材料不存在，可能已被删除")
	}
	return fmt.Errorf("佐证材料：%w", err)
}
