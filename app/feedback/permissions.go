package feedback

import "github.com/servicestar/servicestar/app/authz"

// What feedback's routes check.
var (
	PermImport = authz.Permission{Obj: "feedback", Act: "import"} // HR: sources, settings, metrics, imports
	PermRead   = authz.Permission{Obj: "feedback", Act: "read"}   // managers (their subtree) and HR: records
	PermAppeal = authz.Permission{Obj: "feedback", Act: "appeal"} // staff: records about them, appeals
	PermDecide = authz.Permission{Obj: "feedback", Act: "decide"} // managers and HR: decide appeals
)
