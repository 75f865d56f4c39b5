package kpi

// card is what a person's result row keeps beside its columns: the role the
// scheme was chosen for, the tenant-wide rank, and every metric line. It is
// written by the recompute and read as is by the dashboards, which never
// aggregate feedback themselves.
type card struct {
	Role    string       `json:"role"`
	Rank    *int         `json:"rank"`
	Of      int          `json:"of"`
	Metrics []metricLine `json:"metrics"`
}

// metricLine is one metric of a scorecard. Raw is in RawUnit: "stars"
// (1–5), "ratio" (0–1), "points" (0–100), or a business metric's unit
// (a business value is the person's average per month with a result).
// Score is 0–100, nil when the sample is too small; EffectivePct is the
// weight after the left-out metrics' weights were spread over the rest;
// Contribution is what the line adds to the composite.
type metricLine struct {
	Metric       string   `json:"metric"`
	Label        string   `json:"label"`
	Raw          *float64 `json:"raw"`
	RawUnit      string   `json:"raw_unit"`
	Sample       int64    `json:"sample"`
	Enough       bool     `json:"enough"`
	Score        *float64 `json:"score"`
	WeightPct    int      `json:"weight_pct"`
	EffectivePct float64  `json:"effective_pct"`
	Contribution *float64 `json:"contribution"`
}

// branchCard is what a subtree's result row keeps: each metric from the
// subtree's summed tallies (Score is the mean score of its rankable people
// who have enough of the metric), the spread of its rankable people's
// composites, and its best and worst five people.
type branchCard struct {
	Metrics      []branchMetric `json:"metrics"`
	Distribution []bucket       `json:"distribution"`
	Top          []int64        `json:"top"`
	Bottom       []int64        `json:"bottom"`
}

// branchMetric is one metric of a subtree. A business value is the
// subtree's total per month with results.
type branchMetric struct {
	Metric  string   `json:"metric"`
	Label   string   `json:"label"`
	Raw     *float64 `json:"raw"`
	RawUnit string   `json:"raw_unit"`
	Sample  int64    `json:"sample"`
	Score   *float64 `json:"score"`
}

// bucket counts the composites in [From, To) (the last one includes 100).
type bucket struct {
	From  int `json:"from"`
	To    int `json:"to"`
	Count int `json:"count"`
}

// Built-in metric labels (zh-CN, the banks' language; the UI translates the
// keys of built-in metrics itself) and units.
var builtinLabels = map[string][2]string{
	"satisfaction":        {"满意度", "stars"},
	"resolution_rate":     {"问题解决率", "ratio"},
	"complaint_rate":      {"投诉率", "ratio"},
	"training_score":      {"培训成绩", "points"},
	"training_completion": {"培训完成率", "ratio"},
}
