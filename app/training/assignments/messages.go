package assignments

import (
	"maps"

	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/training"
)

// workflowMessages are the zh-CN texts of retakes, attempt limits, reminders
// and turn comments (the attempts area writes the last two kinds, but they
// are the training workflow's), added to the training areas' shared ones.
var workflowMessages = apperr.Catalogue{
	"0 (no limit) to {max}": "0（不限）到 {max}",
	"assignment {id} allows {max} attempts and all are used; ask your manager for a retake": "任务 {id} 最多允许练习 {max} 次，已全部用完；请联系主管安排重练",
	"attempt limit of assignment {id} reached":                                              "已达到任务 {id} 的练习次数上限",
	"not retakeable":                                           "不能安排重练",
	"only a failed attempt can be retaken":                     "只有未通过的练习才能安排重练",
	"the person is no longer active":                           "此人已不在职",
	"the scenario is no longer in the catalogue":               "该场景已不在场景目录中",
	"a retake of this attempt is already open":                 "这次练习的重练任务已在进行中",
	"already reminded; the next reminder is allowed from {at}": "已提醒过；下次可提醒时间为 {at}",
	"next reminder allowed from {at}":                          "下次可提醒时间为 {at}",
	"no such turn in this attempt":                             "本次练习没有这一轮对话",
}

// messages is the catalogue the module declares: the shared training texts and the workflow's.
func messages() apperr.Catalogue {
	out := maps.Clone(training.Messages)
	maps.Copy(out, workflowMessages)
	return out
}
