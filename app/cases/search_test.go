package cases_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/cases"
	"github.com/servicestar/servicestar/app/testkit"
)

type page struct {
	Items []struct {
		ID          int64    `json:"id"`
		Title       string   `json:"title"`
		Featured    bool     `json:"featured"`
		Tags        []string `json:"tags"`
		SnippetHTML string   `json:"snippet_html"`
		Status      string   `json:"status"`
	} `json:"items"`
	Total int64 `json:"total"`
}

func search(t *testing.T, c *testkit.Client, query string) page {
	t.Helper()
	return decode[page](t, must(t, c, 200, "GET", "/api/v1/cases?"+query, nil))
}

func titles(p page) string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.Title)
	}
	return strings.Join(out, " | ")
}

func TestTokens(t *testing.T) {
	got := strings.Join(cases.Tokens("理财产品 e-CNY钱包, Green LOAN 2026年"), " ")
	if want := "理财 财产 产品 e cny 钱包 green loan 2026 年"; got != want {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

// Search in Chinese and English over the demo library (on whichever
// database the tests run: SQLite, or PostgreSQL with TEST_DATABASE_URL).
func TestSearchChineseAndEnglish(t *testing.T) {
	env := testkit.New(t)
	south := env.Login("demo", "emp.south.1")

	// A two-character query is one bigram: every case mentioning 理财.
	p := search(t, south, "q="+url.QueryEscape("理财"))
	if p.Total < 2 || !strings.Contains(titles(p), "高风险产品") {
		t.Fatalf("理财: %d %s", p.Total, titles(p))
	}
	for _, it := range p.Items {
		if !strings.Contains(it.SnippetHTML, "<mark>理财</mark>") {
			t.Errorf("snippet of %q: %s", it.Title, it.SnippetHTML)
		}
	}
	// 投诉 finds the complaint turned into praise; a longer phrase narrows.
	if p := search(t, south, "q="+url.QueryEscape("投诉")); !strings.Contains(titles(p), "表扬信") {
		t.Errorf("投诉: %s", titles(p))
	}
	if p := search(t, south, "q="+url.QueryEscape("数字人民币钱包")); p.Total != 1 || !strings.Contains(titles(p), "数字人民币") {
		t.Errorf("数字人民币钱包: %d %s", p.Total, titles(p))
	}
	// English words match English titles and summaries, any case.
	if p := search(t, south, "q=Solar"); p.Total != 1 || !strings.Contains(titles(p), "光伏") || !strings.Contains(p.Items[0].SnippetHTML, "<mark>solar</mark>") {
		t.Errorf("solar: %d %s %+v", p.Total, titles(p), p.Items)
	}
	if p := search(t, south, "q=tuition+remittance"); p.Total != 1 {
		t.Errorf("tuition remittance: %d %s", p.Total, titles(p))
	}
	if p := search(t, south, "q=zzzqqq"); p.Total != 0 {
		t.Errorf("nonsense found %d", p.Total)
	}
	// One character: titles containing it.
	if p := search(t, south, "q="+url.QueryEscape("贷")); p.Total < 2 || !strings.Contains(titles(p), "绿色贷款") {
		t.Errorf("贷: %s", titles(p))
	}
	// Filters: tag, business line, customer type, featured, branch, dates.
	if p := search(t, south, "tag="+url.QueryEscape("防诈骗")); p.Total < 1 {
		t.Errorf("tag: %d", p.Total)
	} else {
		for _, it := range p.Items {
			if !strings.Contains(strings.Join(it.Tags, ","), "防诈骗") {
				t.Errorf("tag filter let %q through", it.Title)
			}
		}
	}
	if p := search(t, south, "business_line=green"); p.Total != 1 {
		t.Errorf("green: %d", p.Total)
	}
	if p := search(t, south, "customer_type=elderly&q="+url.QueryEscape("手机银行")); p.Total != 1 {
		t.Errorf("elderly + 手机银行: %d %s", p.Total, titles(p))
	}
	if p := search(t, south, "featured=true"); p.Total != 2 { // the third featured case is restricted to the North
		t.Errorf("featured for the South: %d %s", p.Total, titles(p))
	}
	if p := search(t, south, "from=2030-01-01"); p.Total != 0 {
		t.Errorf("future from: %d", p.Total)
	}
	must(t, south, 422, "GET", "/api/v1/cases?from=yesterday", nil)
	must(t, south, 422, "GET", "/api/v1/cases?branch_id=2000000000", nil)
	// Sorting and paging.
	all := search(t, south, "sort=newest&page_size=100")
	one := search(t, south, "sort=newest&page_size=1&page=2")
	if len(one.Items) != 1 || one.Items[0].ID != all.Items[1].ID || one.Total != all.Total {
		t.Errorf("page 2 of 1: %+v", one)
	}
	useful := search(t, south, "sort=useful&page_size=2")
	if len(useful.Items) != 2 || !(strings.Contains(titles(useful), "手机银行") || strings.Contains(titles(useful), "高风险")) {
		t.Errorf("most useful first: %s", titles(useful))
	}
	// Only published cases, and only those the caller may see.
	for _, it := range all.Items {
		if it.Status != "published" || strings.Contains(it.Title, "安全账户") {
			t.Errorf("the South sees %q (%s)", it.Title, it.Status)
		}
	}
	north := search(t, env.Login("demo", "emp.north.1"), "q="+url.QueryEscape("安全账户"))
	if north.Total != 1 {
		t.Errorf("the North's restricted case: %d", north.Total)
	}
	if p := search(t, env.Login("demo2", "emp.2"), "q="+url.QueryEscape("理财")); p.Total != 0 {
		t.Errorf("another bank finds %d of demo's cases", p.Total)
	}

	// A case published now is found at once: the index row is written with it.
	emp, mgr := env.Login("demo", "emp.north.1"), env.Login("demo", "mgr.north")
	id := publish(t, emp, mgr, body("Quokka 回访", map[string]any{"situation": "A quokka-themed branch event 讲解养老金融"}))
	if p := search(t, south, "q=quokka"); p.Total != 1 || p.Items[0].ID != id {
		t.Errorf("quokka: %+v", p)
	}
	if p := search(t, south, "q="+url.QueryEscape("养老金融")); p.Total != 1 {
		t.Errorf("养老金融: %d", p.Total)
	}
	must(t, env.Login("demo", "hr"), 200, "POST", fmt.Sprintf("/api/v1/cases/%d/archive", id), nil)
	if p := search(t, south, "q=quokka"); p.Total != 0 {
		t.Errorf("an archived case is still found")
	}
}
