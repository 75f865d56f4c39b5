// Package sqlite stands in for github.com/glebarez/go-sqlite, a fork of
// modernc.org/sqlite's database/sql driver that re-parses every statement on
// every execution. The GORM dialector github.com/glebarez/sqlite (which the
// casbin gorm-adapter imports too) links it only to register the "sqlite"
// driver and to recognise constraint errors; this package gives it
// modernc.org/sqlite itself instead, whose statements stay compiled between
// executions. Importing both drivers is not an option: each registers the
// name "sqlite", and database/sql panics at start-up.
//
// The top-level go.mod points the import path here with a replace directive.
package sqlite

import msqlite "modernc.org/sqlite"

// Error is the driver's error type, so the dialector's Translate still maps
// unique and foreign-key violations to gorm.ErrDuplicatedKey and
// gorm.ErrForeignKeyViolated.
type Error = msqlite.Error
