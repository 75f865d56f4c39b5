package readlog

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/module"
)

// seed leaves a few looks of the past weeks in each demo bank, so the
// auditor's page and an employee's "who looked at my data" show something
// true on a fresh install: the North manager reviewing emp.north.1, HR
// checking a KPI scorecard.
func (h *Handlers) seed(ctx context.Context, d module.Demo) error {
	looks := []struct {
		tenant, viewer, subject, kind, object string
		daysAgo                               int
	}{
		{"demo", "mgr.north", "emp.north.1", KPI, "", 12},
		{"demo", "mgr.north", "emp.north.1", Feedback, "", 12},
		{"demo", "hr", "emp.north.1", Profile, "", 5},
		{"demo", "hr", "emp.south.1", KPI, "", 3},
		{"demo2", "mgr.1", "emp.1", KPI, "", 4},
	}
	for _, l := range looks {
		_, viewer, err := d.As(ctx, l.tenant, l.viewer)
		if err != nil {
			return err
		}
		_, subject, err := d.As(ctx, l.tenant, l.subject)
		if err != nil {
			return err
		}
		r := Read{TenantID: viewer.TenantID, ViewerID: viewer.UserID, SubjectID: subject.UserID, Kind: l.kind, ObjectID: l.object,
			Reads: 1, At: d.Now().Add(-time.Duration(l.daysAgo) * 24 * time.Hour).UTC()}
		if err := h.DB.W.WithContext(ctx).Create(&r).Error; err != nil {
			return err
		}
	}
	return nil
}
