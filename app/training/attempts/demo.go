package attempts

import (
	"context"
	"fmt"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/module"
	"github.com/servicestar/servicestar/scenarios"
)

// seedAttempts gives a few demo employees finished and unfinished attempts,
// so "my attempts" and the result page have something to show.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	plan := []struct {
		tenant, user string
		scenario     string
		finish       bool
		coach        string // reviewer who leaves a coaching comment
		comment      string
	}{
		{"demo", "emp.north.1", "salary-to-fixed-deposit", true, "mgr.north", "需求挖掘做得好：先问清了婚礼用款时间。下次可以更早提示应急备用金。"},
		{"demo", "emp.north.1", "lost-card-report", false, "", ""},
		{"demo", "emp.south.1", "ecny-introduction", true, "", ""},
		{"demo2", "emp.1", "elderly-app-distrust", true, "mgr.1", "对老年客户很耐心，注意放慢语速。"},
	}
	for _, a := range plan {
		_, p, err := d.As(ctx, a.tenant, a.user)
		if err != nil {
			return err
		}
		att, sc, err := s.Start(ctx, p, a.scenario)
		if err != nil {
			return fmt.Errorf("%s/%s %s: %w", a.tenant, a.user, a.scenario, err)
		}
		if !a.finish {
			continue
		}
		if err := s.playToGoodEnding(ctx, p, att.ID, sc); err != nil {
			return fmt.Errorf("%s/%s %s: %w", a.tenant, a.user, a.scenario, err)
		}
		if a.coach == "" {
			continue
		}
		cctx, coach, err := d.As(ctx, a.tenant, a.coach)
		if err != nil {
			return err
		}
		if _, err := s.AddComment(cctx, coach, att.ID, a.comment); err != nil {
			return fmt.Errorf("comment by %s: %w", a.coach, err)
		}
	}
	return nil
}

// playToGoodEnding plays the shortest violation-free path to a resolved ending.
func (s *Service) playToGoodEnding(ctx context.Context, p *access.Principal, id int64, sc *scenarios.Scenario) error {
	paths := scenarios.PathsToEndings(sc)
	for _, e := range sc.Endings {
		moves, ok := paths[e.ID]
		if !ok || e.Kind != "resolved" {
			continue
		}
		for i, m := range moves {
			mv := Move{Kind: "choose", ChoiceID: m.Choice, ElapsedMs: int64(15000 + 4000*i)}
			if m.Text != "" {
				mv = Move{Kind: "answer", Text: m.Text, ElapsedMs: 60000}
			}
			if _, _, _, err := s.Act(ctx, p, id, mv); err != nil {
				return err
			}
			if m.Confirm || m.Insist { // the path takes the warning's "confirm anyway" or "customer insists"
				kind := "confirm"
				if m.Insist {
					kind = "insist"
				}
				if _, _, _, err := s.Act(ctx, p, id, Move{Kind: kind}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return fmt.Errorf("no resolved ending reachable")
}
