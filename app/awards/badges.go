package awards

// BadgeIcon is an icon of the built-in set an award type shows. Name is what a
// type stores; the UI maps it to its icon and shows the label.
type BadgeIcon struct {
	Name    string `json:"name"`
	LabelZh string `json:"label_zh"`
	LabelEn string `json:"label_en"`
}

// BadgeIcons is the built-in icon set, in display order. The names are icons
// of @element-plus/icons-vue, which the SPA already ships.
var BadgeIcons = []BadgeIcon{
	{"Trophy", "奖杯", "Trophy"},
	{"Medal", "奖章", "Medal"},
	{"StarFilled", "星标", "Star"},
	{"Sunny", "暖阳", "Sun"},
	{"Promotion", "飞跃", "Rising"},
	{"Opportunity", "创新", "Innovation"},
	{"Service", "服务", "Service"},
	{"CircleCheckFilled", "零差错", "Flawless"},
	{"Reading", "学习", "Learning"},
	{"Flag", "旗帜", "Flag"},
	{"Present", "礼物", "Gift"},
	{"GoldMedal", "金牌", "Gold medal"},
}

func validBadge(name string) bool {
	for _, b := range BadgeIcons {
		if b.Name == name {
			return true
		}
	}
	return false
}
