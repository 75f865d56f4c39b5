package org

import "github.com/servicestar/servicestar/app/authz"

// What org's routes check.
var (
	PermBranchesRead  = authz.Permission{Obj: "branches", Act: "read"}
	PermBranchesWrite = authz.Permission{Obj: "branches", Act: "write"}
	PermUsersRead     = authz.Permission{Obj: "users", Act: "read"}
	PermUsersWrite    = authz.Permission{Obj: "users", Act: "write"}
	PermTenantWrite   = authz.Permission{Obj: "tenant", Act: "write"}
)
