package kpi

import "github.com/servicestar/servicestar/app/apperr"

// Messages are the zh-CN texts of the KPI area's messages, scoring's scheme
// rules among them (scoring is pure and writes English templates only).
var Messages = apperr.Catalogue{
	"must be between {min} and {max}":       "必须在 {min} 到 {max} 之间",
	"name at least one metric":              "请至少选择一项指标",
	"unknown metric":                        "未知指标",
	"this metric is already in the scheme":  "该指标已在方案中",
	"must be linear or percentile":          "只能是 linear（线性）或 percentile（百分位）",
	"must be higher or lower":               "只能是 higher（越高越好）或 lower（越低越好）",
	"the target must differ from the floor": "目标值不能等于底线值",
	"for a metric where higher is better the target must be above the floor": "越高越好的指标，目标值必须高于底线值",
	"for a metric where lower is better the target must be below the floor":  "越低越好的指标，目标值必须低于底线值",
	"the weights must sum to 100 (they sum to {sum})":                        "权重之和必须为 100（当前为 {sum}）",
	"a month such as 2026-12":                                                  "应为月份，例如 2026-12",
	"empty for the default, or one of {roles}":                                 "留空表示默认方案，或为以下之一：{roles}",
	"the period {period} is closed; a scheme may start only in an open period": "期间 {period} 已关账，方案只能从未关账的期间开始生效",
	"a period such as 2026-11, 2026-Q4 or 2026":                                "应为期间，例如 2026-11、2026-Q4 或 2026",
	"a period can be closed once it has ended":                                 "期间结束后才能关账",
	"the period {period} is already closed":                                    "期间 {period} 已关账",
	"the period {period} is not closed":                                        "期间 {period} 未关账",
	"the period {period} is closed":                                            "期间 {period} 已关账，结果已冻结",
	"give the reason":                                                          "请填写原因",
	"person not found":                                                         "人员不存在",
	"composite, ratings or a metric key":                                       "只能是 composite、ratings 或指标代码",
	"the job names another tenant":                                             "任务所属银行不符",
	"unknown period {period}":                                                  "未知期间 {period}",
}
