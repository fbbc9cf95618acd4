package roster

import (
	"fmt"
	"io"
	"path/filepath"

	"liankanping/internal/org"
	"liankanping/internal/workbook"
)

// Export writes the organisation as a formatted roster workbook at path. The workbook is
// written to a temporary file beside path and renamed over it only when complete, so that an
// interrupted export never leaves a half-written file where a good one was.
func (s *Service) Export(path string) error {
	book, err := s.book()
	if err != nil {
		return err
	}
	if filepath.Ext(path) == "" {
		path += ".xlsx"
	}
	return workbook.SaveFile(path, func(w io.Writer) error {
		if err := workbook.WriteRoster(w, book); err != nil {
			return fmt.Errorf("写名册：%w", err)
		}
		return nil
	})
}

// book gathers the organisation in the order the window lists it.
func (s *Service) book() (workbook.RosterBook, error) {
	svc := s.org
	areas, err := svc.ListAreas()
	if err != nil {
		return workbook.RosterBook{}, err
	}
	units, err := svc.ListUnits(org.UnitFilter{})
	if err != nil {
		return workbook.RosterBook{}, err
	}
	people, err := svc.ListPeople(org.PersonFilter{})
	if err != nil {
		return workbook.RosterBook{}, err
	}
	phone := map[uint]string{}
	for _, p := range people {
		phone[p.ID] = p.Phone
	}
	b := workbook.RosterBook{Date: s.Now()}
	index := map[uint]int{}
	for _, a := range areas {
		ra := workbook.RosterArea{Name: a.Name, Number: a.Number, LeadUnit: a.LeadUnit, Leader: a.Leader, Liaison: a.Liaison}
		if a.LiaisonID != nil {
			ra.Phone = phone[*a.LiaisonID]
		}
		index[a.ID] = len(b.Areas)
		b.Areas = append(b.Areas, ra)
	}
	for _, u := range units {
		ru := workbook.RosterUnit{Name: u.Name, ShortName: u.ShortName, OrgType: u.OrgType, Secretary: u.Secretary,
			MemberCount: u.MemberCount, HasMemberCount: u.MemberCount > 0, Area: u.AreaName}
		if u.AreaID != nil {
			i := index[*u.AreaID]
			b.Areas[i].Units = append(b.Areas[i].Units, u.Name)
		}
		b.Units = append(b.Units, ru)
	}
	for _, p := range people {
		b.People = append(b.People, workbook.RosterPerson{Name: p.Name, Unit: p.UnitName, Title: p.Title, Phone: p.Phone})
	}
	return b, nil
}
