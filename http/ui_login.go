package http

import (
	"net/http"
	"strings"

	"github.com/bearingorg/bearing"
)

// loginPage is the data of the sign-in page.
type loginPage struct {
	Email string
	Next  string
	Error string
}

// handleLoginPage serves GET /login. Someone already signed in sees the
// form too, to switch accounts.
func (s *Server) handleLoginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "login", "Sign in", &loginPage{Next: r.URL.Query().Get("next")})
}

// handleLogin serves POST /login: checks the password, ends any session the
// browser had (so a planted session id is never promoted) and starts a new one.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	email, password := strings.TrimSpace(r.PostFormValue("email")), r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	u, err := s.Users.Authenticate(r.Context(), email, password)
	if err != nil {
		status := ErrorStatus(bearing.ErrorCode(err))
		s.renderPage(w, r, status, "login", &page{Title: "Sign in",
			Data: &loginPage{Email: email, Next: next, Error: bearing.ErrorMessage(err)}})
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.auth.forget("s" + c.Value)
		s.Users.DeleteSession(r.Context(), c.Value)
	}
	secret, err := s.Users.CreateSession(r.Context(), u.ID, s.SessionTTL)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.SecureCookie, MaxAge: int(s.SessionTTL.Seconds())})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// handleLogout serves POST /logout.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		s.auth.forget("s" + c.Value)
		s.Users.DeleteSession(r.Context(), c.Value)
	}
	s.clearSessionCookie(w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: s.SecureCookie, MaxAge: -1})
}

// safeNext keeps redirects after sign-in on this site: only local paths.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
