package awards

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/notify"
	"github.com/servicestar/servicestar/app/store"
)

// NotifyGranted is the notification a grantee receives.
const NotifyGranted = "award.granted"

// grant gives t for periodKey to one person inside tx: the grant row with
// its number, the audit entry, and the grantee's notification. A second
// grant of the same award, period and person is refused (409).
func (s *Service) grant(ctx context.Context, tx *gorm.DB, p *access.Principal, t *Type, periodKey string, employeeID, branchID int64, branchPath string,
	roundID, nominationID *int64, now time.Time) (*Grant, error) {
	var dup int64
	if err := tx.Model(&Grant{}).Scopes(store.Tenant(t.TenantID)).Where("type_id = ? AND period_key = ? AND employee_id = ?", t.ID, periodKey, employeeID).
		Count(&dup).Error; err != nil {
		return nil, err
	}
	if dup > 0 {
		return nil, apperr.Conflict("this person already has this award for {period}", apperr.Field{Location: "path.id",
			Message: "this person already has this award for {period}", Args: apperr.Args{"period": periodKey}})
	}
	var by *int64
	actor := audit.System(t.TenantID, "awards")
	if p != nil {
		uid := p.UserID
		by, actor = &uid, audit.By(p)
	}
	// The number needs the row's id: the row goes in under a provisional
	// number that is unique by the (type, period, person) rule, then gets its own.
	g := Grant{TenantID: t.TenantID, TypeID: t.ID, PeriodKey: periodKey, EmployeeID: employeeID, BranchID: branchID, BranchPath: branchPath,
		GrantNo: fmt.Sprintf("new-%d-%s-%d", t.ID, periodKey, employeeID), RoundID: roundID, NominationID: nominationID, GrantedBy: by, GrantedAt: now}
	if err := tx.Create(&g).Error; err != nil {
		return nil, err
	}
	g.GrantNo = fmt.Sprintf("SS-%s-%06d", strings.ReplaceAll(periodKey, "-", ""), g.ID)
	if err := tx.Model(&Grant{}).Scopes(store.Tenant(t.TenantID)).Where("id = ?", g.ID).Update("grant_no", g.GrantNo).Error; err != nil {
		return nil, err
	}
	if err := audit.Record(ctx, tx, actor, now, "awards.grant", "award_grant", itoa(g.ID), nil,
		map[string]any{"type": t.Code, "period": periodKey, "employee_id": employeeID, "grant_no": g.GrantNo}); err != nil {
		return nil, err
	}
	return &g, notify.Push(tx, t.TenantID, []int64{employeeID}, NotifyGranted, g.ID,
		map[string]any{"type_code": t.Code, "name_zh": t.NameZh, "name_en": t.NameEn, "badge": t.Badge, "period_key": periodKey, "grant_no": g.GrantNo}, now)
}
