package sso

import (
	"context"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
)

// SSOProbeResult is what a connection test found: a code the settings page
// explains (ok, unreachable, rejected). The provider's own words go to the
// server log, not to the page.
type SSOProbeResult struct {
	OK     bool   `json:"ok"`
	Result string `json:"result" enum:"ok,unreachable,rejected" doc:"unreachable: no answer or no discovery document; rejected: the service account bind failed"`
}

// Probe tests the stored configuration of one method ("oidc" or "ldap"),
// enabled or not, so an admin can try it before switching it on. It signs
// nobody in: OIDC fetches the discovery document (which must name the
// issuer), LDAP connects, upgrades to TLS if asked and binds the service
// account when there is one.
func (s *Service) Probe(ctx context.Context, p *access.Principal, method string) (SSOProbeResult, error) {
	if err := s.requireAdmin(ctx, p); err != nil {
		return SSOProbeResult{}, err
	}
	c, err := s.load(ctx, s.DB.R, p.TenantID)
	if err != nil {
		return SSOProbeResult{}, err
	}
	var probeErr error
	result := "unreachable"
	switch method {
	case "oidc":
		c.OIDCEnabled, c.LDAPEnabled = true, false
		if err := validate(c); err != nil {
			return SSOProbeResult{}, err
		}
		_, probeErr = oidc.NewProvider(oidc.ClientContext(ctx, s.httpClient()), c.OIDCIssuer)
	case "ldap":
		c.OIDCEnabled, c.LDAPEnabled = false, true
		if err := validate(c); err != nil {
			return SSOProbeResult{}, err
		}
		conn, err := dialLDAP(ctx, &c)
		probeErr = err
		if err == nil {
			defer conn.Close()
			if c.LDAPServiceDN != "" {
				if probeErr = conn.Bind(c.LDAPServiceDN, c.LDAPServicePassword); probeErr != nil {
					result = "rejected"
				}
			}
		}
	default:
		return SSOProbeResult{}, apperr.Invalid(apperr.Field{Location: "body.method", Message: "oidc or ldap", Value: method})
	}
	if probeErr != nil {
		s.log().Info("sso connection test", "tenant", p.TenantSlug, "method", method, "err", probeErr)
		return SSOProbeResult{Result: result}, nil
	}
	return SSOProbeResult{OK: true, Result: "ok"}, nil
}
