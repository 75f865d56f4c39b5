package org

import (
	"context"
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

// ImportUsers creates or updates users from a file, all or nothing. A row
// whose employee code exists updates that user (name, e-mail, branch, role);
// a row equal to what is stored is unchanged, so re-sending a file is a no-op.
func (s *Service) ImportUsers(ctx context.Context, p *access.Principal, filename string, data []byte, dryRun bool) (*ImportReport, error) {
	if _, err := s.Guard.Scopes(ctx, p, PermUsersWrite); err != nil {
		return nil, err
	}
	t, err := readTable(filename, data, []string{"username", "display_name", "employee_code", "branch_code"})
	if err != nil {
		return nil, err
	}
	rep := &ImportReport{DryRun: dryRun}
	hashes := map[string]string{} // one hash per distinct initial password in a file
	err = s.DB.Tx(ctx, func(tx *gorm.DB) error {
		var branches []Branch
		if err := tx.Scopes(store.Tenant(p.TenantID)).Find(&branches).Error; err != nil {
			return err
		}
		byCode := map[string]*Branch{}
		for i := range branches {
			byCode[branches[i].Code] = &branches[i]
		}
		var existing []User
		if err := tx.Scopes(store.Tenant(p.TenantID)).Find(&existing).Error; err != nil {
			return err
		}
		byCodeU, byName := map[string]*User{}, map[string]*User{}
		for i := range existing {
			byCodeU[existing[i].EmployeeCode], byName[existing[i].Username] = &existing[i], &existing[i]
		}
		grants, err := authz.GrantsOf(tx, p.TenantID, ids(existing))
		if err != nil {
			return err
		}
		seenCode, seenName := map[string]int{}, map[string]int{}
		var written []int64
		for i, row := range t.rows {
			if row == nil {
				continue
			}
			n := i + 2
			res := s.importUserRow(ctx, tx, p, t, row, n, byCode, byCodeU, byName, grants, seenCode, seenName, hashes, dryRun)
			if res.Status == RowCreated || res.Status == RowUpdated {
				written = append(written, res.userID)
			}
			rep.add(res)
		}
		changed := len(written) > 0
		rep.finish()
		if !rep.OK || dryRun {
			return errRollback
		}
		if changed {
			if err := bumpPolicy(tx, p.TenantID); err != nil {
				return err
			}
			if err := session.BumpVersion(tx, p.TenantID); err != nil {
				return err
			}
			if err := s.placed(ctx, tx, p.TenantID, written...); err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.By(p), s.Now().UTC(), "user.import", "user", filename, nil,
				map[string]int{"created": rep.Created, "updated": rep.Updated, "unchanged": rep.Unchanged})
		}
		return nil
	})
	return importOutcome(rep, err)
}

func ids(us []User) []int64 {
	out := make([]int64, len(us))
	for i, u := range us {
		out[i] = u.ID
	}
	return out
}

func (s *Service) importUserRow(ctx context.Context, tx *gorm.DB, p *access.Principal, t *table, row []string, n int,
	byCode map[string]*Branch, byCodeU, byName map[string]*User, grants map[int64][]authz.Grant,
	seenCode, seenName map[string]int, hashes map[string]string, dryRun bool) RowResult {
	in := struct{ username, name, code, email, branch, role, pw string }{
		t.get(row, "username"), t.get(row, "display_name"), t.get(row, "employee_code"), t.get(row, "email"),
		t.get(row, "branch_code"), strings.ToLower(t.get(row, "role")), t.get(row, "password"),
	}
	res := RowResult{Row: n, Key: in.code}
	bad := func(field, msg string, args apperr.Args) {
		res.Errors = append(res.Errors, rowProblem(field, msg, args))
	}
	for _, f := range validateProfile("", in.name, in.code, in.email) {
		res.Errors = append(res.Errors, fieldRowProblem(f))
	}
	if !usernamePattern.MatchString(in.username) {
		bad("username", "2–64 letters, digits, '.', '_' or '-'", nil)
	}
	if prev, dup := seenCode[in.code]; dup && in.code != "" {
		bad("employee_code", "repeats row {row}", apperr.Args{"row": prev})
	}
	if prev, dup := seenName[in.username]; dup && in.username != "" {
		bad("username", "repeats row {row}", apperr.Args{"row": prev})
	}
	seenCode[in.code], seenName[in.username] = n, n
	if in.role == "" {
		in.role = authz.Employee
	}
	if !authz.ValidRole(in.role) {
		bad("role", "one of employee, manager, hr, tenant_admin, auditor", nil)
	}
	b := byCode[in.branch]
	switch {
	case b == nil:
		bad("branch_code", "no branch with this code", nil)
	case b.ClosedAt != nil:
		bad("branch_code", "the branch is closed", nil)
	default:
		if ok, err := s.Guard.Allows(ctx, p, b.Path, PermUsersWrite); err != nil || !ok {
			bad("branch_code", "you may not manage users of this branch", nil)
		}
	}
	u := byCodeU[in.code]
	if other := byName[in.username]; other != nil && (u == nil || other.ID != u.ID) {
		bad("username", "already taken by another employee", nil)
	}
	if in.pw != "" {
		if f := s.checkPassword("password", in.pw); f != nil {
			res.Errors = append(res.Errors, fieldRowProblem(*f))
		}
	}
	if len(res.Errors) > 0 {
		res.Status = RowError
		return res
	}
	// A row holds one role; an auditor's stands alone (auditor.go), any
	// other comes with the employee grant at the home branch.
	var want []authz.Grant
	if in.role != authz.Auditor {
		want = append(want, authz.Grant{Role: authz.Employee, Path: b.Path})
	}
	if in.role != authz.Employee {
		at := b.Path
		if authz.TenantWide(in.role) {
			root, _ := rootBranch(ctx, tx, p.TenantID)
			if root != nil {
				at = root.Path
			}
		}
		want = append(want, authz.Grant{Role: in.role, Path: at})
	}
	now := s.Now().UTC()
	if u == nil {
		if in.pw == "" && !dryRun {
			// No password column (the template has none): a one-time
			// password of the user's own, shown once in this report.
			in.pw = initialPassword(max(12, s.MinPasswordLength))
			res.InitialPassword = in.pw
		}
		hash, ok := hashes[in.pw]
		if in.pw == "" {
			hash, ok = "", true // a dry run writes nothing that could sign in
		}
		if !ok {
			var err error
			if hash, err = password.Hash(in.pw); err != nil {
				bad("password", "could not be stored", nil)
				res.Status = RowError
				return res
			}
			hashes[in.pw] = hash
		}
		nu := &User{TenantID: p.TenantID, BranchID: b.ID, Username: in.username, DisplayName: in.name, EmployeeCode: in.code,
			Email: in.email, PasswordHash: hash, MustChangePassword: true, Status: StatusActive, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(nu).Error; err != nil {
			bad("", "could not be saved", nil)
			res.Status = RowError
			return res
		}
		if err := authz.SetGrants(tx, p.TenantID, nu.ID, want); err != nil {
			bad("role", "could not be granted", nil)
			res.Status = RowError
			return res
		}
		byName[in.username] = nu
		res.Status, res.userID = RowCreated, nu.ID
		return res
	}
	same := u.Username == in.username && u.DisplayName == in.name && u.Email == in.email && u.BranchID == b.ID && sameGrants(grants[u.ID], want)
	if same {
		// A password in a re-sent file resets no one: re-sending is a no-op.
		res.Status = RowUnchanged
		return res
	}
	err := tx.Model(u).Scopes(store.Tenant(p.TenantID)).Updates(map[string]any{
		"username": in.username, "display_name": in.name, "email": in.email, "branch_id": b.ID, "updated_at": now}).Error
	if err == nil {
		// A row states the home branch and one role; it replaces the user's grants.
		err = authz.SetGrants(tx, p.TenantID, u.ID, want)
	}
	if err != nil {
		bad("", "could not be saved", nil)
		res.Status = RowError
		return res
	}
	res.Status, res.userID = RowUpdated, u.ID
	return res
}

// sameGrants reports whether have already holds exactly want's roles.
func sameGrants(have, want []authz.Grant) bool {
	if len(have) != len(want) {
		return false
	}
	m := map[authz.Grant]bool{}
	for _, g := range have {
		m[g] = true
	}
	for _, g := range want {
		if !m[g] {
			return false
		}
	}
	return true
}
