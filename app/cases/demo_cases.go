package cases

// demoCase is one case of the demo bank: who wrote it, who approved it,
// and its content. The stories are ordinary branch work written the way a
// branch writes them up; names of customers are invented and carry no
// personal data.
type demoCase struct {
	author, reviewer string
	in               CaseIn
}

var demoCases = []demoCase{
	{"emp.north.1", "mgr.north", CaseIn{
		Title: "七旬老人怕用手机银行，一小时学会查收益", TitleEN: "A 72-year-old afraid of mobile banking learns to check her returns in an hour",
		Summary:      "李阿姨听说“手机银行会被盗刷”，要求把全部理财赎回改存定期。理财经理没有急着办业务，而是先化解顾虑，再手把手教会她使用适老化版本。",
		SummaryEN:    "Worried that mobile banking gets hacked, Mrs Li wanted to redeem all her wealth products. The wealth manager eased her fears first and then taught her the app's senior mode step by step.",
		Situation:    "李阿姨（72岁，退休职工）拿着子女帮她下载的手机银行来到朝阳支行，情绪紧张：\n\n> “电视上说手机会被骗子盗刷，我的理财全部赎回，存定期！”\n\n她名下有两笔稳健型**理财**产品，距到期不足两个月，提前赎回将损失部分收益。",
		Actions:      "1. 请李阿姨到低柜坐下，先听她把担心说完，不打断。\n2. 解释手机银行的登录保护：密码、短信验证码、设备绑定，并强调**银行工作人员绝不会索要验证码**。\n3. 打开手机银行的“长辈版”（大字体、简化菜单），陪她完成三次登录和一次收益查询。\n4. 把提前赎回与到期赎回的收益差写在纸上给她比较，由她自己决定。\n5. 留下网点座机，约定一周后电话回访。",
		Outcome:      "李阿姨决定保留理财至到期，当场学会查询收益。一周回访时她已能独立登录，并带了两位老邻居来网点咨询。",
		Lesson:       "老年客户的“要赎回”往往是“怕出事”。先处理情绪、再讲清规则，最后把选择权交还客户；防诈骗提示要具体到“验证码不告诉任何人”。",
		CustomerType: "elderly", BusinessLine: "digital", Tags: []string{"适老化", "手机银行", "防诈骗", "理财"}, ScenarioKeys: []string{"elderly-app-distrust"},
	}},
	{"staff.east.1", "mgr.east", CaseIn{
		Title: "周五下午的紧急流动资金需求：三天完成续贷", TitleEN: "An urgent working-capital need on a Friday afternoon: renewal in three days",
		Summary:      "一家食品加工企业的贷款即将到期，上游货款又必须在下周二前支付。客户经理提前梳理材料、并联审批，在合规前提下三天完成续贷。",
		SummaryEN:    "A food processor's loan was about to mature while a supplier payment was due the next Tuesday. The relationship manager prepared the file early and ran reviews in parallel, renewing the loan in three compliant days.",
		Situation:    "周五16点，一家年销售额约8000万元的食品加工企业财务经理来电：一笔500万元流动资金贷款下周一到期，同时下周二要支付一批面粉货款，账上资金只够其中一项。企业担心“先还后贷”出现资金断档。",
		Actions:      "1. 当晚调取企业近12个月账户流水、纳税记录和存货周转数据，确认经营正常、还款来源可靠。\n2. 向企业说明续贷（无还本续贷）政策的条件，列出需补充的材料清单，不承诺审批结果。\n3. 周六与风险经理线上会商，周一上午完成贷前调查报告，授信审批与放款审核并联进行。\n4. 全程提醒企业：贷款资金须按合同约定用途使用，受托支付给上游供应商。",
		Outcome:      "周三完成续贷，500万元受托支付至面粉供应商，企业生产未中断。企业随后将代发工资业务转入我行。",
		Lesson:       "“快”来自提前准备和流程并联，而不是降低标准。向客户讲清条件和风险，不做审批结果承诺，是保护客户也是保护自己。",
		CustomerType: "corporate", BusinessLine: "credit", Tags: []string{"续贷", "流动资金", "小微企业", "受托支付"}, ScenarioKeys: []string{"corporate-urgent-credit"},
	}},
	{"emp.north.1", "mgr.north", CaseIn{
		Title: "客户要买高风险产品，我们说了“不”", TitleEN: "The customer wanted a high-risk product, and we said no",
		Summary:      "一位风险评估为稳健型（R2）的客户坚持购买R4级权益类基金。理财经理按照适当性要求拒绝代为购买，并提供了匹配其风险承受能力的替代方案。",
		SummaryEN:    "A customer assessed as conservative (R2) insisted on buying an R4 equity fund. The wealth manager declined under suitability rules and offered alternatives that matched the customer's risk tolerance.",
		Situation:    "张先生（58岁）听朋友说某权益类基金“半年涨了30%”，要求马上买入50万元。系统显示他的风险承受能力评估为R2（稳健型），该基金风险等级为R4。他不耐烦地说：“我自己承担风险，你签字就行。”",
		Actions:      "1. 肯定客户关注资产增值的想法，不评价他的朋友或该基金。\n2. 解释适当性管理规定：银行不得向客户销售超出其风险承受能力的产品，这是保护客户的底线，不能代签或诱导重新测评。\n3. 用历史回撤数据说明R4产品可能的亏损幅度，请客户设想亏损20%时的感受。\n4. 提供R2及以下的替代方案（定期存款、稳健型理财、国债），并说明客户可以在真实情况变化后重新评估。\n5. 将沟通过程如实记录在客户服务系统中。",
		Outcome:      "张先生当天没有购买，选择了一款R2稳健型理财和部分三年期国债。三个月后该权益基金回撤约18%，张先生专程来网点道谢。",
		Lesson:       "适当性不是“走流程”，而是对客户负责。拒绝要有理由、有数据、有替代方案，态度要尊重；绝不为了业绩替客户“调整”风险测评结果。",
		CustomerType: "high_net_worth", BusinessLine: "wealth", Tags: []string{"适当性", "理财", "风险测评", "合规"}, ScenarioKeys: []string{"conservative-wants-high-yield"},
	}},
	{"emp.south.1", "mgr.south", CaseIn{
		Title: "大学生开通数字人民币钱包，顺便学会了防骗", TitleEN: "A student opens an e-CNY wallet and learns to spot scams along the way",
		Summary:      "大学新生想开通数字人民币钱包参加校园消费活动。大堂经理帮助他选择合适的钱包等级，并讲解了“刷单返利”等常见骗局。",
		SummaryEN:    "A first-year student wanted an e-CNY wallet for a campus promotion. The lobby manager helped him choose the right wallet tier and explained common scams such as fake order-brushing jobs.",
		Situation:    "开学季，一名大一学生来到南方分行，想开通数字人民币钱包参加校园食堂的消费红包活动。他不清楚钱包等级的区别，还提到同学介绍了一个“刷单返利”的兼职。",
		Actions:      "1. 介绍数字人民币钱包的分级：匿名等级低的钱包交易限额低，实名绑定银行账户的钱包限额较高，按需选择。\n2. 协助学生在我行APP中开通钱包并绑定本人借记卡，演示“碰一碰”支付和子钱包的使用。\n3. 听到“刷单返利”，立即提醒这是典型电信网络诈骗手法，并说明出租、出借账户和钱包可能承担法律责任。\n4. 推荐学生关注反诈公众号，遇到可疑情况拨打96110。",
		Outcome:      "学生顺利开通钱包并在食堂使用，放弃了“刷单”兼职，还在班级群里转发了我们的防骗提示。",
		Lesson:       "办理新业务时多问一句客户的用途，往往能发现风险。面向年轻客户的防诈骗提醒要具体、贴近他们的生活场景。",
		CustomerType: "young", BusinessLine: "ecny", Tags: []string{"数字人民币", "防诈骗", "校园"}, ScenarioKeys: []string{"ecny-introduction"},
	}},
	{"staff.south.1", "mgr.south", CaseIn{
		Title: "一次排队投诉，变成了一封表扬信", TitleEN: "A complaint about the queue turned into a letter of praise",
		Summary:      "午间高峰，一位客户因等待40分钟在大厅高声投诉。大堂经理先致歉安抚，再查明原因、现场分流，并改进了午间排班。",
		SummaryEN:    "At the lunchtime peak a customer complained loudly after waiting 40 minutes. The lobby manager apologised, found the cause, redirected customers on the spot and changed the lunchtime rota.",
		Situation:    "工作日中午12点半，只开放两个柜台，一位客户办理大额取款等候了40分钟，在大厅高声表示要打电话投诉，其他客户也开始附和。",
		Actions:      "1. 第一时间走到客户身边，请他到洽谈区坐下，真诚致歉：“让您等了这么久，是我们的安排不到位。”\n2. 了解到客户需取现5万元，确认他已预约；而预约信息未同步到柜面，导致没有提前备款。\n3. 协调开启一个暂停的柜台优先办理，同时引导其他客户使用智能柜员机办理转账、开卡等业务。\n4. 办理完毕后告知客户改进措施，并留下联系方式。\n5. 当天下午与网点负责人复盘，把午间轮休调整为错峰，并将大额预约信息每日提前同步至柜面。",
		Outcome:      "客户没有投诉，一周后寄来表扬信。网点午间平均等候时间由25分钟降至12分钟。",
		Lesson:       "投诉处理的第一步是情绪，第二步是事实，第三步是改进。把一次投诉的原因变成流程改进，才能避免下一次。",
		CustomerType: "individual", BusinessLine: "retail", Tags: []string{"投诉处理", "排队", "流程改进"},
	}},
	{"staff.north.1", "mgr.north", CaseIn{
		Title: "柜台前的手写板：为听障客户办理挂失", TitleEN: "A writing pad at the counter: reporting a lost card for a deaf customer",
		Summary:      "一位听障客户银行卡丢失，焦急地来到柜台。柜员通过手写板、文字转语音工具与客户沟通，顺利完成挂失和补卡，并全程保护客户隐私。",
		SummaryEN:    "A deaf customer who had lost his bank card came to the counter in distress. The teller communicated through a writing pad and a speech-to-text tool, completed the report and replacement, and protected his privacy throughout.",
		Situation:    "赵先生是听障人士，银行卡丢失后无法拨打客服电话挂失，只能到网点办理。他在取号机前不知所措，用手机打字给保安看：“卡丢了，怕被人取钱”。",
		Actions:      "1. 大堂经理引导赵先生到无障碍服务窗口，优先办理。\n2. 柜员使用手写板和平板电脑上的语音转文字工具沟通，每一步都写清楚要做什么、为什么。\n3. 先办理临时挂失并查询近期交易，确认没有异常支出，让客户先安心。\n4. 核实身份后办理正式挂失与补卡，写下补卡领取时间。\n5. 告知客户可以开通短信动账提醒和手机银行自助挂失，今后不必依赖电话。",
		Outcome:      "20分钟办结，赵先生在意见簿上写下感谢。网点随后为每个柜台配备了手写板，并在厅堂张贴无障碍服务指引。",
		Lesson:       "无障碍服务不是额外负担，而是让每位客户都能平等地办成事。准备好沟通工具，先解决客户最担心的问题。",
		CustomerType: "disabled", BusinessLine: "retail", Tags: []string{"无障碍", "挂失", "适老化"},
	}},
	{"emp.north.1", "mgr.north", CaseIn{
		Title: "“安全账户”转账被我们拦下了", TitleEN: "We stopped a transfer to a so-called safe account",
		Summary:      "一位老年客户要把定期存款提前支取并转入“安全账户”。理财经理识别出冒充公检法诈骗的特征，耐心劝阻并联合民警，保住了客户30万元养老钱。",
		SummaryEN:    "An elderly customer wanted to break a time deposit and move the money to a safe account. The wealth manager recognised a police-impersonation scam, talked him out of it with the police, and saved CNY 300,000 of his pension savings.",
		Situation:    "王大爷（68岁）神色慌张地要求提前支取30万元定期存款，转账到一个外地个人账户，一直在接听电话，不愿说明用途，只说“是公安让我转到安全账户配合调查”。",
		Actions:      "1. 请王大爷暂停通话，耐心说明：公检法机关不会通过电话办案，更不存在“安全账户”。\n2. 按照网点涉诈风险处置流程，暂缓办理并报告网点负责人。\n3. 联系辖区派出所反诈民警到场，由民警向客户进一步说明。\n4. 征得客户同意后联系其子女到网点陪同。\n5. 协助客户修改手机银行密码，并对相关可疑账户按规定上报。",
		Outcome:      "王大爷认识到受骗，30万元存款未受损失。派出所对网点提出表扬，相关线索已移交公安机关。",
		Lesson:       "“不说用途、一直通话、急于转账”是诈骗的典型信号。坚持劝阻、及时报警、联系家属，宁可多问一句，也不放过一笔可疑交易。",
		CustomerType: "elderly", BusinessLine: "retail", Tags: []string{"防诈骗", "反诈", "老年客户"}, ScenarioKeys: []string{"safe-account-scam-at-counter"},
	}},
	{"staff.east.1", "mgr.east", CaseIn{
		Title: "光伏屋顶的绿色贷款：把碳减排算进授信", TitleEN: "A green loan for rooftop solar: counting carbon savings in the credit decision",
		Summary:      "一家纺织企业想在厂房屋顶建设分布式光伏，但担心投资回收期长。客户经理用绿色贷款产品与电费节约测算帮助企业做出决策。",
		SummaryEN:    "A textile company wanted rooftop solar on its factory but worried about the payback period. The relationship manager used a green loan product and an electricity-savings model to help it decide.",
		Situation:    "一家纺织企业年用电量约600万千瓦时，计划投资约900万元在厂房屋顶建设分布式光伏电站，但担心一次性投入占用流动资金，对收益也缺乏把握。",
		Actions:      "1. 联合第三方评估机构测算装机容量、年发电量与自用比例，估算每年可节约电费约120万元。\n2. 介绍我行绿色贷款产品：期限与项目回收期匹配，以电费收益作为主要还款来源。\n3. 按绿色金融标准核实项目属于分布式光伏，测算年碳减排量并纳入授信报告。\n4. 向企业提示组件价格、发电量波动等风险，不夸大收益。",
		Outcome:      "项目获批700万元绿色贷款，期限8年。电站投运后首年实际节约电费约115万元，企业获评当地“绿色工厂”。",
		Lesson:       "绿色金融要讲清“绿”在哪里、“钱”从哪里来。用可核实的数据测算收益和减排，既帮助客户决策，也守住风险底线。",
		CustomerType: "corporate", BusinessLine: "green", Tags: []string{"绿色贷款", "光伏", "碳减排"}, ScenarioKeys: []string{"green-loan-enquiry"},
	}},
	{"staff.north-haidian.1", "mgr.north", CaseIn{
		Title: "工地上的开卡日：为外来务工人员办理工资卡", TitleEN: "Card day at the building site: payroll cards for migrant workers",
		Summary:      "为落实农民工工资专用账户制度，支行走进建筑工地集中为工人开立工资卡，用方言讲解、现场激活，解决了工人“开卡难、取钱远”的问题。",
		SummaryEN:    "To support the dedicated wage-account scheme for migrant workers, the sub-branch went to a building site to open payroll cards, explained things in the workers' dialect and activated cards on the spot, easing their trouble with opening accounts and reaching cash.",
		Situation:    "海淀一处建筑工地有120余名外来务工人员，按规定工资须通过专用账户代发。许多工人白天无法到网点，部分人身份证即将过期，也不熟悉银行卡的使用。",
		Actions:      "1. 与总包单位约定在午休和收工后两个时段，携带移动展业设备进驻工地。\n2. 安排会讲河南、四川方言的同事讲解，逐一核验身份证件，对即将过期的证件提示及时换领。\n3. 现场开卡、设置密码（由工人本人输入）、激活手机银行，并演示如何查询工资到账。\n4. 发放防诈骗和“工资卡不出借”提示卡。",
		Outcome:      "两天内开立工资卡118张，当月工资全部按时代发到账，未发生一起代领或冒领。",
		Lesson:       "普惠金融要走到客户身边。对不熟悉银行业务的客户，讲清楚“钱怎么到账、怎么查、怎么保护”比推销产品更重要。",
		CustomerType: "new_resident", BusinessLine: "cards", Tags: []string{"普惠金融", "工资卡", "新市民"},
	}},
	{"staff.south-yuexiu.1", "mgr.south", CaseIn{
		Title: "留学学费汇款：赶在截止日之前", TitleEN: "A tuition remittance that beat the deadline",
		Summary:      "一位家长需要在三天内为在英国留学的孩子汇出学费，但不清楚购汇额度和汇款材料要求。客户经理梳理要求、一次办结，学费按时到账。",
		SummaryEN:    "A parent had three days to send tuition to a child studying in the UK but did not know the foreign-exchange quota or documents required. The relationship manager sorted out the requirements and completed it in one visit, and the fees arrived on time.",
		Situation:    "陈女士的孩子在英国读研究生，学校要求一周内缴清约2.5万英镑学费。陈女士第一次办理跨境汇款，不了解个人年度购汇额度，也不清楚需要准备哪些材料，担心汇错账户。",
		Actions:      "1. 说明个人年度便利化购汇额度及留学学费购汇所需材料（录取通知书或缴费通知等）。\n2. 逐项核对学校提供的收款银行名称、SWIFT代码、账号及汇款附言中的学号，避免退汇。\n3. 提示汇率波动和中间行费用，由客户选择费用承担方式。\n4. 办结后告知客户如何查询汇款进度，并约定到账后回访。",
		Outcome:      "学费两个工作日后到账，学校确认无误。陈女士随后在我行办理了孩子生活费的定期汇款。",
		Lesson:       "跨境汇款出错的代价高，逐项核对收款信息是关键。提前讲清额度、材料、费用和时效，客户才能安心。",
		CustomerType: "individual", BusinessLine: "fx", Tags: []string{"跨境汇款", "留学", "外汇"}, ScenarioKeys: []string{"cross-border-remittance"},
	}},
	{"staff.east-pudong.1", "mgr.east", CaseIn{
		Title: "小吃店老板的第一笔经营贷", TitleEN: "A snack-shop owner's first business loan",
		Summary:      "一位经营了五年小吃店的个体工商户想扩大门面，但从未贷过款、没有抵押物。客户经理通过经营流水和纳税信用为他申请了线上信用贷款。",
		SummaryEN:    "A sole trader who had run a snack shop for five years wanted to expand but had never borrowed and had no collateral. The relationship manager used his turnover and tax record to apply for an online credit loan.",
		Situation:    "小吃店老板刘先生想租下隔壁门面扩大经营，需要约20万元。他认为“没有房子抵押，银行不会借钱”，打算向亲戚或网贷平台借款。",
		Actions:      "1. 了解店铺经营年限、每月收款流水和纳税情况，判断符合线上信用贷款的条件。\n2. 对比网贷平台年化利率，提醒高息借款的风险。\n3. 协助客户在手机银行提交申请，解释额度、利率、还款方式和逾期后果。\n4. 建议按实际需要分次用款、随借随还，以降低利息支出。",
		Outcome:      "刘先生获批25万元信用额度，实际使用18万元，新门面三个月后开业，月营业额增长约40%。",
		Lesson:       "很多小微客户不知道自己能贷款。主动了解经营情况、讲清成本和风险，既帮客户避开高息借贷，也拓展了普惠业务。",
		CustomerType: "small_business", BusinessLine: "credit", Tags: []string{"普惠金融", "信用贷款", "小微企业"},
	}},
	{"staff.north-chaoyang.1", "mgr.north", CaseIn{
		Title: "信用卡“最低还款”的误会", TitleEN: "The misunderstanding about a credit card's minimum payment",
		Summary:      "一位年轻客户以为每月只还最低还款额就“不算欠款”，结果利息越滚越多，情绪激动地来网点质问。员工耐心解释计息规则并帮助他制定了还款计划。",
		SummaryEN:    "A young customer believed paying only the minimum each month meant he owed nothing, until the interest piled up and he came in angry. The employee explained how interest works and helped him plan his repayments.",
		Situation:    "小林（25岁）拿着信用卡账单来到网点，认为银行“乱收利息”：他每月都按时还了最低还款额，账单上却出现了上千元利息。",
		Actions:      "1. 先认可客户按时还款的好习惯，再用账单逐项说明：只还最低还款额时，未还部分从记账日起计息，且不享受免息期。\n2. 用纸笔演示三种还款方式下的利息差异。\n3. 介绍账单分期的费率和总成本，让客户比较后自行选择。\n4. 帮助客户设置到期自动还款和消费提醒。",
		Outcome:      "小林理解了计息规则，选择分6期还清欠款，并在意见簿上写下“早知道就好了”。",
		Lesson:       "客户的“不满”常源于规则不透明。用客户自己的账单和具体数字讲解，比念条款更有说服力。",
		CustomerType: "young", BusinessLine: "cards", Tags: []string{"信用卡", "投诉处理", "消费者权益"},
	}},
}

// Drafts and the returned case: work in progress in the demo bank.
var demoDrafts = []demoCase{
	{"emp.north.1", "", CaseIn{
		Title: "社保卡激活：帮一位外地老人办完了全部手续", TitleEN: "Activating a social-security card for an elderly newcomer",
		Summary:      "一位随子女来京的老人需要激活社保卡领取养老金，理财经理陪同完成了激活和密码设置。",
		Situation:    "（草稿）老人随子女迁来北京，社保卡需激活后才能领取养老金……",
		CustomerType: "elderly", BusinessLine: "retail", Tags: []string{"社保卡", "适老化"},
	}},
	{"emp.south.1", "", CaseIn{
		Title: "外籍客户开户：准备好双语材料", TitleEN: "Opening an account for a foreign customer: bilingual documents ready",
		Summary:      "（草稿）一位外籍工程师来网点开户，大堂经理用双语材料讲清了开户要求。",
		CustomerType: "individual", BusinessLine: "retail", Tags: []string{"开户", "外籍客户"},
	}},
}

// demoReturned is submitted and then returned by the North manager.
var demoReturned = demoCase{"emp.north.1", "mgr.north", CaseIn{
	Title: "大额存单到期提醒：客户差点错过转存", TitleEN: "A large-deposit maturity reminder that almost came too late",
	Summary:      "客户的大额存单到期后一直未转存，理财经理电话提醒后协助其办理了转存。",
	SummaryEN:    "A customer's large certificate of deposit matured without being rolled over; the wealth manager phoned and helped roll it over.",
	Situation:    "客户的大额存单到期一个月仍未处理，资金按活期计息。",
	Actions:      "电话联系客户，提醒到期情况，客户来网点后办理了转存。",
	Outcome:      "客户办理了转存。",
	Lesson:       "要主动提醒客户。",
	CustomerType: "individual", BusinessLine: "wealth", Tags: []string{"大额存单", "客户维护"},
}}

const demoReturnComment = "过程写得太简略：请补充是如何发现存单到期未处理的（系统提醒还是客户名单排查），客户当时的反应，以及网点后来是否建立了到期提醒机制。结果部分请写清转存的产品和期限。"
