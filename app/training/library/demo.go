package library

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/module"
)

// seedLibrary gives each demo bank a scenario of its own, cloned from the
// built-in pack and published, one draft in progress, and (in demo2, a rural
// bank without a cross-border desk) a hidden built-in scenario.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	plan := []struct {
		tenant, from, key string
		publish           bool
		hide              string
	}{
		{"demo", "social-media-post", "social-media-post-xinghai", true, ""},
		{"demo", "green-loan-enquiry", "green-loan-enquiry-2027", false, ""},
		{"demo2", "elderly-app-distrust", "elderly-app-distrust-yunling", true, "cross-border-remittance"},
	}
	for _, x := range plan {
		hctx, hr, err := d.As(ctx, x.tenant, "hr")
		if err != nil {
			return err
		}
		if _, err := s.Clone(hctx, hr, x.from, x.key, ""); err != nil {
			return fmt.Errorf("%s clone %s: %w", x.tenant, x.from, err)
		}
		if x.publish {
			if _, err := s.Publish(hctx, hr, x.key); err != nil {
				return fmt.Errorf("%s publish %s: %w", x.tenant, x.key, err)
			}
		}
		if x.hide != "" {
			if _, err := s.SetHidden(hctx, hr, x.hide, true); err != nil {
				return fmt.Errorf("%s hide %s: %w", x.tenant, x.hide, err)
			}
		}
	}
	return nil
}
