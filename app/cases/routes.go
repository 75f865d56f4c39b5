package cases

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/pii"
)

func op(id, method, path, summary string, errs ...int) huma.Operation {
	return huma.Operation{OperationID: id, Method: method, Path: path, Tags: []string{"cases"}, Summary: summary,
		Errors: append([]int{401, 403, 404}, errs...)}
}

// ItemsPage is a page of cases.
type ItemsPage struct {
	Items    []Item `json:"items"`
	Total    int64  `json:"total"`
	Page     int    `json:"page"`
	PageSize int    `json:"page_size"`
}

type pageOut struct{ Body ItemsPage }

func pageOf(items []Item, total int64, page, size int) *pageOut {
	if items == nil {
		items = []Item{}
	}
	return &pageOut{ItemsPage{Items: items, Total: total, Page: page, PageSize: size}}
}

type detailOut struct{ Body Detail }

type idIn struct {
	ID int64 `path:"id" minimum:"1"`
}

func parseDate(loc, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, s); err != nil {
			return nil, apperr.Invalid(apperr.Field{Location: loc, Message: "a date such as 2026-11-30", Value: s})
		}
	}
	return &t, nil
}

// Routes registers the case library's operations.
func (s *Service) Routes(api huma.API) {
	search := op("search-cases", http.MethodGet, "/api/v1/cases", "Search the published cases the caller may read", 422)
	search.Description = "With words (q), every matching case is counted and ranked: relevance is how many of the words are in the title, English title or tags, then the newest. A single Chinese character matches titles and tags only."
	huma.Register(api, search,
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Q            string `query:"q" maxLength:"200" doc:"words in Chinese or English; all must occur"`
			Tag          string `query:"tag" maxLength:"20"`
			BusinessLine string `query:"business_line" maxLength:"32"`
			CustomerType string `query:"customer_type" maxLength:"32"`
			BranchID     int64  `query:"branch_id" minimum:"0" doc:"the author's branch in this subtree"`
			Featured     string `query:"featured" enum:"true,false," doc:"service-star cases only (true) or none of them (false)"`
			From         string `query:"from" doc:"published on or after this date (2026-11-01)"`
			To           string `query:"to" doc:"published before this date"`
			Sort         string `query:"sort" enum:"relevance,newest,useful," doc:"relevance (with q), newest, or useful (credible average of the stars)"`
			Page         int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize     int    `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*pageOut, error) {
			qq := Query{Q: in.Q, Tag: in.Tag, BusinessLine: in.BusinessLine, CustomerType: in.CustomerType, BranchID: in.BranchID, Sort: in.Sort, Page: in.Page, Size: in.PageSize}
			if in.Featured != "" {
				f := in.Featured == "true"
				qq.Featured = &f
			}
			var err error
			if qq.From, err = parseDate("query.from", in.From); err != nil {
				return nil, err
			}
			if qq.To, err = parseDate("query.to", in.To); err != nil {
				return nil, err
			}
			items, total, err := s.Search(ctx, p, qq)
			if err != nil {
				return nil, err
			}
			return pageOf(items, total, in.Page, in.PageSize), nil
		}))
	huma.Register(api, op("my-cases", http.MethodGet, "/api/v1/cases/mine", "The caller's own cases, every status"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Status   string `query:"status" enum:"draft,submitted,returned,published,archived,"`
			Page     int    `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int    `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*pageOut, error) {
			items, total, err := s.Mine(ctx, p, in.Status, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			return pageOf(items, total, in.Page, in.PageSize), nil
		}))
	huma.Register(api, op("case-review-queue", http.MethodGet, "/api/v1/cases/review-queue", "Submitted cases the caller may review"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*pageOut, error) {
			items, total, err := s.ReviewQueue(ctx, p, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			return pageOf(items, total, in.Page, in.PageSize), nil
		}))
	huma.Register(api, op("featured-cases", http.MethodGet, "/api/v1/cases/featured", "Service-star cases, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*pageOut, error) {
			items, total, err := s.Featured(ctx, p, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			return pageOf(items, total, in.Page, in.PageSize), nil
		}))
	type usefulOut struct {
		Body struct {
			Month string       `json:"month"`
			Items []UsefulItem `json:"items"`
		}
	}
	huma.Register(api, op("useful-cases", http.MethodGet, "/api/v1/cases/useful", "The month's most useful cases (top 10)", 422),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Month string `query:"month" doc:"2026-11; this month when left out"`
		}) (*usefulOut, error) {
			m := in.Month
			if m == "" {
				m = s.Now().UTC().Format("2006-01")
			}
			items, err := s.Useful(ctx, p, m)
			if err != nil {
				return nil, err
			}
			out := &usefulOut{}
			out.Body.Month, out.Body.Items = m, items
			return out, nil
		}))
	huma.Register(api, op("cases-due-review", http.MethodGet, "/api/v1/cases/due-review", "Published cases past their review-by date (HR)"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Page     int `query:"page" minimum:"1" maximum:"1000000" default:"1"`
			PageSize int `query:"page_size" minimum:"1" maximum:"100" default:"20"`
		}) (*pageOut, error) {
			items, total, err := s.DueReview(ctx, p, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			return pageOf(items, total, in.Page, in.PageSize), nil
		}))
	type optionsOut struct {
		Body struct {
			BusinessLines []Option `json:"business_lines"`
			CustomerTypes []Option `json:"customer_types"`
			Tags          []string `json:"tags" doc:"the most used tags of published cases"`
		}
	}
	huma.Register(api, op("case-options", http.MethodGet, "/api/v1/cases/options", "Business lines, customer types and popular tags"),
		access.Signed(func(ctx context.Context, p *access.Principal, _ *struct{}) (*optionsOut, error) {
			tags, err := s.PopularTags(ctx, p)
			if err != nil {
				return nil, err
			}
			out := &optionsOut{}
			out.Body.BusinessLines, out.Body.CustomerTypes, out.Body.Tags = BusinessLines, CustomerTypes, tags
			return out, nil
		}))
	type piiOut struct {
		Body struct {
			Findings []pii.Finding `json:"findings"`
		}
	}
	huma.Register(api, op("case-pii-check", http.MethodPost, "/api/v1/cases/pii-check", "Find personal data in a text (nothing is stored)"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			Body struct {
				Text string `json:"text" maxLength:"20000"`
			}
		}) (*piiOut, error) {
			if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
				return nil, err
			}
			out := &piiOut{}
			out.Body.Findings = pii.Find(in.Body.Text)
			if out.Body.Findings == nil {
				out.Body.Findings = []pii.Finding{}
			}
			return out, nil
		}))

	// The editor's preview goes through the renderer the case page uses, after
	// the masking a save applies, so what the author sees is what is stored.
	type previewOut struct {
		Body struct {
			HTML map[string]string `json:"html" doc:"each section rendered to sanitized HTML"`
		}
	}
	preview := op("case-preview", http.MethodPost, "/api/v1/cases/preview", "Render the editor's sections as the case page will (nothing is stored)", 422)
	preview.MaxBodyBytes = 1 << 20
	huma.Register(api, preview, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		Body struct {
			Situation string `json:"situation,omitempty" maxLength:"20000"`
			Actions   string `json:"actions,omitempty" maxLength:"20000"`
			Outcome   string `json:"outcome,omitempty" maxLength:"20000"`
			Lesson    string `json:"lesson,omitempty" maxLength:"20000"`
		}
	}) (*previewOut, error) {
		if err := s.Guard.Can(ctx, p, PermWrite); err != nil {
			return nil, err
		}
		b := in.Body
		out := &previewOut{}
		out.Body.HTML = map[string]string{}
		for name, text := range map[string]string{"situation": b.Situation, "actions": b.Actions, "outcome": b.Outcome, "lesson": b.Lesson} {
			out.Body.HTML[name] = RenderHTML(pii.Mask(text))
		}
		return out, nil
	}))

	type savedOut struct{ Body Saved }
	create := op("create-case", http.MethodPost, "/api/v1/cases", "Write a new case (a draft); personal data is masked", 422)
	create.MaxBodyBytes = 1 << 20
	huma.Register(api, create, access.Signed(func(ctx context.Context, p *access.Principal, in *struct{ Body CaseIn }) (*savedOut, error) {
		c, err := s.Create(ctx, p, in.Body)
		if err != nil {
			return nil, err
		}
		return &savedOut{*c}, nil
	}))
	update := op("update-case", http.MethodPut, "/api/v1/cases/{id}", "Save an edit of one's draft or returned case (409 when stale)", 409, 422)
	update.MaxBodyBytes = 1 << 20
	huma.Register(api, update, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		ID   int64 `path:"id" minimum:"1"`
		Body struct {
			CaseIn
			Revision int `json:"revision" minimum:"1" doc:"the revision the edit started from"`
		}
	}) (*savedOut, error) {
		c, err := s.Update(ctx, p, in.ID, in.Body.Revision, in.Body.CaseIn)
		if err != nil {
			return nil, err
		}
		return &savedOut{*c}, nil
	}))
	huma.Register(api, op("get-case", http.MethodGet, "/api/v1/cases/{id}", "A whole case, rendered, with what the caller may do"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *idIn) (*detailOut, error) {
			d, err := s.Get(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &detailOut{*d}, nil
		}))
	s.workflowRoutes(api)
	s.revisionRoutes(api)
	s.sessionRoutes(api)
}
