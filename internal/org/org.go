// Package org holds the organisation of a district's government organs: liaison areas
// (联系片), units (单位) and people (人员), with the rules that keep them consistent.
package org

import (
	"strings"
	"time"
	"unicode/utf8"

	"liankanping/internal/apperr"
)

// Area is a liaison area (联系片): units grouped by related business, with a lead unit
// (片长单位), a general liaison (总联络员) and a guiding standing committee member (区委常委).
type Area struct {
	ID         uint      `json:"id" gorm:"primaryKey"`
	Number     int       `json:"number"`
	Name       string    `json:"name"`
	LeadUnitID *uint     `json:"leadUnitId"`
	LiaisonID  *uint     `json:"liaisonId"`
	LeaderID   *uint     `json:"leaderId"`
	CreatedAt  time.Time `json:"-"`
	UpdatedAt  time.Time `json:"-"`
}

// Unit is a district department (区直部门) that can be observed and scored.
type Unit struct {
	ID          uint      `json:"id" gorm:"primaryKey"`
	Name        string    `json:"name"`
	ShortName   string    `json:"shortName"`
	AreaID      *uint     `json:"areaId"`
	OrgType     string    `json:"orgType"`
	Secretary   string    `json:"secretary"`
	MemberCount int       `json:"memberCount"`
	SortOrder   int       `json:"sortOrder"`
	CreatedAt   time.Time `json:"-"`
	UpdatedAt   time.Time `json:"-"`
}

// Person is anyone the process names: a rater, a liaison, a committee member, a secretary.
type Person struct {
	ID        uint      `json:"id" gorm:"primaryKey"`
	Name      string    `json:"name"`
	UnitID    *uint     `json:"unitId"`
	Title     string    `json:"title"`
	Phone     string    `json:"phone"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`
}

// TableName keeps gorm from guessing "persons".
func (Person) TableName() string { return "people" }

// OrgTypes are the kinds of party organisation a unit can have.
var OrgTypes = []string{"党组", "党委", "党总支", "党支部"}

// MaxShortNameLen is Excel's limit on a sheet name, which a unit's short name becomes.
const MaxShortNameLen = 31

// sheetNameForbidden are the characters Excel refuses in a sheet name.
const sheetNameForbidden = `[]:*?/\`

// ValidateShortName checks that s can name a worksheet, returning a message for the user.
func ValidateShortName(s string) error {
	switch {
	case s == "":
		return apperr.Invalidf("简称不能为空")
	case utf8.RuneCountInString(s) > MaxShortNameLen:
		return apperr.Invalidf("简称「%s」超过 %d 个字符（它要用作工作表名称）", s, MaxShortNameLen)
	case strings.ContainsAny(s, sheetNameForbidden):
		return apperr.Invalidf("简称「%s」含有工作表名称不允许的字符 [ ] : * ? / \\", s)
	case strings.HasPrefix(s, "'") || strings.HasSuffix(s, "'"):
		return apperr.Invalidf("简称「%s」不能以单引号开头或结尾", s)
	case strings.EqualFold(s, "History"):
		return apperr.Invalidf("简称不能是 History（Excel 保留的工作表名）")
	}
	return nil
}

func clean(s string) string { return strings.TrimSpace(s) }

func (a *Area) normalize() error {
	a.Name = clean(a.Name)
	if a.Number < 1 || a.Number > 999 {
		return apperr.Invalidf("联系片序号须是 1～999 之间的整数")
	}
	if a.Name == "" {
		return apperr.Invalidf("联系片名称不能为空")
	}
	if utf8.RuneCountInString(a.Name) > 50 {
		return apperr.Invalidf("联系片名称不能超过 50 个字")
	}
	return nil
}

func (u *Unit) normalize() error {
	u.Name = clean(u.Name)
	u.ShortName = clean(u.ShortName)
	u.OrgType = clean(u.OrgType)
	u.Secretary = clean(u.Secretary)
	if u.Name == "" {
		return apperr.Invalidf("单位名称不能为空")
	}
	if utf8.RuneCountInString(u.Name) > 100 {
		return apperr.Invalidf("单位名称不能超过 100 个字")
	}
	if err := ValidateShortName(u.ShortName); err != nil {
		return err
	}
	if u.OrgType != "" && !contains(OrgTypes, u.OrgType) {
		return apperr.Invalidf("党组织类型「%s」无效，应为 党组、党委、党总支 或 党支部", u.OrgType)
	}
	if u.MemberCount < 0 || u.MemberCount > 100000 {
		return apperr.Invalidf("党员人数须是 0～100000 之间的整数")
	}
	return nil
}

func (p *Person) normalize() error {
	p.Name = clean(p.Name)
	p.Title = clean(p.Title)
	p.Phone = clean(p.Phone)
	if p.Name == "" {
		return apperr.Invalidf("姓名不能为空")
	}
	if utf8.RuneCountInString(p.Name) > 30 {
		return apperr.Invalidf("姓名不能超过 30 个字")
	}
	if len(p.Phone) > 30 || strings.Trim(p.Phone, "0123456789-+ ()（）") != "" {
		return apperr.Invalidf("电话「%s」格式不对，只能包含数字、空格和 - + ( )", p.Phone)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
