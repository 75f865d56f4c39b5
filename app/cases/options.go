package cases

// Option is a code with its names.
type Option struct {
	Code   string `json:"code"`
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
}

// BusinessLines are the lines of business a case belongs to.
var BusinessLines = []Option{
	{"retail", "零售业务", "Retail banking"},
	{"wealth", "财富管理", "Wealth management"},
	{"corporate", "公司业务", "Corporate banking"},
	{"credit", "信贷业务", "Lending"},
	{"digital", "数字渠道", "Digital channels"},
	{"ecny", "数字人民币", "e-CNY"},
	{"green", "绿色金融", "Green finance"},
	{"cards", "银行卡", "Cards"},
	{"fx", "国际业务", "International & FX"},
}

// CustomerTypes are who the customer of a case was.
var CustomerTypes = []Option{
	{"elderly", "老年客户", "Elderly customer"},
	{"individual", "个人客户", "Individual customer"},
	{"high_net_worth", "高净值客户", "High-net-worth customer"},
	{"small_business", "小微企业主", "Small-business owner"},
	{"corporate", "企业客户", "Corporate customer"},
	{"disabled", "残障客户", "Customer with a disability"},
	{"new_resident", "新市民", "New urban resident"},
	{"young", "青年客户", "Young customer"},
}

func known(opts []Option, code string) bool {
	for _, o := range opts {
		if o.Code == code {
			return true
		}
	}
	return false
}
