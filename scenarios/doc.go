// Package scenarios holds the scenario format of the ServiceStar training sandbox (see
// FORMAT.md), its loader and validator, and the engine that plays an attempt.
//
// Everything here is pure: Parse and Validate read bytes and return values, and the
// engine takes a State and returns a new one without touching the old, so the caller
// decides where attempts are stored. The package imports nothing from app/.
package scenarios
