package exchange

import "fmt"

// Returned is how many raters of a round were sent a workbook and how many have one applied
// back, as the home page counts them.
func (s *Service) Returned(roundID uint) (exported, imported int, err error) {
	err = s.db.Raw(`SELECT
  (SELECT COUNT(DISTINCT rater_id) FROM exported_workbooks WHERE round_id = ?) AS exported,
  (SELECT COUNT(DISTINCT rater_id) FROM import_batches WHERE round_id = ? AND status = 'applied') AS imported`, roundID, roundID).
		Row().Scan(&exported, &imported)
	if err != nil {
		return 0, 0, fmt.Errorf("数导出和交回的评分表：%w", err)
	}
	return exported, imported, nil
}
