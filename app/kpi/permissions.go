package kpi

import "github.com/servicestar/servicestar/app/authz"

// What the KPI routes check.
var (
	PermSelf   = authz.Permission{Obj: "kpi", Act: "self"}   // my own scorecard
	PermReview = authz.Permission{Obj: "kpi", Act: "review"} // dashboards of a subtree and its people
	PermManage = authz.Permission{Obj: "kpi", Act: "manage"} // schemes, periods, recomputes
)
