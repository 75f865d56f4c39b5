package feedback

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/store"
)

// ResultIn is one person's value of one business metric in one month.
type ResultIn struct {
	EmployeeCode string `json:"employee_code" maxLength:"64"`
	Period       string `json:"period" doc:"a month, e.g. 2026-11"`
	Metric       string `json:"metric" maxLength:"64" doc:"a code HR defined"`
	Value        int64  `json:"value" doc:"an integer; money in cents"`
	BranchCode   string `json:"branch_code,omitempty" maxLength:"64" doc:"the branch the person worked in that month, where the result counts; absent or empty: the person's branch now (nothing records where people worked before)"`
}

// prepareResult resolves a result's codes. Its branch is the one the
// result names (where the person worked that month), else the person's
// branch now: there is no history of transfers to look a month up in. The
// importer must cover the branch the result counts for.
func prepareResult(c *codes, tenantID int64, source string, in *ResultIn, scopes []string) (BusinessResult, []issue) {
	var bad []issue
	r := BusinessResult{TenantID: tenantID, Source: source, Metric: strings.TrimSpace(in.Metric), Value: in.Value}
	bc := strings.TrimSpace(in.BranchCode)
	if bc != "" {
		if b, ok := c.branches[bc]; !ok {
			bad = append(bad, issue{field: "branch_code", code: CodeUnknownBranch, msg: msgUnknownBranch})
		} else if !covered(scopes, b.path) {
			bad = append(bad, issue{field: "branch_code", code: CodeUnknownBranch, msg: msgOutsideScope})
		} else {
			r.BranchID = b.id
		}
	}
	if ec := strings.TrimSpace(in.EmployeeCode); ec == "" {
		bad = append(bad, issue{field: "employee_code", code: CodeMissing, msg: msgRequired})
	} else if u, ok := c.staff[ec]; !ok {
		bad = append(bad, issue{field: "employee_code", code: CodeUnknownEmployee, msg: msgUnknownEmployee})
	} else {
		r.EmployeeID = u.id
		if bc == "" {
			r.BranchID = u.branchID
			if !covered(scopes, c.pathOf(u.branchID)) {
				bad = append(bad, issue{field: "employee_code", code: CodeUnknownEmployee, msg: msgOutsideScope})
			}
		}
	}
	if m, ok := parsePeriod(strings.TrimSpace(in.Period)); ok {
		r.Month = m
	} else if strings.TrimSpace(in.Period) == "" {
		bad = append(bad, issue{field: "period", code: CodeMissing, msg: msgRequired})
	} else {
		bad = append(bad, issue{field: "period", code: CodeBadDate, msg: msgBadPeriod})
	}
	switch {
	case r.Metric == "":
		bad = append(bad, issue{field: "metric", code: CodeMissing, msg: msgRequired})
	case !c.metrics[r.Metric]:
		bad = append(bad, issue{field: "metric", code: CodeUnknownMetric, msg: msgUnknownMetric})
	}
	return r, bad
}

func (c *codes) pathOf(branchID int64) string {
	if c.paths == nil {
		c.paths = make(map[int64]string, len(c.branches))
		for _, b := range c.branches {
			c.paths[b.id] = b.path
		}
	}
	return c.paths[branchID]
}

type resultKey struct {
	employee int64
	month    int
	metric   string
}

// applyResults upserts a batch of results by person, month and metric.
func applyResults(tx *gorm.DB, tenantID int64, rs []BusinessResult, months map[int]bool, n *Counts, now time.Time) error {
	if len(rs) == 0 {
		return nil
	}
	emps, ms, mets := map[int64]bool{}, map[int]bool{}, map[string]bool{}
	for _, r := range rs {
		emps[r.EmployeeID], ms[r.Month], mets[r.Metric] = true, true, true
	}
	var old []BusinessResult
	if err := tx.Model(&BusinessResult{}).Scopes(store.Tenant(tenantID)).Select("id, employee_id, branch_id, month, metric, value").
		Where("employee_id IN ? AND month IN ? AND metric IN ?", keys(emps), keys(ms), keys(mets)).Find(&old).Error; err != nil {
		return err
	}
	have := make(map[resultKey]*BusinessResult, len(old))
	for i := range old {
		o := &old[i]
		have[resultKey{o.EmployeeID, o.Month, o.Metric}] = o
	}
	var fresh []BusinessResult
	for _, r := range rs {
		o := have[resultKey{r.EmployeeID, r.Month, r.Metric}]
		switch {
		case o == nil:
			r.CreatedAt, r.UpdatedAt = now, now
			fresh = append(fresh, r)
			months[r.Month] = true
			n.Inserted++
		case o.Value == r.Value && o.BranchID == r.BranchID:
			n.Unchanged++
		default:
			if err := tx.Model(&BusinessResult{}).Scopes(store.Tenant(tenantID)).Where("id = ?", o.ID).
				Updates(map[string]any{"value": r.Value, "branch_id": r.BranchID, "source": r.Source, "updated_at": now}).Error; err != nil {
				return err
			}
			months[r.Month] = true
			n.Updated++
		}
	}
	if len(fresh) > 0 {
		return tx.CreateInBatches(fresh, 500).Error
	}
	return nil
}

func keys[K comparable](m map[K]bool) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// IngestResults stores an API batch of business results, all or none.
func (s *Service) IngestResults(ctx context.Context, p *access.Principal, source string, in []ResultIn) (Counts, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermImport)
	if err != nil {
		return Counts{}, err
	}
	if err := checkSource("body.source", source); err != nil {
		return Counts{}, err
	}
	c, err := loadCodes(ctx, s.DB.R, p.TenantID)
	if err != nil {
		return Counts{}, err
	}
	rs := make([]BusinessResult, 0, len(in))
	var fields []apperr.Field
	seen := map[resultKey]int{}
	for i := range in {
		r, bad := prepareResult(c, p.TenantID, source, &in[i], scopes)
		if len(bad) == 0 {
			k := resultKey{r.EmployeeID, r.Month, r.Metric}
			if first, dup := seen[k]; dup {
				bad = append(bad, issue{field: "metric", code: CodeDuplicate, msg: "appears more than once (first at index {row})", args: apperr.Args{"row": first}})
			}
			seen[k] = i
		}
		for _, b := range bad {
			fields = append(fields, apperr.Field{Location: fmt.Sprintf("body.results[%d].%s", i, b.field), Message: b.msg, Args: b.args})
		}
		rs = append(rs, r)
	}
	if len(fields) > 0 {
		return Counts{}, apperr.Invalid(fields...)
	}
	var n Counts
	now := s.Now().UTC()
	err = s.DB.W.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		months := map[int]bool{}
		for from := 0; from < len(rs); from += batchSize {
			if err := applyResults(tx, p.TenantID, rs[from:min(from+batchSize, len(rs))], months, &n, now); err != nil {
				return err
			}
		}
		return s.finishIngest(ctx, tx, p, "results", source, len(in), deltas{}, months, n, now)
	})
	return n, err
}
