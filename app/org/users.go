package org

import (
	"context"
	"net/mail"
	"regexp"
	"strings"

	"gorm.io/gorm"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/audit"
	"github.com/servicestar/servicestar/app/authz"
	"github.com/servicestar/servicestar/app/password"
	"github.com/servicestar/servicestar/app/session"
	"github.com/servicestar/servicestar/app/store"
)

var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$`)

// RoleGrant is a role at a branch, as clients send and see it.
type RoleGrant struct {
	Role       string `json:"role"`
	BranchID   int64  `json:"branch_id"`
	BranchName string `json:"branch_name,omitempty"`
}

// UserView is a user with its branch and roles.
type UserView struct {
	User
	BranchName string      `json:"branch_name"`
	BranchPath string      `json:"branch_path"`
	Roles      []RoleGrant `json:"roles"`
	// MFAEnrolled: the user has a confirmed second factor, which an admin may reset.
	MFAEnrolled bool `json:"mfa_enrolled"`
}

// UserFilter narrows a user listing.
type UserFilter struct {
	Q        string
	BranchID int64
	Role     string
	Status   string
	Page     int
	PageSize int
}

// ListUsers pages the users the principal may read.
func (s *Service) ListUsers(ctx context.Context, p *access.Principal, f UserFilter) ([]UserView, int64, error) {
	scopes, err := s.Guard.Scopes(ctx, p, PermUsersRead)
	if err != nil {
		return nil, 0, err
	}
	q := s.DB.R.WithContext(ctx).Model(&User{}).Scopes(store.Tenant(p.TenantID)).
		Joins("JOIN branches b ON b.tenant_id = users.tenant_id AND b.id = users.branch_id")
	q = authz.InSubtrees(q, "b.path", scopes)
	if f.BranchID > 0 {
		b, err := branchByID(ctx, s.DB.R, p.TenantID, f.BranchID)
		if err != nil {
			return nil, 0, err
		}
		if !coveredByAny(scopes, b.Path) {
			return nil, 0, apperr.NotFound("branch")
		}
		lo, hi := authz.PathRange(b.Path)
		q = q.Where("b.path >= ? AND b.path < ?", lo, hi)
	}
	if f.Q != "" {
		like := "%" + strings.ToLower(f.Q) + "%"
		q = q.Where("(LOWER(users.username) LIKE ? OR LOWER(users.display_name) LIKE ? OR LOWER(users.employee_code) LIKE ?)", like, like, like)
	}
	if f.Status != "" {
		q = q.Where("users.status = ?", f.Status)
	}
	if f.Role != "" {
		lo, hi := authz.PathRange(authz.TenantPrefix(p.TenantID))
		q = q.Where("EXISTS (SELECT 1 FROM casbin_rule c WHERE c.ptype = 'g' AND c.v1 = ? AND c.v2 >= ? AND c.v2 < ? AND c.v0 = 'u' || CAST(users.id AS VARCHAR(20)))", f.Role, lo, hi)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var users []User
	if err := q.Select("users.*").Order("users.id").Offset((f.Page - 1) * f.PageSize).Limit(f.PageSize).Find(&users).Error; err != nil {
		return nil, 0, err
	}
	views, err := s.views(ctx, s.DB.R, p.TenantID, users)
	return views, total, err
}

// views attaches branch and roles to users.
func (s *Service) views(ctx context.Context, db *gorm.DB, tenantID int64, users []User) ([]UserView, error) {
	ids := make([]int64, len(users))
	for i, u := range users {
		ids[i] = u.ID
	}
	grants, err := authz.GrantsOf(db.WithContext(ctx), tenantID, ids)
	if err != nil {
		return nil, err
	}
	// Only the branches these users sit in or hold roles at, not the whole
	// tree: a bank has hundreds of branches and a page shows 50 users.
	branchIDs := make([]int64, 0, len(users))
	for _, u := range users {
		branchIDs = append(branchIDs, u.BranchID)
	}
	var grantPaths []string
	for _, gs := range grants {
		for _, g := range gs {
			grantPaths = append(grantPaths, g.Path)
		}
	}
	var branches []Branch
	if len(users) > 0 {
		if err := db.WithContext(ctx).Scopes(store.Tenant(tenantID)).
			Where("id IN ? OR path IN ?", branchIDs, grantPaths).Find(&branches).Error; err != nil {
			return nil, err
		}
	}
	byID, byPath := map[int64]Branch{}, map[string]Branch{}
	for _, b := range branches {
		byID[b.ID], byPath[b.Path] = b, b
	}
	enrolled, err := mfaEnrolled(ctx, db, tenantID, ids)
	if err != nil {
		return nil, err
	}
	out := make([]UserView, len(users))
	for i, u := range users {
		v := UserView{User: u, BranchName: byID[u.BranchID].Name, BranchPath: byID[u.BranchID].Path, Roles: []RoleGrant{}, MFAEnrolled: enrolled[u.ID]}
		for _, g := range grants[u.ID] {
			b := byPath[g.Path]
			v.Roles = append(v.Roles, RoleGrant{Role: g.Role, BranchID: b.ID, BranchName: b.Name})
		}
		out[i] = v
	}
	return out, nil
}

// mfaEnrolled tells which of ids have a confirmed second factor (package
// mfa's table, read by name: mfa builds on org, not the other way round).
func mfaEnrolled(ctx context.Context, db *gorm.DB, tenantID int64, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	var have []int64
	err := db.WithContext(ctx).Table("mfa_totp").Scopes(store.Tenant(tenantID)).
		Where("user_id IN ? AND confirmed_at IS NOT NULL", ids).Pluck("user_id", &have).Error
	for _, id := range have {
		out[id] = true
	}
	return out, err
}

// GetUser loads one user the principal may read.
func (s *Service) GetUser(ctx context.Context, p *access.Principal, id int64) (*UserView, error) {
	if err := s.Guard.Can(ctx, p, PermUsersRead); err != nil {
		return nil, err
	}
	u, err := userByID(ctx, s.DB.R, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	b, err := branchByID(ctx, s.DB.R, p.TenantID, u.BranchID)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, b.Path, PermUsersRead, "user"); err != nil {
		return nil, err
	}
	vs, err := s.views(ctx, s.DB.R, p.TenantID, []User{*u})
	if err != nil {
		return nil, err
	}
	return &vs[0], nil
}

// NewUser is a user to create.
type NewUser struct {
	Username, DisplayName, EmployeeCode, Email, Password string
	BranchID                                             int64
	Roles                                                []RoleGrant
	// Ready skips the forced first change of an administrator-set password
	// (seeded demo users only; the API never sets it).
	Ready bool
	// PasswordHash, when set, is used instead of hashing Password: the demo
	// seeder hashes its one shared demo password once, not 45 times.
	PasswordHash string
}

func (s *Service) checkPassword(loc, pw string) *apperr.Field {
	if len([]rune(pw)) < s.MinPasswordLength {
		return &apperr.Field{Location: loc, Message: "at least {min} characters", Args: apperr.Args{"min": s.MinPasswordLength}}
	}
	if len(pw) > 256 {
		return &apperr.Field{Location: loc, Message: "at most 256 characters"}
	}
	return nil
}

func validateProfile(prefix, displayName, employeeCode, email string) []apperr.Field {
	var bad []apperr.Field
	if n := strings.TrimSpace(displayName); n == "" || len([]rune(n)) > 100 {
		bad = append(bad, apperr.Field{Location: prefix + "display_name", Message: "1–100 characters", Value: displayName})
	}
	if c := strings.TrimSpace(employeeCode); c == "" || len(c) > 64 {
		bad = append(bad, apperr.Field{Location: prefix + "employee_code", Message: "1–64 characters", Value: employeeCode})
	}
	if email != "" {
		if _, err := mail.ParseAddress(email); err != nil || len(email) > 200 {
			bad = append(bad, apperr.Field{Location: prefix + "email", Message: "not an e-mail address", Value: email})
		}
	}
	return bad
}

// CreateUser adds a user; the password is one the user must change at first login.
func (s *Service) CreateUser(ctx context.Context, p *access.Principal, in NewUser) (*UserView, error) {
	if err := s.Guard.Can(ctx, p, PermUsersWrite); err != nil {
		return nil, err
	}
	bad := validateProfile("body.", in.DisplayName, in.EmployeeCode, in.Email)
	if !usernamePattern.MatchString(in.Username) {
		bad = append(bad, apperr.Field{Location: "body.username", Message: "2–64 letters, digits, '.', '_' or '-'", Value: in.Username})
	}
	if f := s.checkPassword("body.password", in.Password); f != nil {
		bad = append(bad, *f)
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	hash := in.PasswordHash
	if hash == "" {
		var err error
		if hash, err = password.Hash(in.Password); err != nil {
			return nil, err
		}
	}
	var id int64
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		b, err := branchByID(ctx, tx, p.TenantID, in.BranchID)
		if err != nil {
			return apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "no such branch", Value: in.BranchID})
		}
		if err := s.Guard.Require(ctx, p, b.Path, PermUsersWrite, "branch"); err != nil {
			return err
		}
		if b.ClosedAt != nil {
			return apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "the branch is closed", Value: in.BranchID})
		}
		if err := s.uniqueUser(ctx, tx, p.TenantID, in.Username, in.EmployeeCode, 0); err != nil {
			return err
		}
		now := s.Now().UTC()
		u := &User{TenantID: p.TenantID, BranchID: b.ID, Username: in.Username, DisplayName: strings.TrimSpace(in.DisplayName),
			EmployeeCode: strings.TrimSpace(in.EmployeeCode), Email: in.Email, PasswordHash: hash, MustChangePassword: !in.Ready,
			Status: StatusActive, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(u).Error; err != nil {
			return err
		}
		id = u.ID
		grants, err := s.resolveGrants(ctx, tx, p, u, in.Roles, "body.roles")
		if err != nil {
			return err
		}
		if err := authz.SetGrants(tx, p.TenantID, u.ID, grants); err != nil {
			return err
		}
		if err := bumpPolicy(tx, p.TenantID); err != nil {
			return err
		}
		if err := s.placed(ctx, tx, p.TenantID, u.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), now, "user.create", "user", itoa(u.ID), nil, map[string]any{"user": u, "roles": grants})
	})
	if err != nil {
		return nil, err
	}
	return s.viewByID(ctx, p.TenantID, id)
}

func (s *Service) viewByID(ctx context.Context, tenantID, id int64) (*UserView, error) {
	u, err := userByID(ctx, s.DB.W, tenantID, id)
	if err != nil {
		return nil, err
	}
	vs, err := s.views(ctx, s.DB.W, tenantID, []User{*u})
	if err != nil {
		return nil, err
	}
	return &vs[0], nil
}

func (s *Service) uniqueUser(ctx context.Context, tx *gorm.DB, tenantID int64, username, code string, except int64) error {
	var n int64
	if username != "" {
		if err := tx.WithContext(ctx).Model(&User{}).Scopes(store.Tenant(tenantID)).Where("username = ? AND id <> ?", username, except).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflict("username already taken", apperr.Field{Location: "body.username", Message: "already taken in this bank", Value: username})
		}
	}
	if err := tx.WithContext(ctx).Model(&User{}).Scopes(store.Tenant(tenantID)).Where("employee_code = ? AND id <> ?", strings.TrimSpace(code), except).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return apperr.Conflict("employee code already used", apperr.Field{Location: "body.employee_code", Message: "already used in this bank", Value: code})
	}
	return nil
}

// resolveGrants checks requested roles and turns them into grants. Every
// user but an auditor is an employee of their own branch (an auditor holds
// that role alone, see auditor.go); tenant-wide roles sit at the head
// office; a manager role sits at the branch it manages. The principal must be
// allowed to write users where each grant lands.
func (s *Service) resolveGrants(ctx context.Context, tx *gorm.DB, p *access.Principal, u *User, roles []RoleGrant, loc string) ([]authz.Grant, error) {
	home, err := branchByID(ctx, tx, p.TenantID, u.BranchID)
	if err != nil {
		return nil, err
	}
	root, err := rootBranch(ctx, tx, p.TenantID)
	if err != nil {
		return nil, err
	}
	var grants []authz.Grant
	if !holdsAuditor(roles) {
		grants = append(grants, authz.Grant{Role: authz.Employee, Path: home.Path})
	}
	bad := auditorAlone(roles, loc)
	for i, r := range roles {
		at := loc + "[" + itoa(int64(i)) + "]"
		switch {
		case !authz.ValidRole(r.Role):
			bad = append(bad, apperr.Field{Location: at + ".role", Message: "unknown role; one of employee, manager, hr, tenant_admin, auditor", Value: r.Role})
		case r.Role == authz.Employee:
			// implied by the home branch
		case authz.TenantWide(r.Role):
			grants = append(grants, authz.Grant{Role: r.Role, Path: root.Path})
		default:
			b, err := branchByID(ctx, tx, p.TenantID, r.BranchID)
			if err != nil {
				bad = append(bad, apperr.Field{Location: at + ".branch_id", Message: "no such branch", Value: r.BranchID})
				continue
			}
			grants = append(grants, authz.Grant{Role: r.Role, Path: b.Path})
		}
	}
	if len(bad) > 0 {
		return nil, apperr.Invalid(bad...)
	}
	for _, g := range grants {
		if err := s.Guard.Require(ctx, p, g.Path, PermUsersWrite, "branch"); err != nil {
			return nil, err
		}
	}
	return grants, nil
}

// UpdateProfile edits a user's own details.
func (s *Service) UpdateProfile(ctx context.Context, p *access.Principal, id int64, displayName, email, employeeCode *string) (*UserView, error) {
	err := s.changeUser(ctx, p, id, "user.update", func(tx *gorm.DB, u *User) error {
		if displayName != nil {
			u.DisplayName = strings.TrimSpace(*displayName)
		}
		if email != nil {
			u.Email = strings.TrimSpace(*email)
		}
		if employeeCode != nil {
			u.EmployeeCode = strings.TrimSpace(*employeeCode)
		}
		if bad := validateProfile("body.", u.DisplayName, u.EmployeeCode, u.Email); len(bad) > 0 {
			return apperr.Invalid(bad...)
		}
		if err := s.uniqueUser(ctx, tx, p.TenantID, "", u.EmployeeCode, u.ID); err != nil {
			return err
		}
		return tx.Model(u).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{
			"display_name": u.DisplayName, "email": u.Email, "employee_code": u.EmployeeCode, "updated_at": u.UpdatedAt}).Error
	})
	if err != nil {
		return nil, err
	}
	return s.viewByID(ctx, p.TenantID, id)
}

// writableUser loads a user the principal may change (users.write at the
// user's branch), or the 404 that an unknown or out-of-scope user gets.
func (s *Service) writableUser(ctx context.Context, tx *gorm.DB, p *access.Principal, id int64) (*User, error) {
	u, err := userByID(ctx, tx, p.TenantID, id)
	if err != nil {
		return nil, err
	}
	b, err := branchByID(ctx, tx, p.TenantID, u.BranchID)
	if err != nil {
		return nil, err
	}
	if err := s.Guard.Require(ctx, p, b.Path, PermUsersWrite, "user"); err != nil {
		return nil, err
	}
	return u, nil
}

// changeUser loads a user, authorizes a users.write at its branch, applies
// fn, and audits before/after — the frame every user write shares.
func (s *Service) changeUser(ctx context.Context, p *access.Principal, id int64, action string, fn func(tx *gorm.DB, u *User) error) error {
	if err := s.Guard.Can(ctx, p, PermUsersWrite); err != nil {
		return err
	}
	return s.DB.Tx(ctx, func(tx *gorm.DB) error {
		u, err := s.writableUser(ctx, tx, p, id)
		if err != nil {
			return err
		}
		before := *u
		u.UpdatedAt = s.Now().UTC()
		if err := fn(tx, u); err != nil {
			return err
		}
		if err := session.BumpVersion(tx, p.TenantID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), u.UpdatedAt, action, "user", itoa(u.ID), before, u)
	})
}

// MoveUser transfers a user to another branch; the employee grant follows.
func (s *Service) MoveUser(ctx context.Context, p *access.Principal, id, branchID int64) (*UserView, error) {
	err := s.changeUser(ctx, p, id, "user.move", func(tx *gorm.DB, u *User) error {
		nb, err := branchByID(ctx, tx, p.TenantID, branchID)
		if err != nil {
			return apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "no such branch", Value: branchID})
		}
		if err := s.Guard.Require(ctx, p, nb.Path, PermUsersWrite, "branch"); err != nil {
			return err
		}
		if nb.ClosedAt != nil {
			return apperr.Invalid(apperr.Field{Location: "body.branch_id", Message: "the branch is closed", Value: branchID})
		}
		old, err := authz.GrantsOf(tx, p.TenantID, []int64{u.ID})
		if err != nil {
			return err
		}
		oldHome, err := branchByID(ctx, tx, p.TenantID, u.BranchID)
		if err != nil {
			return err
		}
		var grants []authz.Grant
		for _, g := range old[u.ID] {
			if g.Role == authz.Employee && g.Path == oldHome.Path {
				g.Path = nb.Path
			}
			grants = append(grants, g)
		}
		u.BranchID = nb.ID
		if err := tx.Model(u).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"branch_id": nb.ID, "updated_at": u.UpdatedAt}).Error; err != nil {
			return err
		}
		if err := authz.SetGrants(tx, p.TenantID, u.ID, grants); err != nil {
			return err
		}
		if err := bumpPolicy(tx, p.TenantID); err != nil {
			return err
		}
		return s.placed(ctx, tx, p.TenantID, u.ID)
	})
	if err != nil {
		return nil, err
	}
	return s.viewByID(ctx, p.TenantID, id)
}

// SetStatus disables or enables a user; disabling ends their sessions at once.
func (s *Service) SetStatus(ctx context.Context, p *access.Principal, id int64, status string) (*UserView, error) {
	if err := s.Guard.Can(ctx, p, PermUsersWrite); err != nil {
		return nil, err
	}
	if id == p.UserID && status == StatusDisabled {
		return nil, apperr.Invalid(apperr.Field{Location: "path.id", Message: "you cannot disable yourself", Value: id})
	}
	err := s.changeUser(ctx, p, id, "user."+map[string]string{StatusActive: "enable", StatusDisabled: "disable"}[status], func(tx *gorm.DB, u *User) error {
		u.Status = status
		u.FailedLogins, u.LockedUntil = 0, nil
		if err := tx.Model(u).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"status": status, "failed_logins": 0, "locked_until": nil, "updated_at": u.UpdatedAt}).Error; err != nil {
			return err
		}
		if status == StatusDisabled {
			return session.EndUser(tx, p.TenantID, u.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.viewByID(ctx, p.TenantID, id)
}

// ResetPassword sets a password the user must change at next login and ends
// their sessions.
func (s *Service) ResetPassword(ctx context.Context, p *access.Principal, id int64, pw string) error {
	if err := s.Guard.Can(ctx, p, PermUsersWrite); err != nil {
		return err
	}
	if f := s.checkPassword("body.password", pw); f != nil {
		return apperr.Invalid(*f)
	}
	hash, err := password.Hash(pw)
	if err != nil {
		return err
	}
	return s.changeUser(ctx, p, id, "user.reset_password", func(tx *gorm.DB, u *User) error {
		u.MustChangePassword = true
		if err := tx.Model(u).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{"password_hash": hash, "must_change_password": true, "failed_logins": 0, "locked_until": nil, "updated_at": u.UpdatedAt}).Error; err != nil {
			return err
		}
		return session.EndUser(tx, p.TenantID, u.ID)
	})
}

// SetRoles replaces a user's roles.
func (s *Service) SetRoles(ctx context.Context, p *access.Principal, id int64, roles []RoleGrant) (*UserView, error) {
	if err := s.Guard.Can(ctx, p, PermUsersWrite); err != nil {
		return nil, err
	}
	err := s.DB.Tx(ctx, func(tx *gorm.DB) error {
		u, err := s.writableUser(ctx, tx, p, id)
		if err != nil {
			return err
		}
		old, err := authz.GrantsOf(tx, p.TenantID, []int64{u.ID})
		if err != nil {
			return err
		}
		grants, err := s.resolveGrants(ctx, tx, p, u, roles, "body.roles")
		if err != nil {
			return err
		}
		if err := authz.SetGrants(tx, p.TenantID, u.ID, grants); err != nil {
			return err
		}
		if err := bumpPolicy(tx, p.TenantID); err != nil {
			return err
		}
		if err := s.placed(ctx, tx, p.TenantID, u.ID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.By(p), s.Now().UTC(), "user.set_roles", "user", itoa(u.ID), old[u.ID], grants)
	})
	if err != nil {
		return nil, err
	}
	return s.viewByID(ctx, p.TenantID, id)
}

// ChangeUser is changeUser for another area's write about a user (an admin
// resetting a second factor): the same users.write check at the user's
// branch, the same session version bump and audit entry.
func (s *Service) ChangeUser(ctx context.Context, p *access.Principal, id int64, action string, fn func(tx *gorm.DB, u *User) error) error {
	return s.changeUser(ctx, p, id, action, fn)
}
