package http

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/bearingorg/bearing"
)

//go:embed templates
var templateFS embed.FS

// templates holds one parsed template set per page: the layout, every
// partial, and the page itself, parsed once at start-up so a broken template
// fails the start, not a request.
type templates struct {
	pages map[string]*template.Template
}

func loadTemplates(a *assets) (*templates, error) {
	md := newMarkdown()
	funcs := template.FuncMap{
		"asset":    a.url,
		"markdown": md.render,
		"date":     formatDate,
		"datetime": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
		"ago":      ago,
		"join":     strings.Join,
		"lines":    func(ss []string) string { return strings.Join(ss, "\n") },
		"csv":      func(ss []string) string { return strings.Join(ss, ", ") },
		"fieldErr": fieldErr,
		"hasErr":   func(fe []bearing.FieldError, name string) bool { return fieldErr(fe, name) != "" },
		"atLeast":  func(u *bearing.User, r string) bool { return u != nil && u.Role.AtLeast(bearing.Role(r)) },
		"add":      func(a, b int) int { return a + b },
		"diff":     diffLines,
		"label":    fieldLabel,
		"trend":    trendSVG,
		"left":     func(a *bearing.Adoption) [2]int { n, t := a.Left(); return [2]int{n, t} },
	}
	partials, err := fs.Glob(templateFS, "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	pages, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]*template.Template{}}
	for _, p := range pages {
		files := append([]string{"templates/layout.html", p}, partials...)
		tmpl, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, files...)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", p, err)
		}
		t.pages[strings.TrimSuffix(path.Base(p), ".html")] = tmpl
	}
	return t, nil
}

// page is what every template receives: the signed-in user, the page's own
// data, and flash-style notices.
type page struct {
	Title  string
	User   *bearing.User
	Path   string
	Notice string
	Data   any
}

// render writes a page with status 200.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name, title string, data any) {
	s.renderPage(w, r, http.StatusOK, name, &page{Title: title, Data: data})
}

// renderStatus writes a page with another status (errors, forms with errors).
func (s *Server) renderStatus(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	title := http.StatusText(status)
	if status == http.StatusOK {
		title = ""
	}
	s.renderPage(w, r, status, name, &page{Title: title, Data: data})
}

func (s *Server) renderPage(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	tmpl, ok := s.tmpl.pages[name]
	if !ok {
		panic("unknown page template " + name)
	}
	p.User = bearing.UserFromContext(r.Context())
	p.Path = r.URL.Path
	if p.Notice == "" {
		p.Notice = r.URL.Query().Get("notice")
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, p); err != nil {
		s.Logger.Error("render", "page", name, "err", err)
		http.Error(w, "Internal error while rendering the page.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func formatDate(v any) string {
	switch d := v.(type) {
	case bearing.Date:
		return d.String()
	case time.Time:
		return d.UTC().Format("2006-01-02")
	case *time.Time:
		if d == nil {
			return ""
		}
		return d.UTC().Format("2006-01-02")
	}
	return fmt.Sprint(v)
}

func ago(t time.Time) string {
	d := time.Since(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	case d < 60*24*time.Hour:
		return fmt.Sprintf("%d days ago", int(d.Hours()/24))
	}
	return t.UTC().Format("2 Jan 2006")
}

func fieldErr(fe []bearing.FieldError, name string) string {
	var msgs []string
	for _, f := range fe {
		if f.Field == name || strings.HasPrefix(f.Field, name+"[") || strings.HasPrefix(f.Field, name+".") {
			msg := f.Message
			if f.Field != name {
				msg = strings.TrimPrefix(f.Field, name) + ": " + msg
			}
			msgs = append(msgs, msg)
		}
	}
	return strings.Join(msgs, "; ")
}

// fieldLabel turns an API field name into words for people.
func fieldLabel(field string) string {
	switch field {
	case "donts":
		return "don't"
	case "dos":
		return "do"
	case "signed":
		return "signed as owner"
	}
	return strings.ReplaceAll(field, "_", " ")
}
