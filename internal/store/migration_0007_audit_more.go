package store

import "strings"

// The audit log also covers what migrations 4 and 5 added: exported workbooks, import batches
// (an import and its undoing are one entry each, not one per score) and the front-line ledgers.
var auditTables7 = []auditTable{
	{"exported_workbooks", "导出评分表", "R.file_name", "R.rater_id", []string{"round_id", "rater_id", "file_name", "encrypted"}},
	{"import_batches", "导入评分表", "R.file_name", "R.id", []string{"round_id", "rater_id", "file_name", "file_hash", "created_count", "updated_count", "cleared_count", "kept_count", "status"}},
	{"temp_branches", "临时党支部", "R.name", "R.id", []string{"name", "kind", "parent_id", "host_unit_id", "host_text", "secretary", "member_count", "members", "founded", "dissolved", "notes"}},
	{"practical_matters", "办实事", "R.code || ' ' || R.title", "R.id", []string{"code", "title", "source", "requester", "branch_id", "unit_id", "handler", "received", "done", "status", "result"}},
	{"brands", "党建品牌与荣誉", "R.name", "R.id", []string{"unit_id", "kind", "parent_id", "name", "level", "year", "issuer", "bonus_centi", "notes"}},
}

func init() {
	var b strings.Builder
	for _, t := range auditTables7 {
		b.WriteString(t.triggers())
	}
	register(Migration{Version: 7, Name: "audit log of workbooks and front-line ledgers", SQL: b.String()})
}
