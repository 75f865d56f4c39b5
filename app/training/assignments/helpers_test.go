package assignments_test

import "github.com/servicestar/servicestar/app/testkit"

// The play helpers all three training areas' tests use.
type attempt = testkit.Attempt

var start, act, mustGet = testkit.Start, testkit.Act, testkit.MustGet
