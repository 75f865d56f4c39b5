package store

import (
	"context"
	"reflect"

	"gorm.io/gorm"
)

const reflectStruct = reflect.Struct

// Tx runs fn in a write transaction.
func (db *DB) Tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return db.W.WithContext(ctx).Transaction(fn)
}
