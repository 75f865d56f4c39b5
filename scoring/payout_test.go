package scoring

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSplitCentsTable(t *testing.T) {
	cases := []struct {
		name   string
		pool   int64
		shares []int
		want   []int64
	}{
		{"exact", 10_000, []int{5000, 3000, 2000}, []int64{5000, 3000, 2000}},
		{"one cent to the largest remainder", 100, []int{3333, 3333, 3334}, []int64{33, 33, 34}},
		{"equal remainders go to the earlier contributor", 100, []int{3334, 3333, 3333}, []int64{34, 33, 33}},
		{"thirds of one cent", 1, []int{3333, 3334, 3333}, []int64{0, 1, 0}},
		{"tie: first wins", 1, []int{5000, 5000}, []int64{1, 0}},
		{"two cents, three ways", 2, []int{3333, 3333, 3334}, []int64{1, 0, 1}},
		{"empty pool", 0, []int{7000, 3000}, []int64{0, 0}},
		{"one person", 123_457, []int{10_000}, []int64{123_457}},
	}
	for _, c := range cases {
		got, err := SplitCents(c.pool, c.shares)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: SplitCents(%d, %v) = %v, want %v", c.name, c.pool, c.shares, got, c.want)
		}
	}
}

func TestSplitCentsRefusesBadInput(t *testing.T) {
	cases := []struct {
		pool   int64
		shares []int
		want   error
	}{
		{-1, []int{10_000}, ErrNegativePool},
		{MaxPoolCents + 1, []int{10_000}, ErrPoolTooLarge},
		{100, nil, ErrNoShares},
		{100, []int{5000, 4999}, ErrSharesSum},
		{100, []int{5000, 5001}, ErrSharesSum},
		{100, []int{10_000, 0}, ErrShareRange},
		{100, []int{12_000, -2000}, ErrShareRange},
	}
	for _, c := range cases {
		if _, err := SplitCents(c.pool, c.shares); !errors.Is(err, c.want) {
			t.Errorf("SplitCents(%d, %v) = %v, want %v", c.pool, c.shares, err, c.want)
		}
	}
}

// randomShares splits 10,000 bp into n positive shares.
func randomShares(r *rand.Rand, n int) []int {
	cuts := map[int]bool{}
	for len(cuts) < n-1 {
		cuts[1+r.IntN(WholeBP-1)] = true
	}
	points := []int{0, WholeBP}
	for c := range cuts {
		points = append(points, c)
	}
	slices.Sort(points)
	out := make([]int, n)
	for i := range out {
		out[i] = points[i+1] - points[i]
	}
	return out
}

// The property the issue asks for: over random pools and shares, the parts
// always sum to the pool and each is within one cent of its exact share.
func TestSplitCentsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 2026))
	for i := 0; i < 20_000; i++ {
		n := 1 + r.IntN(40)
		shares := randomShares(r, n)
		var pool int64
		switch i % 4 {
		case 0:
			pool = r.Int64N(100) // fewer cents than people, often
		case 1:
			pool = r.Int64N(10_000_000)
		case 2:
			pool = MaxPoolCents - r.Int64N(1000)
		default:
			pool = r.Int64N(MaxPoolCents + 1)
		}
		parts, err := SplitCents(pool, shares)
		if err != nil {
			t.Fatalf("SplitCents(%d, %v): %v", pool, shares, err)
		}
		var sum int64
		for j, c := range parts {
			sum += c
			// |c - pool·bp/10000| < 1, in whole numbers.
			diff := c*WholeBP - pool*int64(shares[j])
			if diff <= -WholeBP || diff >= WholeBP {
				t.Fatalf("SplitCents(%d, %v): part %d is %d, more than a cent from %d·%d/10000", pool, shares, j, c, pool, shares[j])
			}
			if c < 0 {
				t.Fatalf("negative part %d", c)
			}
		}
		if sum != pool {
			t.Fatalf("SplitCents(%d, %v) sums to %d", pool, shares, sum)
		}
	}
}
