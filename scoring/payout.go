package scoring

import (
	"errors"
	"sort"
)

// WholeBP is a whole pool in basis points: the shares of a payout sum to it.
const WholeBP = 10_000

// MaxPoolCents bounds a bonus pool (one hundred billion yuan) so that
// pool × share never leaves int64.
const MaxPoolCents int64 = 10_000_000_000_000

// Payout errors, each naming what is wrong with the input.
var (
	ErrNegativePool = errors.New("the pool must not be negative")
	ErrPoolTooLarge = errors.New("the pool is too large")
	ErrNoShares     = errors.New("at least one share")
	ErrShareRange   = errors.New("each share is between 1 and 10000 basis points")
	ErrSharesSum    = errors.New("the shares must sum to 10000 basis points")
)

// SplitCents divides pool (cents) among shares (basis points, in
// contributor order) so that the parts sum to the pool exactly: each part is
// first the exact share rounded down, and the cents still left go one each
// to the largest remainders, ties going to the earlier contributor
// (largest-remainder, or Hamilton, apportionment). So each part is within
// one cent of its exact share.
func SplitCents(pool int64, shares []int) ([]int64, error) {
	if err := CheckShares(pool, shares); err != nil {
		return nil, err
	}
	out := make([]int64, len(shares))
	rem := make([]int64, len(shares))
	left := pool
	for i, bp := range shares {
		exact := pool * int64(bp)
		out[i], rem[i] = exact/WholeBP, exact%WholeBP
		left -= out[i]
	}
	order := make([]int, len(shares))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	// left < len(shares): each floor loses less than one cent.
	for k := int64(0); k < left; k++ {
		out[order[k]]++
	}
	return out, nil
}

// CheckShares reports the first thing wrong with a pool and its shares.
func CheckShares(pool int64, shares []int) error {
	switch {
	case pool < 0:
		return ErrNegativePool
	case pool > MaxPoolCents:
		return ErrPoolTooLarge
	case len(shares) == 0:
		return ErrNoShares
	}
	sum := 0
	for _, bp := range shares {
		if bp < 1 || bp > WholeBP {
			return ErrShareRange
		}
		sum += bp
	}
	if sum != WholeBP {
		return ErrSharesSum
	}
	return nil
}
