package pii_test

import (
	"testing"

	"github.com/servicestar/servicestar/app/pii"
)

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"电话 13812345678":             "电话 138****5678",
		"手机+86 138 1234 5678":        "手机+86 138 **** 5678",
		"卡号 6222 0212 3456 7890":     "卡号 6222 **** **** 7890",
		"卡号6222021234567890123":      "卡号6222***********0123",
		"身份证 11010519491231002X":     "身份证 110105********002X",
		"座机 010-12345678":            "座机 010-****5678",
		"订单 12345 金额 300 元":          "订单 12345 金额 300 元",
		"2026年11月30日 共1280000元":      "2026年11月30日 共1280000元",
		"18位非身份证 622202123456789012": "18位非身份证 6222**********9012",
	} {
		if got := pii.Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindGivesCodePointPositions(t *testing.T) {
	text := "客户王先生（13812345678）的卡 6222021234567890"
	fs := pii.Find(text)
	if len(fs) != 2 {
		t.Fatalf("findings %+v", fs)
	}
	r := []rune(text)
	if fs[0].Kind != pii.Phone || string(r[fs[0].Start:fs[0].End]) != "13812345678" || fs[0].Masked != "138****5678" {
		t.Errorf("phone %+v", fs[0])
	}
	if fs[1].Kind != pii.BankCard || string(r[fs[1].Start:fs[1].End]) != "6222021234567890" || fs[1].Masked != "6222********7890" {
		t.Errorf("card %+v", fs[1])
	}
	if _, kinds := pii.MaskKinds(text); len(kinds) != 2 || kinds[0] != pii.Phone {
		t.Errorf("kinds %v", kinds)
	}
}
