package store

import "strings"

// The audit log: every change to the organisation, schemes, rounds, findings and scores
// entered in the window, written by triggers in the same transaction as the change, with the
// operator named in Settings, and chained by hash so that an edit of the log is detectable.
// Scores read from workbooks are logged by their import batches; each score keeps its own
// history besides (score_history).
var auditTables = []auditTable{
	{"areas", "联系片", "R.name", "R.id", []string{"number", "name", "lead_unit_id", "liaison_id", "leader_id"}},
	{"units", "单位", "R.name", "R.id", []string{"name", "short_name", "area_id", "org_type", "secretary", "member_count", "sort_order"}},
	{"people", "人员", "R.name", "R.id", []string{"name", "unit_id", "title", "phone"}},
	{"schemes", "考核方案", "R.name || ' 第' || R.version || '版'", "R.id", []string{"name", "year", "version", "status", "base_total_centi"}},
	{"indicators", "指标", "R.code || ' ' || R.name", "R.id", []string{"scheme_id", "parent_id", "code", "name", "points", "method", "kind", "max_centi", "step_centi"}},
	{"indicator_options", "等次选项", "R.label", "R.id", []string{"indicator_id", "label", "points_centi"}},
	{"rounds", "观摩轮次", "R.code || ' ' || R.title", "R.id", []string{"code", "title", "date", "place", "deadline", "scheme_id", "status", "trim_min_raters", "excellent_min_centi", "good_min_centi", "fair_min_centi", "excellent_cap_pct"}},
	{"round_units", "观摩单位", "(SELECT name FROM units WHERE id = R.unit_id)", "R.unit_id", []string{"round_id", "unit_id"}},
	{"rater_groups", "评价主体", "R.name", "R.id", []string{"round_id", "name", "weight_bp"}},
	{"raters", "评分人", "(SELECT name FROM people WHERE id = R.person_id)", "R.id", []string{"round_id", "group_id", "person_id"}},
	{"round_events", "轮次状态", "R.action", "R.round_id", []string{"round_id", "action", "note"}},
	{"adjustments", "加减分项", "R.reason", "R.id", []string{"round_id", "unit_id", "reason", "points_centi", "verified_by"}},
	{"findings", "问题", "R.description", "R.id", []string{"round_id", "unit_id", "dimension", "method", "description", "requirement", "responsible", "deadline", "status", "measures", "progress", "done_date", "closed_date"}},
}

func init() {
	var b strings.Builder
	b.WriteString(`
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  operator     TEXT NOT NULL DEFAULT '',
  action       TEXT NOT NULL,
  object_type  TEXT NOT NULL,
  object_label TEXT NOT NULL DEFAULT '',
  object_id    INTEGER,
  object_name  TEXT NOT NULL DEFAULT '',
  before       TEXT NOT NULL DEFAULT '',
  after        TEXT NOT NULL DEFAULT '',
  prev_hash    TEXT NOT NULL DEFAULT '',
  hash         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN
  UPDATE audit_log SET
    prev_hash = COALESCE((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), ''),
    hash = lkp_audit_hash(COALESCE((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), ''),
      NEW.at, NEW.operator, NEW.action, NEW.object_type, COALESCE(NEW.object_id, ''), NEW.object_name, NEW.before, NEW.after)
  WHERE id = NEW.id;
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash <> '' BEGIN
  SELECT RAISE(ABORT, '审计日志不能修改');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, '审计日志不能删除');
END;
CREATE TRIGGER audit_scores_app AFTER INSERT ON score_history WHEN NEW.source = 'app' BEGIN
  INSERT INTO audit_log (operator, action, object_type, object_label, object_id, object_name, before, after)
  VALUES (COALESCE((SELECT value FROM settings WHERE key = 'operator'), NEW.entered_by), '录入评分', 'scores', '评分', NEW.rater_id,
    (SELECT r.code FROM rounds r WHERE r.id = NEW.round_id) || ' ' ||
    COALESCE((SELECT p.name FROM raters x JOIN people p ON p.id = x.person_id WHERE x.id = NEW.rater_id), '') || ' → ' ||
    COALESCE((SELECT u.short_name FROM units u WHERE u.id = NEW.unit_id), '') || ' ' ||
    COALESCE((SELECT i.code FROM indicators i WHERE i.id = NEW.indicator_id), ''),
    COALESCE(NEW.old_value_centi, ''), COALESCE(NEW.new_value_centi, ''));
END;
`)
	for _, t := range auditTables {
		b.WriteString(t.triggers())
	}
	register(Migration{Version: 6, Name: "audit log", SQL: b.String()})
}
