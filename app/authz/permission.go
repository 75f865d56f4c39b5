package authz

// Permission is one thing a role may do: an object and an action, exactly as
// the p rules of policy.csv name them. Areas declare theirs as typed values
// (org.PermUsersWrite, …) so a check can only name a permission that exists,
// and one test holds the declared set, policy.csv and the menu to each other.
type Permission struct {
	Obj, Act string
}

// String is the "obj.act" form the API (GET /me) and the frontend menu use.
func (p Permission) String() string { return p.Obj + "." + p.Act }
