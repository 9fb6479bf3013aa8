// Package http serves Bearing over HTTP: the server-rendered web UI, the JSON
// API under /api/v1, and the Go client the command line uses to talk to it.
// Handlers translate between HTTP and the domain services; they hold no
// business rules of their own.
package http

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/bearingorg/bearing"
)

// Server is Bearing's HTTP server. Fill in the services and options, then
// call Open.
type Server struct {
	Services
	Addr         string
	Logger       *slog.Logger
	Ping         func(context.Context) error // readiness of the database
	SecureCookie bool                        // set the Secure flag on cookies (behind HTTPS)
	SessionTTL   time.Duration

	ln      net.Listener
	server  *http.Server
	handler http.Handler
	routes  []Route
	auth    *authCache
	tmpl    *templates
	assets  *assets
}

// Route is one registered route and the weakest role allowed to use it; the
// table is what the OpenAPI and access-control tests check against.
type Route struct {
	Pattern string
	Role    bearing.Role // "" = anyone, signed in or not
}

// Services are the domain services the server exposes.
type Services struct {
	Users        bearing.UserService
	Decisions    bearing.DecisionService
	Technologies bearing.TechnologyService
	Guidelines   bearing.GuidelineService
	Exceptions   bearing.ExceptionService
	Policy       bearing.PolicyService
	Reports      bearing.ReportService
}

// NewServer returns a server with its routes registered, ready for Open or
// for use as an http.Handler in tests.
func NewServer(svc Services, logger *slog.Logger) (*Server, error) {
	s := &Server{Services: svc, Logger: logger, SessionTTL: 30 * 24 * time.Hour, auth: newAuthCache()}
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.tmpl, err = loadTemplates(s.assets); err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	s.registerRoutes(mux)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Error(w, r, bearing.Errorf(bearing.EFORBIDDEN, "Cross-origin request refused: state changes must come from Bearing's own pages or from a client without a browser origin."))
	}))
	s.handler = s.recoverPanics(s.logRequests(securityHeaders(cop.Handler(s.authenticate(mux)))))
	return s, nil
}

// Routes returns every registered route.
func (s *Server) Routes() []Route { return s.routes }

// ServeHTTP makes the server usable with httptest.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Open starts listening on Addr and serving in the background.
func (s *Server) Open() (err error) {
	if s.ln, err = net.Listen("tcp", s.Addr); err != nil {
		return err
	}
	s.server = &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	go func() {
		if err := s.server.Serve(s.ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.Logger.Error("serve", "err", err)
		}
	}()
	return nil
}

// URL returns the address the server listens on, e.g. http://127.0.0.1:8080.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Close stops accepting requests and waits up to ten seconds for those in
// flight to finish.
func (s *Server) Close() error {
	if s.server == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return s.server.Shutdown(ctx)
}

// route registers a handler behind the role check.
func (s *Server) route(mux *http.ServeMux, pattern string, role bearing.Role, h http.HandlerFunc) {
	s.routes = append(s.routes, Route{Pattern: pattern, Role: role})
	mux.Handle(pattern, s.requireRole(role, h))
}

// registerRoutes is the whole URL space of Bearing in one place.
func (s *Server) registerRoutes(mux *http.ServeMux) {
	v, m := bearing.RoleViewer, bearing.RoleMember
	// JSON API.
	s.route(mux, "GET /api/v1/openapi.json", "", s.handleOpenAPI)
	s.route(mux, "GET /api/v1/me", v, s.handleAPIMe)
	s.route(mux, "GET /api/v1/decisions", v, s.handleAPIDecisionList)
	s.route(mux, "POST /api/v1/decisions", m, s.handleAPIDecisionCreate)
	s.route(mux, "GET /api/v1/decisions/{id}", v, s.handleAPIDecisionShow)
	s.route(mux, "PATCH /api/v1/decisions/{id}", m, s.handleAPIDecisionUpdate)
	s.route(mux, "POST /api/v1/decisions/{id}/status", m, s.handleAPIDecisionStatus)
	s.route(mux, "POST /api/v1/decisions/{id}/ownership", v, s.handleAPIDecisionOwnership)
	s.route(mux, "POST /api/v1/decisions/{id}/supersede", bearing.RoleDNA, s.handleAPIDecisionSupersede)
	s.route(mux, "GET /api/v1/decisions/{id}/history", v, s.handleAPIDecisionHistory)
	dna := bearing.RoleDNA
	s.route(mux, "GET /api/v1/technologies", v, s.handleAPITechnologyList)
	s.route(mux, "POST /api/v1/technologies", dna, s.handleAPITechnologyCreate)
	s.route(mux, "GET /api/v1/technologies/{id}", v, s.handleAPITechnologyShow)
	s.route(mux, "PATCH /api/v1/technologies/{id}", dna, s.handleAPITechnologyUpdate)
	s.route(mux, "POST /api/v1/technologies/{id}/ring", dna, s.handleAPITechnologyRing)
	s.route(mux, "GET /api/v1/technologies/{id}/history", v, s.handleAPITechnologyHistory)
	s.route(mux, "GET /api/v1/radar/config", v, s.handleAPIRadarConfig)
	s.route(mux, "PUT /api/v1/radar/config", dna, s.handleAPIRadarConfigUpdate)
	s.route(mux, "GET /api/v1/radar/backstage.json", v, s.handleAPIBackstage)
	s.route(mux, "GET /api/v1/radar/editions", v, s.handleAPIEditionList)
	s.route(mux, "POST /api/v1/radar/editions", dna, s.handleAPIEditionCreate)
	s.route(mux, "GET /api/v1/radar/editions/{id}", v, s.handleAPIEditionShow)
	s.route(mux, "GET /api/v1/guidelines", v, s.handleAPIGuidelineList)
	s.route(mux, "POST /api/v1/guidelines", dna, s.handleAPIGuidelineCreate)
	s.route(mux, "GET /api/v1/guidelines/{id}", v, s.handleAPIGuidelineShow)
	s.route(mux, "PATCH /api/v1/guidelines/{id}", dna, s.handleAPIGuidelineUpdate)
	s.route(mux, "GET /api/v1/exceptions", v, s.handleAPIExceptionList)
	s.route(mux, "POST /api/v1/exceptions", m, s.handleAPIExceptionCreate)
	s.route(mux, "GET /api/v1/exceptions/{id}", v, s.handleAPIExceptionShow)
	s.route(mux, "POST /api/v1/exceptions/{id}/decision", dna, s.handleAPIExceptionDecision)
	s.route(mux, "POST /api/v1/exceptions/{id}/revoke", dna, s.handleAPIExceptionRevoke)
	s.route(mux, "POST /api/v1/reports", m, s.handleAPIReportCreate)
	s.route(mux, "GET /api/v1/reports", v, s.handleAPIReportList)
	s.route(mux, "GET /api/v1/adoption", v, s.handleAPIAdoption)
	s.route(mux, "GET /api/v1/repo-adrs", v, s.handleAPIRepoADRs)
	s.route(mux, "GET /api/v1/ask", v, s.handleAPIAsk)
	s.route(mux, "GET /api/v1/policy", v, s.handleAPIPolicy)
	s.route(mux, "/api/", "", s.handleAPINotFound)

	// Web UI.
	s.route(mux, "GET /static/{file...}", "", s.handleStatic)
	s.route(mux, "GET /healthz", "", s.handleHealthz)
	s.route(mux, "GET /readyz", "", s.handleReadyz)
	s.route(mux, "GET /login", "", s.handleLoginPage)
	s.route(mux, "POST /login", "", s.handleLogin)
	s.route(mux, "POST /logout", "", s.handleLogout)
	s.route(mux, "GET /{$}", v, s.handleHome)
	s.route(mux, "GET /decisions", v, s.handleDecisionList)
	s.route(mux, "GET /decisions/new", m, s.handleDecisionNew)
	s.route(mux, "POST /decisions", m, s.handleDecisionCreate)
	s.route(mux, "GET /decisions/{ref}", v, s.handleDecisionShow)
	s.route(mux, "GET /decisions/{ref}/edit", m, s.handleDecisionEdit)
	s.route(mux, "POST /decisions/{ref}/edit", m, s.handleDecisionUpdate)
	s.route(mux, "POST /decisions/{ref}/status", m, s.handleDecisionStatus)
	s.route(mux, "POST /decisions/{ref}/ownership", v, s.handleDecisionOwnership)
	s.route(mux, "POST /decisions/{ref}/supersede", bearing.RoleDNA, s.handleDecisionSupersede)
	s.route(mux, "GET /decisions/{ref}/history", v, s.handleDecisionHistory)
	s.route(mux, "GET /ask", v, s.handleAsk)
	s.route(mux, "GET /adoption", v, s.handleAdoption)
	s.route(mux, "GET /teams", v, s.handleTeams)
	s.route(mux, "GET /teams/{slug}", v, s.handleTeam)
	s.route(mux, "GET /decisions/repos", v, s.handleRepoADRs)
	s.route(mux, "GET /radar", v, s.handleRadar)
	s.route(mux, "GET /radar/{slug}", v, s.handleTechnology)
	s.route(mux, "POST /radar/{slug}/ring", dna, s.handleTechnologyMove)
	s.route(mux, "GET /guidelines", v, s.handleGuidelines)
	s.route(mux, "GET /guidelines/{key}", v, s.handleGuideline)
	s.route(mux, "GET /dont", v, s.handleDont)
	s.route(mux, "GET /exceptions", v, s.handleExceptions)
	s.route(mux, "GET /exceptions/new", m, s.handleExceptionNew)
	s.route(mux, "POST /exceptions", m, s.handleExceptionCreate)
	s.route(mux, "GET /exceptions/{key}", v, s.handleException)
	s.route(mux, "POST /exceptions/{key}/decision", dna, s.handleExceptionDecide)
	s.route(mux, "POST /exceptions/{key}/revoke", dna, s.handleExceptionDecide)
	s.route(mux, "/", "", s.handleNotFound)
}
