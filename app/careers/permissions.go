package careers

import "github.com/servicestar/servicestar/app/authz"

// What careers' routes check.
var (
	PermSelf   = authz.Permission{Obj: "careers", Act: "self"}   // staff: their own track and progress
	PermReview = authz.Permission{Obj: "careers", Act: "review"} // managers: readiness of their subtree, read-only
	PermManage = authz.Permission{Obj: "careers", Act: "manage"} // HR: tracks, levels, requirements, promotions, moves, hire dates
)
