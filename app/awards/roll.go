package awards

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/org"
	"github.com/servicestar/servicestar/app/store"
	"github.com/servicestar/servicestar/scoring"
)

// AwardGrantView is one grant: on the honour roll, among a person's badges.
type AwardGrantView struct {
	ID        int64          `json:"id"`
	Type      AwardTypeRef   `json:"type"`
	PeriodKey string         `json:"period_key"`
	Employee  AwardPersonRef `json:"employee"`
	Branch    AwardBranchRef `json:"branch"`
	GrantNo   string         `json:"grant_no"`
	Source    string         `json:"source" enum:"rule,nomination"`
	GrantedAt time.Time      `json:"granted_at"`
}

// HonourRoll lists the grants of a period, in a branch's subtree when
// branchID is not 0. The roll is public recognition: anyone who may view
// awards reads the whole bank's.
func (s *Service) HonourRoll(ctx context.Context, p *access.Principal, periodKey string, branchID int64) ([]AwardGrantView, error) {
	if err := s.Guard.Can(ctx, p, PermView); err != nil {
		return nil, err
	}
	db := s.DB.R.WithContext(ctx)
	q := db.Model(&Grant{}).Scopes(store.Tenant(p.TenantID))
	if periodKey != "" {
		if _, err := scoring.ParsePeriod(periodKey); err != nil {
			return nil, apperr.Invalid(apperr.Field{Location: "query.period_key", Message: "a period such as 2026-11, 2026-Q4 or 2026", Value: periodKey})
		}
		q = q.Where("period_key = ?", periodKey)
	}
	if branchID != 0 {
		var b org.Branch
		if err := db.Scopes(store.Tenant(p.TenantID)).Where("id = ?", branchID).Take(&b).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return nil, apperr.Invalid(apperr.Field{Location: "query.branch_id", Message: "no such branch", Value: branchID})
			}
			return nil, err
		}
		q = authz.InSubtrees(q, "branch_path", []string{b.Path})
	}
	var rows []Grant
	if err := q.Order("period_key DESC, type_id, branch_path, employee_id").Limit(1000).Find(&rows).Error; err != nil {
		return nil, err
	}
	return s.grantViews(ctx, p.TenantID, rows)
}

// MyBadges lists p's own grants.
func (s *Service) MyBadges(ctx context.Context, p *access.Principal) ([]AwardGrantView, error) {
	if err := s.Guard.Can(ctx, p, PermView); err != nil {
		return nil, err
	}
	return s.badgesOf(ctx, p.TenantID, p.UserID)
}

// UserBadges lists someone's grants, for a caller who may view awards at
// that person's branch.
func (s *Service) UserBadges(ctx context.Context, p *access.Principal, userID int64) ([]AwardGrantView, error) {
	if err := s.Guard.Can(ctx, p, PermView); err != nil {
		return nil, err
	}
	if userID != p.UserID {
		var u org.User
		db := s.DB.R.WithContext(ctx)
		if err := db.Scopes(store.Tenant(p.TenantID)).Where("id = ?", userID).Take(&u).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return nil, apperr.NotFound("user")
			}
			return nil, err
		}
		var b org.Branch
		if err := db.Scopes(store.Tenant(p.TenantID)).Where("id = ?", u.BranchID).Take(&b).Error; err != nil {
			return nil, err
		}
		if err := s.Guard.Require(ctx, p, b.Path, PermView, "user"); err != nil {
			return nil, err
		}
	}
	return s.badgesOf(ctx, p.TenantID, userID)
}

func (s *Service) badgesOf(ctx context.Context, tenantID, userID int64) ([]AwardGrantView, error) {
	var rows []Grant
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("employee_id = ?", userID).Order("granted_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	return s.grantViews(ctx, tenantID, rows)
}

func (s *Service) grantViews(ctx context.Context, tenantID int64, rows []Grant) ([]AwardGrantView, error) {
	out := make([]AwardGrantView, 0, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	var uids, bids, tids []int64
	for _, g := range rows {
		uids, bids, tids = append(uids, g.EmployeeID), append(bids, g.BranchID), append(tids, g.TypeID)
	}
	nm, err := s.names(ctx, tenantID, uids, bids)
	if err != nil {
		return nil, err
	}
	var types []Type
	if err := s.DB.R.WithContext(ctx).Scopes(store.Tenant(tenantID)).Where("id IN ?", tids).Find(&types).Error; err != nil {
		return nil, err
	}
	byID := map[int64]Type{}
	for _, t := range types {
		byID[t.ID] = t
	}
	for _, g := range rows {
		src := KindRule
		if g.NominationID != nil {
			src = KindNomination
		}
		out = append(out, AwardGrantView{ID: g.ID, Type: refOf(byID[g.TypeID]), PeriodKey: g.PeriodKey, Employee: nm.person(g.EmployeeID),
			Branch: nm.branch(g.BranchID), GrantNo: g.GrantNo, Source: src, GrantedAt: g.GrantedAt})
	}
	return out, nil
}

// AwardCertificate is what the printable certificate page shows.
type AwardCertificate struct {
	GrantNo       string         `json:"grant_no"`
	Employee      AwardPersonRef `json:"employee"`
	Branch        AwardBranchRef `json:"branch"`
	Award         AwardTypeRef   `json:"award"`
	DescriptionZh string         `json:"description_zh"`
	DescriptionEn string         `json:"description_en"`
	PeriodKey     string         `json:"period_key"`
	TenantName    string         `json:"tenant_name"`
	GrantedAt     time.Time      `json:"granted_at"`
}

// CertificateOf answers a grant's certificate to its holder, or to a
// caller who may view awards at the grant's branch.
func (s *Service) CertificateOf(ctx context.Context, p *access.Principal, grantID int64) (*AwardCertificate, error) {
	if err := s.Guard.Can(ctx, p, PermView); err != nil {
		return nil, err
	}
	db := s.DB.R.WithContext(ctx)
	var g Grant
	if err := db.Scopes(store.Tenant(p.TenantID)).Where("id = ?", grantID).Take(&g).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, apperr.NotFound("grant")
		}
		return nil, err
	}
	if g.EmployeeID != p.UserID {
		if err := s.Guard.Require(ctx, p, g.BranchPath, PermView, "grant"); err != nil {
			return nil, err
		}
	}
	t, err := s.loadType(db, p.TenantID, g.TypeID)
	if err != nil {
		return nil, err
	}
	nm, err := s.names(ctx, p.TenantID, []int64{g.EmployeeID}, []int64{g.BranchID})
	if err != nil {
		return nil, err
	}
	var tn org.Tenant
	if err := db.Where("id = ?", p.TenantID).Take(&tn).Error; err != nil {
		return nil, err
	}
	return &AwardCertificate{GrantNo: g.GrantNo, Employee: nm.person(g.EmployeeID), Branch: nm.branch(g.BranchID), Award: refOf(*t),
		DescriptionZh: t.DescriptionZh, DescriptionEn: t.DescriptionEn, PeriodKey: g.PeriodKey, TenantName: tn.Name, GrantedAt: g.GrantedAt}, nil
}
