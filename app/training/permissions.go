package training

import "github.com/servicestar/servicestar/app/authz"

// What training's routes check.
var (
	PermTake    = authz.Permission{Obj: "training", Act: "take"}    // play scenarios, own inbox
	PermManage  = authz.Permission{Obj: "training", Act: "manage"}  // the bank's scenario library
	PermAssign  = authz.Permission{Obj: "training", Act: "assign"}  // assign and follow progress
	PermReview  = authz.Permission{Obj: "training", Act: "review"}  // read and comment attempts, analytics
	PermInspect = authz.Permission{Obj: "training", Act: "inspect"} // the auditor's read-only view of all of it
)
