// Package accounts names the demo logins, which the demo seeder creates, the
// README lists and tests sign in with. It imports nothing, so every area's
// demo seed can use it.
package accounts

// Password is every demo login's password.
const Password = "demo12345"

// Login is one demo account, printed by `make run` and listed in the README.
type Login struct {
	Tenant, Username, Role string
}

// Logins lists every demo account the README lists (a test holds the two
// together), so that `demo` prints all of them.
var Logins = []Login{
	{"demo", "admin", "tenant_admin"},
	{"demo", "hr", "hr"},
	{"demo", "auditor", "auditor"},
	{"demo", "mgr.north", "manager (北方分行 North branch)"},
	{"demo", "emp.north.1", "employee (北方分行朝阳支行)"},
	{"demo", "emp.south.1", "employee (南方分行 South branch)"},
	{"demo2", "admin", "tenant_admin"},
	{"demo2", "hr", "hr"},
	{"demo2", "mgr.1", "manager (昆明分行 Kunming branch)"},
	{"demo2", "emp.1", "employee (昆明分行)"},
	{"demo2", "emp.2", "employee (昆明分行)"},
}
