package sso_test

import (
	"strings"
	"testing"

	"github.com/servicestar/servicestar/app/testkit"
)

// The client secret is sealed at rest for its bank: the database holds no
// plaintext, and a row copied into another bank has no secret there.
func TestClientSecretIsSealedForItsBank(t *testing.T) {
	env := testkit.New(t)
	configureOIDC(t, env, "https://idp.example.cn")
	var stored string
	env.App.DB.R.Raw("SELECT oidc_client_secret FROM sso_configs WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'demo')").Scan(&stored)
	if stored == "" || strings.Contains(stored, clientSecret) || !strings.HasPrefix(stored, "v1:") {
		t.Fatalf("the database holds %q", stored)
	}
	if _, body := env.Login("demo", "admin").Do("GET", "/api/v1/sso/config", nil); !strings.Contains(body, `"client_secret_set":true`) {
		t.Fatalf("demo's own secret does not open: %s", body)
	}

	// demo2's row (the demo seeds one) gets demo's sealed secret and issuer.
	if err := env.App.DB.W.Exec(`UPDATE sso_configs SET (oidc_issuer, oidc_client_secret) =
		(SELECT oidc_issuer, oidc_client_secret FROM sso_configs WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'demo'))
		WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'demo2')`).Error; err != nil {
		t.Fatal(err)
	}
	if _, body := env.Login("demo2", "admin").Do("GET", "/api/v1/sso/config", nil); !strings.Contains(body, `"client_secret_set":false`) || !strings.Contains(body, `"issuer":"https://idp.example.cn"`) {
		t.Fatalf("the copied secret opened in demo2: %s", body)
	}
}
