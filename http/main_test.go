package http_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/bearingorg/bearing"
	bhttp "github.com/bearingorg/bearing/http"
	"github.com/bearingorg/bearing/sqldb"
	"github.com/bearingorg/bearing/sqldb/sqldbtest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	sqldbtest.Cleanup()
	os.Exit(code)
}

// env is a running server on a fresh database with one user per role and
// an API token for each.
type env struct {
	t      *testing.T
	db     *sqldb.DB
	srv    *bhttp.Server
	ts     *httptest.Server
	tokens map[string]string // role → token
	users  map[string]*bearing.User
}

func newEnv(t *testing.T) *env {
	t.Helper()
	db := sqldbtest.Open(t, "sqlite")
	users := sqldb.NewUserService(db)
	srv, err := bhttp.NewServer(services(db), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, srv: srv, tokens: map[string]string{}, users: map[string]*bearing.User{}}
	sys := sqldb.SystemContext(context.Background())
	for _, r := range []string{"viewer", "member", "dna", "admin", "other"} {
		role := bearing.Role(r)
		if r == "other" {
			role = bearing.RoleMember
		}
		u := &bearing.User{Email: r + "@example.com", Name: strings.ToUpper(r[:1]) + r[1:], Role: role}
		if err := users.CreateUser(sys, u, "password-"+r); err != nil {
			t.Fatal(err)
		}
		tok, _, err := users.CreateToken(sys, u.ID, "test")
		if err != nil {
			t.Fatal(err)
		}
		e.tokens[r], e.users[r] = tok, u
	}
	e.ts = httptest.NewServer(srv)
	t.Cleanup(e.ts.Close)
	return e
}

// do sends a request as the role ("" = anonymous) and returns status and body.
func (e *env) do(method, path, role, body string, headers ...string) (int, string, http.Header) {
	e.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, _ := http.NewRequest(method, e.ts.URL+path, rd)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[role])
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := e.ts.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// services wires every storage service over db, as cmd/bearing does.
func services(db *sqldb.DB) bhttp.Services {
	return bhttp.Services{Users: sqldb.NewUserService(db), Decisions: sqldb.NewDecisionService(db),
		Technologies: sqldb.NewTechnologyService(db), Guidelines: sqldb.NewGuidelineService(db),
		Exceptions: sqldb.NewExceptionService(db), Policy: sqldb.NewPolicyService(db, ""), Reports: sqldb.NewReportService(db)}
}
