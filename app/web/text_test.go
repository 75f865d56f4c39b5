package web

import "testing"

func TestJSONTextFieldNamesTheField(t *testing.T) {
	cases := []struct{ body, want string }{
		{`{"a":"ok","b":"x\u0000"}`, "body.b"},
		{`{"a":{"b":[1,"ok",{"c":"\u0000"}]}}`, "body.a.b[2].c"},
		{`{"roles":[{"role":"x"},{"role":"y\ud800"}]}`, "body.roles[1].role"},
		{"{\"k\xff\":1}", "body"},
		{"[\"ok\",\"bad\xfe\"]", "body[1]"},
		{`"\u0000"`, "body"},
	}
	for _, c := range cases {
		f := jsonTextField([]byte(c.body))
		if f == nil || f.Location != c.want {
			t.Errorf("%q: %+v, want location %s", c.body, f, c.want)
		}
	}
	for _, ok := range []string{`{"a":"\ud83d\ude00 \ufffd \\u0000"}`, "{\"a\":\"\uFFFD 中文\"}", `{"a":[1,2,{"b":null}]}`, `{"broken":`} {
		if f := jsonTextField([]byte(ok)); f != nil {
			t.Errorf("%q refused at %s", ok, f.Location)
		}
	}
}
