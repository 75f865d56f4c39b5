package org

import (
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/authz"
)

// An auditor changes nothing, so the role never shares a user with another:
// every other role writes something, and even the employee grant each user
// otherwise holds at the home branch starts training attempts. These two
// helpers are the one rule for every path that sets roles (create, set
// roles, import).

// holdsAuditor reports whether roles ask for the auditor role.
func holdsAuditor(roles []RoleGrant) bool {
	for _, r := range roles {
		if r.Role == authz.Auditor {
			return true
		}
	}
	return false
}

// auditorAlone names, under loc, every other role asked for alongside
// auditor; none when auditor is not asked for.
func auditorAlone(roles []RoleGrant, loc string) []apperr.Field {
	if !holdsAuditor(roles) {
		return nil
	}
	var bad []apperr.Field
	for i, r := range roles {
		if r.Role != authz.Auditor {
			bad = append(bad, apperr.Field{Location: loc + "[" + itoa(int64(i)) + "].role", Message: "an auditor holds no other role", Value: r.Role})
		}
	}
	return bad
}
