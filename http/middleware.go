package http

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

// sessionCookie is the name of the cookie that carries a session secret.
const sessionCookie = "bearing_session"

// authenticate puts the caller's user in the request context: from a Bearer
// token (API clients and the CLI) or a session cookie (browsers). A bad
// token is refused at once; a bad cookie is cleared and the caller treated
// as anonymous, so an expired session simply leads to the sign-in page.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if h := r.Header.Get("Authorization"); h != "" {
			secret, ok := strings.CutPrefix(h, "Bearer ")
			if !ok {
				s.Error(w, r, bearing.Errorf(bearing.EUNAUTHORIZED, "Use the Authorization header as \"Bearer <token>\"."))
				return
			}
			secret = strings.TrimSpace(secret)
			u := s.auth.get("t" + secret)
			if u == nil {
				var err error
				if u, err = s.Users.FindTokenUser(ctx, secret); err != nil {
					s.Error(w, r, err)
					return
				}
				s.auth.put("t"+secret, u)
			}
			r = r.WithContext(bearing.NewContextWithUser(ctx, u))
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			u := s.auth.get("s" + c.Value)
			if u == nil {
				if u, err = s.Users.FindSessionUser(ctx, c.Value); err == nil {
					s.auth.put("s"+c.Value, u)
				}
			}
			if u != nil {
				r = r.WithContext(bearing.NewContextWithUser(ctx, u))
			} else {
				s.clearSessionCookie(w)
			}
		}
		next.ServeHTTP(w, r)
	})
}

// requireRole refuses callers weaker than role before the handler runs:
// anonymous API callers get 401, anonymous browsers the sign-in page.
func (s *Server) requireRole(role bearing.Role, h http.HandlerFunc) http.Handler {
	if role == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u := bearing.UserFromContext(r.Context())
		switch {
		case u == nil && !isAPI(r) && r.Method == http.MethodGet:
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		case u == nil:
			s.Error(w, r, bearing.Errorf(bearing.EUNAUTHORIZED, "Sign in first, or send an API token as \"Authorization: Bearer <token>\"."))
		case !u.Role.AtLeast(role):
			s.Error(w, r, bearing.Errorf(bearing.EFORBIDDEN, "This needs the %s role; you are %s.", role, u.Role))
		default:
			h(w, r)
		}
	})
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// securityHeaders sets headers that make every page safer by default: no
// framing, no content sniffing, a strict content security policy (Bearing
// loads nothing from elsewhere) and no referrer leaks.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers the status code for the access log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// logRequests writes one structured line per request with a request id,
// which is also returned to the client so a report can be matched to a log.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			id = newRequestID()
		}
		w.Header().Set("X-Request-Id", id)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		level := slog.LevelDebug
		if sw.status >= 500 {
			level = slog.LevelWarn
		}
		s.Logger.Log(r.Context(), level, "request", "id", id, "method", r.Method, "path", r.URL.Path,
			"status", sw.status, "bytes", sw.bytes, "duration_ms", float64(time.Since(start).Microseconds())/1000)
	})
}

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// recoverPanics turns a panic in a handler into a logged 500, so one bad
// request never takes the server down.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.Error(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
