package authz

import (
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"

	"github.com/casbin/casbin/v2"
	"github.com/casbin/casbin/v2/model"
	gormadapter "github.com/casbin/gorm-adapter/v3"
	"gorm.io/gorm"
)

//go:embed model.conf
var modelText string

//go:embed policy.csv
var policyCSV string

// Authz holds one lazily loaded enforcer per tenant. Each is tagged with the
// tenant's policy version; a request that sees a newer version (read with the
// session) reloads it, so a grant or revocation reaches every instance at
// once without any message between them.
type Authz struct {
	db      *gorm.DB
	pRules  [][]string
	mu      sync.Mutex
	tenants map[int64]*tenantPolicy
}

type tenantPolicy struct {
	version int64
	e       *casbin.Enforcer
	mu      sync.Mutex // casbin's Enforce is not safe beside its own writes; we never write after load
	cache   sync.Map   // decisionKey → bool
	grants  sync.Map   // user id → []Grant
	scopes  sync.Map   // scopeKey → []string
}

type scopeKey struct {
	user     int64
	obj, act string
}

type decisionKey struct {
	sub, dom, obj, act string
}

// New prepares the authorizer; db is the handle rules are read from.
func New(db *gorm.DB) (*Authz, error) {
	rules, err := parsePolicy(policyCSV)
	if err != nil {
		return nil, err
	}
	return &Authz{db: db, pRules: rules, tenants: map[int64]*tenantPolicy{}}, nil
}

func parsePolicy(text string) ([][]string, error) {
	var rules [][]string
	r := csv.NewReader(strings.NewReader(text))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("authz: policy.csv: %w", err)
	}
	for _, rec := range recs {
		if len(rec) != 4 || rec[0] != "p" {
			return nil, fmt.Errorf("authz: policy.csv: bad rule %v", rec)
		}
		rules = append(rules, rec[1:])
	}
	return rules, nil
}

// adapterFor wraps a handle in gorm-adapter without letting it migrate the
// table (our migrations own it) and without mutating the caller's handle.
func adapterFor(db *gorm.DB) (*gormadapter.Adapter, error) {
	cp := db.Session(&gorm.Session{})
	gormadapter.TurnOffAutoMigrate(cp)
	return gormadapter.NewAdapterByDBWithCustomTable(cp, &gormadapter.CasbinRule{}, "casbin_rule")
}

// policy returns the tenant's enforcer at version, loading it when missing or stale.
func (a *Authz) policy(ctx context.Context, tenantID, version int64) (*tenantPolicy, error) {
	a.mu.Lock()
	tp := a.tenants[tenantID]
	a.mu.Unlock()
	if tp != nil && tp.version >= version {
		return tp, nil
	}
	tp, err := a.load(ctx, tenantID, version)
	if err != nil {
		return nil, err
	}
	a.mu.Lock()
	if cur := a.tenants[tenantID]; cur == nil || cur.version < tp.version {
		a.tenants[tenantID] = tp
	} else {
		tp = cur
	}
	a.mu.Unlock()
	return tp, nil
}

func (a *Authz) load(ctx context.Context, tenantID, version int64) (*tenantPolicy, error) {
	m, err := model.NewModelFromString(modelText)
	if err != nil {
		return nil, err
	}
	lo, hi := PathRange(TenantPrefix(tenantID))
	scoped := a.db.WithContext(ctx).Where("ptype = ? AND v2 >= ? AND v2 < ?", "g", lo, hi)
	ad, err := adapterFor(scoped)
	if err != nil {
		return nil, err
	}
	e, err := casbin.NewEnforcer(m, ad)
	if err != nil {
		return nil, fmt.Errorf("authz: load tenant %d: %w", tenantID, err)
	}
	e.EnableAutoSave(false)
	if _, err := e.AddPolicies(a.pRules); err != nil {
		return nil, err
	}
	return &tenantPolicy{version: version, e: e}, nil
}

// Invalidate drops a tenant's loaded policy (used after writes on this instance).
func (a *Authz) Invalidate(tenantID int64) {
	a.mu.Lock()
	delete(a.tenants, tenantID)
	a.mu.Unlock()
}
