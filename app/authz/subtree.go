package authz

import (
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// InSubtrees adds "column lies in one of the scopes' subtrees" to a query,
// one index range per scope. column may be qualified ("b.path"). No scopes
// match nothing.
func InSubtrees(db *gorm.DB, column string, scopes []string) *gorm.DB {
	if len(scopes) == 0 {
		return db.Where("1 = 0")
	}
	col := clause.Column{Name: column}
	if t, c, ok := strings.Cut(column, "."); ok {
		col = clause.Column{Table: t, Name: c}
	}
	ors := make([]clause.Expression, 0, len(scopes))
	for _, sc := range scopes {
		lo, hi := PathRange(sc)
		ors = append(ors, clause.And(clause.Gte{Column: col, Value: lo}, clause.Lt{Column: col, Value: hi}))
	}
	return db.Where(clause.Or(ors...))
}

// SubtreeCondition is InSubtrees as SQL text for n scopes, for the reads that
// do not go through GORM; SubtreeArgs gives its arguments. column is a name
// from the code, never input. No scopes match nothing.
func SubtreeCondition(column string, n int) string {
	if n == 0 {
		return "1 = 0"
	}
	one := "(" + column + " >= ? AND " + column + " < ?)"
	return "(" + strings.Repeat(one+" OR ", n-1) + one + ")"
}

// SubtreeArgs are SubtreeCondition's arguments for scopes, in order.
func SubtreeArgs(scopes []string) []any {
	args := make([]any, 0, 2*len(scopes))
	for _, sc := range scopes {
		lo, hi := PathRange(sc)
		args = append(args, lo, hi)
	}
	return args
}
