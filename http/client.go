package http

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// Client talks to a Bearing server's API; the command line uses it, and so
// can any Go program. Errors come back as *bearing.Error with the server's
// message and field errors.
type Client struct {
	URL   string // e.g. http://127.0.0.1:8080
	Token string
	HTTP  *http.Client
}

// NewClient returns a client for the server at baseURL.
func NewClient(baseURL, token string) *Client {
	return &Client{URL: strings.TrimRight(baseURL, "/"), Token: token, HTTP: &http.Client{Timeout: 30 * time.Second}}
}

// ClientDecision is a decision as the API returns it.
type ClientDecision struct {
	bearing.Decision
	Key        string   `json:"key"`
	Owners     []string `json:"owners"`
	Incomplete string   `json:"incomplete"`
	URL        string   `json:"url"`
}

// DecisionList is one page of decisions from the API.
type DecisionList struct {
	Decisions  []ClientDecision `json:"decisions"`
	Total      int              `json:"total"`
	NextCursor string           `json:"next_cursor"`
}

// ListDecisions calls GET /api/v1/decisions with the given query parameters.
func (c *Client) ListDecisions(ctx context.Context, q url.Values) (*DecisionList, error) {
	var out DecisionList
	return &out, c.do(ctx, http.MethodGet, "/api/v1/decisions?"+q.Encode(), nil, nil, &out)
}

// GetDecision calls GET /api/v1/decisions/{ref}.
func (c *Client) GetDecision(ctx context.Context, ref string) (*ClientDecision, error) {
	var out ClientDecision
	return &out, c.do(ctx, http.MethodGet, "/api/v1/decisions/"+url.PathEscape(ref), nil, nil, &out)
}

// CreateDecision calls POST /api/v1/decisions with a JSON body of fields.
func (c *Client) CreateDecision(ctx context.Context, fields map[string]any) (*ClientDecision, error) {
	var out ClientDecision
	return &out, c.do(ctx, http.MethodPost, "/api/v1/decisions", fields, nil, &out)
}

// UpdateDecision calls PATCH /api/v1/decisions/{ref} for the given version.
func (c *Client) UpdateDecision(ctx context.Context, ref string, version int, fields map[string]any) (*ClientDecision, error) {
	var out ClientDecision
	h := http.Header{"If-Match": {strconv.Quote(strconv.Itoa(version))}}
	return &out, c.do(ctx, http.MethodPatch, "/api/v1/decisions/"+url.PathEscape(ref), fields, h, &out)
}

// SetStatus calls POST /api/v1/decisions/{ref}/status.
func (c *Client) SetStatus(ctx context.Context, ref, status, reason string) (*ClientDecision, error) {
	var out ClientDecision
	return &out, c.do(ctx, http.MethodPost, "/api/v1/decisions/"+url.PathEscape(ref)+"/status",
		map[string]string{"status": status, "reason": reason}, nil, &out)
}

// History calls GET /api/v1/decisions/{ref}/history.
func (c *Client) History(ctx context.Context, ref string) ([]bearing.Event, error) {
	var out struct {
		Events []bearing.Event `json:"events"`
	}
	return out.Events, c.do(ctx, http.MethodGet, "/api/v1/decisions/"+url.PathEscape(ref)+"/history", nil, nil, &out)
}

// do sends one request and decodes the JSON answer into out, or the
// problem document into a *bearing.Error.
func (c *Client) do(ctx context.Context, method, path string, body any, h http.Header, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.URL+path, rd)
	if err != nil {
		return err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("cannot reach the Bearing server at %s: %w", c.URL, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotModified {
		return errNotModified
	}
	if resp.StatusCode >= 400 {
		return problemError(resp.StatusCode, data)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(data, out)
}

// problemError turns a problem+json answer back into a domain error.
func problemError(status int, data []byte) error {
	var p problem
	if err := json.Unmarshal(data, &p); err != nil || p.Code == "" {
		return &bearing.Error{Code: bearing.EINTERNAL, Message: fmt.Sprintf("the server answered %d %s", status, http.StatusText(status))}
	}
	if status == http.StatusPreconditionFailed {
		p.Code = bearing.ECONFLICT
	}
	return &bearing.Error{Code: p.Code, Message: p.Detail, Fields: p.Errors}
}

// Ask calls GET /api/v1/ask.
func (c *Client) Ask(ctx context.Context, q string) (*bearing.Answer, error) {
	var out bearing.Answer
	return &out, c.do(ctx, http.MethodGet, "/api/v1/ask?q="+url.QueryEscape(q), nil, nil, &out)
}

// Policy calls GET /api/v1/policy.
func (c *Client) Policy(ctx context.Context) (*bearing.Policy, error) {
	var out bearing.Policy
	return &out, c.do(ctx, http.MethodGet, "/api/v1/policy", nil, nil, &out)
}

// PolicyIfChanged fetches the policy unless its hash is still etag; it
// returns nil, nil when the server answers 304 Not Modified.
func (c *Client) PolicyIfChanged(ctx context.Context, etag string) (*bearing.Policy, error) {
	var out bearing.Policy
	h := http.Header{}
	if etag != "" {
		h.Set("If-None-Match", `"`+etag+`"`)
	}
	err := c.do(ctx, http.MethodGet, "/api/v1/policy", nil, h, &out)
	if errors.Is(err, errNotModified) {
		return nil, nil
	}
	return &out, err
}

// SubmitReport calls POST /api/v1/reports and says whether the report was new.
func (c *Client) SubmitReport(ctx context.Context, r *bearing.Report) (bool, error) {
	var out struct {
		Created bool `json:"created"`
	}
	err := c.do(ctx, http.MethodPost, "/api/v1/reports", r, nil, &out)
	return out.Created, err
}

// errNotModified is returned by do for 304 answers.
var errNotModified = errors.New("not modified")
