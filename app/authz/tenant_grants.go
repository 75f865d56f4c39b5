package authz

import (
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// TenantGrants reads every stored grant of a tenant's users straight from
// casbin_rule, by user id, in one range scan of the domain index: for work
// over the whole bank (a KPI recompute needs everyone's roles), where
// GrantsOf's lists of subjects would take one query per few hundred people.
func TenantGrants(db *gorm.DB, tenantID int64) (map[int64][]Grant, error) {
	lo, hi := PathRange(TenantPrefix(tenantID))
	var rows []struct{ V0, V1, V2 string }
	err := db.Table("casbin_rule").Select("v0, v1, v2").
		Where("ptype = ? AND v2 >= ? AND v2 < ?", "g", lo, hi).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := map[int64][]Grant{}
	for _, r := range rows {
		id, err := strconv.ParseInt(strings.TrimPrefix(r.V0, "u"), 10, 64)
		if err != nil || !strings.HasPrefix(r.V0, "u") {
			continue
		}
		p, err := PathOf(tenantID, r.V2)
		if err != nil {
			continue
		}
		out[id] = append(out[id], Grant{Role: r.V1, Path: p})
	}
	return out, nil
}
