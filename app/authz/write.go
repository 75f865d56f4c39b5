package authz

import (
	"fmt"

	"gorm.io/gorm"
)

// SetGrants replaces a user's grants inside tx, through gorm-adapter, so the
// rows keep casbin's own format. The caller bumps the tenant's policy version
// in the same transaction; that is what makes every instance reload.
func SetGrants(tx *gorm.DB, tenantID, userID int64, grants []Grant) error {
	ad, err := adapterFor(tx)
	if err != nil {
		return err
	}
	sub := Subject(userID)
	lo, hi := PathRange(TenantPrefix(tenantID))
	// Remove only this tenant's rows of the subject: subjects are per tenant
	// anyway, the range keeps the delete inside the tenant by construction.
	if err := tx.Exec("DELETE FROM casbin_rule WHERE ptype = ? AND v0 = ? AND v2 >= ? AND v2 < ?", "g", sub, lo, hi).Error; err != nil {
		return fmt.Errorf("authz: clear grants: %w", err)
	}
	var rules [][]string
	seen := map[Grant]bool{}
	for _, g := range grants {
		if seen[g] {
			continue
		}
		seen[g] = true
		rules = append(rules, []string{sub, g.Role, Domain(tenantID, g.Path)})
	}
	if len(rules) == 0 {
		return nil
	}
	return ad.AddPolicies("g", "g", rules)
}

// MoveSubtree rewrites the domains of grants under oldPath to newPath after a
// branch move, inside tx.
func MoveSubtree(tx *gorm.DB, tenantID int64, oldPath, newPath string) error {
	oldDom, newDom := Domain(tenantID, oldPath), Domain(tenantID, newPath)
	lo, hi := PathRange(oldDom)
	return tx.Exec("UPDATE casbin_rule SET v2 = ? || substr(v2, ?) WHERE ptype = ? AND v2 >= ? AND v2 < ?",
		newDom, len(oldDom)+1, "g", lo, hi).Error
}

// GrantsOf reads the stored grants of users straight from casbin_rule (for
// listings; decisions go through the loaded enforcer).
func GrantsOf(db *gorm.DB, tenantID int64, userIDs []int64) (map[int64][]Grant, error) {
	out := map[int64][]Grant{}
	if len(userIDs) == 0 {
		return out, nil
	}
	subs := make([]string, len(userIDs))
	bySub := map[string]int64{}
	for i, id := range userIDs {
		subs[i] = Subject(id)
		bySub[subs[i]] = id
	}
	lo, hi := PathRange(TenantPrefix(tenantID))
	var rows []struct{ V0, V1, V2 string }
	err := db.Table("casbin_rule").Select("v0, v1, v2").
		Where("ptype = ? AND v0 IN ? AND v2 >= ? AND v2 < ?", "g", subs, lo, hi).
		Order("v0, v1, v2").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		p, err := PathOf(tenantID, r.V2)
		if err != nil {
			continue
		}
		id := bySub[r.V0]
		out[id] = append(out[id], Grant{Role: r.V1, Path: p})
	}
	return out, nil
}
