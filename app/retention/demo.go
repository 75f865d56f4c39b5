package retention

import (
	"context"

	"github.com/servicestar/servicestar/app/module"
)

// seed gives the demo bank the periods a bank might choose: typed replies two
// years (long enough for a year's reviews and an appeal), feedback comments
// three years, notifications one year. demo2 keeps everything, as a bank that
// has not decided yet.
func (s *Service) seed(ctx context.Context, d module.Demo) error {
	ctx, admin, err := d.As(ctx, "demo", "admin")
	if err != nil {
		return err
	}
	two, three, one := 730, 1095, 365
	_, err = s.SetSettings(ctx, admin, Periods{TypedRepliesDays: &two, FeedbackCommentsDays: &three, NotificationsDays: &one})
	return err
}
