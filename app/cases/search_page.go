package cases

import "context"

// matchPage counts the matches of a search and returns the ids of one page
// of them in order, in the shape each database and order is fastest with
// (measured over 100,000 cases, see BENCHMARKS.md):
//   - PostgreSQL, ranked by relevance: one walk of the matches both counts
//     them (a window) and keeps the page, since ranking reads every match
//     anyway; walking them twice would read every matching heap page twice.
//     Only a page past the end, which has no row to carry the count, counts
//     again. In the index's own order (newest, most useful) the window made
//     PostgreSQL walk that index over the whole table; a count and then a
//     page that stops after LIMIT rows is many times cheaper.
//   - SQLite: a bare COUNT, then the page with ORDER BY … LIMIT, which
//     SQLite answers with a top-N sort; the window made it store and sort
//     every match, which cost more than the second walk.
func (s *Service) matchPage(ctx context.Context, window bool, fromWhere string, args []any, order string, orderArgs []any, page, size int) ([]int64, int64, error) {
	db := s.DB.R.WithContext(ctx)
	pageArgs := append(append(append([]any{}, args...), orderArgs...), size, (page-1)*size)
	var total int64
	count := func() error { return db.Raw("SELECT COUNT(*) "+fromWhere, args...).Scan(&total).Error }
	var rows []struct {
		ID    int64
		Total int64
	}
	if window {
		if err := db.Raw("SELECT f.case_id AS id, COUNT(*) OVER () AS total "+fromWhere+" ORDER BY "+order+" LIMIT ? OFFSET ?", pageArgs...).Scan(&rows).Error; err != nil {
			return nil, 0, err
		}
		if len(rows) > 0 {
			total = rows[0].Total
		} else if err := count(); err != nil {
			return nil, 0, err
		}
	} else {
		if err := count(); err != nil {
			return nil, 0, err
		}
		if err := db.Raw("SELECT f.case_id AS id "+fromWhere+" ORDER BY "+order+" LIMIT ? OFFSET ?", pageArgs...).Scan(&rows).Error; err != nil {
			return nil, 0, err
		}
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, total, nil
}
