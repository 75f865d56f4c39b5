package feedback

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/servicestar/servicestar/app/access"
	"github.com/servicestar/servicestar/app/apperr"
	"github.com/servicestar/servicestar/app/httpctx"
)

// UploadPath is read as a stream: server lists it in web.Options.StreamedPaths.
const UploadPath = "/api/v1/feedback/imports"

func (s *Service) importRoutes(api huma.API) {
	type importsOut struct {
		Body ImportPage
	}
	huma.Register(api, op("list-feedback-imports", http.MethodGet, UploadPath, "Imports, newest first"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *pageIn) (*importsOut, error) {
			items, total, err := s.Imports(ctx, p, in.Page, in.PageSize)
			if err != nil {
				return nil, err
			}
			out := &importsOut{}
			out.Body.Items, out.Body.Total = items, total
			return out, nil
		}))
	huma.Register(api, op("get-feedback-import", http.MethodGet, UploadPath+"/{id}", "One import with its row-by-row report"),
		access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
			ID int64 `path:"id" minimum:"1"`
		}) (*struct{ Body Import }, error) {
			imp, err := s.GetImport(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &struct{ Body Import }{*imp}, nil
		}))

	// The upload declares no body to huma, which therefore reads none: the
	// handler reads the multipart stream itself, a megabyte at a time.
	up := op("upload-feedback-file", http.MethodPost, UploadPath, "Upload a .csv (UTF-8 or GBK) or .xlsx file; it is imported by a background job", 413, 422)
	up.DefaultStatus = http.StatusAccepted
	type uploadOut struct {
		Body struct {
			Import Import `json:"import"`
			JobID  int64  `json:"job_id"`
		}
	}
	huma.Register(api, up, access.Signed(func(ctx context.Context, p *access.Principal, in *struct {
		Kind     string `query:"kind" enum:"feedback,results" default:"feedback"`
		Source   string `query:"source" maxLength:"64" required:"true"`
		Encoding string `query:"encoding" enum:"utf-8,gbk,auto," doc:"empty: the source's saved encoding, else utf-8"`
	}) (*uploadOut, error) {
		if err := s.Guard.Can(ctx, p, PermImport); err != nil {
			return nil, err
		}
		part, err := filePart(ctx)
		if err != nil {
			return nil, err
		}
		imp, job, err := s.Upload(ctx, p, UploadIn{Kind: in.Kind, Source: in.Source, Encoding: in.Encoding, Filename: part.FileName()}, part)
		if err != nil {
			return nil, err
		}
		out := &uploadOut{}
		out.Body.Import, out.Body.JobID = *imp, job
		return out, nil
	}))
	// Documented only after registering: declared before, huma would read
	// and decode the body itself.
	if item := api.OpenAPI().Paths[UploadPath]; item != nil && item.Post != nil {
		item.Post.RequestBody = &huma.RequestBody{Required: true, Content: map[string]*huma.MediaType{"multipart/form-data": {Schema: &huma.Schema{
			Type: "object", Required: []string{"file"}, Properties: map[string]*huma.Schema{"file": {Type: "string", Format: "binary"}}}}}}
	}
}

// filePart finds the part named "file" in the request's multipart stream.
func filePart(ctx context.Context) (*multipart.Part, error) {
	missing := apperr.Invalid(apperr.Field{Location: "body.file", Message: "send the file as the multipart field \"file\""})
	c := httpctx.Fiber(ctx)
	if c == nil {
		return nil, missing
	}
	_, params, err := mime.ParseMediaType(string(c.Request().Header.ContentType()))
	if err != nil || params["boundary"] == "" {
		return nil, missing
	}
	body := c.Context().RequestBodyStream()
	if body == nil {
		return nil, missing
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil, missing
		}
		if err != nil {
			return nil, missing
		}
		if part.FormName() == "file" {
			return part, nil
		}
	}
}
