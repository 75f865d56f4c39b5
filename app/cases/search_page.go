package cases

import (
	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

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
//   - SQLite: a bare COUNT and the page with ORDER BY … LIMIT, which SQLite
//     answers with a top-N sort; the window made it store and sort every
//     match, which cost more than the second walk.
//
// When the search has words, the two statements run at once on two of the
// read pool's connections: on a machine with a core to spare it then takes
// as long as the slower of them, not both (a reader sees the last commit, so
// the two may differ by a write that landed between them, as two statements
// in turn could). Measured on SQLite over 100,000 cases, quiet: "pension"
// p50 32 → 20 ms. A listing without words stays in turn: each statement on
// a connection of its own costs ~5 ms more CPU, which a 12 ms listing never
// wins back (p50 11.5 → 18.5 ms at once).
func (s *Service) matchPage(matches func() *gorm.DB, window, atOnce bool, order clause.Expression, page, size int) ([]int64, int64, error) {
	var total int64
	count := func() error { return matches().Count(&total).Error }
	var rows []struct {
		ID    int64
		Total int64
	}
	pageOf := func(columns string) *gorm.DB {
		return matches().Select(columns).Order(clause.OrderBy{Expression: order}).Limit(size).Offset((page - 1) * size)
	}
	if window {
		if err := pageOf("f.case_id AS id, COUNT(*) OVER () AS total").Scan(&rows).Error; err != nil {
			return nil, 0, err
		}
		if len(rows) > 0 {
			total = rows[0].Total
		} else if err := count(); err != nil {
			return nil, 0, err
		}
	} else if !atOnce {
		if err := count(); err != nil {
			return nil, 0, err
		}
		if err := pageOf("f.case_id AS id").Scan(&rows).Error; err != nil {
			return nil, 0, err
		}
	} else {
		var g errgroup.Group
		g.Go(count)
		g.Go(func() error { return pageOf("f.case_id AS id").Scan(&rows).Error })
		if err := g.Wait(); err != nil {
			return nil, 0, err
		}
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, total, nil
}
