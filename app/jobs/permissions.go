package jobs

import "github.com/servicestar/servicestar/app/authz"

// PermRead lets a role read its bank's background jobs (HR, tenant admins,
// auditors).
var PermRead = authz.Permission{Obj: "jobs", Act: "read"}
