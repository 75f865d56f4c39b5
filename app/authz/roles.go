// Package authz decides who may do what, with casbin roles granted at branch
// domains of a tenant's tree.
package authz

import (
	"fmt"
	"strconv"
	"strings"
)

// Role names as stored in grants.
const (
	Employee    = "employee"
	Manager     = "manager"
	HR          = "hr"
	TenantAdmin = "tenant_admin"
	Auditor     = "auditor"
)

// Roles lists every role in display order.
var Roles = []string{Employee, Manager, HR, TenantAdmin, Auditor}

// TenantWide reports whether a role is granted at the tenant's root branch
// (it reaches the whole tree) rather than at a chosen branch.
func TenantWide(role string) bool {
	return role == HR || role == TenantAdmin || role == Auditor
}

// ValidRole reports whether role is one of Roles.
func ValidRole(role string) bool {
	for _, r := range Roles {
		if r == role {
			return true
		}
	}
	return false
}

// Subject is the casbin subject of a user.
func Subject(userID int64) string { return "u" + strconv.FormatInt(userID, 10) }

// Domain is the casbin domain of a branch: "t<tenant>" followed by its path.
func Domain(tenantID int64, branchPath string) string {
	return "t" + strconv.FormatInt(tenantID, 10) + branchPath
}

// TenantPrefix is the part every domain of one tenant starts with.
func TenantPrefix(tenantID int64) string { return Domain(tenantID, "/") }

// PathOf returns the branch path of a domain of tenantID.
func PathOf(tenantID int64, domain string) (string, error) {
	p := TenantPrefix(tenantID)
	if !strings.HasPrefix(domain, p) {
		return "", fmt.Errorf("authz: domain %q is not in tenant %d", domain, tenantID)
	}
	return domain[len(p)-1:], nil
}

// Ancestors lists a path and every ancestor, nearest first:
// "/1/5/12/" → "/1/5/12/", "/1/5/", "/1/".
func Ancestors(path string) []string {
	var out []string
	for p := path; len(p) > 1; {
		out = append(out, p)
		i := strings.LastIndexByte(p[:len(p)-1], '/')
		if i < 0 {
			break
		}
		p = p[:i+1]
	}
	return out
}

// Covers reports whether a grant at path scope reaches the branch at path.
// "/1/5/" covers "/1/5/9/" and never "/1/50/".
func Covers(scope, path string) bool {
	return strings.HasPrefix(path, scope) && strings.HasSuffix(scope, "/")
}

// PathRange gives bounds lo ≤ path < hi that select a subtree with a plain
// index range scan: "/1/5/" → ["/1/5/", "/1/50"), since '0' follows '/'.
func PathRange(scope string) (lo, hi string) {
	return scope, scope[:len(scope)-1] + "0"
}
