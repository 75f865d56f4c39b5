package suggestions

import "github.com/servicestar/servicestar/app/authz"

// What suggestions' routes check.
var (
	PermSubmit = authz.Permission{Obj: "suggestions", Act: "submit"} // staff and managers: submit, edit a returned one
	PermReview = authz.Permission{Obj: "suggestions", Act: "review"} // managers (their subtree) and HR: return, reject, adopt
	PermPay    = authz.Permission{Obj: "suggestions", Act: "pay"}    // HR: pools, shares, approving payouts
)
