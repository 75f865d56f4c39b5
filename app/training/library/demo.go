package library

import (
	"bytes"
	"context"
	"fmt"
	"regexp"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/module"
)

// seedLibrary gives each demo bank a scenario of its own, cloned from the
// built-in pack, adapted (the bank's name in the title: an unchanged clone
// cannot be published) and published, one draft in progress, and (in demo2,
// a rural bank without a cross-border desk) a hidden built-in scenario.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	plan := []struct {
		tenant, from, key string
		publish           bool
		hide, bank        string
	}{
		{"demo", "social-media-post", "social-media-post-xinghai", true, "", "星海"},
		{"demo", "green-loan-enquiry", "green-loan-enquiry-2027", false, "", ""},
		{"demo2", "elderly-app-distrust", "elderly-app-distrust-yunling", true, "cross-border-remittance", "云岭"},
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
			if err := s.retitle(hctx, hr, x.key, x.bank); err != nil {
				return fmt.Errorf("%s adapt %s: %w", x.tenant, x.key, err)
			}
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

var zhTitle = regexp.MustCompile(`(?m)^(title:\n  zh-CN: ")`)

// retitle puts the bank's name before the draft's Chinese title, the demo's
// stand-in for the edits a bank makes to its copy.
func (s *Service) retitle(ctx context.Context, p *access.Principal, key, bank string) error {
	data, _, err := s.source(ctx, p.TenantID, key, "draft")
	if err != nil {
		return err
	}
	edited := zhTitle.ReplaceAll(data, []byte("${1}【"+bank+"】"))
	if bytes.Equal(edited, data) {
		return fmt.Errorf("no Chinese title line to adapt")
	}
	_, err = s.SaveDraft(ctx, p, key+".yaml", edited, "")
	return err
}
