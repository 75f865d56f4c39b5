package scenarios

import (
	"hash/fnv"
	"math/rand/v2"
)

// The order choices are shown in is the attempt's, not the file's: authors tend to write
// the best reply first, and "always pick the first" must not pass. The order comes from
// the seed the attempt was started with and the turn's id, so it is the same every time
// the attempt is shown (resume, reload) and differs between attempts and turns. A zero
// seed keeps the file's order (attempts saved before seeds existed, and previews).

// StartShuffled begins an attempt like Start, with seed fixing the order of its choices.
// The caller brings the seed (from a random source), so the engine stays deterministic.
func StartShuffled(s *Scenario, seed uint64) State {
	st := Start(s)
	st.Seed = seed
	return st
}

// ChoiceOrder returns the indexes of the turn's choices in the order an attempt with this
// seed shows them.
func ChoiceOrder(t *Turn, seed uint64) []int {
	order := make([]int, len(t.Choices))
	for i := range order {
		order[i] = i
	}
	if seed == 0 || len(order) < 2 {
		return order
	}
	h := fnv.New64a()
	h.Write([]byte(t.ID))
	r := rand.New(rand.NewPCG(seed, h.Sum64()))
	r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	return order
}
