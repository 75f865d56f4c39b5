package training

import "github.com/danielgtaylor/huma/v2"

// Op is the shape of a training route: tagged "training", and every one
// may answer 401, 403 and 404 besides the errors it names.
func Op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"training"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}
