package authz

import (
	"context"
	"sort"
)

// Actor is who asks: the fields of a session that authorization needs.
type Actor struct {
	TenantID      int64
	UserID        int64
	PolicyVersion int64
}

// Allowed reports whether actor may act on obj for a branch at branchPath:
// true when a role granted at that branch or one of its ancestors allows it.
func (a *Authz) Allowed(ctx context.Context, actor Actor, branchPath, obj, act string) (bool, error) {
	tp, err := a.policy(ctx, actor.TenantID, actor.PolicyVersion)
	if err != nil {
		return false, err
	}
	sub := Subject(actor.UserID)
	for _, p := range Ancestors(branchPath) {
		ok, err := tp.decide(sub, Domain(actor.TenantID, p), obj, act)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

func (tp *tenantPolicy) decide(sub, dom, obj, act string) (bool, error) {
	k := decisionKey{sub, dom, obj, act}
	if v, ok := tp.cache.Load(k); ok {
		return v.(bool), nil
	}
	tp.mu.Lock()
	// Most ancestors hold no grant of this user: a role-manager lookup (a map
	// read) skips the matcher for them.
	ok := len(tp.e.GetRolesForUserInDomain(sub, dom)) > 0
	var err error
	if ok {
		ok, err = tp.e.Enforce(sub, dom, obj, act)
	}
	tp.mu.Unlock()
	if err != nil {
		return false, err
	}
	tp.cache.Store(k, ok)
	return ok, nil
}

// Grant is one role at one branch.
type Grant struct {
	Role string
	Path string
}

// Grants lists the actor's roles and the branch paths they were granted at.
func (a *Authz) Grants(ctx context.Context, actor Actor) ([]Grant, error) {
	tp, err := a.policy(ctx, actor.TenantID, actor.PolicyVersion)
	if err != nil {
		return nil, err
	}
	if v, ok := tp.grants.Load(actor.UserID); ok {
		return v.([]Grant), nil
	}
	tp.mu.Lock()
	rules, err := tp.e.GetFilteredGroupingPolicy(0, Subject(actor.UserID))
	tp.mu.Unlock()
	if err != nil {
		return nil, err
	}
	var out []Grant
	for _, r := range rules {
		p, err := PathOf(actor.TenantID, r[2])
		if err != nil {
			continue
		}
		out = append(out, Grant{Role: r[1], Path: p})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Role != out[j].Role {
			return out[i].Role < out[j].Role
		}
		return out[i].Path < out[j].Path
	})
	tp.grants.Store(actor.UserID, out)
	return out, nil
}

// Scopes lists the branch paths under which actor may act on obj: the paths
// of the grants whose role allows it, with paths already covered removed.
func (a *Authz) Scopes(ctx context.Context, actor Actor, obj, act string) ([]string, error) {
	tp, err := a.policy(ctx, actor.TenantID, actor.PolicyVersion)
	if err != nil {
		return nil, err
	}
	key := scopeKey{actor.UserID, obj, act}
	if v, ok := tp.scopes.Load(key); ok {
		return v.([]string), nil
	}
	grants, err := a.Grants(ctx, actor)
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, g := range grants {
		ok, err := a.Allowed(ctx, actor, g.Path, obj, act)
		if err != nil {
			return nil, err
		}
		if ok {
			paths = append(paths, g.Path)
		}
	}
	paths = minimalCover(paths)
	tp.scopes.Store(key, paths)
	return paths, nil
}

func minimalCover(paths []string) []string {
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		if len(out) > 0 && Covers(out[len(out)-1], p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Permissions lists "obj.act" for everything the actor may do somewhere.
func (a *Authz) Permissions(ctx context.Context, actor Actor) ([]string, error) {
	grants, err := a.Grants(ctx, actor)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, g := range grants {
		for _, r := range a.pRules {
			if r[0] == g.Role {
				have[r[1]+"."+r[2]] = true
			}
		}
	}
	out := make([]string, 0, len(have))
	for k := range have {
		out = append(out, k)
	}
	sort.Strings(out)
	return out, nil
}
