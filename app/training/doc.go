// Package training holds what the training areas share: the permissions
// they check. The areas themselves are its sub-packages: library (the
// bank's scenarios), attempts (playing, review, analytics) and assignments
// (programmes, progress, the inbox). Each reads another only through a
// narrow interface that server wires.
package training
