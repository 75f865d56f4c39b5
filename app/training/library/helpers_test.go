package library_test

import "github.com/servicestar/servicestar/app/testkit"

// The play helpers the training areas' tests use.
var start, act, mustGet = testkit.Start, testkit.Act, testkit.MustGet
