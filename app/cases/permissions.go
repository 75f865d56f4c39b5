package cases

import "github.com/servicestar/servicestar/app/authz"

// What the case library's routes check.
var (
	PermRead   = authz.Permission{Obj: "cases", Act: "read"}   // staff, managers, HR, auditors: read published cases
	PermWrite  = authz.Permission{Obj: "cases", Act: "write"}  // staff, managers, HR: write their own cases
	PermReview = authz.Permission{Obj: "cases", Act: "review"} // managers (their subtree) and HR: approve, return, restrict, sessions
	PermManage = authz.Permission{Obj: "cases", Act: "manage"} // HR: feature, archive, re-verify, case → scenario
)
