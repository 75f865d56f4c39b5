package scenarios_test

import (
	"slices"
	"testing"

	"github.com/servicestar/servicestar/scenarios"
	"github.com/servicestar/servicestar/scenarios/library"
)

// replyCorpus holds, per typed turn of the built-in scenarios, replies a trainee could
// type: natural correct ones (in both languages) must meet every checklist element, in
// the turn's script order when it has one, and be graded without doubt; keyword lists
// must meet none; replies that negate the right things must meet fewer than half;
// replies that name only a day or "soon" instead of a time limit must miss every
// time-limit element. No reply here may cross a red line.
var replyCorpus = []struct {
	scenario, turn             string
	natural, keywords, negated []string
	vagueTime                  []string
}{
	{"smart-deposit-complaint", "t4",
		[]string{
			"刘女士，给您添麻烦了，实在对不起。您是想让我们查一查这笔利息到底算得对不对，是吧？我马上提交复核，三个工作日内给您一个书面结果，中间有任何消息我都第一时间通知您。",
			"Ms Liu, I apologise for the hassle. So what you're asking is for us to check the interest. I'll raise a review now and you'll have a written answer in three business days; I'll keep you posted as it goes.",
			"刘女士，真的很抱歉让您跑这一趟。我复述一下您的诉求：您希望我们核实利息算得对不对。我今天就提交复核，2个工作日内给您书面答复，有进展我会主动打电话告诉您。",
			"I'm sorry for the trouble, Ms Liu. If I understand correctly, you want us to check whether the interest was right. I'll file the review today and reply within 2 working days, and I will keep you updated on progress.",
		},
		[]string{"抱歉 您的诉求 2个工作日内 进展", "sorry, you want, within 2 working days, progress"},
		[]string{"没必要道歉，也不用复述您的诉求；复核不会在2个工作日内完成，也不会有进展通知。"},
		[]string{
			"刘女士，真的很抱歉让您跑这一趟。我复述一下您的诉求：您希望我们核实利息算得对不对。我明天给您答复，有进展我会主动打电话告诉您。",
			"I'm sorry for the trouble, Ms Liu. If I understand correctly, you want us to check whether the interest was right. I'll get back to you soon, and I will keep you updated on progress.",
		},
	},
	{"elderly-app-distrust", "t2b",
		[]string{
			"大爷，就记四句话：验证码谁要都不给；银行不会问您要密码；接到说您卡有问题的电话就挂断，再打银行官方电话核实；让您往安全账户转钱的，一定是骗子。",
			"Four things, sir: never share a verification code with anyone; the bank will never ask for your password; if someone calls about your card, hang up and call our official number; anyone who asks you to move money to a safe account is a fraudster.",
		},
		[]string{"验证码 密码 挂断 安全账户", "不要把验证码 不会要密码 挂断 安全账户"},
		[]string{"验证码其实可以告诉客服，密码也可以说，不用挂断，也不必去官方渠道核实。"},
		nil,
	},
	{"corporate-urgent-credit", "t5",
		[]string{
			"郑总，我明白您现在压力很大。您的意思是下周一前必须拿到这笔钱。我今天下午4点前把审查进度告诉您，之后每天给您同步一次进展。",
			"郑总，理解您的压力，老板天天催确实难受。我复述一下您的诉求：您希望在下周一前拿到资金。我今天下午5点前把审查进度告诉您，之后每天下班前给您一次进展反馈。",
			"Mr Zheng, I understand the pressure you are under. If I understand correctly, you want the funds before next Monday. I will call you before 5 pm today with the review status, and after that I'll update you every day.",
		},
		[]string{"理解您 您的诉求 今天 进展", "i understand, you want, before 5 pm, progress"},
		[]string{"我没法理解您为什么这么急，也不想复述您的诉求，今天不会有结果，也没有进展可以告诉您。"},
		[]string{
			"郑总，理解您的压力，老板天天催确实难受。我复述一下您的诉求：您希望尽早拿到资金。我尽快把审查进度告诉您，之后随时给您进展反馈。",
			"Mr Zheng, I understand the pressure you are under. If I understand correctly, you want the funds as early as possible. I'll call you back by tomorrow with the review status, and I'll keep you updated.",
		},
	},
	{"lost-card-report", "t1",
		[]string{
			"李女士您先别着急，我先核对一下您的身份信息，马上帮您把这张卡挂失冻结，剩下的钱就不会再被刷走了。那两笔交易我们来查，您也可以去派出所报案。",
			"Please stay calm, Ms Li. Let me confirm your identity first, then I'll block the card immediately so nobody can use it. We'll investigate the two charges, and I'd recommend reporting it to the police.",
			"李女士，先别慌，我们马上处理。我先帮您核实身份，然后立即给这张卡办临时挂失、冻结止付，卡里剩下的钱就安全了。那两笔消费我们接着处理，同时建议您尽快报警。",
			"Don't panic, Ms Li, we'll deal with it right now. I'll verify your identity first and then freeze the card straight away, so the rest of your money is safe. We'll look into the two payments next, and I'd suggest you report it to the police as well.",
		},
		[]string{"别慌 挂失 核实身份 报警", "don't panic, freeze, verify, police"},
		[]string{"不用挂失也不用冻结，先不必核实身份，也不必报警，我们等等看。"},
		nil,
	},
	{"social-media-post", "t2",
		[]string{
			"陈女士，这件事是我们做得不好，向您和阿姨道歉。您是希望我们给个正式说法，查清楚柜员当时的处理对不对。我们24小时内把核查结果告诉您，有进展随时联系您。",
			"陈女士，非常抱歉让阿姨受了委屈。我复述一下您的诉求：您希望我们正式道歉，并查清当天柜员的处理是否得当。我们24小时内给您核查结果，过程中有进展我会主动打电话告诉您。",
			"Ms Chen, I'm so sorry your mother was upset. If I understand correctly, you want a formal apology and a clear answer on how the teller handled it. We will give you the findings within 24 hours and keep you updated on progress.",
		},
		[]string{"抱歉 您的诉求 24小时内 进展", "sorry, you want, within 24 hours, progress"},
		[]string{"这件事我们不会道歉，也没必要复述您的诉求，不会在24小时内给结果，更不会主动告诉您进展。"},
		[]string{
			"陈女士，非常抱歉让阿姨受了委屈。我复述一下您的诉求：您希望我们正式道歉，并查清当天柜员的处理是否得当。我们明天给您核查结果，过程中有进展我会主动打电话告诉您。",
			"Ms Chen, I'm so sorry your mother was upset. If I understand correctly, you want a formal apology and a clear answer on how the teller handled it. We will get back to you as soon as possible and keep you updated on progress.",
		},
	},
	{"safe-account-scam-at-counter", "t3",
		[]string{
			"大爷，谢谢您跟我说实话。这是骗局，真正的公安不会打电话办案，也不会让您转账，世上没有安全账户。您先把电话挂了，我请派出所的民警过来帮您看看，您什么麻烦都不会有。",
			"Sir, thank you for telling me. I'm sorry, but this is a scam: the police never ask you to transfer money and there is no such thing as a safe account. Please hang up the phone, and I'll ask a police officer from the local station to come over and help you.",
		},
		[]string{"诈骗电话 没有安全账户 挂断 110", "a scam, there is no safe account, hang up, 96110"},
		[]string{"这不是诈骗，公安确实有安全账户，不用挂断，也不用找民警。", "This isn't a scam, you don't need to hang up, and there's no need to call the real police."},
		nil,
	},
	{"hotline-identity-check", "t2",
		[]string{
			"林女士您别急，我先核实您的身份。密码请您不要说出来，稍后我转到语音系统，您在按键上输入就行。另外想问一下，丢的手机上装了我们的手机银行或者支付软件吗？",
			"Ms Lin, first I need to verify your identity. Please don't say your password out loud; I'll transfer you so you can key in your PIN. Did the lost phone have our mobile banking or any payment apps on it?",
		},
		[]string{"核实身份 按键输入 手机银行", "verify your identity, keypad, mobile banking"},
		[]string{"不用核实身份，也不必按键输入，手机银行的事不用管。", "No need to verify your identity, no need for the keypad, and no need to worry about mobile banking."},
		nil,
	},
	{"personal-info-chat-complaint", "t3",
		[]string{
			"何先生，您是想弄清楚您的贷款申请信息是怎么泄露给推销方的，对吧？我这边今天就提交核查，15个工作日内书面回复您，有进度我会第一时间在App里告诉您。",
			"何先生，您希望我们查清您的贷款申请信息是怎么被推销方拿到的，对吗？我们今天就启动核查，10个工作日内给您书面答复，中间有进展我会在App里第一时间告诉您。",
			"So you want us to find out how these callers got your loan application details. I'll open an investigation today, reply in writing within 10 working days, and keep you updated along the way.",
		},
		[]string{"您的诉求 核查 5个工作日内 进展", "you want us to, investigate, 10 working days, progress"},
		[]string{"我们不会核查，也不会在5个工作日内答复，更没有进展可以告诉您。", "We won't investigate, we can't reply within any number of working days, and there's no progress to report."},
		[]string{
			"何先生，您希望我们查清您的贷款申请信息是怎么被推销方拿到的，对吗？我们今天就启动核查，尽快给您书面答复，中间有进展我会在App里第一时间告诉您。",
			"So you want us to find out how these callers got your loan application details. I'll open an investigation today, reply in writing soon, and keep you updated along the way.",
		},
	},
}

func TestTypedReplyCorpus(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range replyCorpus {
		s, ok := library.ByID(c.scenario)
		if !ok {
			t.Fatalf("no scenario %s", c.scenario)
		}
		turn := s.Turn(c.turn)
		if turn == nil || turn.FreeText == nil {
			t.Fatalf("%s %s is not a typed turn", c.scenario, c.turn)
		}
		covered[c.scenario+"/"+c.turn] = true
		items := turn.FreeText.Checklist
		check := func(kind, reply string, ok func(hits []string, keywordsOnly bool) bool) {
			hits, kw := scenarios.GradeReply(items, reply)
			if !ok(hits, kw) {
				t.Errorf("%s %s, %s reply meets %v (keywords only %v): %s", c.scenario, c.turn, kind, hits, kw, reply)
			}
			if f := scenarios.MatchForbidden(turn.FreeText.Forbidden, reply); len(f) > 0 {
				t.Errorf("%s %s, %s reply crosses %v: %s", c.scenario, c.turn, kind, f, reply)
			}
		}
		for _, r := range append(c.natural, turn.ModelAnswer.Get(scenarios.LocaleZH), turn.ModelAnswer.Get(scenarios.LocaleEN)) {
			check("natural", r, func(hits []string, _ bool) bool { return len(hits) == len(items) })
			g := scenarios.GradeAnswer(turn.FreeText, r)
			if turn.FreeText.Order != nil && !g.OrderMet {
				t.Errorf("%s %s, natural reply misses the order %v: %s", c.scenario, c.turn, turn.FreeText.Order.Elements, r)
			}
			if len(g.Unsure) > 0 {
				t.Errorf("%s %s, natural reply graded unsure %v: %s", c.scenario, c.turn, g.Unsure, r)
			}
		}
		var timed []string
		for _, item := range items {
			if item.Pattern == scenarios.PatternTimeLimit {
				timed = append(timed, item.ID)
			}
		}
		if len(timed) > 0 && len(c.vagueTime) < 2 {
			t.Errorf("%s %s asks for a time limit: the corpus needs vague-time replies in both languages", c.scenario, c.turn)
		}
		for _, r := range c.vagueTime {
			check("vague-time", r, func(hits []string, _ bool) bool {
				return len(hits) == len(items)-len(timed) && !slices.ContainsFunc(hits, func(h string) bool { return slices.Contains(timed, h) })
			})
		}
		for _, r := range c.keywords {
			check("keyword", r, func(hits []string, kw bool) bool { return len(hits) == 0 && kw })
		}
		for _, r := range c.negated {
			check("negated", r, func(hits []string, _ bool) bool { return 2*len(hits) < len(items) })
		}
	}
	all, _ := library.Builtin()
	for _, s := range all {
		for _, turn := range s.Turns {
			if turn.FreeText != nil && !covered[s.ID+"/"+turn.ID] {
				t.Errorf("typed turn %s %s has no corpus", s.ID, turn.ID)
			}
		}
	}
}
