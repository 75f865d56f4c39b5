package sso_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/servicestar/servicestar/app/testkit"
)

// setPolicy makes employees a role that needs a second factor and says
// whether the bank's provider stands for it.
func setPolicy(t *testing.T, admin *testkit.Client, ssoSatisfies bool) {
	t.Helper()
	policy := map[string]any{"min_password_length": 10, "lockout_threshold": 5, "lockout_minutes": 15,
		"mfa_roles": []string{"employee"}, "sso_satisfies_mfa": ssoSatisfies}
	st, body := admin.Do("PUT", "/api/v1/tenant/sign-in-policy", policy)
	if st != 200 || !strings.Contains(body, `"sso_satisfies_mfa":`+map[bool]string{true: "true", false: "false"}[ssoSatisfies]) {
		t.Fatalf("set policy: %d %s", st, body)
	}
}

func TestSSOAndTheBanksSecondFactor(t *testing.T) {
	env := testkit.New(t)
	appURL := serve(t, env)
	configureOIDC(t, env, startOP(t, appURL))
	// Signed in before the policy asks admins (employees too) for a code.
	admin := env.Login("demo", "admin")

	t.Run("by default the provider's sign-in stands for the second factor", func(t *testing.T) {
		// The policy a bank never opened says yes.
		if _, body := admin.Do("GET", "/api/v1/tenant/sign-in-policy", nil); !strings.Contains(body, `"sso_satisfies_mfa":true`) {
			t.Fatalf("default policy: %s", body)
		}
		setPolicy(t, admin, true)
		b := browser(t)
		end := signInAt(t, b, appURL, "emp", "/")
		if end.Path != "/" {
			t.Fatalf("ended at %s", end)
		}
		if st, _ := me(t, b, appURL); st != 200 {
			t.Fatalf("/me: %d", st)
		}
	})

	setPolicy(t, admin, false)
	var secret string
	t.Run("when it does not, the user sets up the factor the bank requires", func(t *testing.T) {
		b := browser(t)
		end := signInAt(t, b, appURL, "emp", "/training")
		step, _ := url.ParseQuery(end.Fragment)
		if end.Path != "/login" || end.Query().Get("tenant") != "demo" || end.Query().Get("redirect") != "/training" || step.Get("mfa_step") != "enrol" || step.Get("mfa_token") == "" {
			t.Fatalf("ended at %s", end)
		}
		if st, _ := me(t, b, appURL); st != 401 {
			t.Fatalf("/me before the second factor: %d", st)
		}
		token := step.Get("mfa_token")
		st, body := postJSON(t, b, appURL+"/api/v1/auth/mfa/enrol", map[string]string{"token": token})
		e := testkit.JSON[struct{ Secret string }](t, body)
		if st != 200 || e.Secret == "" {
			t.Fatalf("enrol: %d %s", st, body)
		}
		secret = e.Secret
		st, body = postJSON(t, b, appURL+"/api/v1/auth/mfa/enrol/confirm", map[string]string{"token": token, "code": totpCode(t, env, secret)})
		if st != 200 || !strings.Contains(body, `"username":"emp.north.1"`) {
			t.Fatalf("confirm: %d %s", st, body)
		}
		if st, _ := me(t, b, appURL); st != 200 {
			t.Fatalf("/me after enrolling: %d", st)
		}
	})

	t.Run("and then types a code after every provider sign-in", func(t *testing.T) {
		env.Clock.Advance(time.Minute)
		b := browser(t)
		end := signInAt(t, b, appURL, "emp", "/")
		step, _ := url.ParseQuery(end.Fragment)
		if end.Path != "/login" || step.Get("mfa_step") != "verify" {
			t.Fatalf("ended at %s", end)
		}
		if st, body := postJSON(t, b, appURL+"/api/v1/auth/mfa/verify", map[string]string{"token": step.Get("mfa_token"), "code": "000000"}); st != 401 {
			t.Fatalf("a wrong code: %d %s", st, body)
		}
		if st, _ := me(t, b, appURL); st != 401 {
			t.Fatal("a wrong code started a session")
		}
		if st, body := postJSON(t, b, appURL+"/api/v1/auth/mfa/verify", map[string]string{"token": step.Get("mfa_token"), "code": totpCode(t, env, secret)}); st != 200 {
			t.Fatalf("verify: %d %s", st, body)
		}
		if st, _ := me(t, b, appURL); st != 200 {
			t.Fatalf("/me after the code: %d", st)
		}
		var uid int64
		env.App.DB.R.Raw("SELECT id FROM users WHERE username = 'emp.north.1'").Scan(&uid)
		if auditCount(t, env, "sso.oidc.second_factor", itoa(uid)) != 2 {
			t.Error("the provider sign-ins that needed a code are not in the audit log")
		}
	})
}

// postJSON sends what the sign-in page sends for a second-factor step.
func postJSON(t *testing.T, b *http.Client, u string, body any) (int, string) {
	t.Helper()
	raw, _ := json.Marshal(body)
	res, err := b.Post(u, "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

func totpCode(t *testing.T, env *testkit.Env, secret string) string {
	t.Helper()
	c, err := totp.GenerateCode(secret, env.Clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	return c
}
