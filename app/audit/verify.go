package audit

import (
	"context"
	"time"

	"github.com/servicestar/servicestar/app/store"
)

// Why a record breaks the chain, as Verify reports it.
const (
	// BrokenAltered: the record's own hash does not match its fields: a
	// recorded field (or its hash) was changed after sealing.
	BrokenAltered = "altered"
	// BrokenMissing: the record's seq is not the one after the previous
	// record's: the records in between were deleted.
	BrokenMissing = "missing"
	// BrokenReordered: the record does not link to the record before it
	// (its prev_hash is another record's hash): records were moved,
	// swapped or relinked.
	BrokenReordered = "reordered"
)

// ChainHead is the newest sealed record of a tenant's chain. Its hash stands for
// the whole chain up to it, so it is what an auditor writes down elsewhere.
type ChainHead struct {
	Seq  int64     `json:"seq"`
	Hash string    `json:"hash"`
	ID   int64     `json:"id" doc:"the audit record's id"`
	At   time.Time `json:"at" doc:"when the record's change happened"`
}

// ChainBreak names the first record where the chain breaks.
type ChainBreak struct {
	ID     int64  `json:"id"`
	Seq    int64  `json:"seq"`
	Reason string `json:"reason" enum:"altered,missing,reordered" doc:"altered: its fields no longer match its hash; missing: records before it were deleted (its seq skips); reordered: it does not link to the record before it"`
	// ExpectedSeq is the seq the chain expected here (for missing records).
	ExpectedSeq int64 `json:"expected_seq"`
}

// ChainVerification is the outcome of walking a tenant's chain.
type ChainVerification struct {
	OK      bool        `json:"ok"`
	Checked int64       `json:"checked" doc:"records checked, up to and including the first broken one"`
	Broken  *ChainBreak `json:"first_broken,omitempty"`
	Head    *ChainHead  `json:"head,omitempty" doc:"the last record checked that is intact"`
}

// verifyBatch is how many records one read of the walk fetches.
const verifyBatch = 1000

// Verify walks tenant tid's chain in seq order, recomputing every hash, and
// stops at the first record that breaks it. It only reads. Records not yet
// sealed are not part of the chain yet and are not checked. The chain only
// grows at its head, so records sealed while the walk runs are walked too.
func Verify(ctx context.Context, db *store.DB, tid int64) (ChainVerification, error) {
	v := ChainVerification{OK: true}
	seq, prev := int64(0), genesis
	for {
		var rows []chainRow
		if err := db.R.WithContext(ctx).Select(chainColumns).Scopes(store.Tenant(tid)).
			Where("seq > ?", seq).Order("seq").Limit(verifyBatch).Find(&rows).Error; err != nil {
			return v, err
		}
		for i := range rows {
			r := &rows[i]
			v.Checked++
			var reason string
			switch {
			case *r.Seq != seq+1:
				reason = BrokenMissing
			case r.PrevHash == nil || *r.PrevHash != prev:
				reason = BrokenReordered
			case r.Hash == nil || *r.Hash != linkHash(r, *r.Seq, prev):
				reason = BrokenAltered
			}
			if reason != "" {
				v.OK = false
				v.Broken = &ChainBreak{ID: r.ID, Seq: *r.Seq, Reason: reason, ExpectedSeq: seq + 1}
				return v, nil
			}
			seq, prev = *r.Seq, *r.Hash
			v.Head = &ChainHead{Seq: seq, Hash: prev, ID: r.ID, At: r.At}
		}
		if len(rows) < verifyBatch {
			return v, nil
		}
	}
}

// ChainState is the state of a tenant's chain without walking it.
type ChainState struct {
	Head     *ChainHead `json:"head,omitempty" doc:"the newest sealed record; absent while nothing is sealed"`
	Sealed   int64      `json:"sealed" doc:"records in the chain (the head's seq)"`
	Unsealed int64      `json:"unsealed" doc:"records written but not sealed yet (sealed within seconds)"`
}

// ReadChain reads the head of tenant tid's chain and counts what is left
// to seal.
func ReadChain(ctx context.Context, db *store.DB, tid int64) (ChainState, error) {
	var s ChainState
	var head []chainRow
	if err := db.R.WithContext(ctx).Select(chainColumns).Scopes(store.Tenant(tid)).
		Where("seq IS NOT NULL").Order("seq DESC").Limit(1).Find(&head).Error; err != nil {
		return s, err
	}
	if len(head) == 1 && head[0].Hash != nil {
		h := head[0]
		s.Head = &ChainHead{Seq: *h.Seq, Hash: *h.Hash, ID: h.ID, At: h.At}
		s.Sealed = *h.Seq
	}
	if err := db.R.WithContext(ctx).Model(&chainRow{}).Scopes(store.Tenant(tid)).Where("seq IS NULL").Count(&s.Unsealed).Error; err != nil {
		return s, err
	}
	return s, nil
}
