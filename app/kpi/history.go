package kpi

import (
	"context"
	"strings"

	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// PeriodComposite is one period's composite of one person (thousandths of
// a point; nil when the period had too little to score).
type PeriodComposite struct {
	PeriodKey      string `json:"period_key"`
	CompositeMilli *int   `json:"composite_milli"`
	Rankable       bool   `json:"rankable"`
}

// CompositeHistory is the person's composite over the last n periods of
// kind that have a result, newest first, among the periods before the key
// before (exclusive; "" for no bound). Keys of one kind sort as text in
// time order, so this is one range of the (tenant, employee, period) index.
func (f Facts) CompositeHistory(ctx context.Context, tenantID, employeeID int64, kind string, n int, before string) ([]PeriodComposite, error) {
	if n <= 0 {
		return nil, nil
	}
	q := f.DB.R.WithContext(ctx).Model(&Result{}).Scopes(store.Tenant(tenantID)).
		Select("period_key, composite_milli, rankable").Where("employee_id = ?", employeeID)
	// Each kind's keys have their own length ("2026", "2026-11", "2026-Q4"),
	// and a month and a quarter of one year differ at the sixth character.
	switch kind {
	case scoring.Year:
		q = q.Where("LENGTH(period_key) = 4")
	case scoring.Quarter:
		q = q.Where("period_key LIKE ?", "____-Q_")
	default:
		q = q.Where("period_key LIKE ? AND period_key NOT LIKE ?", "____-__", "%Q%")
	}
	if before != "" {
		q = q.Where("period_key < ?", before)
	}
	var rows []struct {
		PeriodKey      string
		CompositeMilli *int64
		Rankable       bool
	}
	if err := q.Order("period_key DESC").Limit(n).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]PeriodComposite, 0, len(rows))
	for _, r := range rows {
		pc := PeriodComposite{PeriodKey: strings.TrimSpace(r.PeriodKey), Rankable: r.Rankable}
		if r.CompositeMilli != nil {
			v := int(*r.CompositeMilli)
			pc.CompositeMilli = &v
		}
		out = append(out, pc)
	}
	return out, nil
}
