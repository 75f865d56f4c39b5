package jobs

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of a background job's error, as the bank
// reads it in its list of jobs, and of a missing job.
var Messages = apperr.Catalogue{
	"the job stopped on an internal error; it will be tried again": "后台任务因内部错误中断，将自动重试",
	"the job failed on an internal error":                          "后台任务因内部错误失败",
	"the job stopped without finishing":                            "后台任务中断，未能完成",
	"job not found":                                                "后台任务不存在",
}
