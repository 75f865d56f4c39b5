package cases

import (
	"context"

	"github.com/servicestar/servicestar/app/module"
)

func (s *Service) seed(ctx context.Context, d module.Demo) error { return nil }
