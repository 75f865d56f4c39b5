package session

import "gorm.io/gorm"

// BumpVersion moves the tenant's session version inside tx: every instance
// re-reads its cached sessions of that tenant on their next request. Every
// change that ends or alters sessions (sign-out, disabling, a moved branch,
// changed roles) calls it in the transaction of that change.
func BumpVersion(tx *gorm.DB, tenantID int64) error {
	return tx.Exec("UPDATE tenants SET session_version = session_version + 1 WHERE id = ?", tenantID).Error
}

// EndUser ends every session of a user (disabled, password reset).
func EndUser(tx *gorm.DB, tenantID, userID int64) error {
	if err := tx.Exec("DELETE FROM sessions WHERE kind = ? AND tenant_id = ? AND subject_id = ?", KindUser, tenantID, userID).Error; err != nil {
		return err
	}
	return BumpVersion(tx, tenantID)
}

// EndOthers ends every session of a user but the one whose token hashes to
// keep (a changed password locks out whoever else had it).
func EndOthers(tx *gorm.DB, tenantID, userID int64, keep string) error {
	if err := tx.Exec("DELETE FROM sessions WHERE kind = ? AND tenant_id = ? AND subject_id = ? AND token_hash <> ?", KindUser, tenantID, userID, keep).Error; err != nil {
		return err
	}
	return BumpVersion(tx, tenantID)
}

// endByHash ends one session found by its token hash, telling the
// instances of its tenant (platform sessions have none).
func endByHash(tx *gorm.DB, hash string) error {
	var tenantID *int64
	if err := tx.Raw("SELECT tenant_id FROM sessions WHERE token_hash = ?", hash).Scan(&tenantID).Error; err != nil {
		return err
	}
	if tenantID != nil {
		if err := BumpVersion(tx, *tenantID); err != nil {
			return err
		}
	}
	return tx.Exec("DELETE FROM sessions WHERE token_hash = ?", hash).Error
}
