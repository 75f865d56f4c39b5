package awards

import "github.com/servicestar/servicestar/app/authz"

// What the awards routes check.
var (
	PermView     = authz.Permission{Obj: "awards", Act: "view"}     // honour roll, own badges, certificates
	PermNominate = authz.Permission{Obj: "awards", Act: "nominate"} // managers: nominate in their subtree, approve at their level
	PermManage   = authz.Permission{Obj: "awards", Act: "manage"}   // HR: award types, evaluations, rounds, grants
)
