package audit

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
)

// The audit log is a hash chain per tenant. Each sealed row holds its place
// in the tenant's chain (seq, from 1), the hash of the row before it
// (prev_hash; genesis for the first) and its own hash: SHA-256 over a
// canonical encoding of the row's recorded fields and prev_hash. Changing a
// recorded field breaks the row's own hash; deleting a row leaves a gap in
// seq; moving rows around breaks a prev_hash link. Rewriting the whole chain
// from the broken row on is possible for whoever can write the database, so
// the head hash is shown to be written down outside it: a chain whose older
// head no longer appears in it, with that hash, was rewritten.

// genesis is the prev_hash of a tenant's first sealed row.
const genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// chainFormat names the encoding; a different one would need a new name so
// that old rows still verify under the one they were sealed with.
const chainFormat = "servicestar.audit.chain.v1"

// chainRow is an audit row with its chain columns, as the sealer and the
// verifier read it (Entry, the row Record writes, leaves them NULL).
type chainRow struct {
	TenantID   int64
	ID         int64
	At         time.Time
	ActorID    *int64
	ActorName  string
	Action     string
	TargetType string
	TargetID   string
	BeforeJSON *string `gorm:"column:before_json"`
	AfterJSON  *string `gorm:"column:after_json"`
	RequestID  string
	Seq        *int64
	PrevHash   *string
	Hash       *string
	SealedAt   *time.Time
}

func (chainRow) TableName() string { return "audit_log" }

// chainColumns are what a chain row is read with.
const chainColumns = "tenant_id, id, at, actor_id, actor_name, action, target_type, target_id, before_json, after_json, request_id, seq, prev_hash, hash, sealed_at"

// linkHash is the hash of r at place seq after prev. Every field is written
// as name, length and bytes (or ~ for NULL), so no two different rows encode
// alike whatever their text holds. Fields are hashed as the database gives
// them back (PostgreSQL's jsonb in its own normal form, times at the
// precision stored), which is the same at sealing and at every later check.
func linkHash(r *chainRow, seq int64, prev string) string {
	var b strings.Builder
	b.WriteString(chainFormat)
	b.WriteByte('\n')
	put := func(name string, v *string) {
		b.WriteString(name)
		if v == nil {
			b.WriteString("~\n")
			return
		}
		b.WriteByte('=')
		b.WriteString(strconv.Itoa(len(*v)))
		b.WriteByte(':')
		b.WriteString(*v)
		b.WriteByte('\n')
	}
	str := func(name, v string) { put(name, &v) }
	num := func(name string, v int64) { str(name, strconv.FormatInt(v, 10)) }
	num("tenant_id", r.TenantID)
	num("id", r.ID)
	num("seq", seq)
	str("at", r.At.UTC().Format(time.RFC3339Nano))
	if r.ActorID != nil {
		num("actor_id", *r.ActorID)
	} else {
		put("actor_id", nil)
	}
	str("actor_name", r.ActorName)
	str("action", r.Action)
	str("target_type", r.TargetType)
	str("target_id", r.TargetID)
	put("before", r.BeforeJSON)
	put("after", r.AfterJSON)
	str("request_id", r.RequestID)
	str("prev_hash", prev)
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}
