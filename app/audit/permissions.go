package audit

import "github.com/servicestar/servicestar/app/authz"

// PermRead lets a role read the audit log of the branches it reaches.
var PermRead = authz.Permission{Obj: "audit", Act: "read"}
